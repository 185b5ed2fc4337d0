import { sleep } from 'n8n-workflow';

import { createRequestMemory } from '../../nodes/Suvvy/actions/message/send/sending/requestMemory';
import { countedSignal } from '../support/countedSignal';

/** Holds each reservation until the test lets it go, recording what was held at once. */
function tracker(limit: number) {
	const budget = createRequestMemory(limit);
	let held = 0;
	let mostHeld = 0;
	const granted: number[] = [];
	const releases = new Map<number, () => void>();
	const ask = (id: number, bytes: number) =>
		budget.reserve(bytes).then((release) => {
			held += bytes;
			mostHeld = Math.max(mostHeld, held);
			granted.push(id);
			releases.set(id, () => {
				held -= bytes;
				release?.();
			});
		});
	const settle = () => sleep(0);
	return {
		ask,
		granted,
		release: (id: number) => releases.get(id)?.(),
		settle,
		mostHeld: () => mostHeld,
	};
}

describe('the memory budget of request bodies', () => {
	test('lets bodies through at once while they fit, and holds the next until enough is released', async () => {
		const budget = tracker(100);
		void budget.ask(1, 40);
		void budget.ask(2, 40);
		void budget.ask(3, 40);
		await budget.settle();
		expect(budget.granted).toEqual([1, 2]);
		budget.release(1);
		await budget.settle();
		expect(budget.granted).toEqual([1, 2, 3]);
		expect(budget.mostHeld()).toBe(80);
	});

	test('never holds more than the budget, however many ask at once', async () => {
		const budget = tracker(1000);
		const sizes = Array.from({ length: 60 }, (_unused, index) => 50 + ((index * 37) % 400));
		sizes.forEach((bytes, id) => void budget.ask(id, bytes));
		for (let released = 0; released < sizes.length; released++) {
			await budget.settle();
			budget.release(budget.granted[released]);
		}
		await budget.settle();
		expect(budget.granted).toHaveLength(60);
		expect(budget.mostHeld()).toBeLessThanOrEqual(1000);
		expect(budget.mostHeld()).toBeGreaterThan(500);
	});

	test('a body larger than the whole budget is let through alone', async () => {
		const budget = tracker(100);
		void budget.ask(1, 30);
		void budget.ask(2, 250);
		void budget.ask(3, 10);
		await budget.settle();
		expect(budget.granted).toEqual([1]);
		budget.release(1);
		await budget.settle();
		expect(budget.granted).toEqual([1, 2]);
		budget.release(2);
		await budget.settle();
		expect(budget.granted).toEqual([1, 2, 3]);
		expect(budget.mostHeld()).toBe(250);
	});

	test('grants in the order asked, so a large body is not overtaken forever by small ones', async () => {
		const budget = tracker(100);
		void budget.ask(1, 60);
		void budget.ask(2, 60);
		void budget.ask(3, 10);
		await budget.settle();
		expect(budget.granted).toEqual([1]);
		budget.release(1);
		await budget.settle();
		expect(budget.granted).toEqual([1, 2, 3]);
	});

	test('releasing twice frees the bytes once', async () => {
		const budget = createRequestMemory(100);
		const release = await budget.reserve(80);
		release?.();
		release?.();
		await budget.reserve(100);
		let third = false;
		void budget.reserve(1).then(() => (third = true));
		await sleep(0);
		expect(third).toBe(false);
	});

	test('a reservation still waiting when its signal aborts ends without holding anything', async () => {
		const budget = createRequestMemory(100);
		const first = await budget.reserve(80);
		const cancel = countedSignal();
		const waiting = budget.reserve(60, cancel.signal);
		let small: (() => void) | undefined;
		void budget.reserve(20).then((release) => (small = release));
		await sleep(0);
		expect(small).toBeUndefined();
		cancel.abort();
		await expect(waiting).resolves.toBeUndefined();
		// The cancelled one no longer stands first in line: the small one behind it fits now.
		await sleep(0);
		expect(small).toBeDefined();
		first?.();
		expect(await budget.reserve(80)).toBeDefined();
	});

	test('nothing is reserved once the signal has aborted, even when it would fit', async () => {
		const cancel = new AbortController();
		cancel.abort();
		await expect(createRequestMemory(100).reserve(10, cancel.signal)).resolves.toBeUndefined();
	});

	test('a granted reservation leaves no listener on its signal', async () => {
		const budget = createRequestMemory(100);
		const cancel = countedSignal();
		const first = await budget.reserve(100, cancel.signal);
		const second = budget.reserve(100, cancel.signal);
		expect(cancel.listeners()).toBe(1);
		first?.();
		expect(await second).toBeDefined();
		expect(cancel.listeners()).toBe(0);
	});
});
