import type { IDataObject } from 'n8n-workflow';

import { LocalFailure, type ValidationIssue } from '../../../../suvvyApi/localFailure';
import type { ReadParameter } from '../../../context/readParameter';
import { asText } from '../../../context/text';
import type { MessageIds, ReadIds } from './messageIds';
import { readPlaceholders, type PlaceholderFields } from './placeholders';

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
