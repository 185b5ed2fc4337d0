import type { IBinaryData, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import {
	MAX_FILE_BYTES,
	MAX_FILE_MB,
	type SuvvyFileType,
	suvvyFileTypeOf,
} from '../../../suvvy/fileTypes';
import { issue, LocalFailure, type ValidationIssue } from '../../../suvvy/localFailure';
import type { MessageInput } from './input';
import { detectMimeType } from './mimeType';

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
			unsupported ??= LocalFailure.badFile(fileName, mimeType);
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

/** Enough of a file to tell its type by its first bytes. */
const HEAD_BYTES = 64;
/** A multiple of 3, so each chunk of an in-memory file encodes to base64 without padding. */
const CHUNK_BYTES = 3 * 64 * 1024;
/** Smaller files are read whole: opening streams costs more than the memory it would save. */
const STREAM_ABOVE_BYTES = 1024 * 1024;
/** Base64 characters that decode to at least HEAD_BYTES bytes. */
const HEAD_BASE64 = Math.ceil(HEAD_BYTES / 3) * 4;

/**
 * A file to send, known by its size before any of its content is read. Its content is read only
 * while its message's body is written, after the memory for that body was reserved, so messages
 * waiting for the memory budget hold none of their files.
 */
export interface FileContent {
	size: number;
	/** The first bytes, to tell the type by; read only when the type is asked for. */
	head(): Promise<Buffer>;
	chunks(): AsyncIterable<Buffer>;
}

type BinaryHelpers = IExecuteFunctions['helpers'];

async function* slices(bytes: Buffer): AsyncIterable<Buffer> {
	for (let start = 0; start < bytes.length; start += CHUNK_BYTES) {
		yield bytes.subarray(start, start + CHUNK_BYTES);
	}
}

async function firstBytes(stream: AsyncIterable<Buffer>): Promise<Buffer> {
	for await (const chunk of stream) return chunk.subarray(0, HEAD_BYTES);
	return Buffer.alloc(0);
}

const PLAIN_BASE64 = /[^A-Za-z0-9+/=]/;

/**
 * The size of a file n8n keeps in the item as base64 (n8n 1.x's default, and what some nodes
 * produce on any version), from the text's length. Only base64 with line breaks or other odd
 * characters is decoded to be measured: rare, and the copy is dropped at once.
 */
function base64Size(data: string): number {
	if (!PLAIN_BASE64.test(data)) return Buffer.byteLength(data, 'base64');
	return Buffer.from(data, 'base64').length;
}

/** A stored file's size: n8n 2.x writes it into the item, n8n 1.x only into its store's metadata. */
async function storedSize(helpers: BinaryHelpers, id: string, metadata: IBinaryData) {
	if (typeof metadata.bytes === 'number') return metadata.bytes;
	const stored = await helpers.getBinaryMetadata(id);
	if (typeof stored.fileSize === 'number') return stored.fileSize;
	let size = 0;
	for await (const chunk of await helpers.getBinaryStream(id, CHUNK_BYTES)) size += chunk.length;
	return size;
}

/**
 * Describes one binary field of an item as a file to send, from n8n's metadata. Files n8n keeps on
 * disk or in its database (n8n 2.x's default) are streamed when large; small ones, and files n8n
 * keeps in the item, are read whole through n8n's binary helper, which decodes them.
 */
async function fileContent(
	this: IExecuteFunctions,
	itemIndex: number,
	field: string,
	metadata: IBinaryData,
): Promise<FileContent> {
	const helpers = this.helpers;
	const readWhole = async function* () {
		yield* slices(await helpers.getBinaryDataBuffer(itemIndex, field));
	};
	const { id } = metadata;
	if (!id) {
		const data = metadata.data;
		return {
			size: base64Size(data),
			head: async () => Buffer.from(data.slice(0, HEAD_BASE64), 'base64').subarray(0, HEAD_BYTES),
			chunks: readWhole,
		};
	}
	const size = await storedSize(helpers, id, metadata);
	return {
		size,
		head: async () => await firstBytes(await helpers.getBinaryStream(id, HEAD_BYTES)),
		chunks:
			size > STREAM_ABOVE_BYTES
				? async function* () {
						yield* await helpers.getBinaryStream(id, CHUNK_BYTES);
					}
				: readWhole,
	};
}

/**
 * Suvvy needs something to show: text, files, or both. Only the attach stage knows whether any file
 * will go, so the rule is judged there, once the files are known.
 */
export function requireContent(text: string, attachmentCount: number): ValidationIssue[] {
	if (text !== '' || attachmentCount > 0) return [];
	return [issue(['text'], 'Text or at least one attachment is required', 'missing')];
}
