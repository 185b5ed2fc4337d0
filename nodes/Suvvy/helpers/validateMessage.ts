import type { MessageInput } from './readMessageInput';
import { describeType } from './readMessageInput';
import { issue, type ValidationIssue } from './localFailure';

export const MESSAGE_SENDERS = ['customer', 'employee'];
export const LINK_TYPES = ['user', 'chat', 'phone', 'lead', 'other'];

function requireFilled(value: string, field: string, issues: ValidationIssue[]): void {
	if (value.trim() === '') issues.push(issue([field], 'Field required', 'missing'));
}

/** The rules of Suvvy's request body that can be judged before any file is read. */
export function validateFields(input: MessageInput): ValidationIssue[] {
	const issues: ValidationIssue[] = [];
	requireFilled(input.chatId, 'chat_id', issues);
	requireFilled(input.messageId, 'message_id', issues);
	requireFilled(input.source, 'source', issues);

	if (!MESSAGE_SENDERS.includes(input.messageSender as string)) {
		issues.push(
			issue(
				['message_sender'],
				`Must be one of ${MESSAGE_SENDERS.join(', ')}, not ${JSON.stringify(input.messageSender)}`,
				'enum',
			),
		);
	}

	if (input.link) {
		if (!LINK_TYPES.includes(input.link.type as string)) {
			issues.push(
				issue(
					['link', 'type'],
					`Must be one of ${LINK_TYPES.join(', ')}, not ${JSON.stringify(input.link.type)}`,
					'enum',
				),
			);
		}
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

/** Suvvy needs something to show: text, files, or both. */
export function validateContent(input: MessageInput, attachmentCount: number): ValidationIssue[] {
	if (input.text !== '' || attachmentCount > 0) return [];
	return [issue(['text'], 'Text or at least one attachment is required', 'missing')];
}
