import type { IDataObject } from 'n8n-workflow';

import { startEmulator, DEFAULT_TOKEN, type Emulator } from '../../dev/emulator';
import { runWorkflow, type RunOptions } from '../support/runWorkflow';

/**
 * Retries and concurrency against the Suvvy emulator over real loopback HTTP: the engine is n8n's,
 * the server really drops connections and answers 429s.
 */
let emulator: Emulator;

beforeAll(async () => {
	emulator = await startEmulator();
});
afterAll(() => emulator.close());
beforeEach(async () => {
	await admin('reset', {});
	await admin('state', { faults: { rate: 0 }, latency_ms: 0, channel_enabled: true, balance: 100 });
});

async function admin(path: string, body?: unknown) {
	const response = await fetch(`${emulator.url}/__emulator/${path}`, {
		method: body === undefined ? 'GET' : 'POST',
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return (await response.json()) as Record<string, unknown>;
}

const SEND = {
	resource: 'message',
	operation: 'send',
	source: 'Reliability test',
	text: '={{ $json.text }}',
};

function send(items: IDataObject[], parameters: RunOptions['parameters'] = {}) {
	return runWorkflow({
		items: items.map((json) => ({ json })),
		parameters: { ...SEND, chatId: '={{ $json.chat }}', ...parameters },
		credentials: { token: DEFAULT_TOKEN, baseUrl: emulator.url },
	});
}

describe('retries', () => {
	test('a 429 with Retry-After is retried with the same message_id until Suvvy takes it', async () => {
		// With seed "d", the emulator refuses the first two attempts of this message ID and takes the third.
		await admin('state', {
			seed: 'd',
			faults: { rate: 0.6, kinds: ['429'], retry_after_seconds: 0 },
		});
		const { suvvyOutputs } = await send([{ chat: 'c1', text: 'hello' }], {
			messageId: 'fixed-429',
			options: { retries: 5 },
		});
		const stats = await admin('stats');
		const [sent] = suvvyOutputs[0];
		expect(sent.json.attempts).toBe(3);
		expect(stats.requests).toBe(3);
		expect(stats.accepted).toBe(1);
		expect((stats.faults as Record<string, number>)['429']).toBe((stats.requests as number) - 1);
		expect(sent.json.message_id).toBe('fixed-429');
	});

	test('a dropped connection is retried, and the message is stored once', async () => {
		// The emulator drops the first two attempts of this message ID and takes the third.
		await admin('state', { faults: { plan: { 'drop-twice': ['drop', 'drop'] } } });
		const { suvvyOutputs } = await send([{ chat: 'c1', text: 'hello' }], {
			messageId: 'drop-twice',
			options: { retries: 3 },
		});
		expect(suvvyOutputs[0]).toHaveLength(1);
		expect(suvvyOutputs[0][0].json.attempts).toBeGreaterThan(1);
		expect(await admin('stats')).toMatchObject({ accepted: 1 });
	});

	test.each([
		['401', { tokens: ['dummy-other-token'] }, 1],
		['402', { balance: -1 }, 2],
		['424', { channel_enabled: false }, 5],
	])('a %s is never retried', async (_status, state, output) => {
		await admin('state', state);
		const { suvvyOutputs } = await send([{ chat: 'c1', text: 'hello' }]);
		expect(suvvyOutputs[output][0].json.attempts).toBe(1);
		expect((await admin('stats')).requests).toBe(1);
		await admin('state', { tokens: [DEFAULT_TOKEN] });
	});

	test('a 415 from Suvvy is never retried', async () => {
		const { suvvyOutputs } = await runWorkflow({
			items: [
				{
					json: { chat: 'c1' },
					files: {
						data: {
							base64: Buffer.from('plain text').toString('base64'),
							fileName: 'x.png',
							mimeType: 'image/png',
						},
					},
				},
			],
			parameters: { ...SEND, chatId: '={{ $json.chat }}', text: '' },
			credentials: { token: DEFAULT_TOKEN, baseUrl: emulator.url },
		});
		expect(suvvyOutputs[3][0].json).toMatchObject({
			status: 415,
			attempts: 1,
			found_locally: false,
		});
		expect((await admin('stats')).requests).toBe(1);
	});

	test('an item that runs out of attempts goes to Other Error with the attempt count and the last cause', async () => {
		await admin('state', { faults: { rate: 1, kinds: ['429'], retry_after_seconds: 0 } });
		const { suvvyOutputs } = await send([{ chat: 'c1', text: 'hello' }], {
			options: { retries: 2 },
		});
		const [failed] = suvvyOutputs[6];
		expect(failed.json).toMatchObject({
			status: 429,
			attempts: 3,
			error_code: 'unexpected_status',
		});
		expect(failed.json.message).toMatch(/Gave up after 3 attempts: no retries left\.$/);
		expect((await admin('stats')).requests).toBe(3);
	});

	test('a Retry-After beyond the retry time limit ends retrying at once', async () => {
		await admin('state', { faults: { rate: 1, kinds: ['429'], retry_after_seconds: 30 } });
		const { suvvyOutputs } = await send([{ chat: 'c1', text: 'hello' }], {
			options: { retries: 5, retryTimeLimitSeconds: 2 },
		});
		expect(suvvyOutputs[6][0].json.attempts).toBe(1);
		expect(suvvyOutputs[6][0].json.message).toMatch(
			/the retry time limit would have been passed\.$/,
		);
	});

	test('Retries 0 turns retrying off', async () => {
		await admin('state', { faults: { rate: 1, kinds: ['500'] } });
		const { suvvyOutputs } = await send([{ chat: 'c1', text: 'hello' }], {
			options: { retries: 0 },
		});
		expect(suvvyOutputs[6][0].json).toMatchObject({ attempts: 1, error_code: 'invalid_response' });
		expect((await admin('stats')).requests).toBe(1);
	});

	test('an answer slower than the request timeout is a network error, and the retry is absorbed as a duplicate', async () => {
		// Only the first attempt is slow; the emulator still stores it when its answer is due.
		await admin('state', { faults: { plan: { 'slow-once': ['slow'] }, slow_ms: 1500 } });
		const { suvvyOutputs } = await send([{ chat: 'c1', text: 'hello' }], {
			messageId: 'slow-once',
			options: { timeoutSeconds: 1, retries: 2 },
		});
		expect(suvvyOutputs[0][0].json.attempts).toBe(2);
		// Returns once no request is in flight, the slow one included.
		await admin('idle');
		expect(await admin('stats')).toMatchObject({ accepted: 1, duplicates: 1 });
	});
});

describe('concurrency', () => {
	const burst = Array.from({ length: 24 }, (_unused, index) => ({
		chat: `chat-${index % 4}`,
		text: `message ${index}`,
	}));

	test('sends different chats in parallel, up to Max Parallel Requests, and each chat in input order', async () => {
		await admin('state', { latency_ms: 40 });
		const { suvvyOutputs } = await send(burst, { options: { maxParallelRequests: 3 } });
		const stats = await admin('stats');
		expect(stats.max_in_flight).toBe(3);
		const stored = (await admin('messages')).messages as Array<{
			chat_id: string;
			body: { text: string };
		}>;
		expect(stored).toHaveLength(24);
		for (const chat of ['chat-0', 'chat-1', 'chat-2', 'chat-3']) {
			const inArrival = stored
				.filter((message) => message.chat_id === chat)
				.map((message) => message.body.text);
			const inInput = burst.filter((item) => item.chat === chat).map((item) => item.text);
			expect(inArrival).toEqual(inInput);
		}
		// Outputs keep input order whatever order the answers came in.
		expect(suvvyOutputs[0].map((item) => item.pairedItem)).toEqual(
			burst.map((_item, index) => ({ item: index })),
		);
	});

	test('one chat is never sent in parallel with itself', async () => {
		await admin('state', { latency_ms: 20 });
		await send(
			burst.map((item) => ({ ...item, chat: 'only-chat' })),
			{ options: { maxParallelRequests: 10 } },
		);
		expect((await admin('stats')).max_in_flight).toBe(1);
	});
});
