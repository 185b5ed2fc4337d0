import { randomBytes } from 'node:crypto';

import type { MessageInput } from '../../nodes/Suvvy/actions/message/send/input';
import type { FileContent } from '../../nodes/Suvvy/actions/message/send/attachments';
import { planMessageBody } from '../../nodes/Suvvy/actions/message/send/body';

/** A file read in uneven chunks, as a stream from n8n's binary store delivers it. */
function streamed(bytes: Buffer, chunkSizes: number[]): FileContent {
	return {
		size: bytes.length,
		head: async () => bytes.subarray(0, 64),
		chunks: async function* () {
			let start = 0;
			for (let index = 0; start < bytes.length; index++) {
				const size = chunkSizes[index % chunkSizes.length];
				yield bytes.subarray(start, start + size);
				start += size;
			}
		},
	};
}

const input: MessageInput = {
	ids: { chat_id: 'чат-42', message_id: 'm-1' },
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
	])('%s: the bytes are exactly JSON.stringify of the same body', async (_case, sizes) => {
		const raw = (sizes as number[]).map((size) => randomBytes(size));
		const files = raw.map((bytes, index) => ({
			file_name: `file-${index}.ogg`,
			file_type: 'audio' as const,
			// Chunks of 1, 2, 7 and 65 536 bytes: remainders carried across every kind of boundary.
			content: streamed(bytes, [1, 2, 7, 65536]),
		}));
		const body = await planMessageBody(input, files).write();
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
							data: raw[files.indexOf(file)].toString('base64'),
						})),
					}
				: {}),
			source: 'Form 👋',
			message_sender: 'customer',
		};
		expect(body.equals(Buffer.from(JSON.stringify(expected), 'utf8'))).toBe(true);
	});

	test('refuses a file whose size changed while it was read', async () => {
		const content = { ...streamed(randomBytes(10), [4]), size: 12 };
		await expect(
			planMessageBody(input, [{ file_name: 'a.ogg', file_type: 'audio', content }]).write(),
		).rejects.toThrow('File "a.ogg" changed while it was read: expected 12 bytes, got 10');
	});
});
