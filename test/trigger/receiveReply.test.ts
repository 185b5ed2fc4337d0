import { Container } from '@n8n/di';
import { BinaryDataService } from 'n8n-core';

import { MAX_MESSAGES_PER_DELIVERY } from '../../nodes/Suvvy/trigger/parseDelivery';
import { callTrigger, TEST_SECRET } from '../support/callTrigger';
import { file, startFileServer, type FileServer } from '../support/fileServer';

/**
 * Suvvy's file host is played by a server on loopback, so these tests allow private-network
 * downloads; what the trigger refuses without that option is specified in downloadPolicy.test.ts.
 */
const FROM_LOOPBACK = { allowPrivateNetworkDownloads: true };
let files: FileServer;
beforeAll(async () => {
	files = await startFileServer();
});
afterAll(async () => await files.close());

const PNG = Buffer.from(
	'89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489',
	'hex',
);

function delivery(messages: unknown[], extra: Record<string, unknown> = {}) {
	return { event_type: 'new_messages', chat_id: 'chat-7', new_messages: messages, ...extra };
}

const text = (body: string, sender = 'ai') => ({
	type: 'text',
	message_sender: sender,
	text: body,
});
const image = (name = 'photo.png', size = PNG.length) => ({
	type: 'image',
	message_sender: 'ai',
	file: { name, url: `${files.url}/f/${name}`, size_bytes: size, mime_type: 'image/png' },
});

describe('Suvvy Trigger: receiving a reply', () => {
	test('answers 200 at once and starts one item per message, with chat, event, sender and text', async () => {
		const result = await callTrigger({
			body: delivery([text('Hello!'), text('Anything else?', 'employee')]),
		});
		expect(result.status).toBe(200);
		expect(result.responseBody).toEqual({ received: true, messages: 2 });
		expect(result.returned.noWebhookResponse).toBe(true);
		expect(result.items?.map((item) => item.json)).toEqual([
			{
				event_type: 'new_messages',
				chat_id: 'chat-7',
				message_index: 0,
				type: 'text',
				message_sender: 'ai',
				text: 'Hello!',
			},
			{
				event_type: 'new_messages',
				chat_id: 'chat-7',
				message_index: 1,
				type: 'text',
				message_sender: 'employee',
				text: 'Anything else?',
			},
		]);
	});

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

	test('filters by sender and by message type; a type Suvvy adds later still passes', async () => {
		const body = delivery([
			text('bot'),
			text('operator', 'employee'),
			{ type: 'sticker', message_sender: 'ai' },
		]);
		const result = await callTrigger({
			body,
			parameters: { senders: ['ai'], messageTypes: ['text'], downloadFiles: false },
		});
		expect(result.items?.map((item) => item.json.type)).toEqual(['text', 'sticker']);
		expect(result.items?.map((item) => item.json.message_index)).toEqual([0, 2]);
	});

	test('acknowledges a delivery that no message passes, and starts nothing', async () => {
		const result = await callTrigger({
			body: delivery([text('operator', 'employee')]),
			parameters: { senders: ['ai'] },
		});
		expect(result.status).toBe(200);
		expect(result.responseBody).toEqual({
			received: true,
			ignored: 'no message passes the filters',
		});
		expect(result.items).toBeUndefined();
	});

	test('passes through fields Suvvy adds later, and works without a chat_id', async () => {
		const message = { ...text('hi'), reply_to: 'm-1' };
		const result = await callTrigger({
			body: { event_type: 'new_messages', new_messages: [message], channel: 'custom' },
		});
		expect(result.items?.[0].json).toEqual({
			event_type: 'new_messages',
			channel: 'custom',
			message_index: 0,
			type: 'text',
			message_sender: 'ai',
			text: 'hi',
			reply_to: 'm-1',
		});
	});

	describe('test requests and unknown events', () => {
		test('a test_request is acknowledged and starts nothing by default', async () => {
			const result = await callTrigger({ body: { event_type: 'test_request' } });
			expect(result).toMatchObject({
				status: 200,
				responseBody: { received: true, ignored: 'test_request' },
				items: undefined,
			});
		});

		test('Include Test Requests starts the workflow with it', async () => {
			const result = await callTrigger({
				body: { event_type: 'test_request' },
				parameters: { options: { includeTestRequests: true } },
			});
			expect(result.items?.map((item) => item.json)).toEqual([{ event_type: 'test_request' }]);
		});

		test('an unknown event type is acknowledged and ignored, or passed on when asked', async () => {
			const body = { event_type: 'chat_closed', chat_id: 'c' };
			expect((await callTrigger({ body })).items).toBeUndefined();
			const included = await callTrigger({
				body,
				parameters: { options: { includeUnknownEvents: true } },
			});
			expect(included.items?.[0].json).toEqual(body);
		});
	});

	describe('the webhook secret', () => {
		const body = delivery([text('Hello!')]);

		test('the right secret starts the workflow', async () => {
			const result = await callTrigger({
				body,
				secret: TEST_SECRET,
				headers: { authorization: `Bearer ${TEST_SECRET}` },
			});
			expect(result.status).toBe(200);
			expect(result.items).toHaveLength(1);
		});

		test.each([
			['a wrong secret', { authorization: 'Bearer not-the-secret' }],
			['a secret with one character more', { authorization: `Bearer ${TEST_SECRET}x` }],
			['the secret without "Bearer"', { authorization: TEST_SECRET }],
			['no Authorization header', {}],
		])('%s is refused with 401 and starts nothing', async (_case, headers) => {
			const result = await callTrigger({ body, secret: TEST_SECRET, headers });
			expect(result.status).toBe(401);
			expect(result.responseHeaders['www-authenticate']).toBe('Bearer');
			expect(result.responseBody).toEqual({
				received: false,
				reason: 'Missing or wrong webhook secret',
			});
			expect(result.items).toBeUndefined();
			expect(JSON.stringify(result.responseBody)).not.toContain(TEST_SECRET);
		});

		test('an empty secret in the credential refuses every delivery, however it is presented', async () => {
			for (const authorization of [undefined, 'Bearer ', 'Bearer']) {
				const result = await callTrigger({
					body,
					secret: '',
					headers: authorization === undefined ? {} : { authorization },
				});
				expect(result.status).toBe(401);
				expect(result.items).toBeUndefined();
			}
		});

		test('without a credential, requests need no Authorization header', async () => {
			expect((await callTrigger({ body })).items).toHaveLength(1);
		});
	});

	describe('malformed bodies get a 4xx with the reason and start nothing', () => {
		const message = text('x');
		test.each([
			['a string', 'hello', 400, 'The body must be a JSON object with an "event_type"'],
			['a list', [message], 400, 'The body must be a JSON object with an "event_type"'],
			['null', null, 400, 'The body must be a JSON object with an "event_type"'],
			[
				'no event_type',
				{ new_messages: [message] },
				400,
				'"event_type" must be a non-empty string',
			],
			['a numeric event_type', { event_type: 5 }, 400, '"event_type" must be a non-empty string'],
			[
				'new_messages missing',
				{ event_type: 'new_messages' },
				400,
				'"new_messages" must be a list of messages',
			],
			[
				'new_messages an object',
				{ event_type: 'new_messages', new_messages: {} },
				400,
				'"new_messages" must be a list of messages',
			],
			['a message that is a string', delivery(['hi']), 400, 'new_messages[0] is not an object'],
			[
				'a message without type',
				delivery([{ message_sender: 'ai' }]),
				400,
				'new_messages[0].type must be a string',
			],
			[
				'a message without sender',
				delivery([{ type: 'text' }]),
				400,
				'new_messages[0].message_sender must be a string',
			],
			[
				'a numeric text',
				delivery([message, { ...message, text: 5 }]),
				400,
				'new_messages[1].text must be a string',
			],
			[
				'a file without url',
				delivery([{ ...message, file: { name: 'a' } }]),
				400,
				'new_messages[0].file.url must be a string',
			],
			[
				'a file size in words',
				delivery([{ ...message, file: { url: 'https://x', size_bytes: 'big' } }]),
				400,
				'new_messages[0].file.size_bytes must be a number',
			],
			[
				'an object chat_id',
				delivery([message], { chat_id: { id: 1 } }),
				400,
				'"chat_id" must be a string',
			],
			[
				'too many messages',
				delivery(Array(MAX_MESSAGES_PER_DELIVERY + 1).fill(message)),
				413,
				`"new_messages" holds ${MAX_MESSAGES_PER_DELIVERY + 1} messages; at most ${MAX_MESSAGES_PER_DELIVERY} are accepted`,
			],
		])('%s', async (_case, body, status, reason) => {
			const result = await callTrigger({ body });
			expect(result.status).toBe(status);
			expect(result.responseBody).toEqual({ received: false, reason });
			expect(result.items).toBeUndefined();
		});
	});
});
