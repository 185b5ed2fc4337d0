import type { IExecuteFunctions } from 'n8n-workflow';

import type { ReadParameter } from './parameterReader';

import { DEFAULT_MESSAGE_ID } from '../actions/message/send.properties';

/**
 * Resolves the Message ID parameter for each item. The default,
 * `n8n-{{ $workflow.id }}-{{ $execution.id }}-{{ $nodeId }}-{{ $runIndex }}-{{ $itemIndex }}`,
 * differs between the items of one run only in its last part, so it is resolved once and each item's
 * index appended: the same IDs, without a trip into n8n's expression sandbox for every item.
 */
export function messageIdResolver(
	context: IExecuteFunctions,
	readParameter: ReadParameter,
): (itemIndex: number) => unknown {
	const resolve = (itemIndex: number) => readParameter('messageId', itemIndex, '');
	const raw = context.getNode().parameters.messageId;
	if (raw !== undefined && raw !== DEFAULT_MESSAGE_ID) return resolve;

	let prefix: string | undefined;
	return (itemIndex) => {
		if (prefix === undefined) {
			const first = resolve(0);
			if (typeof first !== 'string' || !first.endsWith('-0')) return resolve(itemIndex);
			prefix = first.slice(0, -1);
		}
		return `${prefix}${itemIndex}`;
	};
}
