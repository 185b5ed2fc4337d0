import type { IExecuteFunctions } from 'n8n-workflow';

import { createParameterReader } from '../../nodes/Suvvy/helpers/parameterReader';

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

describe('the Send Message parameter reader', () => {
	test('reads a dragged-in field straight from each item, without n8n evaluating it', () => {
		const { context, resolved } = contextWith({ chatId: '={{ $json.chat }}' }, [
			{ chat: 7 },
			{ chat: 'b' },
		]);
		const read = createParameterReader(context);

		expect([read('chatId', 0, ''), read('chatId', 1, '')]).toStrictEqual([7, 'b']);
		expect(resolved).toStrictEqual([]);
	});

	test('hands n8n a field that is missing or not plain text, so n8n decides what it means', () => {
		const { context, resolved } = contextWith({ chatId: '={{ $json.chat }}' }, [
			{},
			{ chat: { id: 1 } },
		]);
		const read = createParameterReader(context);
		read('chatId', 0, '');
		read('chatId', 1, '');

		expect(resolved).toStrictEqual([
			['chatId', 0],
			['chatId', 1],
		]);
	});

	test('hands n8n every other expression, for every item', () => {
		const { context, resolved } = contextWith({ text: '=Hi {{ $json.name }}' }, [{}, {}]);
		const read = createParameterReader(context);
		read('text', 0, '');
		read('text', 1, '');

		expect(resolved).toStrictEqual([
			['text', 0],
			['text', 1],
		]);
	});

	test('gives each item its own copy of a fixed collection, so no item can change another', () => {
		const { context } = contextWith({ additionalFields: { clientName: 'Ann' } }, [{}, {}]);
		const read = createParameterReader(context);
		const first = read('additionalFields', 0, {}) as Record<string, unknown>;
		first.clientName = 'changed';

		expect(read('additionalFields', 1, {})).toStrictEqual({ clientName: 'Ann' });
	});
});
