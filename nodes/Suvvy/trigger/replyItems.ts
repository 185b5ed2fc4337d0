import type { IDataObject } from 'n8n-workflow';

import type { SuvvyMessage } from './parseDelivery';

export interface ReplyFilters {
	senders: string[];
	messageTypes: string[];
	knownTypes: string[];
}

/** A message passes when its sender and type were chosen; a type Suvvy adds later always passes. */
export function passesFilters(message: SuvvyMessage, filters: ReplyFilters): boolean {
	const typeChosen =
		filters.messageTypes.includes(message.type) || !filters.knownTypes.includes(message.type);
	return filters.senders.includes(message.message_sender) && typeChosen;
}

export interface IndexedMessage {
	index: number;
	message: SuvvyMessage;
}

/** The messages to emit, each with its position in the delivery, so a user can match them up. */
export function selectMessages(messages: SuvvyMessage[], filters: ReplyFilters): IndexedMessage[] {
	return messages
		.map((message, index) => ({ index, message }))
		.filter(({ message }) => passesFilters(message, filters));
}

/** The delivery's own fields other than the list, which every per-message item carries along. */
function deliveryFields(body: IDataObject): IDataObject {
	const fields: IDataObject = {};
	for (const [key, value] of Object.entries(body)) if (key !== 'new_messages') fields[key] = value;
	return fields;
}

export function messageItemJson(
	body: IDataObject,
	{ index, message }: IndexedMessage,
): IDataObject {
	const json: IDataObject = { ...deliveryFields(body), ...message, message_index: index };
	json.event_type = body.event_type;
	if (body.chat_id !== undefined && body.chat_id !== null) json.chat_id = String(body.chat_id);
	return json;
}

export function deliveryItemJson(body: IDataObject, selected: IndexedMessage[]): IDataObject {
	return {
		...body,
		new_messages: selected.map(({ index, message }) => ({ ...message, message_index: index })),
	};
}
