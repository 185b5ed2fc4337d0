'use strict';
/** The Suvvy emulator injects reproducible faults: seeded, planned per message ID, or latency. */
const { DEFAULT_TOKEN, MESSAGE_PATH } = require('../../dev/emulator');
const { message, useEmulator } = require('../support/emulatorClient');

describe('Suvvy emulator', () => {
	const { emulator, post, admin } = useEmulator();

	describe('fault injection', () => {
		async function outcomes(seed) {
			await admin('reset', {});
			await admin('state', { seed, faults: { rate: 0.5, kinds: ['500', '429'], retry_after_seconds: 7 } });
			const statuses = [];
			for (let index = 0; index < 20; index++) {
				const response = await post(message({ message_id: `fixed-${index}` }));
				statuses.push(response.status);
				if (response.status === 429) expect(response.headers.get('retry-after')).toBe('7');
			}
			return statuses;
		}

		test('the same seed fails the same requests; another seed fails others', async () => {
			const first = await outcomes('alpha');
			const again = await outcomes('alpha');
			const other = await outcomes('beta');
			expect(again).toEqual(first);
			expect(other).not.toEqual(first);
			expect(first.filter((status) => status !== 200).length).toBeGreaterThan(3);
			expect(new Set(first)).toEqual(new Set([200, 500, 429]));
		});

		test('a retry of the same message_id is judged afresh, so transient faults pass', async () => {
			await admin('state', { faults: { rate: 0.5, kinds: ['500'] } });
			const body = message();
			let attempts = 0;
			let status;
			do {
				status = (await post(body)).status;
				attempts++;
			} while (status !== 200 && attempts < 50);
			expect(status).toBe(200);
			expect((await admin('stats')).faults['500'] ?? 0).toBe(attempts - 1);
		});

		test('drops the connection without an answer', async () => {
			await admin('state', { faults: { rate: 1, kinds: ['drop'] } });
			await expect(post(message())).rejects.toThrow();
		});

		test('a slow answer still stores the message, so a retry is absorbed as a duplicate', async () => {
			const body = message();
			await admin('state', { faults: { plan: { [body.message_id]: ['slow'] }, slow_ms: 300 } });
			await expect(
				fetch(`${emulator.url}${MESSAGE_PATH}`, {
					method: 'POST',
					headers: { authorization: `Bearer ${DEFAULT_TOKEN}` },
					body: JSON.stringify(body),
					signal: AbortSignal.timeout(100),
				}),
			).rejects.toThrow();
			// Idle means the slow attempt has been handled (and stored) though its client left.
			await admin('idle');
			expect((await post(body)).status).toBe(200);
			expect(await admin('stats')).toMatchObject({ accepted: 1, duplicates: 1 });
		});

		test('a fault plan fails the first attempts of a message ID as listed, then lets it through', async () => {
			const body = message();
			await admin('state', { faults: { plan: { [body.message_id]: ['500', '429'] } } });
			expect((await post(body)).status).toBe(500);
			expect((await post(body)).status).toBe(429);
			expect((await post(body)).status).toBe(200);
			expect(await admin('stats')).toMatchObject({ accepted: 1, faults: { 500: 1, 429: 1 } });
		});

		test('refuses a fault plan with an unknown kind', async () => {
			const response = await fetch(`${emulator.url}/__emulator/state`, {
				method: 'POST',
				body: JSON.stringify({ faults: { plan: { m1: ['explode'] } } }),
			});
			expect(response.status).toBe(400);
			expect((await response.json()).detail).toMatch(/fault plan of "m1"/);
		});

		test('adds latency to every answer', async () => {
			await admin('state', { latency_ms: 120 });
			const started = performance.now();
			await post(message());
			expect(performance.now() - started).toBeGreaterThanOrEqual(110);
		});

		test('refuses an unknown fault kind over the admin endpoint', async () => {
			const response = await fetch(`${emulator.url}/__emulator/state`, {
				method: 'POST',
				body: JSON.stringify({ faults: { rate: 0.1, kinds: ['meteor'] } }),
			});
			expect(response.status).toBe(400);
			expect((await response.json()).detail).toMatch(/meteor/);
		});
	});
});
