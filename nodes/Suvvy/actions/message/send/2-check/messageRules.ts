import { issue, type ValidationIssue } from '../../../../suvvyApi/localFailure';
import { LINK_TYPES, MESSAGE_SENDERS, valuesOf } from '../../../../suvvyApi/messageFields';
import { describeType } from '../../../context/text';
import type { MessageInput } from '../1-read/messageInput';

const SENDER_VALUES = valuesOf(MESSAGE_SENDERS);
const LINK_TYPE_VALUES = valuesOf(LINK_TYPES);

function requireFilled(value: string | null, field: string, issues: ValidationIssue[]): void {
	if ((value ?? '').trim() === '') issues.push(issue([field], 'Field required', 'missing'));
}

function oneOf(allowed: string[], value: unknown, loc: string[], issues: ValidationIssue[]) {
	if (allowed.includes(value as string)) return;
	const message = `Must be one of ${allowed.join(', ')}, not ${JSON.stringify(value)}`;
	issues.push(issue(loc, message, 'enum'));
}

/**
 * The rules of Suvvy's request body that can be judged before any file is looked at. Placeholder
 * values go to Suvvy as given, and Suvvy's placeholders are strings: a number there is refused, not
 * written out as the text rule (context/text.ts) would for a text field.
 */
export function validateFields(input: MessageInput): ValidationIssue[] {
	const issues: ValidationIssue[] = [];
	requireFilled(input.ids.chat_id, 'chat_id', issues);
	requireFilled(input.ids.message_id, 'message_id', issues);
	requireFilled(input.source, 'source', issues);
	oneOf(SENDER_VALUES, input.messageSender, ['message_sender'], issues);

	if (input.link) {
		oneOf(LINK_TYPE_VALUES, input.link.type, ['link', 'type'], issues);
		requireFilled(input.link.url, 'link.url', issues);
	}

	for (const [key, value] of Object.entries(input.placeholders)) {
		if (typeof value !== 'string') {
			issues.push(
				issue(
					['placeholders', key],
					`Placeholder values must be text, not ${describeType(value)}`,
					'string_type',
				),
			);
		}
	}
	return issues;
}
