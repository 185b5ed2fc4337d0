import type { IDataObject, INodeExecutionData, IWebhookFunctions } from 'n8n-workflow';

import { DeliveryDownloads } from './download/downloadQueue';
import type { FileSettings } from './download/fileSettings';
import { fetchReplyFiles, type AttachedFile } from './download/replyFiles';
import {
	deliveryFields,
	deliveryItemJson,
	messageItemJson,
	type IndexedMessage,
} from './replyItems';

/** A parsed body costs n8n about three times its JSON while the delivery waits for its files. */
const BODY_MEMORY_FACTOR = 3;

function withFileError(json: IDataObject, attached: AttachedFile): IDataObject {
	return attached.fileError ? { ...json, file_error: attached.fileError } : json;
}

function perMessageItems(
	body: IDataObject,
	selected: IndexedMessage[],
	files: AttachedFile[],
	settings: FileSettings,
): INodeExecutionData[] {
	const delivery = deliveryFields(body);
	return selected.map((entry, position) => {
		const attached = files[position];
		return {
			json: withFileError(messageItemJson(delivery, entry), attached),
			binary: attached.binary ? { [settings.binaryPropertyName]: attached.binary } : undefined,
		};
	});
}

function perDeliveryItem(
	body: IDataObject,
	selected: IndexedMessage[],
	files: AttachedFile[],
	settings: FileSettings,
): INodeExecutionData {
	const json = deliveryItemJson(body, selected);
	const messages = json.new_messages as IDataObject[];
	const binary: NonNullable<INodeExecutionData['binary']> = {};
	for (const [position, entry] of selected.entries()) {
		const attached = files[position];
		messages[position] = withFileError(messages[position], attached);
		if (attached.binary) binary[`${settings.binaryPropertyName}_${entry.index}`] = attached.binary;
	}
	return { json, binary: Object.keys(binary).length ? binary : undefined };
}

export interface ItemSettings {
	settings: FileSettings;
	/** 'delivery': one item holding the delivery's messages; otherwise one item per message. */
	output: string;
	/** The raw body's size: what the delivery costs n8n while it waits for its files. */
	bodyBytes: number;
	/** When the delivery arrived: its download time runs from then. */
	arrived: number;
}

/**
 * A reply's messages as items, their files fetched under the trigger's rules (the delivery's time
 * and byte budget, the trigger's memory for downloads), for the Suvvy Trigger and for a Suvvy node
 * that waited for the reply.
 */
export async function fetchedItems(
	this: IWebhookFunctions,
	body: IDataObject,
	selected: IndexedMessage[],
	{ settings, output, bodyBytes, arrived }: ItemSettings,
): Promise<INodeExecutionData[]> {
	const withFiles = settings.download && selected.some(({ message }) => message.file);
	const queue = withFiles
		? DeliveryDownloads.join(
				settings.triggerKey,
				{ memoryBytes: settings.memoryBytes, parallelDownloads: settings.parallelDownloads },
				bodyBytes * BODY_MEMORY_FACTOR,
			)
		: undefined;
	try {
		const files = withFiles
			? await fetchReplyFiles.call(
					this,
					selected,
					settings,
					queue,
					AbortSignal.timeout(Math.max(0, arrived + settings.deliveryTimeLimitMs - Date.now())),
					arrived + settings.deliveryTimeLimitMs,
				)
			: selected.map(() => ({}));
		return output === 'delivery'
			? [perDeliveryItem(body, selected, files, settings)]
			: perMessageItems(body, selected, files, settings);
	} finally {
		queue?.leave();
	}
}
