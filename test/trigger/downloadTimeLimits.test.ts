/**
 * Threat: a delivery that costs n8n far more than it costs the sender, or that makes Suvvy give up on
 * its answer. Here, servers that drip, links that never end, and deliveries queued behind others:
 * every delivery's downloads end within its time limit, which keeps Suvvy's answer well inside the
 * 20 s it waits, and what is not downloaded keeps its link. The limits are the package's own, so they
 * hold on every engine of the compatibility matrix, also where n8n's HTTP helper ignores its abort
 * signal. Files come from a loopback server, so these tests allow private-network downloads.
 */
import { callTrigger } from '../support/callTrigger';
import { delivery, fileMessageOn } from '../support/costlyDelivery';
import { drip, file, slowHeaders } from '../support/fileServer';
import { FROM_LOOPBACK, useFileServer } from '../support/useFileServer';

const files = useFileServer();
const fileMessage = fileMessageOn(files);

const OUT_OF_TIME = (seconds: number) =>
	`Not downloaded within the delivery's ${seconds} s download time (Suvvy waits at most 20 s for the answer); the link is kept`;

describe('Suvvy Trigger: every delivery is answered within its download time', () => {
	test.each([
		['sends the body one byte at a time', drip(20)],
		['sends one header line every 200 ms and never finishes them', slowHeaders(200)],
	])(
		'a file server that %s is stopped at the time limit; Suvvy is answered after, and the item keeps its link',
		async (_behaviour, handler) => {
			const events: string[] = [];
			files.serve('/slow.bin', (request, response) => {
				events.push('download started');
				handler(request, response);
			});
			const began = Date.now();
			const result = await callTrigger({
				body: delivery([fileMessage('/slow.bin')]),
				parameters: { options: { ...FROM_LOOPBACK, downloadTimeLimitSeconds: 1 } },
				onAnswer: (status) => events.push(`answered ${status}`),
			});
			// An upper bound only: the limit is 1 s, and without it these servers never finish.
			expect(Date.now() - began).toBeLessThan(8_000);
			expect(events).toEqual(['download started', 'answered 200']);
			expect(result.items?.[0].json.file_error).toBe(
				'Download stopped: it took longer than the 1 s time limit',
			);
			expect(result.items?.[0].json.file).toEqual(fileMessage('/slow.bin').file);
			expect(result.items?.[0].binary).toBeUndefined();
		},
	);

	test('a delivery of a thousand never-ending links stops at its download time: the running download is cut off, no other starts, every item keeps its link and says why', async () => {
		files.serve('/never-ends.bin', drip(100));
		const links = Array.from({ length: 1000 }, () => fileMessage('/never-ends.bin'));
		const began = Date.now();
		const result = await callTrigger({
			body: delivery(links),
			parameters: { options: { ...FROM_LOOPBACK, deliveryDownloadTimeLimitSeconds: 2 } },
		});
		// An upper bound only: without the delivery's limit this would take 1 000 × 10 s.
		expect(Date.now() - began).toBeLessThan(15_000);
		expect(result.status).toBe(200);
		expect(files.requests).toHaveLength(1);
		const items = result.items ?? [];
		expect(items).toHaveLength(1000);
		expect(items[0].json.file_error).toBe(
			"Download stopped: the delivery's 2 s download time ran out (Suvvy waits at most 20 s for the answer); the link is kept",
		);
		expect(new Set(items.slice(1).map((item) => item.json.file_error))).toEqual(
			new Set([OUT_OF_TIME(2)]),
		);
		expect(items.every((item) => item.binary === undefined)).toBe(true);
		expect(items[999].json.file).toEqual(links[999].file);
	}, 20_000);

	test('a delivery waiting behind a busy download slot gives up when its time is used up; the download holding the slot goes on', async () => {
		let finishHeld: () => void = () => undefined;
		const heldArrived = new Promise<void>((resolve) => {
			files.serve('/holds-the-slot.bin', (_request, response) => {
				finishHeld = () => response.end(Buffer.alloc(1024, 5));
				resolve();
			});
		});
		files.serve('/queued.bin', file(Buffer.alloc(1024, 6)));
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
		expect(queued.status).toBe(200);
		expect(queued.items?.map((item) => item.json.file_error)).toEqual([
			OUT_OF_TIME(1),
			OUT_OF_TIME(1),
		]);
		expect(queued.items?.[0].json.file).toEqual(fileMessage('/queued.bin').file);
		finishHeld();
		const held = await holder;
		expect(held.items?.[0].binary?.data?.fileSize).toBe('1.02 kB');
		expect(files.requests.map((request) => request.path)).toEqual(['/holds-the-slot.bin']);
	}, 15_000);
});
