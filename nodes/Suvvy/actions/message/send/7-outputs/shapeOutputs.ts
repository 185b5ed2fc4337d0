import {
	NodeApiError,
	type IExecuteFunctions,
	type INodeExecutionData,
	type JsonObject,
} from 'n8n-workflow';

import { BRANCHES, branchIndex, displayNameOf } from '../6-answer/branches';
import type { Outcome } from '../6-answer/outcome';
import type { OutputMode } from './errorHandling';

/** The error n8n's own error handling sees: Suvvy's status, the item, and the advice. */
export function apiErrorFor(this: IExecuteFunctions, outcome: Outcome): NodeApiError {
	return new NodeApiError(this.getNode(), outcome.json as JsonObject, {
		itemIndex: outcome.itemIndex,
		message: outcome.summary,
		description: `Suvvy output: ${displayNameOf(outcome.branch)}`,
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
		if (outcome.branch !== 'sent' && binary && mode !== 'tool') shaped.binary = binary;
		return shaped;
	};

	if (mode === 'tool') {
		// An agent reads output 0 only, so every result goes there, saying plainly how it ended.
		return [
			outcomes.map((outcome) =>
				itemFor(outcome, {
					sent: outcome.branch === 'sent',
					outcome: displayNameOf(outcome.branch),
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
				outcome.branch === 'sent'
					? itemFor(outcome, outcome.json)
					: itemFor(outcome, { error: outcome.summary, details: outcome.json }),
			),
		];
	}
	const outputs: INodeExecutionData[][] = BRANCHES.map(() => []);
	for (const outcome of outcomes)
		outputs[branchIndex(outcome.branch)].push(itemFor(outcome, outcome.json));
	return outputs;
}
