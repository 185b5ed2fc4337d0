import type { IExecuteFunctions } from 'n8n-workflow';

import { createParameterReader } from '../../nodes/Suvvy/actions/shared/readParameter';

/** A context that records which reads went to n8n's expression engine. */
function contextWith(parameters: Record<string, unknown>, items: Array<Record<string, unknown>>) {
	const resolved: Array<[string, number]> = [];
	const context = {
		getInputData: () => items.map((json) => ({ json })),
		getNodeParameter: (
			name: string,
			itemIndex: number,
			fallback: unknown,
			options?: { rawExpressions?: boolean },
		) => {
			if (!options?.rawExpressions) resolved.push([name, itemIndex]);
			return parameters[name] ?? fallback;
		},
	} as unknown as IExecuteFunctions;
	return { context, resolved };
}

describe('the parameter reader', () => {
	test('reads a dragged-in field straight from each item, without n8n evaluating it', () => {
		const { context, resolved } = contextWith({ chatId: '={{ $json.chat }}' }, [
			{ chat: 7 },
			{ chat: 'b' },
		]);
		const read = createParameterReader.call(context);

		expect([read('chatId', 0, ''), read('chatId', 1, '')]).toStrictEqual([7, 'b']);
		expect(resolved).toStrictEqual([]);
	});

	test.each([
		[
			'a dragged-in field that is missing or not plain text',
			'={{ $json.chat }}',
			[{}, { chat: { id: 1 } }],
		],
		['any other expression', '=Hi {{ $json.chat }}', [{ chat: 1 }, { chat: 2 }]],
	])('hands n8n %s, for every item, so n8n decides what it means', (_case, expression, items) => {
		const { context, resolved } = contextWith({ chatId: expression }, items);
		const read = createParameterReader.call(context);
		read('chatId', 0, '');
		read('chatId', 1, '');

		expect(resolved).toStrictEqual([
			['chatId', 0],
			['chatId', 1],
		]);
	});

	test('gives each item its own copy of a fixed collection, so no item can change another', () => {
		const { context } = contextWith({ additionalFields: { clientName: 'Ann' } }, [{}, {}]);
		const read = createParameterReader.call(context);
		const first = read('additionalFields', 0, {}) as Record<string, unknown>;
		first.clientName = 'changed';

		expect(read('additionalFields', 1, {})).toStrictEqual({ clientName: 'Ann' });
	});
});
