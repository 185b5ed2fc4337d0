import {
	NodeOperationError,
	type IDataObject,
	type IHookFunctions,
	type IWebhookFunctions,
} from 'n8n-workflow';

import { secretFlaw, type SecretFlaw } from '../replies/secretFlaw';

const SETUP =
	'In the Suvvy dashboard, set a Webhook Secret on the custom channel; in n8n, give this trigger a Suvvy Webhook Secret credential holding the same secret.';

/** Why the trigger will not run open, and what to do: activation and the first refusal say it. */
export const NO_SECRET_PROBLEM = `The Suvvy Trigger accepts only deliveries that carry its webhook secret, and it has none. ${SETUP} To accept deliveries without a secret, turn on its option Accept Deliveries Without a Secret.`;

const ACTIVATION_PROBLEM: Record<SecretFlaw, string> = {
	empty:
		'The Suvvy Webhook Secret credential holds an empty secret, so every delivery would be refused. Enter the secret set on the custom channel in the Suvvy dashboard, or remove the credential from the trigger.',
	blankAtEdge:
		'The Suvvy Webhook Secret credential holds a secret that starts or ends with blank space (or is nothing else), which no request can carry, so every delivery would be refused. Remove the spaces, in the credential and on the custom channel in the Suvvy dashboard.',
	lineBreak:
		'The Suvvy Webhook Secret credential holds a secret with a line break, which no request can carry, so every delivery would be refused. Enter the secret set on the custom channel in the Suvvy dashboard on one line.',
	controlCharacter:
		'The Suvvy Webhook Secret credential holds a secret with a control character, which no request can carry, so every delivery would be refused. Use a secret of letters, digits and punctuation, in the credential and on the custom channel in the Suvvy dashboard.',
	notLatin1:
		'The Suvvy Webhook Secret credential holds a secret with a character beyond Latin-1 (an emoji or a Cyrillic letter, say), which no request header carries as typed, so every delivery would be refused. Use a secret of letters, digits and punctuation, in the credential and on the custom channel in the Suvvy dashboard.',
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

export function acceptsWithoutSecret(this: IWebhookFunctions | IHookFunctions): boolean {
	const options = this.getNodeParameter('options', {}) as IDataObject;
	return options.acceptWithoutSecret === true;
}

/**
 * Activation fails loudly rather than run a trigger that would refuse every delivery, or one that
 * would accept deliveries from anyone without the user having chosen that.
 */
export async function refuseToRunUnprotected(this: IHookFunctions): Promise<void> {
	const secret = await webhookSecret.call(this);
	const problem =
		secret === undefined
			? acceptsWithoutSecret.call(this)
				? undefined
				: NO_SECRET_PROBLEM
			: unusableSecretProblem(secret);
	if (problem) throw new NodeOperationError(this.getNode(), problem);
}
