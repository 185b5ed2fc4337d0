/**
 * The node with a single output: with n8n's own error handling, and as an AI agent's tool, where
 * every item answers on output 0.
 */
import { runWorkflow, TEST_TOKEN } from '../support/runWorkflow';
import { mockSuvvy } from '../support/suvvyMock';
import { interceptHttp } from '../support/interceptHttp';
import { SEND } from '../support/sendOperation';

interceptHttp();

describe("Error Handling: Use n8n's Error Handling", () => {
	const parameters = {
		...SEND,
		chatId: '={{ $json.chat }}',
		source: 's',
		text: 't',
		errorHandling: 'useN8nErrorHandling',
	};

	test('has one output and stops the workflow at the first refused item with a NodeApiError', async () => {
		const suvvy = mockSuvvy((body) =>
			body.chat_id === 'bad'
				? [402, { detail: 'Balance below zero', error_code: 'user_balance_below_zero' }]
				: [200, { message: 'Successful' }],
		);
		const { run } = await runWorkflow({
			items: [{ json: { chat: 'ok' } }, { json: { chat: 'bad' } }, { json: { chat: 'later' } }],
			parameters,
			outputCount: 1,
		});
		const error = run.data.resultData.error;
		expect(run.status).toBe('error');
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toContain('No Balance (HTTP 402)');
		expect(suvvy.requests.map((request) => request.body.chat_id)).toStrictEqual(['ok', 'bad']);
		expect(JSON.stringify(error)).not.toContain(TEST_TOKEN);
	});

	test("with On Error set to continue, refused items carry n8n's { error, details } shape", async () => {
		mockSuvvy((body) =>
			body.chat_id === 'bad'
				? [424, { detail: 'Channel is disabled.' }]
				: [200, { message: 'Successful' }],
		);
		const { suvvyOutputs } = await runWorkflow({
			items: [{ json: { chat: 'ok' } }, { json: { chat: 'bad' } }],
			parameters,
			outputCount: 1,
			nodeSettings: { onError: 'continueRegularOutput' },
		});
		expect(suvvyOutputs).toHaveLength(1);
		expect(suvvyOutputs[0].map((item) => Object.keys(item.json))).toStrictEqual([
			[
				'message_id',
				'chat_id',
				'text',
				'source',
				'message_sender',
				'status',
				'response',
				'attachments',
				'attempts',
			],
			['error', 'details'],
		]);
		expect(suvvyOutputs[0][1].json.details).toMatchObject({ status: 424, chat_id: 'bad' });
		expect(suvvyOutputs[0].map((item) => item.pairedItem)).toStrictEqual([
			{ item: 0 },
			{ item: 1 },
		]);
	});
});

describe('as an AI agent tool', () => {
	test('answers every item on output 0, failures included, in words an agent can act on', async () => {
		mockSuvvy((body) =>
			body.chat_id === 'broke'
				? [402, { detail: 'Balance below zero', error_code: 'user_balance_below_zero' }]
				: [200, { message: 'Successful' }],
		);
		const { suvvyOutputs } = await runWorkflow({
			items: [{ json: { chat: 'fine' } }, { json: { chat: 'broke' } }],
			parameters: { ...SEND, chatId: '={{ $json.chat }}', source: 'Agent', text: 'Hello' },
			suvvyType: 'n8n-nodes-suvvy.suvvyTool',
			outputCount: 1,
		});
		expect(suvvyOutputs).toHaveLength(1);
		expect(suvvyOutputs[0].map((item) => item.json)).toMatchObject([
			{
				sent: true,
				outcome: 'Sent',
				chat_id: 'fine',
				message: expect.stringContaining('Sent message'),
			},
			{
				sent: false,
				outcome: 'No Balance',
				status: 402,
				message: expect.stringContaining('Top up the Suvvy balance'),
			},
		]);
		expect(suvvyOutputs[0].map((item) => item.pairedItem)).toStrictEqual([
			{ item: 0 },
			{ item: 1 },
		]);
	});
});
