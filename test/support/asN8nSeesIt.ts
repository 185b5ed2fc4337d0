import {
	NodeHelpers,
	Workflow,
	type INode,
	type INodeParameters,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { Suvvy } from '../../nodes/Suvvy/Suvvy.node';
import { TestNodeTypes } from './nodeTypes';
import { SUVVY_TYPE } from './runWorkflow';

/** The outputs n8n computes for a stored node, and the names of the parameters it shows. */
export function asN8nSeesIt(description: INodeTypeDescription, parameters: INodeParameters) {
	const node: INode = {
		id: 'node-suvvy',
		name: 'Suvvy',
		type: SUVVY_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters,
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new TestNodeTypes({ [SUVVY_TYPE]: new Suvvy() }),
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

export const outputNames = (outputs: unknown[]) =>
	outputs.map((output) =>
		typeof output === 'string' ? output : (output as { displayName?: string }).displayName,
	);
