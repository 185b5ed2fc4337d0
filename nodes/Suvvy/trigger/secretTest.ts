import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
} from 'n8n-workflow';

/**
 * Suvvy offers no way to check a webhook secret from outside, so the test checks what can be
 * checked: that the secret can travel as a Bearer token exactly as typed.
 */
export async function suvvyWebhookSecretTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const secret = String(credential.data?.secret ?? '');
	if (!secret)
		return { status: 'Error', message: 'Enter the Webhook Secret set in the Suvvy dashboard' };
	if (secret !== secret.trim()) {
		return {
			status: 'Error',
			message: 'The secret starts or ends with a space; Suvvy would not send it that way',
		};
	}
	if (/[\r\n]/.test(secret))
		return { status: 'Error', message: 'The secret contains a line break' };
	return {
		status: 'OK',
		message: 'The secret is usable. Set the same one on the custom channel in the Suvvy dashboard.',
	};
}
