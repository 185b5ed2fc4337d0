import { randomBytes } from 'node:crypto';

import type { MessageInput } from '../../nodes/Suvvy/helpers/readMessageInput';
import { serializeMessageBody } from '../../nodes/Suvvy/helpers/serializeMessageBody';

const input: MessageInput = {
	chatId: 'чат-42',
	messageId: 'm-1',
	source: 'Form 👋',
	messageSender: 'customer',
	text: 'Ünïcödé text with "quotes" and @suvvy-file-0@',
	attachmentMode: 'all',
	binaryPropertyNames: [],
	clientName: '',
	clientPhone: '',
	placeholders: {},
};

describe('serializing the body with files written in as base64', () => {
	test.each([
		['no file', []],
		['one small file', [1]],
		['sizes that are not multiples of 3', [1, 2, 4, 5]],
		[
			'files across the 192 KB chunk boundary',
			[3 * 64 * 1024 - 1, 3 * 64 * 1024, 3 * 64 * 1024 + 1, 1_000_003],
		],
	])('%s: the bytes are exactly JSON.stringify of the same body', (_case, sizes) => {
		const files = (sizes as number[]).map((size, index) => ({
			file_name: `file-${index}.ogg`,
			file_type: 'audio' as const,
			bytes: randomBytes(size),
		}));
		const body = serializeMessageBody(input, files);
		const expected = {
			api_version: 1,
			message_id: 'm-1',
			chat_id: 'чат-42',
			text: input.text,
			...(files.length
				? {
						attachments: files.map((file) => ({
							file_name: file.file_name,
							file_type: 'audio',
							data: file.bytes.toString('base64'),
						})),
					}
				: {}),
			source: 'Form 👋',
			message_sender: 'customer',
		};
		expect(body.equals(Buffer.from(JSON.stringify(expected), 'utf8'))).toBe(true);
	});
});
