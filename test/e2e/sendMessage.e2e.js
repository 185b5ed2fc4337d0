'use strict';
/**
 * Send Message in a real n8n: the packed package installed as a community package, the example
 * workflows active, the Suvvy emulator standing in for Suvvy.
 */
const { createHash } = require('node:crypto');

const { freePort } = require('../../dev/harness/freePort');
const { BATCH, OGG, PNG, SCENARIOS } = require('../../dev/harness/scenarios');
const { emulatorAdmin, playBatch, playScenario, prepareChannel } = require('../../dev/harness/workflowRuns');
const { N8N_VERSION } = require('../../dev/harness/realN8n');
const { redirect, startFileServer } = require('../support/fileServer');
const { useStack } = require('./e2eStack');

const MESSAGE_PATH = '/api/webhook/custom/message';

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

describe(`Send Message in real n8n ${N8N_VERSION}`, () => {
	const stack = useStack();

	test('loads the package from its n8n section as a community package', () => {
		expect(stack.installed).toMatchObject({ name: 'n8n-nodes-suvvy' });
		const node = stack.workflows['webhook-to-suvvy'].nodes.find((candidate) => candidate.name === 'Suvvy');
		expect(node.type).toBe('n8n-nodes-suvvy.suvvy');
	});

	test('sends the exact bytes of a multipart upload, which n8n stored on disk, as base64 with the right file_type', async () => {
		const upload = SCENARIOS.find((scenario) => scenario.title.includes('uploaded'));
		const { answer, execution, taken, messages } = await playScenario(stack, upload);
		expect(answer.status).toBe(200);
		expect(JSON.parse(answer.body)).toMatchObject({ outcome: 'sent', chat_id: 'demo-upload' });

		const stored = execution.data.resultData.runData['Customer Message'][0].data.main[0][0].binary;
		expect(stored.photo.id).toMatch(/^filesystem/);
		expect(stored.voice.id).toMatch(/^filesystem/);

		expect(messages).toHaveLength(1);
		const [message] = messages;
		expect(message.body).toMatchObject({ chat_id: 'demo-upload', text: 'Here is the broken part', message_sender: 'customer', api_version: 1 });
		const byName = Object.fromEntries(message.attachments.map((attachment) => [attachment.file_name, attachment]));
		expect(byName['photo.png']).toMatchObject({ file_type: 'image', mime_type: 'image/png', sha256: sha256(PNG), data: PNG.toString('base64') });
		// The upload said only "application/octet-stream": the node told audio from the bytes.
		expect(byName.voice).toMatchObject({ file_type: 'audio', mime_type: 'audio/ogg', sha256: sha256(OGG), data: OGG.toString('base64') });

		expect(taken).toHaveLength(1);
		expect(taken[0]).toMatchObject({ output: 'Sent', pairedItem: { item: 0 } });
		// n8n keeps the files in the order its form parser finished them, which varies.
		const summaries = [...taken[0].json.attachments].sort((a, b) => a.file_name.localeCompare(b.file_name));
		expect(summaries).toEqual([
			{ file_name: 'photo.png', file_type: 'image', mime_type: 'image/png', bytes: PNG.length },
			{ file_name: 'voice', file_type: 'audio', mime_type: 'audio/ogg', bytes: OGG.length },
		]);
		expect(JSON.stringify(execution.data.resultData.runData.Suvvy)).not.toContain(PNG.toString('base64'));
	});

	test.each(SCENARIOS)('routes $title to $output, paired with its input item', async (scenario) => {
		const { answer, execution, taken, messages } = await playScenario(stack, scenario);
		expect(execution.status).toBe('success');
		expect(taken.map((route) => route.output)).toEqual([scenario.output]);
		expect(taken[0].pairedItem).toEqual({ item: 0 });
		expect(execution.data.resultData.runData[`On ${scenario.output}`]).toHaveLength(1);
		expect(JSON.parse(answer.body).outcome).toEqual(expect.any(String));
		if (scenario.output !== 'Sent') {
			expect(taken[0].json.error_code).toEqual(expect.any(String));
			expect(taken[0].json.message).toEqual(expect.any(String));
		}
		if (scenario.foundLocally !== undefined) expect(taken[0].json.found_locally).toBe(scenario.foundLocally);
		expect(messages).toHaveLength(scenario.stored ?? 0);
	});

	test('a batch of items leaves by their own outputs in one execution, each paired with its input', async () => {
		const { taken, messages } = await playBatch(stack, BATCH);
		expect(taken).toEqual(BATCH.expected);
		expect(messages.map((message) => message.body.text)).toEqual(BATCH.storedTexts);
	});

	test('with nothing answering at the base URL, the item leaves by Other Error saying why in words', async () => {
		const { credential } = stack;
		const unreachable = `http://127.0.0.1:${await freePort()}`;
		await stack.api.updateCredential(credential.id, { name: credential.name, type: credential.type, data: { ...credential.data, baseUrl: unreachable } });
		try {
			const { execution, taken } = await playScenario(stack, SCENARIOS.find((scenario) => scenario.title === 'a text message'));
			expect(execution.status).toBe('success');
			expect(taken).toEqual([expect.objectContaining({ output: 'Other Error', pairedItem: { item: 0 } })]);
			expect(taken[0].json.message).toMatch(/connection refused \(ECONNREFUSED\)/);
		} finally {
			await stack.api.updateCredential(credential.id, { name: credential.name, type: credential.type, data: credential.data });
		}
		expect((await emulatorAdmin(stack, 'stats')).requests).toBe(0);
	});

	test('with a base URL that redirects, the item leaves by Other Error and nothing reaches the target', async () => {
		const { credential } = stack;
		const [base, elsewhere] = await Promise.all([startFileServer(), startFileServer()]);
		elsewhere.serve(MESSAGE_PATH, redirect('/never'));
		base.serve(MESSAGE_PATH, redirect(`${elsewhere.url}${MESSAGE_PATH}`, 307));
		await stack.api.updateCredential(credential.id, { name: credential.name, type: credential.type, data: { ...credential.data, baseUrl: base.url } });
		try {
			const { execution, taken } = await playScenario(stack, SCENARIOS.find((scenario) => scenario.title === 'a text message'));
			expect(execution.status).toBe('success');
			expect(taken).toEqual([expect.objectContaining({ output: 'Other Error', pairedItem: { item: 0 } })]);
			expect(taken[0].json).toMatchObject({ status: 307, error_code: 'redirect_refused', attempts: 1 });
			expect(taken[0].json.message).toContain(`a redirect to ${elsewhere.url}.`);
			expect(elsewhere.requests).toEqual([]);
			expect(base.requests).toHaveLength(1);
		} finally {
			await stack.api.updateCredential(credential.id, { name: credential.name, type: credential.type, data: credential.data });
			await Promise.all([base.close(), elsewhere.close()]);
		}
	});

	describe("the credential test through n8n's REST API (n8n's own HTTP stack: its proxy and SSRF settings apply)", () => {
		async function testToken(name, data) {
			const credential = await stack.api.createCredential({ name, type: 'suvvyApi', data });
			return stack.api.testCredential({ ...credential, data });
		}

		test('passes with the good token, and creates no message', async () => {
			await prepareChannel(stack);
			const result = await stack.api.testCredential(stack.credential);
			expect(result.status).toBe('OK');
			expect((await emulatorAdmin(stack, 'stats')).stored).toBe(0);
		});

		test('fails with a wrong token, saying so', async () => {
			await prepareChannel(stack);
			const result = await testToken('Wrong token', { token: 'dummy-wrong-token', baseUrl: stack.emulator.url });
			expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/^Suvvy rejected the token: invalid token/) });
		});

		test.each([
			['a negative balance', { balance: -5 }, /^The token works, but Suvvy reports a balance below zero/],
			['a disabled channel', { channel_enabled: false }, /^The token works, but the channel is disabled in Suvvy/],
		])('fails on %s, naming it', async (_case, channel, message) => {
			await prepareChannel(stack, { channel });
			const result = await stack.api.testCredential(stack.credential);
			expect(result).toEqual({ status: 'Error', message: expect.stringMatching(message) });
		});

		test('fails when the base URL answers, but not as Suvvy', async () => {
			const result = await testToken('Not Suvvy', { token: 'dummy-token', baseUrl: `${stack.n8n.url}/healthz` });
			expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/^The base URL answered, but not as Suvvy does/) });
		});

		test('fails as not Suvvy when the base URL redirects, and the token goes nowhere else', async () => {
			const [base, elsewhere] = await Promise.all([startFileServer(), startFileServer()]);
			elsewhere.serve(MESSAGE_PATH, redirect('/never'));
			base.serve(MESSAGE_PATH, redirect(`${elsewhere.url}${MESSAGE_PATH}`, 308));
			try {
				const result = await testToken('Redirecting', { token: 'dummy-token', baseUrl: base.url });
				expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/^The base URL answered, but not as Suvvy does: .*redirects are never followed/) });
				expect(elsewhere.requests).toEqual([]);
				expect(base.requests).toHaveLength(1);
			} finally {
				await Promise.all([base.close(), elsewhere.close()]);
			}
		});

		test('fails naming the character when the token holds one no HTTP header can carry', async () => {
			const result = await testToken('Unsendable token', { token: 'dummy-\u200btoken', baseUrl: stack.emulator.url });
			expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/^The token contains U\+200B, a character outside Latin-1 at character 7, which no HTTP header can carry/) });
		});

		// n8n words a network failure of the credential test itself: 1.49.0 and 2.41.1 give the error
		// code alone, 1.123.81 a sentence of its own (1.29.1 the same, but "host(domain)" unspaced).
		test('fails naming the cause when nothing answers at the base URL', async () => {
			const baseUrl = `http://127.0.0.1:${await freePort()}`;
			const result = await testToken('Nobody home', { token: 'dummy-token', baseUrl });
			expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/^ECONNREFUSED$|^The service refused the connection/) });
		});

		test("fails naming the cause when the base URL's host name does not resolve", async () => {
			const result = await testToken('No such host', { token: 'dummy-token', baseUrl: 'https://suvvy.invalid' });
			expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/^ENOTFOUND$|incorrect host ?\(domain\)/) });
		});

		test.each([
			['http://suvvy.example.com', /must use https:\/\//],
			['https://api.suvvy.ai?tenant=1', /must not contain a query/],
			['ftp://api.suvvy.ai', /must start with https:\/\//],
		])('refuses the base URL %s before the token is sent anywhere', async (baseUrl, reason) => {
			const result = await testToken(`Refused ${baseUrl}`, { token: 'dummy-token', baseUrl });
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(reason);
		});
	});
});
