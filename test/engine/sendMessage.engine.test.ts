import nock from 'nock';

import { base64Of, SAMPLE_FILES } from '../fixtures/files';
import { EXECUTION_ID, runWorkflow, TEST_TOKEN, WORKFLOW_ID } from '../support/runWorkflow';
import { mockSuvvy } from '../support/suvvyMock';
import { interceptHttp } from '../support/interceptHttp';

const SEND = { resource: 'message', operation: 'send' };
const OUTPUT = {
	sent: 0,
	invalidToken: 1,
	negativeBalance: 2,
	unsupportedFile: 3,
	validationError: 4,
	channelDisabled: 5,
	otherError: 6,
};

interceptHttp();

describe('Send Message in a real workflow', () => {
	test('sends one message per item, resolving expressions against each item', async () => {
		const suvvy = mockSuvvy();
		const { received } = await runWorkflow({
			items: [
				{ json: { chat: 101, name: 'Ann', question: 'Price?' } },
				{ json: { chat: 102, name: 'Bob', question: 'Delivery?' } },
			],
			parameters: {
				...SEND,
				chatId: '={{ $json.chat }}',
				source: '=Web form: {{ $json.name }}',
				text: '={{ $json.question }}',
				additionalFields: { clientName: '={{ $json.name }}' },
			},
		});

		expect(suvvy.requests.map((request) => request.body)).toStrictEqual([
			{
				api_version: 1,
				message_id: `n8n-${WORKFLOW_ID}-${EXECUTION_ID}-node-suvvy-0-0`,
				chat_id: '101',
				text: 'Price?',
				source: 'Web form: Ann',
				message_sender: 'customer',
				client_name: 'Ann',
			},
			{
				api_version: 1,
				message_id: `n8n-${WORKFLOW_ID}-${EXECUTION_ID}-node-suvvy-0-1`,
				chat_id: '102',
				text: 'Delivery?',
				source: 'Web form: Bob',
				message_sender: 'customer',
				client_name: 'Bob',
			},
		]);
		expect(received[OUTPUT.sent].map((item) => item.json.chat_id)).toStrictEqual(['101', '102']);
	});

	test("the default message IDs are exactly what n8n's expression makes of the same template", async () => {
		const items = [
			{ json: { text: 'one' } },
			{ json: { text: 'two' } },
			{ json: { text: 'three' } },
		];
		const parameters = { ...SEND, chatId: 'c-1', source: 'Web form', text: '={{ $json.text }}' };
		const byDefault = mockSuvvy();
		await runWorkflow({ items, parameters });
		const defaultIds = byDefault.requests.map((request) => request.body.message_id);
		nock.cleanAll();
		// The same template written differently, so n8n evaluates it for every item. n8n before 1.64
		// has no $nodeId; the default puts the node's ID there, as the fallback here does.
		const byExpression = mockSuvvy();
		await runWorkflow({
			items,
			parameters: {
				...parameters,
				messageId:
					'=n8n-{{$workflow.id}}-{{$execution.id}}-{{$nodeId || "node-suvvy"}}-{{$runIndex}}-{{$itemIndex}}',
			},
		});
		const expressionIds = byExpression.requests.map((request) => request.body.message_id);
		expect(defaultIds).toStrictEqual(expressionIds);
		expect(defaultIds).toStrictEqual(
			[0, 1, 2].map((index) => `n8n-${WORKFLOW_ID}-${EXECUTION_ID}-node-suvvy-0-${index}`),
		);
	});

	test('authenticates with the credential token as a bearer header, at the credential base URL', async () => {
		const suvvy = mockSuvvy();
		await runWorkflow({
			items: [{ json: {} }],
			parameters: { ...SEND, chatId: 'c', source: 's', text: 't' },
		});
		expect(suvvy.requests.map((request) => request.authorization)).toStrictEqual([
			`Bearer ${TEST_TOKEN}`,
		]);

		const local = nock('http://127.0.0.1:8787')
			.post('/api/webhook/custom/message')
			.reply(200, { message: 'Successful' });
		await runWorkflow({
			items: [{ json: {} }],
			parameters: { ...SEND, chatId: 'c', source: 's', text: 't' },
			credentials: { token: TEST_TOKEN, baseUrl: 'http://127.0.0.1:8787/' },
		});
		expect(local.isDone()).toBe(true);
	});

	test('a mapped message ID is sent as it is, and the same ID on retry', async () => {
		const suvvy = mockSuvvy();
		await runWorkflow({
			items: [{ json: { id: 'tg-5501' } }],
			parameters: { ...SEND, chatId: 'c', source: 's', text: 't', messageId: '={{ $json.id }}' },
		});
		expect(suvvy.requests[0].body.message_id).toBe('tg-5501');
	});

	test("turns every binary field of the item into base64 attachments, read from n8n's file store", async () => {
		const suvvy = mockSuvvy();
		const { received } = await runWorkflow({
			items: [
				{
					json: { chat: 'c-1' },
					files: {
						photo: {
							base64: base64Of(SAMPLE_FILES.png),
							fileName: 'photo.png',
							mimeType: 'image/png',
						},
						voice: {
							base64: base64Of(SAMPLE_FILES.ogg),
							fileName: 'voice.ogg',
							mimeType: 'application/octet-stream',
						},
					},
				},
			],
			parameters: { ...SEND, chatId: '={{ $json.chat }}', source: 'Telegram' },
		});

		expect(suvvy.requests[0].body.attachments).toStrictEqual([
			{ file_name: 'photo.png', file_type: 'image', data: base64Of(SAMPLE_FILES.png) },
			{ file_name: 'voice.ogg', file_type: 'audio', data: base64Of(SAMPLE_FILES.ogg) },
		]);
		expect(suvvy.requests[0].body).not.toHaveProperty('text');
		expect(received[OUTPUT.sent][0].json.attachments).toStrictEqual([
			{ file_name: 'photo.png', file_type: 'image', mime_type: 'image/png', bytes: 64 },
			{ file_name: 'voice.ogg', file_type: 'audio', mime_type: 'audio/ogg', bytes: 64 },
		]);
		expect(JSON.stringify(received[OUTPUT.sent])).not.toContain(base64Of(SAMPLE_FILES.png));
	});

	test('sends only the selected binary fields, or none', async () => {
		const suvvy = mockSuvvy();
		const files = {
			photo: { base64: base64Of(SAMPLE_FILES.jpeg), fileName: 'a.jpg', mimeType: 'image/jpeg' },
			scan: {
				base64: base64Of(SAMPLE_FILES.pdf),
				fileName: 'scan.pdf',
				mimeType: 'application/pdf',
			},
		};
		await runWorkflow({
			items: [{ json: {}, files }],
			parameters: {
				...SEND,
				chatId: 'c',
				source: 's',
				attachments: 'selected',
				binaryPropertyNames: ' photo ,',
			},
		});
		await runWorkflow({
			items: [{ json: {}, files }],
			parameters: { ...SEND, chatId: 'c', source: 's', text: 'no files', attachments: 'none' },
		});
		expect(suvvy.requests[0].body.attachments).toStrictEqual([
			{ file_name: 'a.jpg', file_type: 'image', data: base64Of(SAMPLE_FILES.jpeg) },
		]);
		expect(suvvy.requests[1].body).not.toHaveProperty('attachments');
	});

	test('sends link and placeholders from key/value pairs merged over the JSON alternative', async () => {
		const suvvy = mockSuvvy();
		await runWorkflow({
			items: [{ json: { deal: 77 } }],
			parameters: {
				...SEND,
				chatId: 'c',
				source: 's',
				text: 't',
				messageSender: 'employee',
				additionalFields: {
					clientPhone: '+44312345678',
					link: {
						details: { type: 'lead', hint: '', url: '=https://crm.test/deals/{{ $json.deal }}' },
					},
					placeholdersJson: '{"plan": "basic", "deal": "json"}',
					placeholders: { placeholder: [{ key: 'deal', value: '={{ String($json.deal) }}' }] },
				},
			},
		});
		expect(suvvy.requests[0].body).toMatchObject({
			message_sender: 'employee',
			client_phone: '+44312345678',
			link: { type: 'lead', hint: null, url: 'https://crm.test/deals/77' },
			placeholders: { plan: 'basic', deal: '77' },
		});
	});
});

describe('routing: every input item leaves by exactly one output, paired to its input', () => {
	test('one run of 7 items reaches all 7 outputs, in input order', async () => {
		const answers: Record<string, [number, unknown]> = {
			'chat-token': [
				401,
				{ detail: 'Invalid token.', status_code: 401, error_code: 'auth_invalid_token' },
			],
			'chat-balance': [
				402,
				{ detail: 'Balance below zero', status_code: 402, error_code: 'user_balance_below_zero' },
			],
			'chat-disabled': [
				424,
				{
					detail: 'Channel is disabled.',
					status_code: 424,
					error_code: 'instance_channel_is_disabled',
				},
			],
			'chat-broken': [500, { detail: 'Internal Server Error' }],
		};
		const suvvy = mockSuvvy(
			(body) => answers[body.chat_id as string] ?? [200, { message: 'Successful' }],
		);
		const { received, run, suvvyOutputs } = await runWorkflow({
			items: [
				{ json: { chat: 'chat-ok', text: 'hi' } },
				{ json: { chat: 'chat-token', text: 'hi' } },
				{ json: { chat: 'chat-balance', text: 'hi' } },
				{
					json: { chat: 'chat-pdf', text: 'see scan' },
					files: {
						data: {
							base64: base64Of(SAMPLE_FILES.pdf),
							fileName: 'scan.pdf',
							mimeType: 'application/pdf',
						},
					},
				},
				{ json: { chat: 'chat-empty', text: '' } },
				{ json: { chat: 'chat-disabled', text: 'hi' } },
				{ json: { chat: 'chat-broken', text: 'hi' } },
			],
			parameters: {
				...SEND,
				chatId: '={{ $json.chat }}',
				source: 'Form',
				text: '={{ $json.text }}',
				// The 500 is retried by default; this test is about where items go, not about retries.
				options: { retries: 0 },
			},
		});

		expect(run.status).toBe('success');
		const byOutput = suvvyOutputs.map((items) =>
			items.map((item) => ({ chat: item.json.chat_id, paired: item.pairedItem })),
		);
		// Each downstream node ran with exactly the item of its output.
		expect(
			Object.values(received).map((items) => items.map((item) => item.json.chat_id)),
		).toStrictEqual(byOutput.map((items) => items.map((item) => item.chat)));
		expect(byOutput).toStrictEqual([
			[{ chat: 'chat-ok', paired: { item: 0 } }],
			[{ chat: 'chat-token', paired: { item: 1 } }],
			[{ chat: 'chat-balance', paired: { item: 2 } }],
			[{ chat: 'chat-pdf', paired: { item: 3 } }],
			[{ chat: 'chat-empty', paired: { item: 4 } }],
			[{ chat: 'chat-disabled', paired: { item: 5 } }],
			[{ chat: 'chat-broken', paired: { item: 6 } }],
		]);
		// The PDF and the empty message were refused locally: Suvvy never saw them. Different chats
		// go in parallel, so the requests' order is not fixed.
		expect(suvvy.requests.map((request) => request.body.chat_id).sort()).toStrictEqual([
			'chat-balance',
			'chat-broken',
			'chat-disabled',
			'chat-ok',
			'chat-token',
		]);
	});

	test('routes a 402 to No Balance with the input item paired and its files kept', async () => {
		mockSuvvy(() => [
			402,
			{ detail: 'Balance below zero', status_code: 402, error_code: 'user_balance_below_zero' },
		]);
		const { suvvyOutputs } = await runWorkflow({
			items: [
				{
					json: { n: 1 },
					files: {
						data: { base64: base64Of(SAMPLE_FILES.gif), fileName: 'a.gif', mimeType: 'image/gif' },
					},
				},
			],
			parameters: { ...SEND, chatId: 'chat-9', source: 's', messageId: 'm-9' },
		});
		const [item] = suvvyOutputs[OUTPUT.negativeBalance];
		expect(item.pairedItem).toStrictEqual({ item: 0 });
		expect(item.json).toMatchObject({
			status: 402,
			error_code: 'user_balance_below_zero',
			detail: 'Balance below zero',
			message_id: 'm-9',
			chat_id: 'chat-9',
			found_locally: false,
		});
		expect(item.binary?.data).toMatchObject({ fileName: 'a.gif', mimeType: 'image/gif' });
	});

	test('routes a 415 to Bad File with the allowed mime types', async () => {
		mockSuvvy(() => [
			415,
			{
				detail: 'File type is not supported or invalid.',
				status_code: 415,
				error_code: 'file_invalid_type',
				allowed_mime_types: ['image/png'],
			},
		]);
		const { received } = await runWorkflow({
			items: [
				{
					json: {},
					files: {
						data: { base64: base64Of(SAMPLE_FILES.png), fileName: 'a.png', mimeType: 'image/png' },
					},
				},
			],
			parameters: { ...SEND, chatId: 'c', source: 's' },
		});
		expect(received[OUTPUT.unsupportedFile][0].json).toMatchObject({
			status: 415,
			allowed_mime_types: ['image/png'],
			found_locally: false,
		});
	});

	test('a file over 15 MB goes to Validation Error and is never uploaded', async () => {
		const suvvy = mockSuvvy();
		const big = Buffer.concat([
			SAMPLE_FILES.png,
			Buffer.alloc(15 * 1024 * 1024 + 1 - SAMPLE_FILES.png.length),
		]);
		const { received } = await runWorkflow({
			items: [
				{
					json: {},
					files: { data: { base64: base64Of(big), fileName: 'big.png', mimeType: 'image/png' } },
				},
			],
			parameters: { ...SEND, chatId: 'c', source: 's', text: 'look' },
		});
		expect(suvvy.requests).toHaveLength(0);
		expect(received[OUTPUT.validationError][0].json).toMatchObject({
			status: 422,
			found_locally: true,
		});
		expect(String(received[OUTPUT.validationError][0].json.message)).toContain('at most 15 MB');
	});

	test('a selected binary field the item lacks goes to Validation Error', async () => {
		const suvvy = mockSuvvy();
		const { received } = await runWorkflow({
			items: [{ json: {} }],
			parameters: {
				...SEND,
				chatId: 'c',
				source: 's',
				text: 't',
				attachments: 'selected',
				binaryPropertyNames: 'voice',
			},
		});
		expect(suvvy.requests).toHaveLength(0);
		expect(received[OUTPUT.validationError][0].json.detail).toStrictEqual([
			{
				loc: ['body', 'attachments', 'voice'],
				msg: 'The item has no binary field "voice"',
				type: 'missing',
			},
		]);
	});

	test('an expression that fails for one item routes that item to Validation Error and sends the rest', async () => {
		const suvvy = mockSuvvy();
		const { received } = await runWorkflow({
			items: [{ json: { chat: 'a' } }, { json: { chat: 'b' } }],
			parameters: {
				...SEND,
				chatId: '={{ $json.chat }}',
				source: 's',
				text: '={{ $json.chat === "b" ? $("Nowhere").item.json.x : "ok" }}',
			},
		});
		expect(suvvy.requests.map((request) => request.body.chat_id)).toStrictEqual(['a']);
		expect(received[OUTPUT.validationError]).toHaveLength(1);
		expect(received[OUTPUT.validationError][0].json).toMatchObject({
			chat_id: 'b',
			found_locally: true,
		});
	});

	test('a network failure goes to Other Error', async () => {
		nock('https://suvvy.test').post('/api/webhook/custom/message').replyWithError('socket hang up');
		const { received } = await runWorkflow({
			items: [{ json: {} }],
			parameters: { ...SEND, chatId: 'c', source: 's', text: 't' },
		});
		expect(received[OUTPUT.otherError][0].json).toMatchObject({
			status: null,
			error_code: 'network_error',
		});
	});
});

describe('a Sent item', () => {
	test('carries what was sent, for downstream nodes to map, and never the base64 of its files', async () => {
		mockSuvvy();
		const { received } = await runWorkflow({
			items: [
				{
					json: { chat: 'c-9' },
					files: {
						data: {
							base64: base64Of(SAMPLE_FILES.png),
							fileName: 'part.png',
							mimeType: 'image/png',
						},
					},
				},
			],
			parameters: {
				...SEND,
				chatId: '={{ $json.chat }}',
				messageId: 'm-9',
				source: 'Web form: Ann',
				messageSender: 'employee',
				text: 'Here is the part',
				additionalFields: {
					clientName: 'Ann',
					clientPhone: '+44312345678',
					link: { details: { type: 'lead', hint: '', url: 'https://crm.example.com/42' } },
					placeholders: { placeholder: [{ key: 'plan', value: 'premium' }] },
				},
			},
		});
		const [sent] = received[OUTPUT.sent];
		expect(sent.json).toStrictEqual({
			message_id: 'm-9',
			chat_id: 'c-9',
			text: 'Here is the part',
			source: 'Web form: Ann',
			placeholders: { plan: 'premium' },
			link: { type: 'lead', hint: null, url: 'https://crm.example.com/42' },
			message_sender: 'employee',
			client_name: 'Ann',
			client_phone: '+44312345678',
			status: 200,
			response: { message: 'Successful' },
			attachments: [
				{
					file_name: 'part.png',
					file_type: 'image',
					mime_type: 'image/png',
					bytes: SAMPLE_FILES.png.length,
				},
			],
			attempts: 1,
		});
	});
});

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

describe('the token stays secret', () => {
	test('appears in no output item, whatever the outcome', async () => {
		mockSuvvy((body) =>
			body.chat_id === 'x' ? [401, { detail: 'Invalid token.' }] : [200, { message: 'Successful' }],
		);
		const { run } = await runWorkflow({
			items: [{ json: { chat: 'ok' } }, { json: { chat: 'x' } }, { json: { chat: '' } }],
			parameters: { ...SEND, chatId: '={{ $json.chat }}', source: 's', text: 't' },
		});
		expect(JSON.stringify(run.data.resultData.runData)).not.toContain(TEST_TOKEN);
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
