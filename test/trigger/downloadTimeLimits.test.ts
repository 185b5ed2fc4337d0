/**
 * Threat: a delivery that costs n8n far more than it costs the sender. Here, a server that drips
 * one byte at a time, or a thousand links that never end: the download and the delivery each have a
 * time limit, Suvvy is answered before any download begins, and what is not downloaded keeps its
 * link. Files come from a loopback server, so these tests allow private-network downloads.
 */
import { watchDownloadSlots } from '../../nodes/Suvvy/trigger/downloadSlots';
import { callTrigger } from '../support/callTrigger';
import { delivery, fileMessageOn } from '../support/costlyDelivery';
import { drip, file } from '../support/fileServer';
import { FROM_LOOPBACK, useFileServer } from '../support/useFileServer';

const files = useFileServer();
const fileMessage = fileMessageOn(files);
afterEach(() => watchDownloadSlots(undefined));

describe('Suvvy Trigger: the work one delivery can cause is bounded', () => {
	test('a download that drips is stopped at the time limit; Suvvy was answered before it began', async () => {
		const events: string[] = [];
		files.serve('/drip-watched.bin', (request, response) => {
			events.push('download started');
			drip(20)(request, response);
		});
		const result = await callTrigger({
			body: delivery([fileMessage('/drip-watched.bin')]),
			parameters: { options: { ...FROM_LOOPBACK, downloadTimeLimitSeconds: 1 } },
			onAnswer: (status) => events.push(`answered ${status}`),
		});
		expect(events).toEqual(['answered 200', 'download started']);
		expect(result.items?.[0].json.file_error).toBe(
			'Download stopped: it took longer than the 1 s time limit',
		);
		expect(result.items?.[0].binary).toBeUndefined();
	});

	test('a delivery of a thousand never-ending links stops at its download time limit: the running download is cut off, no other starts, every item keeps its link and says why', async () => {
		const events: string[] = [];
		files.serve('/never-ends.bin', (request, response) => {
			events.push('download started');
			drip(100)(request, response);
		});
		const links = Array.from({ length: 1000 }, () => fileMessage('/never-ends.bin'));
		const began = Date.now();
		const result = await callTrigger({
			body: delivery(links),
			// The per-file limit stays at its 60 s default: the delivery's limit is the nearer deadline.
			parameters: { options: { ...FROM_LOOPBACK, deliveryDownloadTimeLimitSeconds: 2 } },
			onAnswer: (status) => events.push(`answered ${status}`),
		});
		// An upper bound only: without the delivery's limit this would take 1 000 × 60 s.
		expect(Date.now() - began).toBeLessThan(15_000);
		expect(events).toEqual(['answered 200', 'download started']);
		expect(files.requests).toHaveLength(1);
		const items = result.items ?? [];
		expect(items).toHaveLength(1000);
		expect(items[0].json.file_error).toBe(
			"Download stopped: the delivery's 2 s download time limit ran out",
		);
		expect(new Set(items.slice(1).map((item) => item.json.file_error))).toEqual(
			new Set(["The delivery's 2 s download time limit is used up; not downloaded"]),
		);
		expect(items.every((item) => item.binary === undefined)).toBe(true);
		expect(items[999].json.file).toEqual(links[999].file);
	}, 20_000);

	test('a delivery waiting behind busy download slots gives up its place when its time is used up, and the download holding the slot goes on', async () => {
		let finishHeld: () => void = () => undefined;
		const heldArrived = new Promise<void>((resolve) => {
			files.serve('/holds-the-slot.bin', (_request, response) => {
				finishHeld = () => response.end(Buffer.alloc(1024, 5));
				resolve();
			});
		});
		files.serve('/queued.bin', file(Buffer.alloc(1024, 6)));
		const uses: Array<{ running: number; waiting: number }> = [];
		watchDownloadSlots((_key, use) => uses.push(use));
		const oneSlot = { ...FROM_LOOPBACK, maxParallelDownloads: 1 };
		const holder = callTrigger({
			body: delivery([fileMessage('/holds-the-slot.bin')]),
			parameters: { options: oneSlot },
		});
		await heldArrived;
		// The held answer is not released until this delivery has given up: it ends on its own clock.
		const queued = await callTrigger({
			body: delivery([fileMessage('/queued.bin'), fileMessage('/queued.bin')]),
			parameters: { options: { ...oneSlot, deliveryDownloadTimeLimitSeconds: 1 } },
		});
		expect(queued.items?.map((item) => item.json.file_error)).toEqual([
			"The delivery's 1 s download time limit ran out while the file waited for a download slot; not downloaded",
			"The delivery's 1 s download time limit is used up; not downloaded",
		]);
		expect(queued.items?.[0].json.file).toEqual(fileMessage('/queued.bin').file);
		expect(uses).toEqual([
			{ running: 1, waiting: 0 },
			{ running: 1, waiting: 1 },
			{ running: 1, waiting: 0 },
		]);
		finishHeld();
		const held = await holder;
		expect(held.items?.[0].binary?.data?.fileSize).toBe('1.02 kB');
		expect(uses.at(-1)).toEqual({ running: 0, waiting: 0 });
		expect(files.requests.map((request) => request.path)).toEqual(['/holds-the-slot.bin']);
	}, 15_000);
});
