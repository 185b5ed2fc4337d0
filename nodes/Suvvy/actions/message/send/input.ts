import type { IDataObject } from 'n8n-workflow';

import { issue, LocalFailure, type ValidationIssue } from '../../../suvvy/localFailure';
import { LINK_TYPES, MESSAGE_SENDERS, valuesOf } from '../../../suvvy/messageFields';
import type { ReadParameter } from '../../shared/readParameter';
import { asText, describeType } from '../../shared/text';
import type { MessageIds, ReadIds } from './messageIds';

export type AttachmentMode = 'all' | 'selected' | 'none';

export interface LinkInput {
	type: unknown;
	hint: string;
	url: string;
}

/** The Send Message parameters of one item, resolved and typed but not yet judged. */
export interface MessageInput {
	ids: MessageIds;
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

interface AdditionalFields extends PlaceholderFields {
	clientName?: unknown;
	clientPhone?: unknown;
	link?: { details?: { type?: unknown; hint?: unknown; url?: unknown } };
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

/**
 * Reads the rest of one item's parameters, beside the IDs already read. A value that is not of the
 * type Suvvy wants is refused here, with every such problem named at once.
 */
export function readMessageInput(
	readParameter: ReadParameter,
	itemIndex: number,
	{ ids, issues: idIssues }: ReadIds,
): MessageInput {
	const parameter = (name: string, fallback: unknown = '') =>
		readParameter(name, itemIndex, fallback);
	const issues: ValidationIssue[] = [...idIssues];
	const attachmentMode = parameter('attachments', 'all') as AttachmentMode;
	const fields = parameter('additionalFields', {}) as AdditionalFields & IDataObject;

	const input: MessageInput = {
		ids,
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

interface PlaceholderPair {
	key?: unknown;
	value?: unknown;
}

export interface PlaceholderFields {
	placeholders?: { placeholder?: PlaceholderPair[] };
	placeholdersJson?: unknown;
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

/** Placeholders (JSON) merged with the key/value pairs; a key set in both takes the pair's value. */
function readPlaceholders(
	fields: PlaceholderFields,
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
