import { issue, type ValidationIssue } from '../../../../suvvyApi/localFailure';
import type { ReadParameter } from '../../../context/readParameter';
import { readText } from '../../../context/text';

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
