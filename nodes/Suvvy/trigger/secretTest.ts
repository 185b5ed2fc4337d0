import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { secretFlaw, type SecretFlaw } from './webhookSecret';

const TEST_PROBLEM: Record<SecretFlaw, string> = {
	empty: 'Enter the Webhook Secret set in the Suvvy dashboard',
	blankAtEdge: 'The secret starts or ends with a space; Suvvy would not send it that way',
	lineBreak: 'The secret contains a line break',
	controlCharacter: 'The secret contains a control character, which no request can carry',
	notLatin1:
		'The secret contains a character beyond Latin-1 (an emoji or a Cyrillic letter, say), which no request header carries as typed',
};

/**
 * Suvvy offers no way to check a webhook secret from outside, so the test checks what can be
 * checked: that the secret can travel as a Bearer token exactly as typed.
 */
export async function suvvyWebhookSecretTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const flaw = secretFlaw(String(credential.data?.secret ?? ''));
	if (flaw) return { status: 'Error', message: TEST_PROBLEM[flaw] };
	return {
		status: 'OK',
		message: 'The secret is usable. Set the same one on the custom channel in the Suvvy dashboard.',
	};
}
