import type { IBinaryData, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import {
	MAX_FILE_BYTES,
	MAX_FILE_MB,
	suvvyFileTypeOf,
	type SuvvyFileType,
} from '../../../../suvvyApi/fileTypes';
import { issue, LocalFailure, type ValidationIssue } from '../../../../suvvyApi/localFailure';
import type { MessageInput } from '../1-read/messageInput';
import { detectMimeType } from './detectMimeType';
import { fileContent, type FileContent } from './fileContent';
import { requireContent } from './requireContent';

/** What a Sent item reports of each file: enough to audit, never the bytes. */
export interface AttachmentSummary {
	file_name: string;
	file_type: SuvvyFileType;
	mime_type: string;
	bytes: number;
}

/** One file to send, read only when its body is written. */
export interface FileToSend {
	file_name: string;
	file_type: SuvvyFileType;
	content: FileContent;
}

export interface CollectedAttachments {
	attachments: FileToSend[];
	summaries: AttachmentSummary[];
}

function binaryFieldsToSend(input: MessageInput, item: INodeExecutionData): string[] {
	if (input.attachmentMode === 'none') return [];
	if (input.attachmentMode === 'selected') return input.binaryPropertyNames;
	return Object.keys(item.binary ?? {});
}

function fileNameOf(field: string, metadata: IBinaryData): string {
	if (metadata.fileName) return metadata.fileName;
	return metadata.fileExtension ? `${field}.${metadata.fileExtension}` : field;
}

function tooLarge(field: string, bytes: number): ValidationIssue {
	const megabytes = (bytes / 1024 / 1024).toFixed(1);
	return issue(
		['attachments', field],
		`File is ${megabytes} MB; Suvvy accepts at most ${MAX_FILE_MB} MB`,
		'too_long',
	);
}

/**
 * Turns the item's binary fields into Suvvy attachments, from n8n's metadata and at most a file's
 * first bytes: a file over the limit, empty or of a type Suvvy refuses is refused before any of it
 * is read, and the rest are read only when their body is written.
 */
export async function collectAttachments(
	this: IExecuteFunctions,
	itemIndex: number,
	item: INodeExecutionData,
	input: MessageInput,
): Promise<CollectedAttachments> {
	const issues: ValidationIssue[] = [];
	let unsupported: LocalFailure | undefined;
	const collected: CollectedAttachments = { attachments: [], summaries: [] };

	for (const field of binaryFieldsToSend(input, item)) {
		const metadata = item.binary?.[field];
		if (!metadata) {
			issues.push(
				issue(['attachments', field], `The item has no binary field "${field}"`, 'missing'),
			);
			continue;
		}
		const content = await fileContent.call(this, itemIndex, field, metadata);
		if (content.size > MAX_FILE_BYTES) {
			issues.push(tooLarge(field, content.size));
			continue;
		}
		if (content.size === 0) {
			issues.push(issue(['attachments', field], 'File is empty', 'too_short'));
			continue;
		}
		const fileName = fileNameOf(field, metadata);
		const mimeType = await detectMimeType(
			metadata.mimeType,
			content.head,
			fileName,
			(type) => suvvyFileTypeOf(type) !== undefined,
		);
		const fileType = suvvyFileTypeOf(mimeType);
		if (!fileType) {
			unsupported ??= LocalFailure.unsupportedFile(fileName, mimeType);
			continue;
		}
		collected.attachments.push({
			file_name: fileName,
			file_type: fileType,
			content,
		});
		collected.summaries.push({
			file_name: fileName,
			file_type: fileType,
			mime_type: mimeType,
			bytes: content.size,
		});
	}

	// Suvvy validates the body (422) before it looks at file types (415), so 422 wins.
	if (issues.length) throw LocalFailure.validation(issues);
	if (unsupported) throw unsupported;
	const nothingToShow = requireContent(input.text, collected.attachments.length);
	if (nothingToShow.length) throw LocalFailure.validation(nothingToShow);
	return collected;
}
