import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { message } from './message/Message.resource';
import type { ResourceDefinition } from './operation';

/** Every resource the node offers; the node's description and the routing below are built from it. */
export const RESOURCES: ResourceDefinition[] = [message];

export async function router(
	this: IExecuteFunctions,
	resources: ResourceDefinition[] = RESOURCES,
): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const definition = resources
		.find(({ option }) => option.value === resource)
		?.operations.find(({ option }) => option.value === operation);
	if (!definition) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" of "${resource}" is not supported`,
		);
	}
	return await definition.execute.call(this);
}
