import type { IDataObject, INodeExecutionData, IWebhookFunctions } from 'n8n-workflow';

/** Answers the request now: for refusals, which start no execution. */
export function refuse(
	this: IWebhookFunctions,
	status: number,
	reason: string,
	headers: Record<string, string> = {},
): void {
	const response = this.getResponseObject();
	response.status(status);
	for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
	response.json({ received: false, reason });
}

/**
 * What Suvvy is told once a delivery's items are in a stored execution: how many messages it holds.
 * Worked out from the items, so the trigger's first step can say it too (compat/answerMode.ts).
 */
export function acknowledgement(items: INodeExecutionData[], output: string): IDataObject {
	const first = items[0]?.json;
	if (!first || first.event_type !== 'new_messages') return { received: true };
	const messages = output === 'delivery' ? (first.new_messages as unknown[]).length : items.length;
	return { received: true, messages };
}
