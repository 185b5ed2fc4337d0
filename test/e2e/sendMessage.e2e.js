'use strict';
/**
 * Send Message in a real n8n: the packed package installed as a community package, the example
 * workflows active, the Suvvy emulator standing in for Suvvy.
 */
const { createHash } = require('node:crypto');

const { callWebhook, emulatorAdmin, postJson, routes, useStack } = require('./e2eStack');

const PNG = Buffer.from(
	'89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d4944415478da63f8cfc0f01f0005000201' + '5a4d8e6b0000000049454e44ae426082',
	'hex',
);
const OGG = Buffer.concat([Buffer.from('OggS\x00\x02', 'latin1'), Buffer.alloc(4000, 7)]);
const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

function upload(fields, files) {
	const form = new FormData();
	for (const [name, value] of Object.entries(fields)) form.append(name, value);
	for (const { field, bytes, fileName, mimeType } of files) form.append(field, new Blob([bytes], { type: mimeType }), fileName);
	return { body: form };
}

describe('Send Message in real n8n 2.41.1', () => {
	const stack = useStack();

	beforeEach(async () => {
		await emulatorAdmin(stack, 'reset', {});
		await emulatorAdmin(stack, 'state', { tokens: [stack.credential.data.token], channel_enabled: true, balance: 100 });
	});

	test('loads the package from its n8n section as a community package', () => {
		expect(stack.installed).toMatchObject({ name: 'n8n-nodes-suvvy' });
		const node = stack.workflows['webhook-to-suvvy'].nodes.find((candidate) => candidate.name === 'Suvvy');
		expect(node.type).toBe('n8n-nodes-suvvy.suvvy');
	});

	test('sends the exact bytes of a multipart upload, which n8n stored on disk, as base64 with the right file_type', async () => {
		const { answer, execution } = await callWebhook(stack, 'webhook-to-suvvy', 'suvvy-message', upload(
			{ chat_id: 'upload-1', text: 'Here is my photo and a voice note' },
			[
				{ field: 'photo', bytes: PNG, fileName: 'photo.png', mimeType: 'image/png' },
				// A bare upload often says only "application/octet-stream": the node looks at the bytes.
				{ field: 'voice', bytes: OGG, fileName: 'voice', mimeType: 'application/octet-stream' },
			],
		));
		expect(answer.status).toBe(200);
		expect(JSON.parse(answer.body)).toMatchObject({ outcome: 'sent', chat_id: 'upload-1' });

		const stored = execution.data.resultData.runData['Customer Message'][0].data.main[0][0].binary;
		expect(stored.photo.id).toMatch(/^filesystem/);
		expect(stored.voice.id).toMatch(/^filesystem/);

		const { messages } = await emulatorAdmin(stack, 'messages?include_data=1');
		expect(messages).toHaveLength(1);
		const [message] = messages;
		expect(message.body).toMatchObject({ chat_id: 'upload-1', text: 'Here is my photo and a voice note', message_sender: 'customer', api_version: 1 });
		const byName = Object.fromEntries(message.attachments.map((attachment) => [attachment.file_name, attachment]));
		expect(byName['photo.png']).toMatchObject({ file_type: 'image', mime_type: 'image/png', sha256: sha256(PNG), data: PNG.toString('base64') });
		expect(byName.voice).toMatchObject({ file_type: 'audio', mime_type: 'audio/ogg', sha256: sha256(OGG), data: OGG.toString('base64') });

		const [route] = routes(execution);
		expect(route.output).toBe('Sent');
		expect(route.pairedItem).toEqual({ item: 0 });
		expect(route.json.attachments).toEqual([
			{ file_name: 'photo.png', file_type: 'image', mime_type: 'image/png', bytes: PNG.length },
			{ file_name: 'voice', file_type: 'audio', mime_type: 'audio/ogg', bytes: OGG.length },
		]);
		expect(JSON.stringify(execution.data.resultData.runData.Suvvy)).not.toContain(PNG.toString('base64'));
	});

	/** Each scenario is one real execution of the example; the channel is set up as the case needs. */
	const scenarios = [
		{ output: 'Sent', request: postJson({ chat_id: 'ok', text: 'Hello' }) },
		{ output: 'Invalid Token', channel: { tokens: ['dummy-rotated-token'] }, request: postJson({ chat_id: 'c', text: 'Hi' }) },
		{ output: 'Negative Balance', channel: { balance: -3 }, request: postJson({ chat_id: 'c', text: 'Hi' }) },
		{
			output: 'Unsupported File',
			// Declared as PNG, but the bytes are text: the node trusts the label, Suvvy checks the bytes.
			request: upload({ chat_id: 'c', text: 'A photo' }, [{ field: 'photo', bytes: Buffer.from('not really a picture'), fileName: 'fake.png', mimeType: 'image/png' }]),
			foundLocally: false,
		},
		{ output: 'Validation Error', request: postJson({ chat_id: 'c', text: '' }), foundLocally: true },
		{ output: 'Channel Disabled', channel: { channel_enabled: false }, request: postJson({ chat_id: 'c', text: 'Hi' }) },
		{
			output: 'Other Error',
			script: { chat_id: 'outage', status: 502, body: '<html><body>502 Bad Gateway</body></html>', content_type: 'text/html' },
			request: postJson({ chat_id: 'outage', text: 'Hi' }),
		},
	];

	test.each(scenarios)('routes the item to $output, paired with its input item', async (scenario) => {
		if (scenario.channel) await emulatorAdmin(stack, 'state', scenario.channel);
		if (scenario.script) await emulatorAdmin(stack, 'answers', scenario.script);
		const { answer, execution } = await callWebhook(stack, 'webhook-to-suvvy', 'suvvy-message', scenario.request);

		const taken = routes(execution);
		expect(taken.map((route) => route.output)).toEqual([scenario.output]);
		expect(taken[0].pairedItem).toEqual({ item: 0 });
		expect(execution.status).toBe('success');
		const handler = `On ${scenario.output}`;
		expect(execution.data.resultData.runData[handler]).toHaveLength(1);
		expect(JSON.parse(answer.body).outcome).toBeDefined();
		if (scenario.output !== 'Sent') {
			expect(taken[0].json.error_code).toEqual(expect.any(String));
			expect(taken[0].json.message).toEqual(expect.any(String));
		}
		if (scenario.foundLocally !== undefined) expect(taken[0].json.found_locally).toBe(scenario.foundLocally);
		const stats = await emulatorAdmin(stack, 'stats');
		expect(stats.stored).toBe(scenario.output === 'Sent' ? 1 : 0);
	});

	test('a batch of items leaves by their own outputs in one execution, each paired with its input', async () => {
		await emulatorAdmin(stack, 'answers', { chat_id: 'chat-down', status: 503, body: { detail: 'Service Unavailable' } });
		const { execution } = await callWebhook(stack, 'batch-to-suvvy', 'suvvy-batch', postJson({
			messages: [
				{ chat_id: 'chat-a', text: 'first' },
				{ chat_id: 'chat-down', text: 'second' },
				{ chat_id: 'chat-b', text: '' },
				{ chat_id: 'chat-a', text: 'fourth' },
			],
		}));
		const taken = routes(execution).map(({ output, pairedItem, json }) => ({ output, pairedItem, chat: json.chat_id }));
		expect(taken).toEqual([
			{ output: 'Sent', pairedItem: { item: 0 }, chat: 'chat-a' },
			{ output: 'Sent', pairedItem: { item: 3 }, chat: 'chat-a' },
			{ output: 'Validation Error', pairedItem: { item: 2 }, chat: 'chat-b' },
			{ output: 'Other Error', pairedItem: { item: 1 }, chat: 'chat-down' },
		]);
		const { messages } = await emulatorAdmin(stack, 'messages');
		expect(messages.map((message) => message.body.text)).toEqual(['first', 'fourth']);
	});

	describe("the credential test through n8n's REST API", () => {
		async function testToken(name, data) {
			const credential = await stack.api.createCredential({ name, type: 'suvvyApi', data });
			return stack.api.testCredential({ ...credential, data });
		}

		test('passes with the good token', async () => {
			const result = await stack.api.testCredential(stack.credential);
			expect(result).toEqual({ status: 'OK', message: 'Connection successful: Suvvy accepted the token' });
			expect((await emulatorAdmin(stack, 'stats')).stored).toBe(0);
		});

		test('fails with a wrong token, saying so', async () => {
			const result = await testToken('Wrong token', { token: 'dummy-wrong-token', baseUrl: stack.emulator.url });
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(/invalid token/);
		});

		test('fails clearly when nothing answers at the base URL', async () => {
			const result = await testToken('Nobody home', { token: 'dummy-token', baseUrl: 'http://127.0.0.1:9' });
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(/^Could not reach Suvvy at http:\/\/127\.0\.0\.1:9/);
		});
	});
});
