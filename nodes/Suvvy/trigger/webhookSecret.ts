import { NodeOperationError, type IHookFunctions, type IWebhookFunctions } from 'n8n-workflow';

export const EMPTY_SECRET_PROBLEM =
	'The Suvvy Webhook Secret credential holds an empty secret, so every delivery would be refused. Enter the secret set on the custom channel in the Suvvy dashboard, or remove the credential from the trigger.';

/** The secret requests must carry, or undefined when the node has no Suvvy Webhook credential. */
export async function webhookSecret(
	this: IWebhookFunctions | IHookFunctions,
): Promise<string | undefined> {
	if (!this.getNode().credentials?.suvvyWebhookApi) return undefined;
	const credential = await this.getCredentials<{ secret?: string }>('suvvyWebhookApi');
	return String(credential.secret ?? '');
}

/** Activation fails loudly on an empty secret, instead of answering every delivery with a 401. */
export async function refuseEmptySecret(this: IHookFunctions): Promise<void> {
	if ((await webhookSecret.call(this)) === '') {
		throw new NodeOperationError(this.getNode(), EMPTY_SECRET_PROBLEM);
	}
}
