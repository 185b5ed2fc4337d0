/**
 * A second operation beside Send, added the way a contributor would: one module (its description
 * and execute), its entry in Message's Operation list, and one case in the router. The node here is
 * built from the real node's description, outputs and Send operation, with exactly those additions.
 */
import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { router } from '../../nodes/Suvvy/actions/router';
import { Suvvy } from '../../nodes/Suvvy/Suvvy.node';
import { asN8nSeesIt } from '../support/asN8nSeesIt';
import { runWorkflow } from '../support/runWorkflow';

/** The new module: what a second operation brings. */
const ping = {
	option: { name: 'Ping', value: 'ping', description: 'Answer without sending', action: 'Ping' },
	description: updateDisplayOptions({ show: { resource: ['message'], operation: ['ping'] } }, [
		{ displayName: 'Note', name: 'note', type: 'string', default: '' },
	]),
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [
			this.getInputData().map((_item, index) => ({
				json: { pinged: this.getNodeParameter('note', index) },
				pairedItem: { item: index },
			})),
		];
	},
};

/** Message's Operation list gains the entry, and the node its parameters. */
function withPing(description: INodeTypeDescription): INodeTypeDescription {
	const properties = description.properties.map(
		(property): INodeProperties =>
			property.name === 'operation'
				? { ...property, options: [...(property.options ?? []), ping.option] }
				: property,
	);
	return { ...description, properties: [...properties, ...ping.description] };
}

class SuvvyWithPing implements INodeType {
	description = withPing(new Suvvy().description);

	/** The router's one new case. */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		if (this.getNodeParameter('operation', 0) === 'ping') return await ping.execute.call(this);
		return await router.call(this);
	}
}

describe('a second operation in Message’s list', () => {
	const description = new SuvvyWithPing().description;

	test("appears in the Operation list after Message's own operations", () => {
		const operation = description.properties.find((property) => property.name === 'operation');
		expect(operation?.options?.map((option) => (option as { value: string }).value)).toEqual([
			'send',
			'sendAndWait',
			'ping',
		]);
	});

	test("starts with one plain output and none of Send's parameters", () => {
		const { outputs, shown } = asN8nSeesIt(description, {
			resource: 'message',
			operation: 'ping',
		});
		expect(outputs).toEqual([{ type: 'main' }]);
		expect(shown).toEqual(['resource', 'operation', 'note']);
	});

	test('leaves Send as it was', () => {
		const { outputs, shown } = asN8nSeesIt(description, { resource: 'message', operation: 'send' });
		expect(outputs).toHaveLength(7);
		expect(shown).not.toContain('note');
		expect(shown).toEqual(expect.arrayContaining(['chatId', 'errorHandling', 'options']));
	});

	test('runs in a real workflow, routed by the node itself', async () => {
		const { received } = await runWorkflow({
			items: [{ json: {} }, { json: {} }],
			parameters: { resource: 'message', operation: 'ping', note: 'hello' },
			outputCount: 1,
			node: new SuvvyWithPing(),
		});
		expect(received[0].map((item) => item.json)).toEqual([
			{ pinged: 'hello' },
			{ pinged: 'hello' },
		]);
	});

	test('an operation nobody added a case for is refused by the router, naming it', async () => {
		const { run } = await runWorkflow({
			items: [{ json: {} }],
			parameters: { resource: 'message', operation: 'unknown' },
			outputCount: 1,
		});
		expect(run.data.resultData.error?.message).toBe(
			'The operation "unknown" of "message" is not supported',
		);
	});
});
