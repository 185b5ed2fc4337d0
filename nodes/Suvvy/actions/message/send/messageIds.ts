import type { IExecuteFunctions } from 'n8n-workflow';

import { issue, type ValidationIssue } from '../../../suvvy/localFailure';
import type { ReadParameter } from '../../shared/readParameter';
import { readText } from '../../shared/text';

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

/** Which message an item is: what every output item carries, even when its other parameters fail. */
export interface MessageIds {
	message_id: string | null;
	chat_id: string | null;
}

export interface ReadIds {
	ids: MessageIds;
	/** Why an ID has no text (an expression that failed, a value that is not text). */
	issues: ValidationIssue[];
}

const LABELS: Record<string, string> = { chat_id: 'Chat ID', message_id: 'Message ID' };

/**
 * A number is an ID only while its digits are exact. Past 2^53 a JavaScript number keeps just the
 * nearest double, so two customers' chat IDs can become one conversation (and two messages one, to
 * Suvvy's de-duplication), and 1e21 would go as "1e+21". Only text keeps such an ID whole.
 */
function inexactNumber(value: number, field: string): ValidationIssue {
	const label = LABELS[field];
	const what = Number.isFinite(value) ? `the number ${String(value)}` : String(value);
	return issue(
		[field],
		`${label} is ${what}, which cannot be sent exactly: a number keeps its digits only as a whole number between ${Number.MIN_SAFE_INTEGER} and ${Number.MAX_SAFE_INTEGER}. Map the ${label} as text (a string), from a field that holds it as text`,
		'string_type',
	);
}

/** An ID is read before anything else, so an expression that fails here is an issue, not an error. */
function readId(read: () => unknown, field: string, issues: ValidationIssue[]): string | null {
	try {
		const value = read();
		if (typeof value === 'number' && !Number.isSafeInteger(value)) {
			issues.push(inexactNumber(value, field));
			return null;
		}
		return readText(value, [field], issues) ?? null;
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		issues.push(issue([field], message, 'parameter_error'));
		return null;
	}
}

/**
 * Reads the message and chat IDs of one item, once: the chat orders the sends, and both IDs go into
 * the body and onto the item, whichever output it leaves by.
 */
export function readMessageIds(
	readParameter: ReadParameter,
	itemIndex: number,
	messageIdOf: (itemIndex: number) => unknown,
): ReadIds {
	const issues: ValidationIssue[] = [];
	const chatId = readId(() => readParameter('chatId', itemIndex, ''), 'chat_id', issues);
	const messageId = readId(() => messageIdOf(itemIndex), 'message_id', issues);
	return { ids: { message_id: messageId, chat_id: chatId }, issues };
}
