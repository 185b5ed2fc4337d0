import type { IWebhookFunctions } from 'n8n-workflow';

/** The secret requests must carry, or undefined when the node has no Suvvy Webhook credential. */
export async function webhookSecret(this: IWebhookFunctions): Promise<string | undefined> {
	if (!this.getNode().credentials?.suvvyWebhookApi) return undefined;
	const credential = await this.getCredentials<{ secret?: string }>('suvvyWebhookApi');
	return String(credential.secret ?? '');
}
