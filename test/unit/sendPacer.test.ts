import { sleep } from 'n8n-workflow';

import { createSendPacer } from '../../nodes/Suvvy/actions/message/send/sending/pacer';

/** Starts `count` sends at once and records, per send, how many timer ticks it waited. */
async function startAtOnce(pace: () => Promise<void>, count: number): Promise<number[]> {
	let ticks = 0;
	let done = false;
	const ticker = (async () => {
		while (!done) {
			await sleep(0);
			ticks++;
		}
	})();
	const waited = await Promise.all(
		Array.from({ length: count }, async () => {
			await pace();
			return ticks;
		}),
	);
	done = true;
	await ticker;
	return waited;
}

describe('pacing the sends of a burst', () => {
	test('prepares at most the burst size per turn of the event loop, the rest on later turns', async () => {
		const waited = await startAtOnce(createSendPacer(4), 10);

		expect(waited.slice(0, 4)).toStrictEqual([0, 0, 0, 0]);
		expect(waited.slice(4).every((ticks) => ticks >= 1)).toBe(true);
		expect(waited[9]).toBeGreaterThan(waited[4]);
	});

	test('lets every send through, in the order they asked', async () => {
		const pace = createSendPacer(3);
		const order: number[] = [];
		await Promise.all(
			Array.from({ length: 11 }, async (_unused, index) => {
				await pace();
				order.push(index);
			}),
		);

		expect(order).toStrictEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
	});

	test('does not hold up sends that come one per turn', async () => {
		const pace = createSendPacer(1);
		for (let send = 0; send < 5; send++) {
			await sleep(2);
			let tickPassed = false;
			void sleep(0).then(() => (tickPassed = true));
			await pace();

			expect(tickPassed).toBe(false);
		}
	});
});
