import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { isRunningAsTool } from '../../../context/toolMode';
import { BRANCHES } from '../6-answer/branches';

export type ErrorHandling = 'routeToOutputs' | 'useN8nErrorHandling';

/** The Error Handling choice, unless the node runs as a tool, which overrides it. */
export type OutputMode = ErrorHandling | 'tool';

export const ROUTE_TO_OUTPUTS: ErrorHandling = 'routeToOutputs';
export const USE_N8N_ERROR_HANDLING: ErrorHandling = 'useN8nErrorHandling';

export const errorHandlingProperty: INodeProperties = {
	displayName: 'Error Handling',
	name: 'errorHandling',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Route to Error Outputs',
			value: ROUTE_TO_OUTPUTS,
			description: 'One output per outcome: Sent, and one for each kind of Suvvy error',
		},
		{
			name: "Use N8n's Error Handling",
			value: USE_N8N_ERROR_HANDLING,
			description: "One output; errors stop the workflow or follow the node's On Error setting",
		},
	],
	default: ROUTE_TO_OUTPUTS,
	description: 'How items that Suvvy refuses, or that cannot be sent, leave the node',
};

const routedOutputs = BRANCHES.map(({ displayName }) => ({ type: 'main', displayName }));
const singleOutput = [{ type: 'main', displayName: 'Success' }];

/**
 * Send's outputs follow the Error Handling parameter, as the Switch node's follow its rules. n8n
 * evaluates this in the editor and the engine, so it is built from the same list the routing uses.
 */
export const SEND_OUTPUTS = `$parameter.errorHandling === '${USE_N8N_ERROR_HANDLING}' ? ${JSON.stringify(
	singleOutput,
)} : ${JSON.stringify(routedOutputs)}`;

/** An agent only sees output 0 of a tool, so a node running as a tool answers on one output. */
export function readOutputMode(this: IExecuteFunctions): OutputMode {
	if (isRunningAsTool.call(this)) return 'tool';
	const errorHandling = this.getNodeParameter('errorHandling', 0, ROUTE_TO_OUTPUTS);
	return errorHandling === USE_N8N_ERROR_HANDLING ? 'useN8nErrorHandling' : 'routeToOutputs';
}
