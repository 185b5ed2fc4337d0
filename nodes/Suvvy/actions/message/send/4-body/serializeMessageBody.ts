import { randomBytes } from 'node:crypto';

import type { MessageInput } from '../1-read/messageInput';
import type { FileToSend } from '../3-attach/collectAttachments';
import { buildMessageBody, type BodyAttachment } from './buildMessageBody';

function base64Length(bytes: number): number {
	return Math.ceil(bytes / 3) * 4;
}

/**
 * Bytes encoded per string. The strings are garbage at once; kept under V8's large-object size they
 * die young and are freed within milliseconds, instead of piling up to the file's size until a full GC.
 */
const ENCODE_BYTES = 3 * 16 * 1024;

function encodeInto(body: Buffer, offset: number, bytes: Buffer): number {
	for (let start = 0; start < bytes.length; start += ENCODE_BYTES) {
		offset += body.write(
			bytes.subarray(start, start + ENCODE_BYTES).toString('base64'),
			offset,
			'latin1',
		);
	}
	return offset;
}

/** Writes one file's base64 into `body` at `offset`, chunk by chunk; returns the new offset. */
async function writeBase64(body: Buffer, offset: number, file: FileToSend): Promise<number> {
	let carry: Buffer = Buffer.alloc(0);
	let read = 0;
	for await (const chunk of file.content.chunks()) {
		read += chunk.length;
		let rest = chunk;
		if (carry.length) {
			// Base64 maps 3 bytes to 4 characters: complete the group left over from the last chunk.
			const need = Math.min(3 - carry.length, rest.length);
			carry = Buffer.concat([carry, rest.subarray(0, need)]);
			rest = rest.subarray(need);
			if (carry.length < 3) continue;
			offset = encodeInto(body, offset, carry);
			carry = Buffer.alloc(0);
		}
		const whole = rest.length - (rest.length % 3);
		offset = encodeInto(body, offset, rest.subarray(0, whole));
		carry = Buffer.from(rest.subarray(whole));
	}
	if (carry.length) offset = encodeInto(body, offset, carry);
	if (read !== file.content.size) {
		throw new Error(
			`File "${file.file_name}" changed while it was read: expected ${file.content.size} bytes, got ${read}`,
		);
	}
	return offset;
}

/** A body ready to be written: its exact size first, so memory can be reserved before it exists. */
export interface BodyPlan {
	size: number;
	write(): Promise<Buffer>;
}

/**
 * Suvvy's JSON body as one Buffer, with each file's base64 streamed straight into it. The usual way
 * (the file in memory, a base64 string of it, a JSON string around that, a Buffer of that for the
 * socket) holds a 15 MB file four times over; this holds only the body.
 */
export function planMessageBody(input: MessageInput, files: FileToSend[]): BodyPlan {
	if (!files.length) {
		const body = Buffer.from(JSON.stringify(buildMessageBody(input, [])), 'utf8');
		return { size: body.length, write: async () => body };
	}
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

	const size =
		parts.reduce((sum, part) => sum + Buffer.byteLength(part, 'utf8'), 0) +
		files.reduce((sum, file) => sum + base64Length(file.content.size), 0);
	return {
		size,
		write: async () => {
			const body = Buffer.allocUnsafe(size);
			let offset = body.write(parts[0], 0, 'utf8');
			for (const [index, file] of files.entries()) {
				offset = await writeBase64(body, offset, file);
				offset += body.write(parts[index + 1], offset, 'utf8');
			}
			return body;
		},
	};
}

export async function serializeMessageBody(
	input: MessageInput,
	files: FileToSend[],
): Promise<Buffer> {
	return await planMessageBody(input, files).write();
}
