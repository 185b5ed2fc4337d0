/**
 * Threat: a delivery that costs n8n far more than it costs the sender. Here, a small body with a
 * thousand links, or links that never end: a delivery downloads at most its budget, counting every
 * byte read, kept or not; what does not fit keeps its link. Files come from a loopback server, so
 * these tests allow private-network downloads.
 */
import { callTrigger } from '../support/callTrigger';
import { delivery, fileMessageOn, MB } from '../support/costlyDelivery';
import { endless, file, partial } from '../support/fileServer';
import { FROM_LOOPBACK, useFileServer } from '../support/useFileServer';

const files = useFileServer();
const fileMessage = fileMessageOn(files);

describe('Suvvy Trigger: the work one delivery can cause is bounded', () => {
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

	test("a delivery that finds the trigger's memory for downloads full keeps its links and fetches nothing", async () => {
		files.serve('/small.bin', file(Buffer.alloc(1024, 3)));
		// A waiting delivery counts three times its body: 400 kB of notes make 1.2 MB, over 1 MB.
		const notes = 'n'.repeat(400 * 1024);
		const result = await callTrigger({
			body: delivery([fileMessage('/small.bin'), fileMessage('/small.bin')], { notes }),
			parameters: { options: { ...FROM_LOOPBACK, downloadMemoryMb: 1 } },
		});
		expect(result.status).toBe(200);
		expect(result.items?.map((item) => item.json.file_error)).toEqual(
			Array(2).fill(
				"Not downloaded: the trigger's 1.0 MB memory for downloads has no room for it now; the link is kept",
			),
		);
		expect(files.requests).toEqual([]);

		const roomy = await callTrigger({
			body: delivery([fileMessage('/small.bin')], { notes }),
			parameters: { options: { ...FROM_LOOPBACK, downloadMemoryMb: 4 } },
		});
		expect(roomy.items?.[0].binary?.data?.fileSize).toBe('1.02 kB');
	});
});
