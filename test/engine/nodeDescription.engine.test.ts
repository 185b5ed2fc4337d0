/**
 * The node as n8n sees it: the outputs it computes from the node's description, and which parameters
 * it shows, for Send and for an operation added beside it. A new operation is its own folder and one
 * entry in its resource's list; it starts with one plain output and none of Send's parameters.
 */
import {
	NodeHelpers,
	updateDisplayOptions,
	Workflow,
	type IExecuteFunctions,
	type INode,
	type INodeParameters,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { messageResource } from '../../nodes/Suvvy/actions/message/Message.resource';
import { send } from '../../nodes/Suvvy/actions/message/send/send.operation';
import { describeOutputs, describeProperties } from '../../nodes/Suvvy/actions/nodeDescription';
import type { OperationDefinition, ResourceDefinition } from '../../nodes/Suvvy/actions/operation';
import { router } from '../../nodes/Suvvy/actions/router';
import { Suvvy } from '../../nodes/Suvvy/Suvvy.node';
import { TestNodeTypes } from '../support/nodeTypes';
import { runWorkflow, SUVVY_TYPE } from '../support/runWorkflow';

/** What a second operation would bring: its option, its parameters, and how it runs. */
const ping: OperationDefinition = {
	option: { name: 'Ping', value: 'ping', description: 'Answer without sending', action: 'Ping' },
	properties: updateDisplayOptions({ show: { resource: ['message'], operation: ['ping'] } }, [
		{ displayName: 'Note', name: 'note', type: 'string', default: '' },
	]),
	async execute(this: IExecuteFunctions) {
		return [
			this.getInputData().map((_item, index) => ({
				json: { pinged: this.getNodeParameter('note', index) },
				pairedItem: { item: index },
			})),
		];
	},
};

/** The only change a second operation needs: one more entry in its resource's list. */
const withPing: ResourceDefinition[] = [messageResource([send, ping])];

/** The Suvvy node built exactly as Suvvy.node.ts builds itself, from the extended list. */
class SuvvyWithPing extends Suvvy {
	description: INodeTypeDescription = {
		...new Suvvy().description,
		outputs: describeOutputs(withPing),
		properties: describeProperties(withPing),
	};

	async execute(this: IExecuteFunctions) {
		return await router.call(this, withPing);
	}
}

function asN8nSeesIt(description: INodeTypeDescription, parameters: INodeParameters) {
	const node: INode = {
		id: 'node-suvvy',
		name: 'Suvvy',
		type: SUVVY_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters,
	};
	const nodeType = new SuvvyWithPing();
	nodeType.description = description;
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new TestNodeTypes({ [SUVVY_TYPE]: nodeType }),
	});
	const stored = workflow.getNode('Suvvy') as INode;
	const outputs = NodeHelpers.getNodeOutputs(workflow, stored, description);
	const shown = description.properties
		.filter((property) =>
			NodeHelpers.displayParameter(stored.parameters, property, stored, description),
		)
		.map((property) => property.name);
	return { outputs, shown };
}

const outputNames = (outputs: unknown[]) =>
	outputs.map((output) =>
		typeof output === 'string' ? output : (output as { displayName?: string }).displayName,
	);

describe('the Suvvy node as n8n describes it', () => {
	const description = new Suvvy().description;

	test('Send has its seven named outputs, and Error Handling and Options, with no parameter set', () => {
		const { outputs, shown } = asN8nSeesIt(description, {});
		expect(outputNames(outputs)).toEqual([
			'Sent',
			'Invalid Token',
			'No Balance',
			'Bad File',
			'Validation Error',
			'Channel Off',
			'Other Error',
		]);
		expect(shown).toEqual(expect.arrayContaining(['chatId', 'errorHandling', 'options']));
	});

	test("Send has one output with n8n's error handling", () => {
		const { outputs } = asN8nSeesIt(description, { errorHandling: 'useN8nErrorHandling' });
		expect(outputNames(outputs)).toEqual(['Success']);
	});
});

describe('a second operation beside Send', () => {
	const description = new SuvvyWithPing().description;

	test('appears in the Operation list after Send', () => {
		const operation = description.properties.find((property) => property.name === 'operation');
		expect(operation?.options?.map((option) => (option as { value: string }).value)).toEqual([
			'send',
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

	test('runs in a real workflow, routed by the same router', async () => {
		const { received } = await runWorkflow({
			items: [{ json: {} }, { json: {} }],
			parameters: { resource: 'message', operation: 'ping', note: 'hello' },
			node: new SuvvyWithPing(),
			outputCount: 1,
		});
		expect(received[0].map((item) => item.json)).toEqual([
			{ pinged: 'hello' },
			{ pinged: 'hello' },
		]);
	});
});
