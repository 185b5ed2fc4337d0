'use strict';
/**
 * The fault suite: 10 000 messages over 200 chats through n8n's engine, against the Suvvy emulator
 * failing one request in five (500s, 429s with Retry-After, dropped connections, answers slower than
 * the timeout), then a permanent outage. It checks what matters to a user: every message arrives
 * exactly once, each chat in order, every item leaves by exactly one output, nothing is lost.
 */
const { DEFAULT_TOKEN, startEmulator } = require('../../dev/emulator');
const { runWorkflow } = require('../support/runWorkflow');

const MESSAGES = 10_000;
const CHATS = 200;

async function admin(emulator, path, body) {
	const response = await fetch(`${emulator.url}/__emulator/${path}`, {
		method: body === undefined ? 'GET' : 'POST',
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return response.json();
}

function burst(count, chats) {
	return Array.from({ length: count }, (_unused, index) => ({
		json: { chat: `chat-${String(index % chats).padStart(3, '0')}`, seq: index, text: `message ${index}` },
	}));
}

async function sendThrough(emulator, items, options) {
	const started = performance.now();
	const { suvvyOutputs } = await runWorkflow({
		items,
		parameters: {
			resource: 'message',
			operation: 'send',
			chatId: '={{ $json.chat }}',
			messageId: '=fault-suite-{{ $json.seq }}',
			source: 'Fault suite',
			text: '={{ $json.text }}',
			options,
		},
		credentials: { token: DEFAULT_TOKEN, baseUrl: emulator.url },
	});
	return { suvvyOutputs, seconds: (performance.now() - started) / 1000 };
}

/** Every input index appears exactly once across all outputs. */
function expectEachItemOnce(suvvyOutputs, count) {
	const paired = suvvyOutputs.flat().map((item) => item.pairedItem.item);
	expect(paired).toHaveLength(count);
	expect(new Set(paired).size).toBe(count);
}

describe('fault suite', () => {
	let emulator;

	beforeAll(async () => {
		emulator = await startEmulator();
	});
	afterAll(() => emulator.close());

	test(`${MESSAGES} messages over ${CHATS} chats with 20 % transient faults: all arrive once, in order per chat`, async () => {
		await admin(emulator, 'state', {
			seed: 'fault-suite',
			faults: { rate: 0.2, kinds: ['500', '429', 'drop', 'slow'], retry_after_seconds: 1, slow_ms: 1500 },
		});
		const items = burst(MESSAGES, CHATS);
		const { suvvyOutputs, seconds } = await sendThrough(emulator, items, {
			retries: 10,
			retryTimeLimitSeconds: 120,
			timeoutSeconds: 1,
			maxParallelRequests: 50,
		});
		// Slow answers land after the client gave up; the emulator is idle once they have.
		await admin(emulator, 'idle');
		const stats = await admin(emulator, 'stats');
		const { messages } = await admin(emulator, 'messages');

		expectEachItemOnce(suvvyOutputs, MESSAGES);
		const sent = suvvyOutputs[0];
		const lost = MESSAGES - sent.length;
		const retries = sent.reduce((sum, item) => sum + item.json.attempts - 1, 0);
		const faults = Object.values(stats.faults).reduce((sum, count) => sum + count, 0);
		const figures = {
			messages: MESSAGES,
			chats: CHATS,
			requests: stats.requests,
			faults_injected: faults,
			faults_by_kind: stats.faults,
			retries_made: retries,
			duplicates_absorbed: stats.duplicates,
			stored: messages.length,
			lost,
			seconds: Number(seconds.toFixed(1)),
		};
		console.log(`fault suite, transient faults: ${JSON.stringify(figures)}`);

		expect(lost).toBe(0);
		expect(faults).toBeGreaterThan(MESSAGES * 0.15);
		expect(messages).toHaveLength(MESSAGES);
		expect(new Set(messages.map((message) => message.message_id)).size).toBe(MESSAGES);
		expect(stats.accepted).toBe(MESSAGES);
		const arrivalByChat = new Map();
		for (const message of messages) {
			const seqs = arrivalByChat.get(message.chat_id) ?? [];
			seqs.push(Number(message.message_id.replace('fault-suite-', '')));
			arrivalByChat.set(message.chat_id, seqs);
		}
		expect(arrivalByChat.size).toBe(CHATS);
		for (const seqs of arrivalByChat.values()) expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
		// Outputs keep input order.
		expect(sent.map((item) => item.pairedItem.item)).toEqual(items.map((_item, index) => index));
	});

	test('a permanent outage sends every item to Other Error within the retry time limit, none lost', async () => {
		await admin(emulator, 'reset', {});
		await admin(emulator, 'state', { seed: 'outage', faults: { rate: 1, kinds: ['500', 'drop'] } });
		const count = 400;
		const parallel = 50;
		const retryTimeLimitSeconds = 3;
		const timeoutSeconds = 1;
		const { suvvyOutputs, seconds } = await sendThrough(emulator, burst(count, 50), {
			retries: 3,
			retryTimeLimitSeconds,
			timeoutSeconds,
			maxParallelRequests: parallel,
		});
		expectEachItemOnce(suvvyOutputs, count);
		const failed = suvvyOutputs[6];
		expect(failed).toHaveLength(count);
		for (const item of failed) {
			expect(item.json.attempts).toBeGreaterThanOrEqual(2);
			expect(item.json.attempts).toBeLessThanOrEqual(4);
			expect(item.json.message).toMatch(/Gave up after \d attempts/);
		}
		// Each item may spend the retry time limit plus its last request; chats queue behind each other.
		const bound = Math.ceil(count / parallel) * (retryTimeLimitSeconds + timeoutSeconds);
		const stats = await admin(emulator, 'stats');
		console.log(
			`fault suite, permanent outage: ${JSON.stringify({ messages: count, requests: stats.requests, other_error: failed.length, lost: count - failed.length, seconds: Number(seconds.toFixed(1)), bound_seconds: bound })}`,
		);
		expect(seconds).toBeLessThanOrEqual(bound);
		expect(stats.accepted).toBe(0);
	});
});
