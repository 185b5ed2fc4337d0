'use strict';
/** The Suvvy emulator answers like Suvvy's "Sending messages" page says, and replies like its webhook. */
const { createHash } = require('node:crypto');
const http = require('node:http');

const { startEmulator, DEFAULT_TOKEN, MESSAGE_PATH } = require('../../dev/emulator');
const { samplePdf } = require('../../dev/emulator/replyBot');

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
const OGG = Buffer.concat([Buffer.from('OggS'), Buffer.alloc(60, 1)]);

function message(overrides = {}) {
	return {
		api_version: 1,
		message_id: `m-${Math.random().toString(36).slice(2)}`,
		chat_id: 'chat-1',
		text: 'Hello!',
		source: 'Jest',
		message_sender: 'customer',
		...overrides,
	};
}

function attachment(bytes, fileType = 'image', fileName = 'file.png') {
	return { file_name: fileName, file_type: fileType, data: bytes.toString('base64') };
}

/** Collects what a webhook receiver gets, like n8n's Suvvy Trigger would. */
async function startReceiver() {
	const received = [];
	const server = http.createServer((request, response) => {
		const chunks = [];
		request.on('data', (chunk) => chunks.push(chunk));
		request.on('end', () => {
			received.push({ headers: request.headers, body: JSON.parse(Buffer.concat(chunks).toString()) });
			response.end('ok');
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { received, url: `http://127.0.0.1:${server.address().port}/hook`, close: () => server.close() };
}

describe('Suvvy emulator', () => {
	let emulator;
	const post = (body, { token = DEFAULT_TOKEN, raw } = {}) =>
		fetch(`${emulator.url}${MESSAGE_PATH}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
			body: raw ?? JSON.stringify(body),
		});
	const admin = async (path, body) => {
		const response = await fetch(`${emulator.url}/__emulator/${path}`, {
			method: body ? 'POST' : 'GET',
			body: body ? JSON.stringify(body) : undefined,
		});
		return response.json();
	};

	beforeEach(async () => {
		emulator = await startEmulator({ replyDelayMs: 0 });
	});
	afterEach(() => emulator.close());

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

	test('replies to a customer message with a new_messages event carrying the secret, and serves the file', async () => {
		const receiver = await startReceiver();
		try {
			await admin('state', { webhook_url: receiver.url, webhook_secret: 'dummy-webhook-secret' });
			await post(message({ chat_id: 'c-9', text: 'Send #document', attachments: [attachment(PNG)] }));
			await post(message({ chat_id: 'c-9', message_sender: 'employee', text: 'operator here' }));
			await admin('idle');
			expect(receiver.received).toHaveLength(1);
			const [{ headers, body }] = receiver.received;
			expect(headers.authorization).toBe('Bearer dummy-webhook-secret');
			expect(body.event_type).toBe('new_messages');
			expect(body.chat_id).toBe('c-9');
			expect(body.new_messages.map((entry) => entry.type)).toEqual(['text', 'image', 'document']);
			expect(body.new_messages[0]).toEqual({ type: 'text', message_sender: 'ai', text: 'Echo: Send #document' });
			const image = body.new_messages[1].file;
			expect(image).toMatchObject({ name: 'file.png', mime_type: 'image/png', size_bytes: PNG.length });
			const download = await fetch(image.url);
			expect(Buffer.from(await download.arrayBuffer()).equals(PNG)).toBe(true);
			const pdf = Buffer.from(await (await fetch(body.new_messages[2].file.url)).arrayBuffer());
			expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
			expect((await admin('deliveries')).deliveries[0]).toMatchObject({ status: 200, delivered: true });
		} finally {
			receiver.close();
		}
	});

	test('sends a test_request event on demand', async () => {
		const receiver = await startReceiver();
		try {
			await admin('state', { webhook_url: receiver.url });
			const delivery = await admin('test-request', {});
			expect(delivery).toMatchObject({ event_type: 'test_request', status: 200 });
			expect(receiver.received[0].body).toEqual({ event_type: 'test_request' });
			expect(receiver.received[0].headers.authorization).toBeUndefined();
		} finally {
			receiver.close();
		}
	});

	describe('fault injection', () => {
		async function outcomes(seed) {
			await admin('reset', {});
			await admin('state', { seed, faults: { rate: 0.5, kinds: ['500', '429'], retry_after_seconds: 7 } });
			const statuses = [];
			for (let index = 0; index < 20; index++) {
				const response = await post(message({ message_id: `fixed-${index}` }));
				statuses.push(response.status);
				if (response.status === 429) expect(response.headers.get('retry-after')).toBe('7');
			}
			return statuses;
		}

		test('the same seed fails the same requests; another seed fails others', async () => {
			const first = await outcomes('alpha');
			const again = await outcomes('alpha');
			const other = await outcomes('beta');
			expect(again).toEqual(first);
			expect(other).not.toEqual(first);
			expect(first.filter((status) => status !== 200).length).toBeGreaterThan(3);
			expect(new Set(first)).toEqual(new Set([200, 500, 429]));
		});

		test('a retry of the same message_id is judged afresh, so transient faults pass', async () => {
			await admin('state', { faults: { rate: 0.5, kinds: ['500'] } });
			const body = message();
			let attempts = 0;
			let status;
			do {
				status = (await post(body)).status;
				attempts++;
			} while (status !== 200 && attempts < 50);
			expect(status).toBe(200);
			expect((await admin('stats')).faults['500'] ?? 0).toBe(attempts - 1);
		});

		test('drops the connection without an answer', async () => {
			await admin('state', { faults: { rate: 1, kinds: ['drop'] } });
			await expect(post(message())).rejects.toThrow();
		});

		test('a slow answer still stores the message, so a retry is absorbed as a duplicate', async () => {
			const body = message();
			await admin('state', { faults: { plan: { [body.message_id]: ['slow'] }, slow_ms: 300 } });
			await expect(
				fetch(`${emulator.url}${MESSAGE_PATH}`, {
					method: 'POST',
					headers: { authorization: `Bearer ${DEFAULT_TOKEN}` },
					body: JSON.stringify(body),
					signal: AbortSignal.timeout(100),
				}),
			).rejects.toThrow();
			// Idle means the slow attempt has been handled (and stored) though its client left.
			await admin('idle');
			expect((await post(body)).status).toBe(200);
			expect(await admin('stats')).toMatchObject({ accepted: 1, duplicates: 1 });
		});

		test('a fault plan fails the first attempts of a message ID as listed, then lets it through', async () => {
			const body = message();
			await admin('state', { faults: { plan: { [body.message_id]: ['500', '429'] } } });
			expect((await post(body)).status).toBe(500);
			expect((await post(body)).status).toBe(429);
			expect((await post(body)).status).toBe(200);
			expect(await admin('stats')).toMatchObject({ accepted: 1, faults: { 500: 1, 429: 1 } });
		});

		test('refuses a fault plan with an unknown kind', async () => {
			const response = await fetch(`${emulator.url}/__emulator/state`, {
				method: 'POST',
				body: JSON.stringify({ faults: { plan: { m1: ['explode'] } } }),
			});
			expect(response.status).toBe(400);
			expect((await response.json()).detail).toMatch(/fault plan of "m1"/);
		});

		test('adds latency to every answer', async () => {
			await admin('state', { latency_ms: 120 });
			const started = performance.now();
			await post(message());
			expect(performance.now() - started).toBeGreaterThanOrEqual(110);
		});

		test('refuses an unknown fault kind over the admin endpoint', async () => {
			const response = await fetch(`${emulator.url}/__emulator/state`, {
				method: 'POST',
				body: JSON.stringify({ faults: { rate: 0.1, kinds: ['meteor'] } }),
			});
			expect(response.status).toBe(400);
			expect((await response.json()).detail).toMatch(/meteor/);
		});
	});

	test('a scripted chat answers what a test asks for, such as an HTML 502 page', async () => {
		await admin('answers', { chat_id: 'broken', status: 502, body: '<html>Bad Gateway</html>', content_type: 'text/html' });
		const response = await post(message({ chat_id: 'broken' }));
		expect(response.status).toBe(502);
		expect(response.headers.get('content-type')).toBe('text/html');
		expect(await response.text()).toBe('<html>Bad Gateway</html>');
		expect((await post(message({ chat_id: 'fine' }))).status).toBe(200);
	});

	describe("the Telegram Bot API stand-in (for the Telegram example)", () => {
		const bot = (method, body) =>
			fetch(`${emulator.url}/telegram/bot123:test/${method}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(body),
			}).then(async (response) => ({ status: response.status, body: await response.json() }));

		test('keeps the webhook a Telegram Trigger registers, and forgets it when deleted', async () => {
			expect(await bot('setWebhook', { url: 'http://127.0.0.1:1/hook', secret_token: 'wf_node' })).toEqual({ status: 200, body: { ok: true, result: true } });
			expect((await bot('getWebhookInfo', {})).body.result.url).toBe('http://127.0.0.1:1/hook');
			await bot('deleteWebhook', {});
			expect((await bot('getWebhookInfo', {})).body.result.url).toBe('');
		});

		test('records what the Telegram node sends, and refuses a message without text', async () => {
			const sent = await bot('sendMessage', { chat_id: '42', text: 'Hi' });
			expect(sent.body).toMatchObject({ ok: true, result: { chat: { id: 42 }, text: 'Hi' } });
			expect((await bot('sendMessage', { chat_id: '42' })).status).toBe(400);
			expect((await bot('getUpdates', {})).status).toBe(404);
			expect((await admin('telegram/sent')).sent).toEqual([{ chat_id: '42', text: 'Hi' }]);
		});

		test("delivers an update to the registered webhook with Telegram's secret header", async () => {
			const receiver = await startReceiver();
			try {
				await bot('setWebhook', { url: receiver.url, secret_token: 'wf_node' });
				const delivered = await admin('telegram/updates', { update_id: 1, message: { text: 'Hello' } });
				expect(delivered.status).toBe(200);
				expect(receiver.received).toHaveLength(1);
				expect(receiver.received[0].headers['x-telegram-bot-api-secret-token']).toBe('wf_node');
				expect(receiver.received[0].body).toEqual({ update_id: 1, message: { text: 'Hello' } });
			} finally {
				receiver.close();
			}
		});
	});

	describe('the OpenAI-compatible chat model (for n8n\'s OpenAI Chat Model node)', () => {
		const suvvyTool = {
			type: 'function',
			function: {
				name: 'Send_message_to_Suvvy',
				description: 'Send a message in Suvvy',
				parameters: { type: 'object', properties: { chatId: { type: 'string' }, text: { type: 'string' } }, required: ['chatId', 'text'] },
			},
		};
		const user = { role: 'user', content: 'Send "Do you deliver on Saturday?" to Suvvy chat agent-42.' };
		const complete = async (body) => {
			const response = await fetch(`${emulator.url}/v1/chat/completions`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', authorization: 'Bearer sk-emulator' },
				body: JSON.stringify({ model: 'suvvy-emulator-model', ...body }),
			});
			return { status: response.status, body: response.headers.get('content-type').includes('json') ? await response.json() : await response.text() };
		};

		test('first calls the Suvvy tool with the chat ID and text taken from the user message', async () => {
			const { status, body } = await complete({ messages: [user], tools: [suvvyTool] });
			expect(status).toBe(200);
			const [choice] = body.choices;
			expect(choice.finish_reason).toBe('tool_calls');
			expect(choice.message.tool_calls).toEqual([
				{ id: 'call_emulator_1', type: 'function', function: { name: 'Send_message_to_Suvvy', arguments: JSON.stringify({ chatId: 'agent-42', text: 'Do you deliver on Saturday?' }) } },
			]);
		});

		test('then answers with text that quotes the tool result, and records every request', async () => {
			const toolResult = JSON.stringify([{ sent: false, message: 'No Balance (HTTP 402): Top up the Suvvy balance, then resend.' }]);
			const { body } = await complete({
				messages: [user, { role: 'assistant', content: '', tool_calls: [{ id: 'call_emulator_1', type: 'function', function: { name: 'Send_message_to_Suvvy', arguments: '{}' } }] }, { role: 'tool', tool_call_id: 'call_emulator_1', content: toolResult }],
				tools: [suvvyTool],
			});
			expect(body.choices[0].finish_reason).toBe('stop');
			expect(body.choices[0].message.content).toBe(`Suvvy says: No Balance (HTTP 402): Top up the Suvvy balance, then resend.\n\nTool result: ${toolResult}`);
			const { requests } = await admin('openai/requests');
			expect(requests).toHaveLength(1);
			expect(requests[0]).toMatchObject({ method: 'POST', path: '/v1/chat/completions', authorization: 'Bearer sk-emulator', answered: { kind: 'answer' } });
			expect(requests[0].body.messages[2]).toEqual({ role: 'tool', tool_call_id: 'call_emulator_1', content: toolResult });
		});

		test('streams the same answer as server-sent events when asked to', async () => {
			const { body } = await complete({ messages: [user], tools: [suvvyTool], stream: true });
			const events = body.split('\n\n').filter(Boolean);
			expect(events.at(-1)).toBe('data: [DONE]');
			const deltas = events.slice(0, -1).map((event) => JSON.parse(event.slice('data: '.length)).choices[0]);
			expect(deltas.at(-1).finish_reason).toBe('tool_calls');
			expect(deltas.flatMap((delta) => delta.delta.tool_calls ?? []).map((call) => call.function.arguments).join('')).toBe(
				JSON.stringify({ chatId: 'agent-42', text: 'Do you deliver on Saturday?' }),
			);
		});

		test('lists its model, refuses the Responses API by name, and plays queued answers first', async () => {
			const models = await (await fetch(`${emulator.url}/v1/models`)).json();
			expect(models.data.map((model) => model.id)).toEqual(['suvvy-emulator-model']);
			const responses = await fetch(`${emulator.url}/v1/responses`, { method: 'POST', body: '{}' });
			expect(responses.status).toBe(400);
			expect((await responses.json()).error.message).toMatch(/turn "Use Responses API" off/);
			await admin('openai/script', { replies: [{ status: 500, body: { error: { message: 'overloaded' } } }] });
			expect((await complete({ messages: [user] })).status).toBe(500);
			expect((await complete({ messages: [user] })).body.choices[0].message.content).toBe(`You said: ${user.content}`);
			await admin('openai/reset', {});
			expect((await admin('openai/requests')).requests).toEqual([]);
		});
	});
});
