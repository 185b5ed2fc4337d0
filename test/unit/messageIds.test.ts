import { readMessageIds } from '../../nodes/Suvvy/actions/message/send/messageIds';

/** Reads one item whose Chat ID parameter resolved to `chat` and whose Message ID to `message`. */
function idsOf(chat: unknown, message: unknown = 'm-1') {
	return readMessageIds(
		(name) => (name === 'chatId' ? chat : undefined),
		0,
		() => message,
	);
}

describe('reading the chat and message IDs', () => {
	test.each([
		[-1001234567890, '-1001234567890'],
		[Number.MAX_SAFE_INTEGER, '9007199254740991'],
		[Number.MIN_SAFE_INTEGER, '-9007199254740991'],
		[101, '101'],
		[BigInt('12345678901234567891'), '12345678901234567891'],
		['12345678901234567891', '12345678901234567891'],
	])('%p is exact, so it is sent as %p', (chat, text) => {
		expect(idsOf(chat)).toStrictEqual({ ids: { chat_id: text, message_id: 'm-1' }, issues: [] });
	});

	test.each([
		[2 ** 53, 'the number 9007199254740992'],
		[-(2 ** 53) - 2, 'the number -9007199254740994'],
		[1e21, 'the number 1e+21'],
		[1.5, 'the number 1.5'],
		[Number.NaN, 'NaN'],
		[Number.NEGATIVE_INFINITY, '-Infinity'],
	])('%p cannot be sent exactly, so it is refused, naming it as %s', (chat, named) => {
		const { ids, issues } = idsOf(chat);
		expect(ids.chat_id).toBeNull();
		expect(issues).toStrictEqual([
			{
				loc: ['body', 'chat_id'],
				msg: `Chat ID is ${named}, which cannot be sent exactly: a number keeps its digits only as a whole number between -9007199254740991 and 9007199254740991. Map the Chat ID as text (a string), from a field that holds it as text`,
				type: 'string_type',
			},
		]);
	});

	test('a message ID that cannot be sent exactly is refused the same way, beside a good chat ID', () => {
		const { ids, issues } = idsOf('c-1', 2 ** 60);
		expect(ids).toStrictEqual({ chat_id: 'c-1', message_id: null });
		expect(issues.map((entry) => [entry.loc, entry.type])).toStrictEqual([
			[['body', 'message_id'], 'string_type'],
		]);
		expect(issues[0].msg).toContain('Map the Message ID as text (a string)');
	});

	test('a value that is no text at all is still named by its type', () => {
		expect(idsOf(true).issues).toStrictEqual([
			{ loc: ['body', 'chat_id'], msg: 'Must be text, not a boolean', type: 'string_type' },
		]);
	});
});
