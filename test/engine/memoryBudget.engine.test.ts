import { createHash } from 'node:crypto';

import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { Suvvy } from '../../nodes/Suvvy/Suvvy.node';
import {
	acceptedId,
	admin,
	audio,
	KB,
	sendVoices,
	useBudgetEmulator,
	type Voice,
} from '../support/budgetEmulator';
import { readingFiles } from '../support/readingFiles';

/**
 * The memory budget of request bodies, through n8n's engine against the emulator over loopback: what
 * is on the wire, what is read of the files and when, and how the budget behaves across retries,
 * failures and a cancelled execution. The emulator's log (one line per fault it plays and per message
 * it stores, in the order it handles them) orders the events; nothing here waits on a timer.
 */
let emulatorLog: string[] = [];
let onLogLine: (line: string) => void = () => {};

useBudgetEmulator((line) => {
	emulatorLog.push(line);
	onLogLine(line);
});
beforeEach(() => {
	emulatorLog = [];
	onLogLine = () => {};
});

/**
 * The Suvvy node, handing over what it returned once it has: n8n-core 1.41 and older settle a
 * cancelled execution 10 ms after the cancel without waiting for the running node, so the run they
 * return may not hold the node's outputs yet.
 */
function suvvyTellingWhatItReturned() {
	let tell: (outputs: INodeExecutionData[][]) => void = () => {};
	const returned = new Promise<INodeExecutionData[][]>((resolve) => (tell = resolve));
	const node = new Suvvy();
	const execute = node.execute;
	node.execute = async function (this: IExecuteFunctions) {
		const outputs = await execute.call(this);
		tell(outputs);
		return outputs;
	};
	return { node, returned };
}

describe('bodies in flight', () => {
	test('never take more than the budget, whatever Max Parallel Requests says', async () => {
		await admin('state', { latency_ms: 60 });
		// Each body is about 400 KB (a 300 KB file as base64); 1 MB holds two of them.
		const voices = Array.from({ length: 12 }, (_unused, index) => ({
			id: `m-${index}`,
			chat: `chat-${index}`,
			size: 300 * KB,
		}));
		const { suvvyOutputs } = await sendVoices(voices, { requestMemoryMb: 1 });
		const stats = await admin('stats');
		expect(suvvyOutputs[0]).toHaveLength(12);
		expect(suvvyOutputs[0].map((item) => item.pairedItem)).toEqual(
			voices.map((_voice, index) => ({ item: index })),
		);
		expect(stats.max_bytes_in_flight).toBeLessThanOrEqual(1024 * KB);
		// Without the budget all twelve would go at once (Max Parallel Requests is 100).
		expect(stats.max_in_flight).toBeLessThanOrEqual(2);
	});

	test('a body larger than the budget is sent alone, and still sent', async () => {
		await admin('state', { latency_ms: 60 });
		const sizes = [100 * KB, 1500 * KB, 100 * KB, 100 * KB];
		const voices = sizes.map((size, index) => ({ id: `m-${index}`, chat: `chat-${index}`, size }));
		const { suvvyOutputs } = await sendVoices(voices, { requestMemoryMb: 1 });
		const stats = await admin('stats');
		expect(suvvyOutputs[0]).toHaveLength(4);
		expect(stats.accepted).toBe(4);
		// The large body (about 2 MB) went with nothing beside it.
		expect(stats.max_bytes_in_flight).toBeGreaterThan(1024 * KB);
		expect(stats.max_bytes_in_flight).toBeLessThan(2100 * KB);
	});
});

describe('files of messages waiting for the budget', () => {
	// Messages of 600 KB (read whole) and 1.2 MB (streamed from n8n's store), some declared as bare
	// uploads so their first bytes are looked at; 2 MB holds two of the smaller bodies at once.
	const voices: Voice[] = Array.from({ length: 12 }, (_unused, index) => ({
		id: `v-${index}`,
		chat: `chat-${index}`,
		size: index % 4 === 3 ? 1200 * KB : 600 * KB,
		generic: index % 3 === 0,
	}));
	const budgetBytes = 2 * 1024 * KB;
	const sizeOf = new Map(voices.map(({ id, size }) => [id, size]));

	test.each([
		['kept on disk (filesystem mode)', 'filesystem-v2'],
		["kept in the item (n8n 1.x's default mode)", 'default'],
	])('are not read before their memory is reserved: files %s', async (_where, mode) => {
		// File bytes read for messages Suvvy has not stored yet, at their most.
		let read = 0;
		let stored = 0;
		let mostHeld = 0;
		onLogLine = (line) => {
			const id = acceptedId(line);
			if (id) stored += sizeOf.get(id) ?? 0;
		};
		const { run, suvvyOutputs } = await readingFiles(
			mode,
			(bytes) => {
				read += bytes;
				mostHeld = Math.max(mostHeld, read - stored);
			},
			async () => await sendVoices(voices, { requestMemoryMb: budgetBytes / 1024 / KB }),
		);

		const [fixture] = run.data.resultData.runData['Fixture Items'][0].data?.main[0] ?? [];
		expect(fixture.binary?.data.id === undefined).toBe(mode === 'default');
		expect(suvvyOutputs[0].map((item) => item.json.message_id)).toEqual(voices.map(({ id }) => id));
		// A body holds its files as base64, four bytes for every three: the budget bounds the files
		// being sent to three quarters of it. The first bytes looked at (64 a file) are the only slack.
		expect(mostHeld).toBeLessThanOrEqual((budgetBytes * 3) / 4 + 64 * voices.length);
		expect(read).toBeGreaterThanOrEqual(voices.reduce((sum, { size }) => sum + size, 0));
		// The bytes read late are the bytes of each file.
		const messages = (await admin('messages')).messages as Array<{
			message_id: string;
			attachments: Array<{ sha256: string }>;
		}>;
		for (const [index, { id, size }] of voices.entries()) {
			const digest = createHash('sha256').update(audio(size, index)).digest('hex');
			expect(messages.find((message) => message.message_id === id)?.attachments[0].sha256).toBe(
				digest,
			);
		}
	});
});

describe('the budget across retries, failures and a cancelled execution', () => {
	// Two chats, bodies of about 800 KB each: a 1 MB budget holds one at a time.
	const pair: Voice[] = [
		{ id: 'a', chat: 'chat-1', size: 600 * KB },
		{ id: 'b', chat: 'chat-2', size: 600 * KB },
	];
	const events = () => emulatorLog.filter((line) => /^(fault|accepted)/.test(line));

	test("is held through a message's retries: the next message leaves only after its last attempt", async () => {
		// The emulator refuses each message's first attempt with a 429 and takes the second.
		await admin('state', { faults: { plan: { a: ['429'], b: ['429'] }, retry_after_seconds: 1 } });
		const { suvvyOutputs } = await sendVoices(pair, { requestMemoryMb: 1, retries: 2 });
		expect(suvvyOutputs[0].map(({ json }) => [json.message_id, json.attempts])).toEqual([
			['a', 2],
			['b', 2],
		]);
		// Whichever goes first, its retry comes before the other's first attempt.
		expect(events()).toEqual([
			'fault 429',
			expect.stringMatching(/^accepted [ab] /),
			'fault 429',
			expect.stringMatching(/^accepted [ab] /),
		]);
		expect((await admin('stats')).max_in_flight).toBe(1);
	});

	test('is released when a message fails for good, so the next one is sent', async () => {
		// a's only attempt times out (no retries); the emulator still stores it when its answer is due.
		await admin('state', { faults: { plan: { a: ['slow'] }, slow_ms: 1500 } });
		const { suvvyOutputs } = await sendVoices(pair, {
			requestMemoryMb: 1,
			retries: 0,
			timeoutSeconds: 1,
		});
		expect(suvvyOutputs[6].map(({ json }) => [json.message_id, json.error_code])).toEqual([
			['a', 'network_error'],
		]);
		expect(suvvyOutputs[0].map(({ json }) => json.message_id)).toEqual(['b']);
		await admin('idle');
	}, 15_000);

	test('a message still waiting for it when the execution is cancelled is never sent', async () => {
		// The first message to arrive is held at the emulator, and the execution is cancelled while
		// it is, with the other waiting its turn.
		await admin('state', { faults: { plan: { a: ['slow'], b: ['slow'] }, slow_ms: 300 } });
		let execution: { cancel(): void } | undefined;
		onLogLine = (line) => {
			if (line === 'fault slow') execution?.cancel();
		};
		const suvvy = suvvyTellingWhatItReturned();
		const { run } = await sendVoices(
			pair,
			{ requestMemoryMb: 1 },
			(started) => {
				execution = started;
			},
			suvvy.node,
		);
		await admin('idle');
		expect(run.status).toBe('canceled');
		expect(events()).toEqual(['fault slow', expect.stringMatching(/^accepted [ab] /)]);
		expect((await admin('stats')).requests).toBe(1);
		// n8n 1.72 and newer also abort the node's requests on cancel; n8n 1.49 leaves it to the node.
		const first = acceptedId(events()[1]);
		const waiting = (await suvvy.returned)[6].find(({ json }) => json.message_id !== first);
		expect(waiting?.json).toMatchObject({ error_code: 'execution_cancelled', found_locally: true });
	});
});
