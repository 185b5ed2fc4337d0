import type { IExecuteFunctions } from 'n8n-workflow';

import type { ReadParameter } from '../../../context/readParameter';

/**
 * Stable for one execution, node run and item, so n8n's Retry On Fail re-sends the same ID and
 * Suvvy's de-duplication drops the repeat; the workflow ID keeps it unique across n8n instances.
 */
export const DEFAULT_MESSAGE_ID =
	'=n8n-{{ $workflow.id }}-{{ $execution.id }}-{{ $nodeId }}-{{ $runIndex }}-{{ $itemIndex }}';

/**
 * n8n before 1.64 has no `$nodeId` and resolves it to nothing (`n8n-wf-4711--0-`), so two Suvvy nodes of
 * one workflow would send the same IDs; the node's own ID then goes where `$nodeId` stands.
 */
function withNodeId(prefix: string, nodeId: string | undefined): string {
	const missing = /^(.*)--(\d+)-$/.exec(prefix);
	if (!nodeId || !missing || prefix.includes(`-${nodeId}-`)) return prefix;
	return `${missing[1]}-${nodeId}-${missing[2]}-`;
}

/**
 * The default's first four parts, read from the same data n8n's expression would read them from (its
 * workflow data proxy) without evaluating the expression: in n8n 2.x that is a trip into its sandbox,
 * most of the node's time when each execution sends one message. Undefined when a part is missing (an
 * unsaved workflow has no ID), so the expression decides exactly as before.
 */
function defaultPrefix(this: IExecuteFunctions): string | undefined {
	const proxy = this.getWorkflowDataProxy(0) as unknown as Record<string, unknown>;
	const workflow = proxy.$workflow as { id?: unknown } | undefined;
	const execution = proxy.$execution as { id?: unknown } | undefined;
	const parts = [workflow?.id, execution?.id, proxy.$nodeId ?? this.getNode().id, proxy.$runIndex];
	const rendered = parts.map((part) => (typeof part === 'number' ? String(part) : part));
	if (!rendered.every((part) => typeof part === 'string' && part !== '')) return undefined;
	return `n8n-${rendered.join('-')}-`;
}

/**
 * Resolves the Message ID parameter for each item. The default differs between the items of one run
 * only in its last part, so its first parts are found once and each item's index appended: the same
 * IDs, without a trip into n8n's expression sandbox for every item.
 */
export function messageIdResolver(
	this: IExecuteFunctions,
	readParameter: ReadParameter,
): (itemIndex: number) => unknown {
	const resolve = (itemIndex: number) => readParameter('messageId', itemIndex, '');
	const raw = this.getNode().parameters.messageId;
	if (raw !== undefined && raw !== DEFAULT_MESSAGE_ID) return resolve;

	let prefix: string | undefined;
	let proxyRead = false;
	return (itemIndex) => {
		if (!proxyRead) {
			proxyRead = true;
			prefix = defaultPrefix.call(this);
		}
		if (prefix === undefined) {
			const first = resolve(0);
			if (typeof first !== 'string' || !first.endsWith('-0')) return resolve(itemIndex);
			prefix = withNodeId(first.slice(0, -1), this.getNode().id);
		}
		return `${prefix}${itemIndex}`;
	};
}
