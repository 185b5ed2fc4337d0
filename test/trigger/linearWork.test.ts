/**
 * Threat: a delivery whose handling costs n8n far more than its size (a million fields once held
 * n8n's event loop for a minute). The work is counted, not timed: every read the trigger makes of the
 * parsed body goes through a counting stand-in, so the tests hold on any machine, busy or not.
 */
import type { IDataObject } from 'n8n-workflow';

import { callTrigger } from '../support/callTrigger';
import { delivery } from '../support/replyDelivery';

/** The body, with every read of it (a field, or the list of an object's fields) counted while `on`. */
function countingReads<T extends object>(body: T) {
	const counter = { reads: 0, on: false };
	const proxies = new WeakMap<object, object>();
	const wrap = (value: unknown): unknown => {
		if (typeof value !== 'object' || value === null) return value;
		let proxy = proxies.get(value);
		if (!proxy) {
			proxy = new Proxy(value, {
				get(target, key, receiver) {
					if (counter.on) counter.reads++;
					return wrap(Reflect.get(target, key, receiver));
				},
				ownKeys(target) {
					const keys = Reflect.ownKeys(target);
					if (counter.on) counter.reads += keys.length;
					return keys;
				},
			});
			proxies.set(value, proxy);
		}
		return proxy;
	};
	return { body: wrap(body) as T, counter };
}

async function readsFor(body: IDataObject, output = 'message') {
	const rawBody = Buffer.from(JSON.stringify(body));
	const { body: counted, counter } = countingReads(body);
	const result = await callTrigger({
		body: counted,
		rawBody,
		parameters: { output, downloadFiles: false },
		around: { start: () => (counter.on = true), end: () => (counter.on = false) },
	});
	return { reads: counter.reads, result };
}

const messages = (count: number) =>
	Array.from({ length: count }, (_, index) => ({
		type: 'text',
		message_sender: 'ai',
		text: `message ${index}`,
		reply_to: `m-${index}`,
	}));

describe('Suvvy Trigger: the work on a delivery grows in step with its size', () => {
	test.each(['message', 'delivery'])(
		'with one item per %s, each further message costs the same number of reads',
		async (output) => {
			const extra = { channel: 'custom', transcript: 'x'.repeat(10_000) };
			const [small, medium, large] = await Promise.all(
				[250, 500, 1000].map(
					async (count) => await readsFor(delivery(messages(count), extra), output),
				),
			);
			expect(large.result.status).toBe(200);
			const perMessage = (medium.reads - small.reads) / 250;
			expect(perMessage).toBeGreaterThan(0);
			expect(large.reads - medium.reads).toBe(perMessage * 500);
		},
	);

	test('a body of a million fields is refused by its bytes: not one of its parsed fields is read', async () => {
		const body: IDataObject = delivery(messages(1));
		for (let field = 0; field < 1_000_000; field++) body[`f${field}`] = field;
		const { reads, result } = await readsFor(body);
		expect(result.status).toBe(413);
		expect(reads).toBe(0);
	}, 30_000);
});
