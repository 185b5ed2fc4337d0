import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { checkBodyShape } from '../replies/bodyShape';
import { fetchedItems } from '../replies/fetchedItems';
import { parseDelivery, type Delivery } from '../replies/parseDelivery';
import { selectMessages } from '../replies/replyItems';
import { readFileSettings } from './fileSettings';
import { forwardToWait } from './forwardReply';
import { acknowledgement, refuse } from './respond';
import { admitDelivery } from './secretGate';
import { MESSAGE_TYPES, SENDERS } from './triggerProperties';

/** The trigger wrote the answer itself (a refusal): n8n sends nothing more. */
const ANSWERED: IWebhookResponseData = { noWebhookResponse: true };

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
	if (await forwardToWait.call(this, delivery.body, delivery.messages, arrived)) {
		// The reply is in the waiting execution, stored: it starts nothing here.
		return {
			webhookResponse: { received: true, messages: delivery.messages.length, resumed: true },
		};
	}

	const selected = selectMessages(delivery.messages, {
		senders: this.getNodeParameter('senders', SENDERS) as string[],
		messageTypes: this.getNodeParameter('messageTypes', MESSAGE_TYPES) as string[],
		knownTypes: MESSAGE_TYPES,
	});
	if (!selected.length) {
		return { webhookResponse: { received: true, ignored: 'no message passes the filters' } };
	}
	const output = this.getNodeParameter('output', 'message') as string;
	const items = await fetchedItems.call(this, delivery.body, selected, {
		settings: readFileSettings.call(this),
		output,
		bodyBytes: raw.length,
		arrived,
	});
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
