import type { IExecuteFunctions } from 'n8n-workflow';

import { BRANCHES } from './branches';

export type ErrorHandling = 'routeToOutputs' | 'useN8nErrorHandling';

export const ROUTE_TO_OUTPUTS: ErrorHandling = 'routeToOutputs';
export const USE_N8N_ERROR_HANDLING: ErrorHandling = 'useN8nErrorHandling';

const routedOutputs = BRANCHES.map(({ displayName }) => ({ type: 'main', displayName }));
const singleOutput = [{ type: 'main', displayName: 'Success' }];

/**
 * Outputs follow the Error Handling parameter, as the Switch node's follow its rules. n8n evaluates
 * this expression in the editor and the engine, so it is built from the same list the router uses.
 */
export const OUTPUTS_EXPRESSION: `={{${string}}}` = `={{ $parameter.errorHandling === '${USE_N8N_ERROR_HANDLING}' ? ${JSON.stringify(
	singleOutput,
)} : ${JSON.stringify(routedOutputs)} }}`;

/**
 * An agent only sees output 0 of a tool, so a node running as a tool answers on one output. n8n
 * marks tool runs either through the context (older engines) or by the generated "…Tool" type.
 */
export function isRunningAsTool(context: IExecuteFunctions): boolean {
	const viaContext = typeof context.isToolExecution === 'function' && context.isToolExecution();
	return viaContext || context.getNode().type.endsWith('Tool');
}
