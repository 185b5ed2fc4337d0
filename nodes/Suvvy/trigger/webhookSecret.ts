import { NodeOperationError, type IHookFunctions, type IWebhookFunctions } from 'n8n-workflow';

/**
 * Why no request could ever carry this secret: an empty one matches nothing, and HTTP drops blank
 * space around a header's value (and allows no line break in it), so such a secret never arrives as
 * typed and every delivery would be answered 401.
 */
export type SecretFlaw = 'empty' | 'blankAtEdge' | 'lineBreak';

export function secretFlaw(secret: string): SecretFlaw | undefined {
	if (secret === '') return 'empty';
	if (/[\r\n]/.test(secret.trim())) return 'lineBreak';
	if (secret !== secret.trim()) return 'blankAtEdge';
	return undefined;
}

const ACTIVATION_PROBLEM: Record<SecretFlaw, string> = {
	empty:
		'The Suvvy Webhook Secret credential holds an empty secret, so every delivery would be refused. Enter the secret set on the custom channel in the Suvvy dashboard, or remove the credential from the trigger.',
	blankAtEdge:
		'The Suvvy Webhook Secret credential holds a secret that starts or ends with blank space (or is nothing else), which no request can carry, so every delivery would be refused. Remove the spaces, in the credential and on the custom channel in the Suvvy dashboard.',
	lineBreak:
		'The Suvvy Webhook Secret credential holds a secret with a line break, which no request can carry, so every delivery would be refused. Enter the secret set on the custom channel in the Suvvy dashboard on one line.',
};

/** What is wrong with the trigger's secret, as activation reports it, or undefined when it is usable. */
export function unusableSecretProblem(secret: string): string | undefined {
	const flaw = secretFlaw(secret);
	return flaw && ACTIVATION_PROBLEM[flaw];
}

/** The secret requests must carry, or undefined when the node has no Suvvy Webhook credential. */
export async function webhookSecret(
	this: IWebhookFunctions | IHookFunctions,
): Promise<string | undefined> {
	if (!this.getNode().credentials?.suvvyWebhookApi) return undefined;
	const credential = await this.getCredentials<{ secret?: string }>('suvvyWebhookApi');
	return String(credential.secret ?? '');
}

/** Activation fails loudly on a secret no request can carry, instead of answering every delivery 401. */
export async function refuseUnusableSecret(this: IHookFunctions): Promise<void> {
	const secret = await webhookSecret.call(this);
	const problem = secret === undefined ? undefined : unusableSecretProblem(secret);
	if (problem) throw new NodeOperationError(this.getNode(), problem);
}
