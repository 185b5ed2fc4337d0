/**
 * The trigger's bad-input corpus: bodies no real Suvvy delivery looks like, built to break whatever
 * walks them (depth, width, odd types in every documented place, names that mean something to
 * JavaScript, huge values). Each must end in one of two ways: a 4xx with the reason and no execution,
 * or a 2xx with every message that passes the filters in the items. Never a 2xx with nothing stored,
 * and never a crash.
 */
import type { IDataObject } from 'n8n-workflow';

import { callTrigger } from '../support/callTrigger';
import { delivery, text } from '../support/replyDelivery';

interface BadDelivery {
	name: string;
	body?: unknown;
	/** The raw JSON, when it is not what JSON.stringify would give. */
	raw?: string;
	/** 'items': the messages come out; a number: refused with that status. */
	expect: 'items' | 400 | 413;
}

const deepObject = (levels: number): unknown => (levels === 0 ? 1 : { d: deepObject(levels - 1) });
const wide = (count: number) =>
	Object.fromEntries(Array.from({ length: count }, (_, index) => [`w${index}`, index]));

const CASES: BadDelivery[] = [
	{
		name: 'a field nested 5 000 levels deep',
		raw: `{"event_type":"new_messages","new_messages":[],"deep":${'{"d":'.repeat(5000)}1${'}'.repeat(5000)}}`,
		expect: 400,
	},
	{
		name: 'a list nested 100 000 levels deep',
		raw: `{"event_type":"new_messages","new_messages":[],"l":${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
		expect: 400,
	},
	{
		name: 'nesting inside a message',
		body: delivery([{ ...text('x'), meta: deepObject(40) }]),
		expect: 400,
	},
	{
		name: 'nesting inside a file',
		body: delivery([
			{
				type: 'image',
				message_sender: 'ai',
				file: { url: 'https://x.test/a', meta: deepObject(40) },
			},
		]),
		expect: 400,
	},
	{
		name: '200 000 fields beside the messages',
		body: delivery([text('x')], wide(200_000)),
		expect: 413,
	},
	{
		name: 'a message with 10 000 fields',
		body: delivery([{ ...text('x'), ...wide(10_000) }]),
		expect: 413,
	},
	{
		name: 'a field holding a list of a million numbers',
		body: delivery([text('x')], { numbers: Array(1_000_000).fill(7) }),
		expect: 413,
	},
	{
		name: 'a thousand messages, each with 60 fields of its own',
		body: delivery(
			Array.from({ length: 1000 }, (_, index) => ({ ...text(`m${index}`), ...wide(60) })),
		),
		expect: 'items',
	},
	{
		name: 'a text of 12 MB',
		body: delivery([text('t'.repeat(12 * 1024 * 1024))]),
		expect: 'items',
	},
	{
		name: 'names JavaScript treats specially',
		raw: '{"event_type":"new_messages","chat_id":"c","__proto__":{"polluted":true},"constructor":{"prototype":1},"toString":5,"new_messages":[{"type":"text","message_sender":"ai","text":"x","__proto__":{"isAdmin":true},"hasOwnProperty":1}]}',
		expect: 'items',
	},
	{
		name: 'a field name of a megabyte',
		body: delivery([text('x')], { ['n'.repeat(1024 * 1024)]: 1 }),
		expect: 'items',
	},
	{
		name: 'escaped quotes and backslashes everywhere',
		body: delivery([text('\\"'.repeat(100_000))], { '"\\': '\\\\"' }),
		expect: 'items',
	},
	{
		name: 'every kind of JSON value beside the messages',
		body: delivery([text('x')], {
			n: null,
			t: true,
			f: 0.5,
			e: 1e308,
			neg: -0,
			s: '',
			a: [],
			o: {},
		}),
		expect: 'items',
	},
	{
		name: 'a chat_id that is a list',
		body: delivery([text('x')], { chat_id: ['a', 'b'] }),
		expect: 400,
	},
	{
		name: 'a chat_id of a huge number',
		body: delivery([text('x')], { chat_id: 1e300 }),
		expect: 'items',
	},
	{ name: 'a message that is a list', body: delivery([[text('x')]]), expect: 400 },
	{
		name: 'a message sender that is an object',
		body: delivery([{ type: 'text', message_sender: { role: 'ai' } }]),
		expect: 400,
	},
	{
		name: 'a file that is a string',
		body: delivery([{ type: 'image', message_sender: 'ai', file: 'https://x.test/a' }]),
		expect: 400,
	},
	{
		name: 'a file size that is negative',
		body: delivery([
			{ type: 'image', message_sender: 'ai', file: { url: 'https://x.test/a', size_bytes: -5 } },
		]),
		expect: 'items',
	},
	{
		name: 'a file link of a megabyte',
		body: delivery([
			{
				type: 'image',
				message_sender: 'ai',
				file: { url: `https://x.test/${'a'.repeat(1024 * 1024)}` },
			},
		]),
		expect: 'items',
	},
	{
		name: 'control characters and lone surrogates in the text',
		body: delivery([text('\u0000\u001b[31m\ud800\u202e')]),
		expect: 'items',
	},
	{
		name: 'new_messages given twice (the last wins, as JSON.parse has it)',
		raw: '{"event_type":"new_messages","new_messages":5,"new_messages":[{"type":"text","message_sender":"ai","text":"x"}]}',
		expect: 'items',
	},
];

describe('Suvvy Trigger: bad deliveries end as a refusal or as items, never as a 2xx with nothing', () => {
	test.each(CASES)(
		'$name → $expect',
		async ({ body, raw, expect: outcome }) => {
			const rawBody = raw === undefined ? Buffer.from(JSON.stringify(body)) : Buffer.from(raw);
			const parsed = raw === undefined ? body : JSON.parse(raw);
			const result = await callTrigger({
				body: parsed,
				rawBody,
				parameters: { downloadFiles: false },
			});
			if (outcome === 'items') {
				expect(result.status).toBe(200);
				const sent = (parsed as IDataObject).new_messages as unknown[];
				expect(result.items).toHaveLength(sent.length);
				expect(result.responseBody).toEqual({ received: true, messages: sent.length });
				expect(({} as IDataObject).polluted).toBeUndefined();
			} else {
				expect(result.status).toBe(outcome);
				expect(result.responseBody).toEqual({ received: false, reason: expect.any(String) });
				expect(result.items).toBeUndefined();
			}
		},
		60_000,
	);
});
