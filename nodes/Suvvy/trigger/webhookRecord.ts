import type { IHookFunctions } from 'n8n-workflow';

/**
 * Suvvy has no API to register a webhook: the user pastes the URL into Suvvy's dashboard. n8n still
 * runs the webhook lifecycle on activation, so it keeps a local record of the URL that was activated;
 * `checkExists` then tells n8n truthfully whether this URL is the one set up.
 */
interface Registration {
	webhookUrl?: string;
}

function registration(context: IHookFunctions): Registration {
	return context.getWorkflowStaticData('node') as Registration;
}

export function isRecorded(context: IHookFunctions): boolean {
	return registration(context).webhookUrl === context.getNodeWebhookUrl('default');
}

export function record(context: IHookFunctions): boolean {
	registration(context).webhookUrl = context.getNodeWebhookUrl('default');
	return true;
}

export function forget(context: IHookFunctions): boolean {
	delete registration(context).webhookUrl;
	return true;
}
