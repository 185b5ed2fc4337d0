'use strict';
/**
 * The whole conversation in a real n8n: a customer message goes out through the Suvvy node, the
 * emulator answers like Suvvy's channel would (a POST to the Suvvy Trigger's production URL), and the
 * trigger's execution holds the reply, files downloaded.
 */
const { PNG, SCENARIOS } = require('../../dev/harness/scenarios');
const { emulatorAdmin, playScenario } = require('../../dev/harness/workflowRuns');
const { N8N_VERSION } = require('../../dev/harness/realN8n');
const { useStack } = require('./e2eStack');

const withPhoto = SCENARIOS.find((scenario) => scenario.title.includes('uploaded'));
const textOnly = SCENARIOS.find((scenario) => scenario.title === 'a text message');

describe(`the reply loop in real n8n ${N8N_VERSION}: Suvvy node → emulator → Suvvy Trigger`, () => {
	const stack = useStack();
	const replies = () => stack.workflows['suvvy-replies'];

	async function executionIds() {
		return new Set((await stack.api.executions(replies().id)).map((execution) => execution.id));
	}

	async function setSecret(secret) {
		await emulatorAdmin(stack, 'state', { webhook_secret: secret });
	}

	afterEach(() => setSecret(stack.webhookSecret));

	/**
	 * Proves a refused request started nothing without waiting an arbitrary time: a reply that does
	 * start an execution follows it, and once that one has run, it must be the only new execution.
	 */
	async function expectOnlyMarkerSince(seen) {
		await setSecret(stack.webhookSecret);
		await emulatorAdmin(stack, 'deliver', {
			event_type: 'new_messages',
			chat_id: 'marker',
			new_messages: [{ type: 'text', message_sender: 'ai', text: 'marker' }],
		});
		const marker = await stack.api.nextExecution(replies().id, seen);
		expect(marker.data.resultData.runData['Suvvy Trigger'][0].data.main[0][0].json.chat_id).toBe('marker');
		expect([...(await executionIds())].filter((id) => !seen.has(id))).toEqual([marker.id]);
	}

	test("the trigger's production URL is where the emulated channel replies", async () => {
		const state = await emulatorAdmin(stack, 'state');
		expect(state.webhook_url).toBe(stack.replyUrl);
		expect(stack.replyUrl).toMatch(new RegExp(`^${stack.n8n.url}/webhook/[0-9a-f-]{36}/webhook$`));
	});

	test('with the right secret, the reply starts an execution holding its text and the downloaded file', async () => {
		const seen = await executionIds();
		await playScenario(stack, withPhoto);
		await emulatorAdmin(stack, 'idle');
		const [delivery] = (await emulatorAdmin(stack, 'deliveries')).deliveries;
		expect(delivery).toMatchObject({ event_type: 'new_messages', chat_id: 'demo-upload', status: 200, delivered: true });

		const execution = await stack.api.nextExecution(replies().id, seen);
		expect(execution.status).toBe('success');
		const items = execution.data.resultData.runData['Suvvy Trigger'][0].data.main[0];
		// What Suvvy was told, once the execution holding these items was stored.
		expect(JSON.parse(delivery.response)).toEqual({ received: true, messages: items.length });
		const byType = Object.fromEntries(items.map((item) => [item.json.type, item]));
		expect(byType.text.json).toMatchObject({
			event_type: 'new_messages',
			chat_id: 'demo-upload',
			message_sender: 'ai',
			text: 'Echo: Here is the broken part',
		});
		expect(byType.image.json.file).toMatchObject({ name: 'photo.png', mime_type: 'image/png', size_bytes: PNG.length });
		expect(byType.image.json.file_error).toBeUndefined();
		const stored = byType.image.binary.data;
		expect(stored).toMatchObject({ fileName: 'photo.png', mimeType: 'image/png' });
		expect((await stack.api.binaryData(stored.id)).equals(PNG)).toBe(true);

		const forwarded = execution.data.resultData.runData['Reply to Forward'][0].data.main[0].map((item) => item.json);
		expect(forwarded).toContainEqual({ to_chat: 'demo-upload', reply: 'Echo: Here is the broken part', from: 'Suvvy bot' });
	});

	test.each([
		['a wrong secret', 'dummy-not-the-secret'],
		['no secret at all', ''],
	])('with %s, the trigger answers 401 and starts nothing', async (_case, secret) => {
		await setSecret(secret);
		const seen = await executionIds();
		await playScenario(stack, textOnly);
		await emulatorAdmin(stack, 'idle');
		const [delivery] = (await emulatorAdmin(stack, 'deliveries')).deliveries;
		expect(delivery).toMatchObject({ status: 401, delivered: false });
		expect(JSON.parse(delivery.response)).toEqual({ received: false, reason: 'Missing or wrong webhook secret' });
		await expectOnlyMarkerSince(seen);
	});

	test("the dashboard's test button is acknowledged and starts nothing", async () => {
		const seen = await executionIds();
		const delivery = await emulatorAdmin(stack, 'test-request', {});
		expect(delivery).toMatchObject({ status: 200, delivered: true });
		expect(JSON.parse(delivery.response)).toEqual({ received: true, ignored: 'test_request' });
		await expectOnlyMarkerSince(seen);
	});

	test('a body that is not JSON is refused by n8n with a 4xx before it reaches the workflow', async () => {
		const response = await fetch(stack.replyUrl, {
			method: 'POST',
			headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.webhookSecret}` },
			body: '{"event_type": "new_messages", ',
		});
		expect(response.status).toBeGreaterThanOrEqual(400);
		expect(response.status).toBeLessThan(500);
	});
});
