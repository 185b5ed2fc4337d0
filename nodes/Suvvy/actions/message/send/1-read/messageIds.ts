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

/** An ID is read before anything else, so an expression that fails here is an issue, not an error. */
function readId(read: () => unknown, field: string, issues: ValidationIssue[]): string | null {
	try {
		return readText(read(), [field], issues) ?? null;
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
