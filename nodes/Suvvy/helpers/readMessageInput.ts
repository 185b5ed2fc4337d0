import type { IDataObject } from 'n8n-workflow';

import { issue, LocalFailure, type ValidationIssue } from './localFailure';
import type { ReadParameter } from './parameterReader';

export type AttachmentMode = 'all' | 'selected' | 'none';

export interface LinkInput {
	type: unknown;
	hint: string;
	url: string;
}

/** The Send Message parameters of one item, resolved and typed but not yet judged. */
export interface MessageInput {
	chatId: string;
	messageId: string;
	source: string;
	messageSender: unknown;
	text: string;
	attachmentMode: AttachmentMode;
	binaryPropertyNames: string[];
	clientName: string;
	clientPhone: string;
	link?: LinkInput;
	placeholders: Record<string, unknown>;
}

interface PlaceholderPair {
	key?: unknown;
	value?: unknown;
}

interface AdditionalFields {
	clientName?: unknown;
	clientPhone?: unknown;
	link?: { details?: { type?: unknown; hint?: unknown; url?: unknown } };
	placeholders?: { placeholder?: PlaceholderPair[] };
	placeholdersJson?: unknown;
}

/**
 * Expressions often yield numbers for IDs (a Telegram chat ID is one); Suvvy wants strings, so
 * numbers are written out. Anything else that is not text is a mistake worth naming.
 */
function asText(value: unknown, loc: string[], issues: ValidationIssue[]): string {
	if (value === undefined || value === null) return '';
	if (typeof value === 'string') return value;
	if ((typeof value === 'number' && Number.isFinite(value)) || typeof value === 'bigint') {
		return String(value);
	}
	issues.push(issue(loc, `Must be text, not ${describeType(value)}`, 'string_type'));
	return '';
}

export function describeType(value: unknown): string {
	if (Array.isArray(value)) return 'a list';
	if (value === null) return 'null';
	return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function parsePlaceholdersJson(raw: unknown, issues: ValidationIssue[]): Record<string, unknown> {
	if (raw === undefined || raw === null || raw === '') return {};
	let parsed = raw;
	if (typeof raw === 'string') {
		try {
			parsed = JSON.parse(raw);
		} catch {
			issues.push(issue(['placeholders'], 'Placeholders (JSON) is not valid JSON', 'json_invalid'));
			return {};
		}
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		issues.push(
			issue(['placeholders'], `Placeholders (JSON) must be an object, not ${describeType(parsed)}`),
		);
		return {};
	}
	return { ...(parsed as Record<string, unknown>) };
}

function readPlaceholders(
	fields: AdditionalFields,
	issues: ValidationIssue[],
): Record<string, unknown> {
	const placeholders = parsePlaceholdersJson(fields.placeholdersJson, issues);
	for (const [index, pair] of (fields.placeholders?.placeholder ?? []).entries()) {
		const key = asText(pair.key, ['placeholders', `#${index + 1}`, 'key'], issues);
		if (key.trim() === '') {
			issues.push(issue(['placeholders', `#${index + 1}`], 'A placeholder needs a key', 'missing'));
			continue;
		}
		placeholders[key] = pair.value ?? '';
	}
	return placeholders;
}

function readLink(fields: AdditionalFields, issues: ValidationIssue[]): LinkInput | undefined {
	const details = fields.link?.details;
	if (!details) return undefined;
	return {
		type: details.type,
		hint: asText(details.hint, ['link', 'hint'], issues),
		url: asText(details.url, ['link', 'url'], issues),
	};
}

function readBinaryPropertyNames(raw: unknown, issues: ValidationIssue[]): string[] {
	const listed = Array.isArray(raw) ? raw.join(',') : asText(raw, ['attachments'], issues);
	return listed
		.split(',')
		.map((name) => name.trim())
		.filter((name) => name !== '');
}

/** Parameter values the caller already resolved for this item, so no expression runs twice. */
export type PreResolved = Partial<Record<'chatId' | 'messageId', unknown>>;

export function readMessageInput(
	readParameter: ReadParameter,
	itemIndex: number,
	preResolved: PreResolved = {},
): MessageInput {
	const parameter = (name: string, fallback: unknown = '') =>
		name in preResolved
			? preResolved[name as keyof PreResolved]
			: readParameter(name, itemIndex, fallback);
	const issues: ValidationIssue[] = [];
	const attachmentMode = parameter('attachments', 'all') as AttachmentMode;
	const fields = parameter('additionalFields', {}) as AdditionalFields & IDataObject;

	const input: MessageInput = {
		chatId: asText(parameter('chatId'), ['chat_id'], issues),
		messageId: asText(parameter('messageId'), ['message_id'], issues),
		source: asText(parameter('source'), ['source'], issues),
		messageSender: parameter('messageSender', 'customer'),
		text: asText(parameter('text'), ['text'], issues),
		attachmentMode,
		binaryPropertyNames:
			attachmentMode === 'selected'
				? readBinaryPropertyNames(parameter('binaryPropertyNames'), issues)
				: [],
		clientName: asText(fields.clientName, ['client_name'], issues),
		clientPhone: asText(fields.clientPhone, ['client_phone'], issues),
		link: readLink(fields, issues),
		placeholders: readPlaceholders(fields, issues),
	};
	if (issues.length) throw LocalFailure.validation(issues);
	return input;
}
