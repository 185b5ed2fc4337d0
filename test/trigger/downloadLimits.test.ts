/**
 * Threat: a delivery that costs n8n far more than it costs the sender. A server that drips one byte
 * at a time, a small body with a thousand links, a burst of deliveries each with large files, or one
 * huge field copied onto every message item. Each is bounded; what does not fit keeps its link.
 * Files come from a loopback server, so these tests allow private-network downloads.
 */
import type { IDataObject } from 'n8n-workflow';

import { watchDownloadSlots } from '../../nodes/Suvvy/trigger/downloadSlots';
import { callTrigger } from '../support/callTrigger';
import {
	drip,
	endless,
	file,
	partial,
	startFileServer,
	type FileServer,
} from '../support/fileServer';

const MB = 1024 * 1024;
/** README: per-message items repeat at most 4 096 characters of the delivery's own fields. */
const DOCUMENTED_CAP = 4096;
const FROM_LOOPBACK = { allowPrivateNetworkDownloads: true };

let files: FileServer;
beforeAll(async () => {
	files = await startFileServer();
});
afterAll(async () => await files.close());
beforeEach(() => files.requests.splice(0));
afterEach(() => watchDownloadSlots(undefined));

const fileMessage = (path: string, extra: IDataObject = {}) => ({
	type: 'document',
	message_sender: 'ai',
	file: { name: path.split('/').pop(), url: `${files.url}${path}`, ...extra },
});
const delivery = (messages: unknown[], extra: IDataObject = {}) => ({
	event_type: 'new_messages',
	chat_id: 'chat-9',
	new_messages: messages,
	...extra,
});

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

	test('a thousand links in one small delivery download only what fits the delivery budget', async () => {
		files.serve('/one-mb.bin', file(Buffer.alloc(MB, 7)));
		const links = Array.from({ length: 1000 }, () => fileMessage('/one-mb.bin'));
		const result = await callTrigger({
			body: delivery(links),
			parameters: { options: { ...FROM_LOOPBACK, maxDeliveryDownloadMb: 3 } },
		});
		const items = result.items ?? [];
		expect(items).toHaveLength(1000);
		expect(items.filter((item) => item.binary).length).toBe(3);
		expect(items[3].json.file_error).toBe(
			"The delivery's 3.0 MB download budget is used up; not downloaded",
		);
		expect(items[999].json.file_error).toBe(items[3].json.file_error);
		expect(files.requests).toHaveLength(3);
	});

	test('a file larger than what is left of the budget is cut off, by its declared size or while it arrives', async () => {
		files.serve('/two-mb.bin', file(Buffer.alloc(2 * MB, 1)));
		const result = await callTrigger({
			body: delivery([
				fileMessage('/two-mb.bin', { size_bytes: 2 * MB }),
				fileMessage('/two-mb.bin', { size_bytes: 2 * MB }),
				fileMessage('/two-mb.bin'),
			]),
			parameters: { options: { ...FROM_LOOPBACK, maxDeliveryDownloadMb: 3 } },
		});
		const errors = result.items?.map((item) => item.json.file_error);
		expect(errors?.[0]).toBeUndefined();
		expect(errors?.[1]).toBe(
			"File is 2097152 bytes, more than is left of the delivery's 3.0 MB download budget; not downloaded",
		);
		expect(errors?.[2]).toBe(
			"File does not fit in what is left of the delivery's 3.0 MB download budget (2097152 bytes or more); not downloaded",
		);
	});

	test('bytes read for a file that is then cut off count against the delivery budget: a thousand endless links read little more than the budget', async () => {
		files.serve('/endless.bin', endless());
		const links = Array.from({ length: 1000 }, () => fileMessage('/endless.bin'));
		const result = await callTrigger({
			body: delivery(links),
			parameters: { maxFileSizeMb: 2, options: { ...FROM_LOOPBACK, maxDeliveryDownloadMb: 4 } },
		});
		const errors = (result.items ?? []).map((item) => item.json.file_error);
		expect(errors[0]).toMatch(/^File is larger than the 2\.0 MB limit \(\d+ bytes or more\)$/);
		expect(errors[1]).toMatch(
			/^File does not fit in what is left of the delivery's 4\.0 MB download budget \(\d+ bytes or more\); not downloaded$/,
		);
		expect(new Set(errors.slice(2))).toEqual(
			new Set(["The delivery's 4.0 MB download budget is used up; not downloaded"]),
		);
		expect(files.requests).toHaveLength(2);
		// README: at most the budget and the one network read (64 KB) that crossed it. (The server wrote
		// a few MB more: what the operating system buffered for the two connections the trigger closed.)
		expect(result.bytesRead).toBeGreaterThan(4 * MB);
		expect(result.bytesRead).toBeLessThanOrEqual(4 * MB + 64 * 1024);
	});

	test('bytes read before a time limit or a broken connection count against the delivery budget too', async () => {
		files.serve('/hang-up.bin', partial(Buffer.alloc(MB, 1), 'hangUp'));
		files.serve('/stall.bin', partial(Buffer.alloc(MB, 2), 'stall'));
		const result = await callTrigger({
			body: delivery([
				fileMessage('/hang-up.bin'),
				fileMessage('/stall.bin'),
				fileMessage('/stall.bin'),
				fileMessage('/stall.bin'),
			]),
			parameters: {
				options: { ...FROM_LOOPBACK, maxDeliveryDownloadMb: 2.5, downloadTimeLimitSeconds: 1 },
			},
		});
		// 1 MB read, then 1 MB more, leave 0.5 MB: the third file does not fit, the fourth finds none.
		expect(result.items?.map((item) => item.json.file_error)).toEqual([
			'Download failed: connection reset',
			'Download stopped: it took longer than the 1 s time limit',
			expect.stringMatching(
				/^File does not fit in what is left of the delivery's 2\.5 MB download budget/,
			),
			"The delivery's 2.5 MB download budget is used up; not downloaded",
		]);
	});

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

	test('each message item carries the small delivery fields, never a large one a thousand times', async () => {
		const big = 'x'.repeat(10 * MB);
		const messages = Array.from({ length: 1000 }, (_, index) => ({
			type: 'text',
			message_sender: 'ai',
			text: `message ${index}`,
		}));
		const body = delivery(messages, { channel: 'custom', transcript: big });
		const result = await callTrigger({ body });
		const items = result.items ?? [];
		expect(items).toHaveLength(1000);
		expect(items[0].json).toEqual({
			event_type: 'new_messages',
			chat_id: 'chat-9',
			channel: 'custom',
			omitted_delivery_field_count: 1,
			omitted_delivery_fields: ['transcript'],
			type: 'text',
			message_sender: 'ai',
			text: 'message 0',
			message_index: 0,
		});
		expect(JSON.stringify(items.map((item) => item.json)).length).toBeLessThan(MB);

		const whole = await callTrigger({ body, parameters: { output: 'delivery' } });
		expect(whole.items?.[0].json.transcript).toBe(big);
	});
	test('long field names are bounded too: each item repeats at most 4 096 characters of the delivery', async () => {
		const hugeName = 'k'.repeat(MB);
		const extra: IDataObject = { [hugeName]: 0 };
		for (let field = 0; field < 300; field++) extra[`field_${field}_${'n'.repeat(150)}`] = field;
		const messages = Array.from({ length: 200 }, (_, index) => ({
			type: 'text',
			message_sender: 'ai',
			text: `message ${index}`,
		}));
		const result = await callTrigger({ body: delivery(messages, extra) });
		const items = result.items ?? [];
		expect(items).toHaveLength(200);
		// README: the delivery's fields on an item take at most 4 096 characters as JSON; the rest of the
		// item is the message itself and its index.
		const bound = (index: number) =>
			DOCUMENTED_CAP +
			JSON.stringify(messages[index]).length +
			JSON.stringify({ message_index: index }).length;
		for (const [index, item] of items.entries()) {
			expect(JSON.stringify(item.json).length).toBeLessThanOrEqual(bound(index));
		}
		const first = items[0].json;
		expect(first).toMatchObject({
			event_type: 'new_messages',
			chat_id: 'chat-9',
			text: 'message 0',
		});
		const kept = Object.keys(first).filter((name) => name.startsWith('field_')).length;
		expect(kept).toBeGreaterThan(0);
		expect(first.omitted_delivery_field_count).toBe(301 - kept);
		const named = first.omitted_delivery_fields as string[];
		expect(named[0]).toBe(`${'k'.repeat(99)}…`);
		expect(named.length).toBeGreaterThanOrEqual(10);
		expect(named.length).toBeLessThan(301);
		expect(named.every((name) => name.length <= 100)).toBe(true);
	});
});
