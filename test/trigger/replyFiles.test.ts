/** A reply's files: downloaded into n8n's binary store, left as links, or kept with the reason. */
import { Container } from '@n8n/di';
import { BinaryDataService } from 'n8n-core';

import { callTrigger } from '../support/callTrigger';
import { file } from '../support/fileServer';
import { delivery, text } from '../support/replyDelivery';
import { FROM_LOOPBACK, useFileServer } from '../support/useFileServer';

const files = useFileServer();

const PNG = Buffer.from(
	'89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489',
	'hex',
);

const image = (name = 'photo.png', size = PNG.length) => ({
	type: 'image',
	message_sender: 'ai',
	file: { name, url: `${files.url}/f/${name}`, size_bytes: size, mime_type: 'image/png' },
});

describe('Suvvy Trigger: receiving a reply', () => {
	test('downloads a file into the "data" binary field with its name and mime type', async () => {
		files.serve('/f/photo.png', file(PNG, 'image/png'));
		const result = await callTrigger({
			body: delivery([image()]),
			parameters: { options: FROM_LOOPBACK },
		});
		const [item] = result.items ?? [];
		expect(item.json.file).toEqual(image().file);
		expect(item.json.file_error).toBeUndefined();
		expect(item.binary?.data).toMatchObject({ fileName: 'photo.png', mimeType: 'image/png' });
		// n8n keeps it in its binary store (filesystem mode), as it does for any trigger's files.
		const stored = await Container.get(BinaryDataService).getAsBuffer(item.binary!.data);
		expect(stored.equals(PNG)).toBe(true);
	});

	test('keeps the item, with the reason in file_error, when a download fails', async () => {
		const result = await callTrigger({
			body: delivery([image('gone.png'), text('still here')]),
			parameters: { options: FROM_LOOPBACK },
		});
		expect(result.items).toHaveLength(2);
		expect(result.items?.[0].json.file_error).toBe('Download answered HTTP 404');
		expect(result.items?.[0].binary).toBeUndefined();
		expect(result.items?.[1].json.text).toBe('still here');
	});

	test('does not download a file over the size limit, by its declared size or by what arrives', async () => {
		const big = Buffer.alloc(2 * 1024 * 1024, 1);
		files.serve('/f/unannounced.png', file(big));
		const undeclared = {
			...image('unannounced.png'),
			file: { url: `${files.url}/f/unannounced.png`, name: 'unannounced.png' },
		};
		const result = await callTrigger({
			body: delivery([image('declared.png', 5 * 1024 * 1024), undeclared]),
			parameters: { maxFileSizeMb: 1, options: FROM_LOOPBACK },
		});
		expect(result.items?.[0].json.file_error).toMatch(
			/^File is 5242880 bytes, over the 1\.0 MB limit/,
		);
		expect(result.items?.[1].json.file_error).toMatch(/larger than the 1\.0 MB limit/);
		expect(result.items?.every((item) => item.binary === undefined)).toBe(true);
	});

	test('never fetches a link that is not http(s)', async () => {
		const local = {
			type: 'document',
			message_sender: 'ai',
			file: { url: 'file:///etc/passwd', name: 'passwd' },
		};
		const result = await callTrigger({ body: delivery([local]) });
		expect(result.items?.[0].json.file_error).toMatch(/^Not an http\(s\) link/);
	});

	test('leaves files as links when Download Files is off', async () => {
		const result = await callTrigger({
			body: delivery([image()]),
			parameters: { downloadFiles: false },
		});
		expect(result.items?.[0].binary).toBeUndefined();
		expect(result.items?.[0].json.file).toEqual(image().file);
	});

	test('one item per delivery holds the messages, with files in data_<message index>', async () => {
		files.serve('/f/photo.png', file(PNG, 'image/png'));
		const result = await callTrigger({
			body: delivery([text('Here you go'), image()]),
			parameters: { output: 'delivery', options: FROM_LOOPBACK },
		});
		expect(result.items).toHaveLength(1);
		const [item] = result.items ?? [];
		expect(item.json).toMatchObject({ event_type: 'new_messages', chat_id: 'chat-7' });
		expect((item.json.new_messages as unknown[]).length).toBe(2);
		expect(Object.keys(item.binary ?? {})).toEqual(['data_1']);
	});
});
