import type { MessageInput } from '../../nodes/Suvvy/actions/message/send/input';
import { validateFields } from '../../nodes/Suvvy/actions/message/send/input';
import { requireContent } from '../../nodes/Suvvy/actions/message/send/attachments';

const valid: MessageInput = {
	ids: { chat_id: 'chat-1', message_id: 'msg-1' },
	source: 'Web form',
	messageSender: 'customer',
	text: 'Hello',
	attachmentMode: 'all',
	binaryPropertyNames: [],
	clientName: '',
	clientPhone: '',
	placeholders: {},
};

const locations = (issues: Array<{ loc: string[] }>) => issues.map((entry) => entry.loc.join('.'));

describe('pre-flight checks before anything is sent', () => {
	test('a complete message passes', () => {
		expect(validateFields(valid)).toStrictEqual([]);
		expect(requireContent(valid.text, 0)).toStrictEqual([]);
	});

	const withEmpty = (field: 'chat_id' | 'message_id' | 'source', value: string): MessageInput =>
		field === 'source'
			? { ...valid, source: value }
			: { ...valid, ids: { ...valid.ids, [field]: value } };

	test.each([
		['chat_id', 'body.chat_id'],
		['message_id', 'body.message_id'],
		['source', 'body.source'],
	] as const)('an empty %s is named as a missing field, like Suvvy does', (field, location) => {
		const issues = validateFields(withEmpty(field, '  '));
		expect(locations(issues)).toStrictEqual([location]);
		expect(issues[0]).toMatchObject({ msg: 'Field required', type: 'missing' });
	});

	test('every empty required field is reported at once', () => {
		const issues = validateFields({
			...valid,
			ids: { chat_id: '', message_id: '' },
			source: '',
		});
		expect(locations(issues)).toStrictEqual(['body.chat_id', 'body.message_id', 'body.source']);
	});

	test('a sender other than customer or employee is refused', () => {
		const issues = validateFields({ ...valid, messageSender: 'bot' });
		expect(issues).toStrictEqual([
			{
				loc: ['body', 'message_sender'],
				msg: 'Must be one of customer, employee, not "bot"',
				type: 'enum',
			},
		]);
	});

	test('text or at least one attachment is required', () => {
		expect(locations(requireContent('', 0))).toStrictEqual(['body.text']);
		expect(requireContent('', 1)).toStrictEqual([]);
	});

	test('a link type outside user, chat, phone, lead and other is refused', () => {
		const issues = validateFields({
			...valid,
			link: { type: 'email', hint: '', url: 'https://x.test' },
		});
		expect(locations(issues)).toStrictEqual(['body.link.type']);
	});

	test('a link without URL is refused', () => {
		const issues = validateFields({ ...valid, link: { type: 'chat', hint: 'Chat', url: '' } });
		expect(locations(issues)).toStrictEqual(['body.link.url']);
	});

	test.each([
		[123, 'a number'],
		[true, 'a boolean'],
		[null, 'null'],
		[{ nested: 'x' }, 'an object'],
		[['a'], 'a list'],
	])('a placeholder value %j is refused as %s: Suvvy takes strings only', (value, described) => {
		const issues = validateFields({ ...valid, placeholders: { order: 'A-1', total: value } });
		expect(issues).toStrictEqual([
			{
				loc: ['body', 'placeholders', 'total'],
				msg: `Placeholder values must be text, not ${described}`,
				type: 'string_type',
			},
		]);
	});
});
