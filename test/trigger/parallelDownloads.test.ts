/**
 * Threat: a delivery that costs n8n far more than it costs the sender. Here, a burst of deliveries
 * each with files: downloads across all of them share Max Parallel Downloads, and the others wait
 * their turn. Files come from a loopback server, so these tests allow private-network downloads.
 */
import { watchDownloadSlots } from '../../nodes/Suvvy/trigger/downloadSlots';
import { callTrigger } from '../support/callTrigger';
import { delivery, fileMessageOn } from '../support/costlyDelivery';
import { FROM_LOOPBACK, useFileServer } from '../support/useFileServer';

const files = useFileServer();
const fileMessage = fileMessageOn(files);
afterEach(() => watchDownloadSlots(undefined));

describe('Suvvy Trigger: the work one delivery can cause is bounded', () => {
	test('downloads across simultaneous deliveries never exceed Max Parallel Downloads; the others wait their turn', async () => {
		const cap = 2;
		const deliveries = 5;
		// The server holds every answer until the test releases it; the slots say who waits.
		const open: Array<() => void> = [];
		let mostOpen = 0;
		let waiting = 0;
		let changed: () => void = () => undefined;
		files.serve('/held.bin', (_request, response) => {
			open.push(() => response.end(Buffer.alloc(1024, 3)));
			mostOpen = Math.max(mostOpen, open.length);
			changed();
		});
		watchDownloadSlots((_key, use) => {
			waiting = use.waiting;
			changed();
		});
		const calls = Promise.all(
			Array.from(
				{ length: deliveries },
				async () =>
					await callTrigger({
						body: delivery([fileMessage('/held.bin')]),
						parameters: { options: { ...FROM_LOOPBACK, maxParallelDownloads: cap } },
					}),
			),
		);
		const seen: Array<{ open: number; waiting: number }> = [];
		for (let remaining = deliveries; remaining > 0; remaining--) {
			// Until every download still to do is open at the server or waiting, and none waits while
			// the server has room (or the cap is already broken).
			while (
				mostOpen <= cap &&
				(open.length + waiting < remaining || (waiting > 0 && open.length < cap))
			) {
				await new Promise<void>((resolve) => (changed = resolve));
			}
			expect(mostOpen).toBeLessThanOrEqual(cap);
			seen.push({ open: open.length, waiting });
			open.shift()?.();
		}
		expect(seen).toEqual([
			{ open: 2, waiting: 3 },
			{ open: 2, waiting: 2 },
			{ open: 2, waiting: 1 },
			{ open: 2, waiting: 0 },
			{ open: 1, waiting: 0 },
		]);
		const results = await calls;
		expect(results.map((result) => result.items?.[0].binary?.data?.fileSize)).toEqual(
			Array(deliveries).fill('1.02 kB'),
		);
	});
});
