import type {
	IDataObject,
	INodeExecutionData,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { checkBodyShape } from './bodyShape';
import { DeliveryDownloads } from './download/downloadQueue';
import { readFileSettings, type FileSettings } from './download/fileSettings';
import { fetchReplyFiles, type AttachedFile } from './download/replyFiles';
import { parseDelivery, type Delivery } from './parseDelivery';
import {
	deliveryFields,
	deliveryItemJson,
	messageItemJson,
	selectMessages,
	type IndexedMessage,
} from './replyItems';
import { acknowledgement, refuse } from './respond';
import { admitDelivery } from './secretGate';
import { MESSAGE_TYPES, SENDERS } from './triggerProperties';

/** The trigger wrote the answer itself (a refusal): n8n sends nothing more. */
const ANSWERED: IWebhookResponseData = { noWebhookResponse: true };

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

/** Test requests and unknown events are always acknowledged; they start the workflow only if asked. */
function otherEvent(
	this: IWebhookFunctions,
	delivery: Exclude<Delivery, { kind: 'messages' }>,
): IWebhookResponseData {
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const wanted =
		delivery.kind === 'testRequest' ? options.includeTestRequests : options.includeUnknownEvents;
	if (!wanted)
		return { webhookResponse: { received: true, ignored: String(delivery.body.event_type) } };
	const items = [{ json: delivery.body }];
	return { webhookResponse: acknowledgement(items, 'delivery'), workflowData: [items] };
}

async function messageItems(
	this: IWebhookFunctions,
	body: IDataObject,
	selected: IndexedMessage[],
	bodyBytes: number,
	arrived: number,
): Promise<INodeExecutionData[]> {
	const settings = readFileSettings.call(this);
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
		return this.getNodeParameter('output', 'message') === 'delivery'
			? [perDeliveryItem(body, selected, files, settings)]
			: perMessageItems(body, selected, files, settings);
	} finally {
		queue?.leave();
	}
}

/**
 * Handles one POST from Suvvy: checks the secret, then the body, fetches the files, and hands the
 * items to n8n, which answers Suvvy only once the execution holding them is stored (see
 * compat/answerMode.ts). Suvvy never retries a delivery it got a 2xx for, so nothing may be lost after.
 */
async function handleDelivery(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const arrived = Date.now();
	if (!(await admitDelivery.call(this))) return ANSWERED;

	// n8n parses a body as JSON only when it is sent as such, and keeps its bytes as `rawBody`.
	const raw = (this.getRequestObject() as { rawBody?: unknown }).rawBody;
	const contentType = String(this.getHeaderData()['content-type'] ?? '');
	if (
		contentType.split(';')[0].trim().toLowerCase() !== 'application/json' ||
		!Buffer.isBuffer(raw)
	) {
		refuse.call(this, 415, 'The body must be JSON, sent with Content-Type: application/json');
		return ANSWERED;
	}
	const shapeProblem = await checkBodyShape(raw);
	if (shapeProblem) {
		refuse.call(this, shapeProblem.status, shapeProblem.reason);
		return ANSWERED;
	}
	const parsed = parseDelivery(this.getRequestObject().body);
	if (!parsed.ok) {
		refuse.call(this, parsed.status, parsed.reason);
		return ANSWERED;
	}
	const delivery = parsed.delivery;
	if (delivery.kind !== 'messages') return otherEvent.call(this, delivery);

	const selected = selectMessages(delivery.messages, {
		senders: this.getNodeParameter('senders', SENDERS) as string[],
		messageTypes: this.getNodeParameter('messageTypes', MESSAGE_TYPES) as string[],
		knownTypes: MESSAGE_TYPES,
	});
	if (!selected.length) {
		return { webhookResponse: { received: true, ignored: 'no message passes the filters' } };
	}
	const items = await messageItems.call(
		this,
		delivery.body,
		selected,
		(raw as Buffer).length,
		arrived,
	);
	const output = this.getNodeParameter('output', 'message') as string;
	return { webhookResponse: acknowledgement(items, output), workflowData: [items] };
}

/**
 * Nothing a request holds should make the trigger fail; if something does, Suvvy is told so (500)
 * and records the delivery as failed, rather than getting a 2xx for a reply no execution holds.
 */
export async function receiveReply(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	try {
		return await handleDelivery.call(this);
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		this.logger.error(
			`Suvvy Trigger "${this.getNode().name}" could not take a delivery: ${reason}`,
		);
		refuse.call(this, 500, "The Suvvy Trigger could not process this delivery; see n8n's log");
		return ANSWERED;
	}
}
