'use strict';
/** The Suvvy emulator answers like Suvvy's "Sending messages" page says, and as a test scripts it. */
const { createHash } = require('node:crypto');

const { startEmulator } = require('../../dev/emulator');
const { samplePdf } = require('../../dev/emulator/replyBot');
const { PNG, OGG, message, attachment, useEmulator } = require('../support/emulatorClient');

describe('Suvvy emulator', () => {
	const { post, admin } = useEmulator();

	test('starts on loopback in well under a second', async () => {
		const started = performance.now();
		const other = await startEmulator();
		const elapsed = performance.now() - started;
		await other.close();
		expect(other.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		expect(elapsed).toBeLessThan(1000);
	});

	test('accepts a valid message with {"message": "Successful"} and keeps it', async () => {
		const body = message({ attachments: [attachment(PNG)] });
		const response = await post(body);
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({ message: 'Successful' });
		const { messages } = await admin('messages');
		expect(messages).toHaveLength(1);
		expect(messages[0]).toMatchObject({ message_id: body.message_id, chat_id: 'chat-1' });
		expect(messages[0].attachments[0]).toMatchObject({
			file_name: 'file.png',
			file_type: 'image',
			mime_type: 'image/png',
			size_bytes: PNG.length,
			sha256: createHash('sha256').update(PNG).digest('hex'),
		});
		expect(messages[0].body.attachments[0]).not.toHaveProperty('data');
		const withData = await admin('messages?include_data=1');
		expect(withData.messages[0].attachments[0].data).toBe(PNG.toString('base64'));
	});

	test.each([
		['no Authorization header', undefined],
		['a wrong token', 'not-the-token'],
	])('answers 401 auth_invalid_token for %s', async (_case, token) => {
		const response = await post(message(), { token: token ?? '' });
		expect(response.status).toBe(401);
		expect(await response.json()).toEqual({ detail: 'Invalid token.', status_code: 401, error_code: 'auth_invalid_token' });
	});

	test('answers 424 when the channel is disabled and 402 when the balance is below zero', async () => {
		await admin('state', { channel_enabled: false });
		const disabled = await post(message());
		expect(disabled.status).toBe(424);
		expect((await disabled.json()).error_code).toBe('instance_channel_is_disabled');
		await admin('state', { channel_enabled: true, balance: -1 });
		const broke = await post(message());
		expect(broke.status).toBe(402);
		expect((await broke.json()).error_code).toBe('user_balance_below_zero');
		expect((await admin('stats')).stored).toBe(0);
	});

	test('answers 422 with a FastAPI-style detail list for every invalid field', async () => {
		const response = await post({
			api_version: 2,
			chat_id: 7,
			text: '',
			message_sender: 'bot',
			link: { type: 'web' },
			placeholders: { id: 5 },
		});
		expect(response.status).toBe(422);
		const { detail } = await response.json();
		const byLoc = Object.fromEntries(detail.map((entry) => [entry.loc.join('.'), entry.type]));
		expect(byLoc).toEqual({
			'body.api_version': 'literal_error',
			'body.message_id': 'missing',
			'body.chat_id': 'string_type',
			'body.source': 'missing',
			'body.message_sender': 'enum',
			'body.text': 'string_too_short',
			'body.link.type': 'enum',
			'body.link.url': 'missing',
			'body.placeholders.id': 'string_type',
		});
		for (const entry of detail) expect(typeof entry.msg).toBe('string');
	});

	test('answers 422 when neither text nor attachments is given, and for a body that is not JSON', async () => {
		const empty = await post(message({ text: undefined }));
		expect(empty.status).toBe(422);
		expect((await empty.json()).detail[0]).toMatchObject({ type: 'value_error', loc: ['body'] });
		const broken = await post(undefined, { raw: '{"api_version": 1,' });
		expect(broken.status).toBe(422);
		expect((await broken.json()).detail[0]).toMatchObject({ type: 'json_invalid' });
	});

	test.each([
		['bytes that are no accepted type', attachment(Buffer.from('just text'), 'image', 'notes.png')],
		['image bytes sent as audio', attachment(PNG, 'audio', 'voice.ogg')],
		['data that is not base64', { file_name: 'x.png', file_type: 'image', data: 'not base64!' }],
		['a PDF', attachment(samplePdf('hi'), 'image', 'doc.png')],
	])('answers 415 with allowed_mime_types for %s', async (_case, file) => {
		const response = await post(message({ attachments: [file] }));
		expect(response.status).toBe(415);
		const body = await response.json();
		expect(body).toMatchObject({ status_code: 415, error_code: 'file_invalid_type' });
		expect(body.allowed_mime_types).toEqual(expect.arrayContaining(['image/png', 'audio/ogg', 'audio/x-m4a']));
	});

	test('accepts a file of exactly 15 MB and refuses one byte more with 422', async () => {
		const limit = 15 * 1024 * 1024;
		const exact = Buffer.concat([OGG, Buffer.alloc(limit - OGG.length)]);
		expect((await post(message({ attachments: [attachment(exact, 'audio', 'a.ogg')] }))).status).toBe(200);
		const over = Buffer.concat([exact, Buffer.alloc(1)]);
		const response = await post(message({ attachments: [attachment(over, 'audio', 'b.ogg')] }));
		expect(response.status).toBe(422);
		expect((await response.json()).detail[0]).toMatchObject({ type: 'too_long', loc: ['body', 'attachments', 0, 'data'] });
	});

	test('answers a repeated message_id with 200 but stores it once', async () => {
		const body = message();
		expect((await post(body)).status).toBe(200);
		expect((await post(body)).status).toBe(200);
		const stats = await admin('stats');
		expect(stats).toMatchObject({ accepted: 1, duplicates: 1, stored: 1 });
	});

	test('a scripted chat answers what a test asks for, such as an HTML 502 page', async () => {
		await admin('answers', { chat_id: 'broken', status: 502, body: '<html>Bad Gateway</html>', content_type: 'text/html' });
		const response = await post(message({ chat_id: 'broken' }));
		expect(response.status).toBe(502);
		expect(response.headers.get('content-type')).toBe('text/html');
		expect(await response.text()).toBe('<html>Bad Gateway</html>');
		expect((await post(message({ chat_id: 'fine' }))).status).toBe(200);
	});
});
