import type { IExecuteFunctions } from 'n8n-workflow';

/**
 * Whether this run is an AI agent calling the node as its tool: an agent only sees output 0 and reads
 * the result as text, so an operation answers differently. n8n's generated "…Tool" type is what marks
 * every tool run: n8n 1.x has no `isToolExecution`, and in n8n 2.x it is true only for agents that run
 * a tool inside their own step (agent 2.2 and older), false when the agent has n8n's engine run it as
 * a node (agent 3 and newer).
 */
export function isRunningAsTool(this: IExecuteFunctions): boolean {
	const viaContext = typeof this.isToolExecution === 'function' && this.isToolExecution();
	return viaContext || this.getNode().type.endsWith('Tool');
}
