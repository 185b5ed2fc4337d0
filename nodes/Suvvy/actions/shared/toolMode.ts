import type { IExecuteFunctions } from 'n8n-workflow';

/**
 * Whether an AI agent runs the node as its tool (it sees only output 0). The generated "…Tool" type
 * marks every tool run; `isToolExecution` is missing on n8n 1.x and false for agent 3 and newer.
 */
export function isRunningAsTool(this: IExecuteFunctions): boolean {
	const viaContext = typeof this.isToolExecution === 'function' && this.isToolExecution();
	return viaContext || this.getNode().type.endsWith('Tool');
}
