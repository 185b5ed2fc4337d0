/**
 * Chat IDs reach Suvvy exactly, or not at all: a number past 2^53 has already lost digits (two
 * customers' IDs can round to one, merging their conversations in Suvvy), and 1e21 would be written
 * "1e+21". Such a number is refused before sending; a number that is exact goes as its digits.
 */
import { interceptHttp } from '../support/interceptHttp';
import { runWorkflow } from '../support/runWorkflow';
import { OUTPUT, SEND } from '../support/sendOperation';
import { mockSuvvy } from '../support/suvvyMock';

interceptHttp();

/** Two customers' IDs as a webhook's JSON body carries them: parsed, both are one double. */
const { first, second } = JSON.parse(
	'{"first": 12345678901234567891, "second": 12345678901234567892}',
) as { first: number; second: number };

const parameters = { ...SEND, chatId: '={{ $json.chat }}', source: 's', text: 'Hi' };

describe('a numeric chat ID', () => {
	test('that is exact is sent as its digits: a Telegram group, and the largest safe integer', async () => {
		const suvvy = mockSuvvy();
		const { received } = await runWorkflow({
			items: [
				{ json: { chat: -1001234567890 } },
				{ json: { chat: Number.MAX_SAFE_INTEGER } },
				{ json: { chat: 0 } },
			],
			parameters,
		});
		expect(suvvy.requests.map((request) => request.body.chat_id)).toStrictEqual([
			'-1001234567890',
			'9007199254740991',
			'0',
		]);
		expect(received[OUTPUT.sent].map((item) => item.json.chat_id)).toStrictEqual([
			'-1001234567890',
			'9007199254740991',
			'0',
		]);
	});

	test.each([
		['past 2^53 (two customers rounded to one)', [first, second]],
		['of exactly 2^53', [2 ** 53, -(2 ** 53)]],
		['written with an exponent', [1e21, 1.5e300]],
		['with a fraction', [1.5, -0.25]],
	])(
		'%s is refused before sending, by Validation Error, saying to map it as text',
		async (_case, chats) => {
			const suvvy = mockSuvvy();
			const { received, suvvyOutputs } = await runWorkflow({
				items: chats.map((chat) => ({ json: { chat } })),
				parameters,
			});
			expect(suvvy.requests).toStrictEqual([]);
			expect(suvvyOutputs.flat()).toHaveLength(chats.length);
			for (const item of received[OUTPUT.validationError]) {
				expect(item.json).toMatchObject({
					status: 422,
					status_code: 422,
					error_code: 'validation_error',
					found_locally: true,
					chat_id: null,
					detail: [
						{
							loc: ['body', 'chat_id'],
							msg: expect.stringContaining('Map the Chat ID as text (a string)'),
							type: 'string_type',
						},
					],
				});
				expect(item.json.message).toMatch(/^Validation Error \(found before sending\): chat_id: /);
			}
			expect(received[OUTPUT.validationError]).toHaveLength(chats.length);
		},
	);

	test('that an expression makes infinite is refused the same way', async () => {
		const suvvy = mockSuvvy();
		const { received } = await runWorkflow({
			items: [{ json: {} }],
			parameters: { ...parameters, chatId: '={{ 1 / 0 }}' },
		});
		expect(suvvy.requests).toStrictEqual([]);
		expect(received[OUTPUT.validationError][0].json.message).toContain(
			'Chat ID is Infinity, which cannot be sent exactly',
		);
	});

	test('the same ID mapped as text is sent whole', async () => {
		const suvvy = mockSuvvy();
		await runWorkflow({
			items: [{ json: { chat: '12345678901234567891' } }, { json: { chat: '1e21' } }],
			parameters,
		});
		expect(suvvy.requests.map((request) => request.body.chat_id)).toStrictEqual([
			'12345678901234567891',
			'1e21',
		]);
	});
});

describe('a numeric message ID', () => {
	test('past 2^53 is refused the same way: Suvvy would take two messages for one', async () => {
		const suvvy = mockSuvvy();
		const { received } = await runWorkflow({
			items: [{ json: { id: first } }, { json: { id: 5501 } }],
			parameters: { ...parameters, chatId: 'c-1', messageId: '={{ $json.id }}' },
		});
		expect(suvvy.requests.map((request) => request.body.message_id)).toStrictEqual(['5501']);
		expect(received[OUTPUT.validationError][0].json).toMatchObject({
			message_id: null,
			chat_id: 'c-1',
			detail: [
				{
					loc: ['body', 'message_id'],
					msg: expect.stringContaining('Map the Message ID as text (a string)'),
				},
			],
		});
	});
});
