import { ParameterProbe } from '../support/parameterProbe';
import { runWorkflow } from '../support/runWorkflow';

/** Item shapes a Send Message node meets: IDs as numbers, missing fields, objects where text belongs. */
const ITEMS = [
	{ chat: 101, 'chat id': 'spaced', a: { b: 'deep' } },
	{ chat: 'abc-42', a: { b: 7 } },
	{ chat: '', a: 'plain text' },
	{ chat: true, a: null },
	{ chat: null, a: { b: null } },
	{ chat: { id: 5 }, a: { b: ['x'] } },
	{ chat: ['one', 'two'] },
	{},
];

const EXPRESSIONS = [
	'={{ $json.chat }}',
	'={{$json.chat}}',
	'={{ $json["chat id"] }}',
	"={{ $json['a']['b'] }}",
	'={{ $json.a.b }}',
	'={{ $json.a.length }}',
	'={{ $json.missing.field }}',
	'={{ $json.constructor }}',
	'={{ $json.chat }} and more',
	'=Chat {{ $json.chat }}',
	'={{ $json.chat + 1 }}',
	'plain text, no expression',
	'',
];

async function probe(parameters: Record<string, unknown>) {
	const { received } = await runWorkflow({
		items: ITEMS.map((json) => ({ json })),
		parameters: parameters as never,
		node: new ParameterProbe(),
		outputCount: 1,
	});
	return received[0].map((item) => item.json as Record<string, { reader: unknown; n8n: unknown }>);
}

describe('Send Message reads its parameters exactly as n8n does', () => {
	test.each(EXPRESSIONS)('%s gives every item the value n8n gives it', async (expression) => {
		const results = await probe({ value: expression });

		expect(results).toHaveLength(ITEMS.length);
		for (const { value } of results) expect(value.reader).toStrictEqual(value.n8n);
	});

	test('a dragged-in field gives each item its own value, and n8n the say on the odd ones', async () => {
		const results = await probe({ value: '={{ $json.chat }}' });

		expect(results.slice(0, 4).map(({ value }) => value.reader)).toStrictEqual([
			{ value: 101 },
			{ value: 'abc-42' },
			{ value: '' },
			{ value: true },
		]);
		expect(results.map(({ value }) => value.reader)).toStrictEqual(
			results.map(({ value }) => value.n8n),
		);
	});

	test('a collection gives every item the same fields, its expressions resolved per item', async () => {
		const constant = await probe({ fields: { note: 'fixed' } });
		const perItem = await probe({ fields: { note: '={{ $json.chat }}' } });

		for (const { fields } of constant) {
			expect(fields.reader).toStrictEqual({ value: { note: 'fixed' } });
			expect(fields.reader).toStrictEqual(fields.n8n);
		}
		for (const { fields } of perItem) expect(fields.reader).toStrictEqual(fields.n8n);
	});
});
