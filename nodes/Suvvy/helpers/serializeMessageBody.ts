import { randomBytes } from 'node:crypto';

import { buildMessageBody, type BodyAttachment } from './buildMessageBody';
import type { MessageInput } from './readMessageInput';
import type { SuvvyFileType } from './suvvyFileTypes';

export interface FileToSend {
	file_name: string;
	file_type: SuvvyFileType;
	bytes: Buffer;
}

/** Bytes read per step: a multiple of 3, so each step's base64 needs no padding in the middle. */
const CHUNK_BYTES = 3 * 64 * 1024;

function base64Length(bytes: number): number {
	return Math.ceil(bytes / 3) * 4;
}

/**
 * Suvvy's JSON body as one Buffer, with each file's base64 written straight into it. The usual way
 * (a base64 string per file, a JSON string around it, a Buffer of that for the socket) holds a
 * 15 MB file four times over; this holds the file and the body, once each.
 */
export function serializeMessageBody(input: MessageInput, files: FileToSend[]): Buffer {
	const nonce = randomBytes(8).toString('hex');
	const marker = (index: number) => `@suvvy-file-${nonce}-${index}@`;
	const attachments: BodyAttachment[] = files.map((file, index) => ({
		file_name: file.file_name,
		file_type: file.file_type,
		data: marker(index),
	}));
	const json = JSON.stringify(buildMessageBody(input, attachments));

	// The JSON around the files, in order: text, file 0, text, file 1, …, text.
	const parts: string[] = [];
	let rest = json;
	for (let index = 0; index < files.length; index++) {
		const [before, after] = rest.split(marker(index));
		parts.push(before);
		rest = after;
	}
	parts.push(rest);

	const total =
		parts.reduce((sum, part) => sum + Buffer.byteLength(part, 'utf8'), 0) +
		files.reduce((sum, file) => sum + base64Length(file.bytes.length), 0);
	const body = Buffer.allocUnsafe(total);
	let offset = body.write(parts[0], 0, 'utf8');
	for (const [index, file] of files.entries()) {
		for (let start = 0; start < file.bytes.length; start += CHUNK_BYTES) {
			const chunk = file.bytes.subarray(start, start + CHUNK_BYTES);
			offset += body.write(chunk.toString('base64'), offset, 'latin1');
		}
		offset += body.write(parts[index + 1], offset, 'utf8');
	}
	return body;
}
