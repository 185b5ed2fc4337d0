import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';

import type { ResourceDefinition } from './operation';

const ONE_OUTPUT = JSON.stringify([{ type: 'main' }]);

const resourceProperty = (resources: ResourceDefinition[]): INodeProperties => ({
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: resources.map(({ option }) => option),
	default: 'message',
});

/** The node's parameters: the resource, each resource's operations, and each operation's own. */
function describeProperties(resources: ResourceDefinition[]): INodeProperties[] {
	return [
		resourceProperty(resources),
		...resources.flatMap((resource) => [
			resource.operationProperty,
			...resource.operations.flatMap((operation) => operation.properties),
		]),
	];
}

/**
 * The node's outputs, as an expression n8n evaluates in the editor and the engine: those of the
 * chosen operation, or one plain output for an operation that declares none. A parameter left at
 * its default may be missing from a saved workflow, so each comparison falls back to the default.
 */
function describeOutputs(resources: ResourceDefinition[]): `={{${string}}}` {
	const defaultResource = String(resourceProperty(resources).default);
	const choices = resources.flatMap((resource) => {
		const defaultOperation = String(resource.operationProperty.default);
		return resource.operations
			.filter((operation) => operation.outputs !== undefined)
			.map(
				(operation) =>
					`($parameter.resource || '${defaultResource}') === '${resource.option.value}' && ($parameter.operation || '${defaultOperation}') === '${operation.option.value}' ? (${operation.outputs}) : `,
			);
	});
	return `={{ ${choices.join('')}${ONE_OUTPUT} }}`;
}

/**
 * Everything of the node's description that its resources decide: its outputs and its parameters.
 * The node class spreads this into its description, so what the editor shows and what the router
 * runs come from the same list.
 */
export function describeResources(
	resources: ResourceDefinition[],
): Pick<INodeTypeDescription, 'outputs' | 'properties'> {
	return { outputs: describeOutputs(resources), properties: describeProperties(resources) };
}
