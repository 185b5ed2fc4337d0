/**
 * Threat: a delivery that costs n8n far more than it costs the sender. Here, one huge field of the
 * delivery, or thousands of long field names, copied onto every message item: each item repeats at
 * most 4 096 characters of them.
 */
import type { IDataObject } from 'n8n-workflow';

import { callTrigger } from '../support/callTrigger';
import { delivery, MB } from '../support/costlyDelivery';

/** README: per-message items repeat at most 4 096 characters of the delivery's own fields. */
const DOCUMENTED_CAP = 4096;

describe('Suvvy Trigger: the work one delivery can cause is bounded', () => {
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
		for (let field = 0; field < 60; field++) extra[`field_${field}_${'n'.repeat(150)}`] = field;
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
		expect(first.omitted_delivery_field_count).toBe(61 - kept);
		const named = first.omitted_delivery_fields as string[];
		expect(named[0]).toBe(`${'k'.repeat(99)}…`);
		expect(named.length).toBeGreaterThanOrEqual(10);
		expect(named.length).toBeLessThan(61);
		expect(named.every((name) => name.length <= 100)).toBe(true);
	});
});
