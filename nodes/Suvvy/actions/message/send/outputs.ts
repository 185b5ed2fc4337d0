import {
	NodeApiError,
	type IExecuteFunctions,
	type INodeExecutionData,
	type JsonObject,
} from 'n8n-workflow';

import { isRunningAsTool } from '../../shared/toolMode';
import type { Outcome } from './outcome';

/**
 * Send's outputs. This one list drives the node's outputs, where each answer goes and the names
 * users see. Its order is the order of the connectors, by which users' workflows are wired: never
 * reorder or remove an entry; add new ones only at the end.
 */
const OUTPUT_LIST = [
	{ key: 'sent', displayName: 'Sent' },
	{ key: 'invalidToken', displayName: 'Invalid Token', status: 401 },
	{ key: 'noBalance', displayName: 'No Balance', status: 402 },
	{ key: 'badFile', displayName: 'Bad File', status: 415 },
	{ key: 'validationError', displayName: 'Validation Error', status: 422 },
	{ key: 'channelOff', displayName: 'Channel Off', status: 424 },
	{ key: 'otherError', displayName: 'Other Error' },
] as const;

/** An output's key: its name on the canvas, in camelCase. */
export type OutputKey = (typeof OUTPUT_LIST)[number]['key'];
/** The name of an output as users see it on the canvas. */
export type OutputName = (typeof OUTPUT_LIST)[number]['displayName'];

interface OutputDefinition {
	key: OutputKey;
	displayName: OutputName;
	status?: number;
}

export const OUTPUTS: readonly OutputDefinition[] = OUTPUT_LIST;

export const OUTPUT_NAMES: string[] = OUTPUTS.map(({ displayName }) => displayName);

function outputIndex(key: OutputKey): number {
	return OUTPUTS.findIndex((definition) => definition.key === key);
}

export function displayNameOf(key: OutputKey): string {
	return OUTPUTS[outputIndex(key)].displayName;
}

/** The error output Suvvy's documented status codes map to; anything else is an Other Error. */
export function errorOutputForStatus(status: number): OutputKey {
	return OUTPUTS.find((definition) => definition.status === status)?.key ?? 'otherError';
}

export type ErrorHandling = 'routeToOutputs' | 'useN8nErrorHandling';

/** The Error Handling choice, unless the node runs as a tool, which overrides it. */
export type OutputMode = ErrorHandling | 'tool';

export const ROUTE_TO_OUTPUTS: ErrorHandling = 'routeToOutputs';
export const USE_N8N_ERROR_HANDLING: ErrorHandling = 'useN8nErrorHandling';

/** An agent only sees output 0 of a tool, so a node running as a tool answers on one output. */
export function readOutputMode(this: IExecuteFunctions): OutputMode {
	if (isRunningAsTool.call(this)) return 'tool';
	const errorHandling = this.getNodeParameter('errorHandling', 0, ROUTE_TO_OUTPUTS);
	return errorHandling === USE_N8N_ERROR_HANDLING ? 'useN8nErrorHandling' : 'routeToOutputs';
}

/** The error n8n's own error handling sees: Suvvy's status, the item, and the advice. */
export function apiErrorFor(this: IExecuteFunctions, outcome: Outcome): NodeApiError {
	return new NodeApiError(this.getNode(), outcome.json as JsonObject, {
		itemIndex: outcome.itemIndex,
		message: outcome.summary,
		description: `Suvvy output: ${displayNameOf(outcome.output)}`,
		httpCode: outcome.status === null ? undefined : String(outcome.status),
	});
}

/**
 * Puts each outcome on its output, in input order and paired to its input item. Error items keep
 * the input's files so a flow can fix and resend them.
 */
export function shapeOutputs(
	outcomes: Outcome[],
	items: INodeExecutionData[],
	mode: OutputMode,
): INodeExecutionData[][] {
	const itemFor = (outcome: Outcome, json: INodeExecutionData['json']): INodeExecutionData => {
		const shaped: INodeExecutionData = { json, pairedItem: { item: outcome.itemIndex } };
		const { binary } = items[outcome.itemIndex];
		if (outcome.output !== 'sent' && binary && mode !== 'tool') shaped.binary = binary;
		return shaped;
	};

	if (mode === 'tool') {
		// An agent reads output 0 only, so every result goes there, saying plainly how it ended.
		return [
			outcomes.map((outcome) =>
				itemFor(outcome, {
					sent: outcome.output === 'sent',
					outcome: displayNameOf(outcome.output),
					...outcome.json,
					message: outcome.summary,
				}),
			),
		];
	}
	if (mode === 'useN8nErrorHandling') {
		// Only reached with "continue on fail": n8n sends `{ error, details }` items to its error output.
		return [
			outcomes.map((outcome) =>
				outcome.output === 'sent'
					? itemFor(outcome, outcome.json)
					: itemFor(outcome, { error: outcome.summary, details: outcome.json }),
			),
		];
	}
	const outputs: INodeExecutionData[][] = OUTPUTS.map(() => []);
	for (const outcome of outcomes)
		outputs[outputIndex(outcome.output)].push(itemFor(outcome, outcome.json));
	return outputs;
}

/** Each outcome on its output; with n8n's own error handling, the first refusal fails the node. */
export function outputsFor(
	this: IExecuteFunctions,
	outcomes: Outcome[],
	items: INodeExecutionData[],
	mode: OutputMode,
	stopAtFailure: boolean,
): INodeExecutionData[][] {
	const failed = stopAtFailure && outcomes.find((outcome) => outcome && outcome.output !== 'sent');
	if (failed) throw apiErrorFor.call(this, failed);
	return shapeOutputs(outcomes, items, mode);
}
