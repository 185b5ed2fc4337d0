/**
 * The trigger's download queue: what a trigger's deliveries may hold at once, and who downloads next.
 * Downloads here are promises the test settles itself; `settle()` lets every ready step run (one turn
 * of the event loop), so the order of events is the queue's, never a timer's.
 */
import {
	DeliveryDownloads,
	type QueueLimits,
} from '../../nodes/Suvvy/replies/download/downloadQueue';
import { nextTurn } from '../support/engineVersions';

const MB = 1024 * 1024;
const settle = nextTurn;
const never = new AbortController().signal;

let trigger = 0;
/** A fresh trigger for each test: queues are per trigger. */
const newTrigger = () => `test-trigger-${trigger++}`;

/** A download the test finishes itself, recording when it started. */
function heldDownload(log: string[], name: string) {
	let finish: () => void = () => undefined;
	const done = new Promise<void>((resolve) => (finish = resolve));
	const run = async () => {
		log.push(`${name} started`);
		await done;
		return name;
	};
	return { run, finish };
}

function join(key: string, limits: QueueLimits, bodyBytes = 0): DeliveryDownloads {
	const delivery = DeliveryDownloads.join(key, limits, bodyBytes);
	if (!delivery) throw new Error('expected the delivery to join');
	return delivery;
}

describe("the trigger's download queue", () => {
	test('deliveries get slots in the order they joined, and keep them until they are done downloading', async () => {
		const key = newTrigger();
		const limits = { memoryBytes: 100 * MB, parallelDownloads: 1 };
		const log: string[] = [];
		const [first, second] = [join(key, limits), join(key, limits)];
		const a1 = heldDownload(log, 'first, file 1');
		const b1 = heldDownload(log, 'second, file 1');
		const a2 = heldDownload(log, 'first, file 2');
		const firstFile = first.run(MB, never, a1.run);
		const secondFile = second.run(MB, never, b1.run);
		await settle();
		expect(log).toEqual(['first, file 1 started']);
		a1.finish();
		await firstFile;
		// Between its files the first delivery keeps the slot: the second still waits.
		const firstAgain = first.run(MB, never, a2.run);
		await settle();
		expect(log).toEqual(['first, file 1 started', 'first, file 2 started']);
		a2.finish();
		await firstAgain;
		first.doneDownloading();
		await settle();
		expect(log.at(-1)).toBe('second, file 1 started');
		b1.finish();
		await expect(secondFile).resolves.toEqual({ ran: true, value: 'second, file 1' });
		second.leave();
		first.leave();
	});

	test('a file waits while the deliveries ahead hold the memory, and downloads once they leave', async () => {
		const key = newTrigger();
		const limits = { memoryBytes: 2 * MB, parallelDownloads: 10 };
		const log: string[] = [];
		const ahead = join(key, limits);
		const behind = join(key, limits);
		const held = heldDownload(log, 'ahead');
		const aheadFile = ahead.run(1.5 * MB, never, held.run);
		const waiting = heldDownload(log, 'behind');
		const behindFile = behind.run(MB, never, waiting.run);
		await settle();
		expect(log).toEqual(['ahead started']);
		held.finish();
		await aheadFile;
		// Its file's bytes stay held until the delivery is kept smaller or leaves.
		await settle();
		expect(log).toEqual(['ahead started']);
		ahead.leave();
		await settle();
		expect(log).toEqual(['ahead started', 'behind started']);
		waiting.finish();
		await expect(behindFile).resolves.toEqual({ ran: true, value: 'behind' });
		behind.leave();
	});

	test('a file is told at once when it could never fit: the deliveries behind it do not leave first', async () => {
		const key = newTrigger();
		const limits = { memoryBytes: 2 * MB, parallelDownloads: 10 };
		const first = join(key, limits, 0.5 * MB);
		const waitingBody = join(key, limits, 1.2 * MB);
		const outcome = await first.run(MB, never, async () => 'ran');
		expect(outcome).toEqual({ ran: false, why: 'noMemory' });
		first.leave();
		waitingBody.leave();
	});

	test('a delivery whose body does not fit is not let in: it fetches nothing', () => {
		const key = newTrigger();
		const limits = { memoryBytes: 2 * MB, parallelDownloads: 2 };
		const inside = join(key, limits, 1.5 * MB);
		expect(DeliveryDownloads.join(key, limits, MB)).toBeUndefined();
		inside.leave();
		expect(DeliveryDownloads.join(key, limits, MB)).toBeDefined();
	});

	test('a file that waits gives up when its delivery runs out of time, and the line moves on', async () => {
		const key = newTrigger();
		const limits = { memoryBytes: 100 * MB, parallelDownloads: 1 };
		const log: string[] = [];
		const first = join(key, limits);
		const second = join(key, limits);
		const third = join(key, limits);
		const held = heldDownload(log, 'first');
		const firstFile = first.run(MB, never, held.run);
		const stop = new AbortController();
		const secondFile = second.run(MB, stop.signal, heldDownload(log, 'second').run);
		const last = heldDownload(log, 'third');
		const thirdFile = third.run(MB, never, last.run);
		stop.abort();
		await expect(secondFile).resolves.toEqual({ ran: false, why: 'stopped' });
		held.finish();
		await firstFile;
		first.leave();
		second.leave();
		await settle();
		expect(log).toEqual(['first started', 'third started']);
		last.finish();
		await expect(thirdFile).resolves.toEqual({ ran: true, value: 'third' });
		third.leave();
	});

	test('kept bytes smaller than reserved free the rest at once for the next file', async () => {
		const key = newTrigger();
		const limits = { memoryBytes: 2 * MB, parallelDownloads: 10 };
		const log: string[] = [];
		const ahead = join(key, limits);
		const behind = join(key, limits);
		await ahead.run(1.5 * MB, never, async () => 'stored on disk');
		const waiting = heldDownload(log, 'behind');
		const behindFile = behind.run(MB, never, waiting.run);
		await settle();
		expect(log).toEqual([]);
		// n8n stored the file outside memory: the delivery holds nothing of it any more.
		ahead.keep(1.5 * MB, 0);
		await settle();
		expect(log).toEqual(['behind started']);
		waiting.finish();
		await expect(behindFile).resolves.toEqual({ ran: true, value: 'behind' });
		ahead.leave();
		behind.leave();
	});
});
