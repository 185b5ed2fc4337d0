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

/**
 * How much of the delivery's own fields each per-message item repeats. A delivery holds up to a
 * thousand messages; without a cap, one large extra field would be copied onto every one of them.
 */
export const DELIVERY_FIELDS_MAX_CHARS = 4096;

/**
 * The delivery's fields other than the list, `event_type` and `chat_id` first, as many as fit the cap
 * (measured as JSON). The names of those left out are listed, so nothing vanishes unannounced; the
 * One Item per Delivery output carries them all.
 */
export function deliveryFields(body: IDataObject): IDataObject {
	const fields: IDataObject = {};
	const omitted: string[] = [];
	let used = 0;
	const names = ['event_type', 'chat_id', ...Object.keys(body)].filter(
		(name, index, all) => name !== 'new_messages' && name in body && all.indexOf(name) === index,
	);
	for (const name of names) {
		const value =
			name === 'chat_id' && typeof body[name] === 'number' ? String(body[name]) : body[name];
		const size = name.length + (JSON.stringify(value) ?? '').length;
		if (used + size > DELIVERY_FIELDS_MAX_CHARS) {
			omitted.push(name);
			continue;
		}
		used += size;
		fields[name] = value;
	}
	if (omitted.length) fields.omitted_delivery_fields = omitted;
	return fields;
}

/** One message as an item, with the delivery's fields (from `deliveryFields`, worked out once). */
export function messageItemJson(
	delivery: IDataObject,
	{ index, message }: IndexedMessage,
): IDataObject {
	const json: IDataObject = { ...delivery, ...message, message_index: index };
	// The delivery's event and chat win over a message field of the same name.
	if ('event_type' in delivery) json.event_type = delivery.event_type;
	if (delivery.chat_id !== undefined && delivery.chat_id !== null) json.chat_id = delivery.chat_id;
	return json;
}

export function deliveryItemJson(body: IDataObject, selected: IndexedMessage[]): IDataObject {
	return {
		...body,
		new_messages: selected.map(({ index, message }) => ({ ...message, message_index: index })),
	};
}
