import type { IDataObject } from 'n8n-workflow';

import type { SuvvyFileType } from '../../../../suvvyApi/fileTypes';
import type { MessageInput } from '../1-read/messageInput';

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
