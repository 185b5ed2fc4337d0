import type { IDataObject } from 'n8n-workflow';

/**
 * What Suvvy's custom channel POSTs (docs/trigger.md): an `event_type`, for `new_messages` a list of
 * messages, and a top-level `chat_id` that Suvvy's public doc does not show but sends.
 * Anything the doc does not list is kept as it came, so fields Suvvy adds later pass through.
 */
export interface SuvvyMessage extends IDataObject {
	type: string;
	message_sender: string;
	text?: string;
	file?: SuvvyFile;
}

export interface SuvvyFile extends IDataObject {
	url: string;
	name?: string;
	size_bytes?: number;
	mime_type?: string;
}

export type Delivery =
	| { kind: 'messages'; body: IDataObject; messages: SuvvyMessage[] }
	| { kind: 'testRequest'; body: IDataObject }
	| { kind: 'unknownEvent'; eventType: string; body: IDataObject };

export type ParsedDelivery =
	| { ok: true; delivery: Delivery }
	| { ok: false; status: number; reason: string };

/** More than any real reply holds; a bigger list is refused rather than turned into items. */
export const MAX_MESSAGES_PER_DELIVERY = 1000;

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function refuse(reason: string, status = 400): ParsedDelivery {
	return { ok: false, status, reason };
}

/** The first thing wrong with one message, or undefined when it has the documented shape. */
function problemWithMessage(message: unknown, at: string): string | undefined {
	if (!isObject(message)) return `${at} is not an object`;
	if (typeof message.type !== 'string') return `${at}.type must be a string`;
	if (typeof message.message_sender !== 'string') return `${at}.message_sender must be a string`;
	if (message.text !== undefined && message.text !== null && typeof message.text !== 'string') {
		return `${at}.text must be a string`;
	}
	if (message.file === undefined || message.file === null) return undefined;
	const file = message.file;
	if (!isObject(file)) return `${at}.file must be an object`;
	if (typeof file.url !== 'string') return `${at}.file.url must be a string`;
	if (file.name !== undefined && typeof file.name !== 'string')
		return `${at}.file.name must be a string`;
	if (file.size_bytes !== undefined && typeof file.size_bytes !== 'number') {
		return `${at}.file.size_bytes must be a number`;
	}
	if (file.mime_type !== undefined && typeof file.mime_type !== 'string') {
		return `${at}.file.mime_type must be a string`;
	}
	return undefined;
}

export function parseDelivery(body: unknown): ParsedDelivery {
	if (!isObject(body)) return refuse('The body must be a JSON object with an "event_type"');
	const eventType = body.event_type;
	if (typeof eventType !== 'string' || !eventType)
		return refuse('"event_type" must be a non-empty string');
	if (eventType === 'test_request') return { ok: true, delivery: { kind: 'testRequest', body } };
	if (eventType !== 'new_messages')
		return { ok: true, delivery: { kind: 'unknownEvent', eventType, body } };

	const messages = body.new_messages;
	if (!Array.isArray(messages)) return refuse('"new_messages" must be a list of messages');
	if (messages.length > MAX_MESSAGES_PER_DELIVERY) {
		return refuse(
			`"new_messages" holds ${messages.length} messages; at most ${MAX_MESSAGES_PER_DELIVERY} are accepted`,
			413,
		);
	}
	if (
		body.chat_id !== undefined &&
		body.chat_id !== null &&
		typeof body.chat_id !== 'string' &&
		typeof body.chat_id !== 'number'
	) {
		return refuse('"chat_id" must be a string');
	}
	for (const [index, message] of messages.entries()) {
		const problem = problemWithMessage(message, `new_messages[${index}]`);
		if (problem) return refuse(problem);
	}
	return { ok: true, delivery: { kind: 'messages', body, messages: messages as SuvvyMessage[] } };
}
