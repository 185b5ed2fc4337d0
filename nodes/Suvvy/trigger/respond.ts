import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

/**
 * Answers Suvvy straight away, before any file is downloaded or the workflow runs: Suvvy counts a
 * delivery as failed when no 2xx arrives within 20 seconds.
 */
export function respond(
	this: IWebhookFunctions,
	status: number,
	body: IDataObject,
	headers: Record<string, string> = {},
): void {
	const response = this.getResponseObject();
	response.status(status);
	for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
	response.json(body);
}

export function acknowledge(this: IWebhookFunctions, details: IDataObject = {}): void {
	respond.call(this, 200, { received: true, ...details });
}

export function refuse(
	this: IWebhookFunctions,
	status: number,
	reason: string,
	headers: Record<string, string> = {},
): void {
	respond.call(this, status, { received: false, reason }, headers);
}
