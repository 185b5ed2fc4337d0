import type { IDataObject } from 'n8n-workflow';

import type { SuvvyMessage } from './parseDelivery';

export interface ReplyFilters {
	senders: string[];
	messageTypes: string[];
	knownTypes: string[];
}

/** A message passes when its sender and type were chosen; a type Suvvy adds later always passes. */
function passesFilters(message: SuvvyMessage, filters: ReplyFilters): boolean {
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
 * How much of the delivery each per-message item repeats, as JSON: the fields copied, and what is
 * said about those left off, names included. A delivery holds up to a thousand messages; without a
 * cap, one large field (or one long field name) would be copied onto every one of them.
 */
const DELIVERY_FIELDS_MAX_CHARS = 4096;

/** A left-off field is named by at most this many characters of its name. */
const OMITTED_NAME_MAX_CHARS = 100;

/** Of the cap, kept for naming the left-off fields when there are some (ten plain names fit). */
const OMITTED_NAMES_ROOM = 1024;

const jsonLength = (value: unknown) => (JSON.stringify(value) ?? '').length;

/**
 * The length of `value` as JSON, or a number past `limit` as soon as it is clear the value is longer:
 * a field of megabytes costs no more to measure than one of a few characters.
 */
function jsonLengthUpTo(value: unknown, limit: number): number {
	let length = 0;
	const pending: unknown[] = [value];
	while (pending.length && length <= limit) {
		const next = pending.pop();
		if (typeof next === 'string') {
			length += next.length + 2 > limit ? next.length + 2 : jsonLength(next);
		} else if (Array.isArray(next)) {
			length += Math.max(2, next.length + 1);
			pending.push(...next);
		} else if (typeof next === 'object' && next !== null) {
			const names = Object.keys(next);
			length += Math.max(2, names.length + 1);
			for (const name of names) {
				length += jsonLength(name) + 1;
				pending.push((next as IDataObject)[name]);
			}
		} else {
			length += jsonLength(next);
		}
	}
	return length;
}

/** What `"name":value,` adds to an object's JSON (one comma more than needed for the last). */
const entryLength = (name: string, value: unknown) =>
	jsonLength(name) + jsonLengthUpTo(value, DELIVERY_FIELDS_MAX_CHARS) + 2;

const shortName = (name: string) =>
	name.length > OMITTED_NAME_MAX_CHARS ? `${name.slice(0, OMITTED_NAME_MAX_CHARS - 1)}…` : name;

/**
 * The delivery's fields other than the list, `event_type` and `chat_id` first, as many as fit the cap.
 * When some do not, the item says how many were left off and names as many as still fit, so nothing
 * vanishes unannounced; the One Item per Delivery output carries them all.
 */
export function deliveryFields(body: IDataObject): IDataObject {
	const names = [...new Set(['event_type', 'chat_id', ...Object.keys(body)])].filter(
		(name) => name !== 'new_messages' && name in body,
	);
	const entries = names.map((name) => {
		const value =
			name === 'chat_id' && typeof body[name] === 'number' ? String(body[name]) : body[name];
		return { name, value, size: entryLength(name, value) };
	});
	const whole = entries.reduce((sum, { size }) => sum + size, 2);
	// Room kept, when something must be left off, for saying how many and which.
	const note =
		whole <= DELIVERY_FIELDS_MAX_CHARS
			? 0
			: entryLength('omitted_delivery_field_count', names.length) +
				entryLength('omitted_delivery_fields', []) +
				OMITTED_NAMES_ROOM;
	let used = 2 + note;
	const fields: IDataObject = {};
	const omitted: string[] = [];
	for (const { name, value, size } of entries) {
		if (used + size > DELIVERY_FIELDS_MAX_CHARS) {
			omitted.push(name);
			continue;
		}
		used += size;
		fields[name] = value;
	}
	if (!omitted.length) return fields;
	used -= OMITTED_NAMES_ROOM;
	const named: string[] = [];
	for (const name of omitted.map(shortName)) {
		used += jsonLength(name) + 1;
		if (used > DELIVERY_FIELDS_MAX_CHARS) break;
		named.push(name);
	}
	return {
		...fields,
		omitted_delivery_field_count: omitted.length,
		omitted_delivery_fields: named,
	};
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
