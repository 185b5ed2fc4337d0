import { buildMessageBody } from '../../nodes/Suvvy/actions/message/send/body';
import type { MessageInput } from '../../nodes/Suvvy/actions/message/send/input';

const minimal: MessageInput = {
	ids: { chat_id: 'chat-1', message_id: 'msg-1' },
	source: 'John Doe from Amazon',
	messageSender: 'customer',
	text: 'Hello!',
	attachmentMode: 'all',
	binaryPropertyNames: [],
	clientName: '',
	clientPhone: '',
	placeholders: {},
};

describe('the request body Suvvy receives', () => {
	test('a text message carries api_version 1 and only the required fields', () => {
		expect(buildMessageBody(minimal, [])).toStrictEqual({
			api_version: 1,
			message_id: 'msg-1',
			chat_id: 'chat-1',
			text: 'Hello!',
			source: 'John Doe from Amazon',
			message_sender: 'customer',
		});
	});

	test("every field set gives the body of Suvvy's own example", () => {
		const attachment = { file_name: 'file.png', file_type: 'image' as const, data: 'aGVsbG8=' };
		const body = buildMessageBody(
			{
				...minimal,
				messageSender: 'employee',
				clientName: 'John Doe',
				clientPhone: '+44312345678',
				link: { type: 'chat', hint: 'Dialogue', url: 'https://crm.example.com/chats/1' },
				placeholders: { some_id: '123123' },
			},
			[attachment],
		);
		expect(body).toStrictEqual({
			api_version: 1,
			message_id: 'msg-1',
			chat_id: 'chat-1',
			text: 'Hello!',
			attachments: [attachment],
			source: 'John Doe from Amazon',
			placeholders: { some_id: '123123' },
			link: { type: 'chat', hint: 'Dialogue', url: 'https://crm.example.com/chats/1' },
			message_sender: 'employee',
			client_name: 'John Doe',
			client_phone: '+44312345678',
		});
	});

	test('attachments without text send no text field', () => {
		const attachment = { file_name: 'voice.ogg', file_type: 'audio' as const, data: 'T2dnUw==' };
		const body = buildMessageBody({ ...minimal, text: '' }, [attachment]);
		expect(body).not.toHaveProperty('text');
		expect(body.attachments).toStrictEqual([attachment]);
	});

	test('an empty link hint is sent as null, so Suvvy uses the caption of the link type', () => {
		const body = buildMessageBody(
			{ ...minimal, link: { type: 'phone', hint: '', url: 'tel:+4412' } },
			[],
		);
		expect(body.link).toStrictEqual({ type: 'phone', hint: null, url: 'tel:+4412' });
	});

	test('empty optional fields are left out, not sent empty', () => {
		const body = buildMessageBody(minimal, []);
		for (const field of ['attachments', 'placeholders', 'link', 'client_name', 'client_phone']) {
			expect(body).not.toHaveProperty(field);
		}
	});
});
