/** The output each item leaves by, paired to its input, for every answer and refusal. */
import nock from 'nock';

import { base64Of, SAMPLE_FILES } from '../fixtures/files';
import { runWorkflow } from '../support/runWorkflow';
import { mockSuvvy } from '../support/suvvyMock';
import { interceptHttp } from '../support/interceptHttp';
import { OUTPUT, SEND } from '../support/sendOperation';

interceptHttp();

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
		const [item] = suvvyOutputs[OUTPUT.noBalance];
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
		expect(received[OUTPUT.badFile][0].json).toMatchObject({
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
