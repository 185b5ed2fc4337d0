import type { IDataObject } from 'n8n-workflow';
import { randomBytes } from 'node:crypto';

import type { SuvvyFileType } from '../../../suvvy/fileTypes';
import type { FileToSend } from './attachments';
import type { MessageInput } from './input';

/** One attachment as Suvvy's body holds it: the file's base64 in `data`. */
export interface BodyAttachment {
	file_name: string;
	file_type: SuvvyFileType;
	data: string;
}

/** Suvvy's request body for one message; optional fields left empty are not sent at all. */
export function buildMessageBody(input: MessageInput, attachments: BodyAttachment[]): IDataObject {
	const body: IDataObject = {
		api_version: 1,
		message_id: input.ids.message_id,
		chat_id: input.ids.chat_id,
	};
	if (input.text !== '') body.text = input.text;
	if (attachments.length) body.attachments = attachments as unknown as IDataObject[];
	body.source = input.source;
	if (Object.keys(input.placeholders).length) body.placeholders = input.placeholders as IDataObject;
	if (input.link) {
		body.link = {
			type: input.link.type as string,
			hint: input.link.hint === '' ? null : input.link.hint,
			url: input.link.url,
		};
	}
	body.message_sender = input.messageSender as string;
	if (input.clientName !== '') body.client_name = input.clientName;
	if (input.clientPhone !== '') body.client_phone = input.clientPhone;
	return body;
}

/**
 * What a Sent item reports of its body, for downstream nodes to map: every field as it was sent, but
 * the IDs (the item has them already) and the files' base64 (their summaries stand in).
 */
export function sentFields(input: MessageInput): IDataObject {
	const fields = buildMessageBody(input, []);
	for (const name of ['api_version', 'message_id', 'chat_id']) delete fields[name];
	return fields;
}

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
