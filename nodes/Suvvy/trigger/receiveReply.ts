import type {
	IDataObject,
	INodeExecutionData,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { attachReplyFile, noteFileError, type FileSettings } from './attachReplyFiles';
import { newDeliveryBudget } from './deliveryBudget';
import { readFileSettings } from './fileSettings';
import { parseDelivery, type Delivery } from './parseDelivery';
import {
	deliveryFields,
	deliveryItemJson,
	messageItemJson,
	selectMessages,
	type IndexedMessage,
} from './replyItems';
import { acknowledge, refuse } from './respond';
import { MESSAGE_TYPES, SENDERS } from './triggerProperties';
import { carriesSecret } from './verifySecret';
import { unusableSecretProblem, webhookSecret } from './webhookSecret';

/** The answer is already sent by the time the workflow data is returned. */
const ANSWERED: IWebhookResponseData = { noWebhookResponse: true };

async function perMessageItems(
	this: IWebhookFunctions,
	body: IDataObject,
	selected: IndexedMessage[],
	files: FileSettings,
): Promise<INodeExecutionData[]> {
	const items: INodeExecutionData[] = [];
	const budget = newDeliveryBudget(files.deliveryBudgetBytes, files.deliveryTimeLimitMs);
	const delivery = deliveryFields(body);
	for (const entry of selected) {
		const attached = await attachReplyFile.call(
			this,
			entry,
			files.binaryPropertyName,
			files,
			budget,
		);
		items.push({
			json: noteFileError(messageItemJson(delivery, entry), attached),
			binary: attached.binary,
		});
	}
	return items;
}

async function perDeliveryItem(
	this: IWebhookFunctions,
	body: IDataObject,
	selected: IndexedMessage[],
	files: FileSettings,
): Promise<INodeExecutionData> {
	const json = deliveryItemJson(body, selected);
	const messages = json.new_messages as IDataObject[];
	const binary: INodeExecutionData['binary'] = {};
	const budget = newDeliveryBudget(files.deliveryBudgetBytes, files.deliveryTimeLimitMs);
	for (const [position, entry] of selected.entries()) {
		const field = `${files.binaryPropertyName}_${entry.index}`;
		const attached = await attachReplyFile.call(this, entry, field, files, budget);
		messages[position] = noteFileError(messages[position], attached);
		Object.assign(binary, attached.binary);
	}
	return { json, binary: Object.keys(binary).length ? binary : undefined };
}

/** Test requests and unknown events are always acknowledged; they start the workflow only if asked. */
function otherEvent(this: IWebhookFunctions, delivery: Exclude<Delivery, { kind: 'messages' }>) {
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const wanted =
		delivery.kind === 'testRequest' ? options.includeTestRequests : options.includeUnknownEvents;
	acknowledge.call(this, wanted ? {} : { ignored: String(delivery.body.event_type) });
	return wanted ? { ...ANSWERED, workflowData: [[{ json: delivery.body }]] } : ANSWERED;
}

/**
 * Handles one POST from Suvvy: checks the secret, then the body, answers at once, and only then
 * downloads files and hands the items to the workflow. Nothing in the request can make it throw.
 */
export async function receiveReply(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const secret = await webhookSecret.call(this);
	const problem = secret === undefined ? undefined : unusableSecretProblem(secret);
	if (problem) this.logger.warn(`Suvvy Trigger "${this.getNode().name}": ${problem}`);
	if (secret !== undefined && !carriesSecret(this.getHeaderData().authorization, secret)) {
		refuse.call(this, 401, 'Missing or wrong webhook secret', { 'WWW-Authenticate': 'Bearer' });
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
		acknowledge.call(this, { ignored: 'no message passes the filters' });
		return ANSWERED;
	}
	acknowledge.call(this, { messages: selected.length });

	const files = readFileSettings.call(this);
	const items =
		this.getNodeParameter('output', 'message') === 'delivery'
			? [await perDeliveryItem.call(this, delivery.body, selected, files)]
			: await perMessageItems.call(this, delivery.body, selected, files);
	return { ...ANSWERED, workflowData: [items] };
}
