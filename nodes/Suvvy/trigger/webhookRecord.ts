import type { IHookFunctions } from 'n8n-workflow';

/**
 * Suvvy has no API to register a webhook: the user pastes the URL into Suvvy's dashboard. n8n still
 * runs the webhook lifecycle on activation, so it keeps a local record of the URL that was activated;
 * `checkExists` then tells n8n truthfully whether this URL is the one set up.
 */
interface Registration {
	webhookUrl?: string;
}

function registration(this: IHookFunctions): Registration {
	return this.getWorkflowStaticData('node') as Registration;
}

export function isRecorded(this: IHookFunctions): boolean {
	return registration.call(this).webhookUrl === this.getNodeWebhookUrl('default');
}

export function record(this: IHookFunctions): boolean {
	registration.call(this).webhookUrl = this.getNodeWebhookUrl('default');
	return true;
}

export function forget(this: IHookFunctions): boolean {
	delete registration.call(this).webhookUrl;
	return true;
}
