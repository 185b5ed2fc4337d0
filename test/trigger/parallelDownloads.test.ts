/**
 * Threat: a burst of deliveries that costs n8n far more than it costs the senders. Downloads across
 * all of a trigger's deliveries share Max Parallel Downloads, and a delivery that has begun fetching
 * keeps its slot until its files are done, so deliveries finish one after another instead of each
 * holding part of its files until all are done. Files come from a loopback server, so these tests
 * allow private-network downloads.
 */
import { callTrigger } from '../support/callTrigger';
import { delivery, fileMessageOn } from '../support/costlyDelivery';
import { FROM_LOOPBACK, useFileServer } from '../support/useFileServer';

const files = useFileServer();
const fileMessage = fileMessageOn(files);

/** Serves every `/held/…` path, holding each answer until the test lets it go. */
function holdAnswers() {
	const open: Array<{ path: string; finish: () => void }> = [];
	let arrived: () => void = () => undefined;
	for (let deliveryIndex = 0; deliveryIndex < 4; deliveryIndex++) {
		for (let fileIndex = 0; fileIndex < 3; fileIndex++) {
			const path = `/held/d${deliveryIndex}-f${fileIndex}.bin`;
			files.serve(path, (_request, response) => {
				open.push({ path, finish: () => response.end(Buffer.alloc(1024, fileIndex)) });
				arrived();
			});
		}
	}
	/** Resolves once `count` answers are held open at the server. */
	const held = async (count: number) => {
		while (open.length < count) await new Promise<void>((resolve) => (arrived = resolve));
	};
	return { open, held };
}

const deliveryOf = (index: number) =>
	delivery([0, 1, 2].map((file) => fileMessage(`/held/d${index}-f${file}.bin`)));

/** Four deliveries of three files each, posted at once to a trigger with `slots` download slots. */
const deliverAll = async (slots: number) =>
	await Promise.all(
		[0, 1, 2, 3].map(
			async (index) =>
				await callTrigger({
					body: deliveryOf(index),
					parameters: { options: { ...FROM_LOOPBACK, maxParallelDownloads: slots } },
				}),
		),
	);

describe('Suvvy Trigger: deliveries share the download slots, one delivery after another', () => {
	test('with one slot, each delivery fetches all its files before the next delivery fetches any', async () => {
		const server = holdAnswers();
		const calls = deliverAll(1);
		const order: string[] = [];
		for (let download = 0; download < 12; download++) {
			await server.held(1);
			expect(server.open).toHaveLength(1);
			const next = server.open.shift()!;
			order.push(next.path);
			next.finish();
		}
		const byDelivery = order.map((path) => path.slice('/held/'.length, '/held/d0'.length));
		// Four runs of three, each delivery's files in its messages' order.
		expect(new Set([0, 3, 6, 9].map((start) => byDelivery.slice(start, start + 3).join()))).toEqual(
			new Set(['d0,d0,d0', 'd1,d1,d1', 'd2,d2,d2', 'd3,d3,d3']),
		);
		for (const start of [0, 3, 6, 9]) {
			expect(order.slice(start, start + 3).map((path) => path.slice(-6))).toEqual([
				'f0.bin',
				'f1.bin',
				'f2.bin',
			]);
		}
		const results = await calls;
		for (const result of results) {
			expect(result.items?.map((item) => item.binary?.data?.fileSize)).toEqual(
				Array(3).fill('1.02 kB'),
			);
		}
	});

	test('with two slots, never more than two files download at once, across all deliveries', async () => {
		const server = holdAnswers();
		const calls = deliverAll(2);
		const fetched = new Map<string, number>();
		const seenOpen: number[] = [];
		for (let download = 0; download < 12; download++) {
			// Two deliveries download at once while two still have files to fetch, then one.
			const unfinished = [0, 1, 2, 3].filter((index) => (fetched.get(`d${index}`) ?? 0) < 3);
			await server.held(Math.min(2, unfinished.length));
			seenOpen.push(server.open.length);
			const next = server.open.shift()!;
			const owner = next.path.slice('/held/'.length, '/held/d0'.length);
			fetched.set(owner, (fetched.get(owner) ?? 0) + 1);
			next.finish();
		}
		expect(Math.max(...seenOpen)).toBe(2);
		const results = await calls;
		expect(
			results.flatMap((result) => result.items ?? []).filter((item) => item.binary),
		).toHaveLength(12);
	});
});
