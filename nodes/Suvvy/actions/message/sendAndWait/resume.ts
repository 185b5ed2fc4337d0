import type {
	IDataObject,
	INodeExecutionData,
	IWebhookDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { checkBodyShape } from '../../../replies/bodyShape';
import { forwardedFileSettings } from '../../../replies/download/fileSettings';
import { fetchedItems } from '../../../replies/fetchedItems';
import { parseDelivery, type SuvvyMessage } from '../../../replies/parseDelivery';
import type { IndexedMessage } from '../../../replies/replyItems';
import { carriesSecret } from '../../../replies/verifySecret';
import type { ForwardedReply } from '../../../replies/waitRegistration';

/**
 * Where the Suvvy Trigger hands a waiting Send and Wait its reply: n8n's signed resume URL. A restart
 * webhook is never registered anywhere, so there is no lifecycle to implement (as with n8n's own
 * send-and-wait nodes, which keep theirs in a constant too).
 */
export const resumeWebhooks: IWebhookDescription[] = [
	{
		name: 'default',
		httpMethod: 'POST',
		responseMode: 'onReceived',
		responseData: '',
		path: '={{ $nodeId }}',
		restartWebhook: true,
		isFullPath: true,
	},
];

/** The node wrote the answer itself: the execution keeps waiting. */
const KEEP_WAITING: IWebhookResponseData = { noWebhookResponse: true };

function refuse(this: IWebhookFunctions, status: number, reason: string): IWebhookResponseData {
	const response = this.getResponseObject();
	response.status(status);
	response.json({ resumed: false, reason });
	return KEEP_WAITING;
}

/** The forwarded deliveries as one, their messages in the order they came. */
function oneDelivery(
	deliveries: unknown[],
): { body: IDataObject; messages: SuvvyMessage[] } | undefined {
	const messages: SuvvyMessage[] = [];
	let first: IDataObject | undefined;
	for (const delivery of deliveries) {
		const parsed = parseDelivery(delivery);
		if (!parsed.ok || parsed.delivery.kind !== 'messages') return undefined;
		first ??= parsed.delivery.body;
		messages.push(...parsed.delivery.messages);
	}
	return first && { body: { ...first, new_messages: messages }, messages };
}

/** Each item of the reply says it is one, with what was sent, paired to the one input item. */
function asReplyItems(
	items: INodeExecutionData[],
	messages: SuvvyMessage[],
	sent: IDataObject,
	oneItem: boolean,
): INodeExecutionData[] {
	const text = messages
		.map((message) => message.text)
		.filter((part): part is string => typeof part === 'string' && part !== '')
		.join('\n\n');
	return items.map((item) => ({
		...item,
		json: { replied: true, ...item.json, ...(oneItem ? { text } : {}), sent },
		pairedItem: { item: 0 },
	}));
}

/**
 * Resumes a Send and Wait with the reply the Suvvy Trigger forwards: only with the webhook secret,
 * and only for the chat and wait signed into this execution's resume URL, so no reply can resume
 * another chat's execution. Anything else is answered without resuming, and the execution waits on.
 */
export async function resumeWithReply(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const arrived = Date.now();
	const credential = await this.getCredentials<{ secret?: string }>('suvvyWebhookApi');
	if (!carriesSecret(this.getHeaderData().authorization, String(credential.secret ?? ''))) {
		return refuse.call(this, 401, 'Missing or wrong webhook secret');
	}
	const raw = (this.getRequestObject() as { rawBody?: unknown }).rawBody;
	const shape = Buffer.isBuffer(raw) ? await checkBodyShape(raw) : undefined;
	if (!Buffer.isBuffer(raw) || shape) {
		return refuse.call(this, shape?.status ?? 415, shape?.reason ?? 'The body must be JSON');
	}
	const signed = this.getQueryData() as { chat?: unknown; wait?: unknown };
	const reply = this.getRequestObject().body as Partial<ForwardedReply> | undefined;
	if (!reply || reply.chat_id !== signed.chat || reply.wait_id !== signed.wait) {
		return refuse.call(this, 403, 'This reply is for another chat or another wait');
	}
	const delivery = oneDelivery(Array.isArray(reply.deliveries) ? reply.deliveries : []);
	if (!delivery) return refuse.call(this, 400, 'The forwarded reply holds no delivery of messages');

	const oneItem = this.getNodeParameter('replyOutput', 'reply') !== 'message';
	const selected: IndexedMessage[] = delivery.messages.map((message, index) => ({
		index,
		message,
	}));
	const settings = forwardedFileSettings(
		reply.files,
		`${this.getWorkflow().id ?? ''}/${this.getNode().id}`,
	);
	// The trigger waits for this answer within its own deadline; the downloads keep inside it.
	const deadline = Number((reply.files as IDataObject | undefined)?.deadline);
	if (Number.isFinite(deadline)) {
		settings.deliveryTimeLimitMs = Math.max(
			1000,
			Math.min(settings.deliveryTimeLimitMs, deadline - arrived - 1000),
		);
	}
	const items = await fetchedItems.call(this, delivery.body, selected, {
		settings,
		output: oneItem ? 'delivery' : 'message',
		bodyBytes: raw.length,
		arrived,
	});
	const sent = typeof reply.sent === 'object' && reply.sent !== null ? reply.sent : {};
	return {
		workflowData: [asReplyItems(items, delivery.messages, sent, oneItem)],
		webhookResponse: { resumed: true, wait_id: reply.wait_id },
	};
}
