import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { SECRET_TEST_PROBLEM, secretFlaw } from './secretFlaw';
import { registerUrlFor, WEBHOOK_URL_PROBLEM } from './waitRegistration';

const USABLE =
	'The secret is usable. Set the same one on the custom channel in the Suvvy dashboard.';

/**
 * The Suvvy Webhook Secret credential's test, for the trigger and the node alike (n8n runs the
 * first it finds). Suvvy offers no way to check a secret, and a community node's credential test
 * may not make requests of its own, so it checks what can be checked here: that the secret can
 * travel as typed, and that a Webhook URL, when set, has the shape of a Suvvy Trigger's Production
 * URL. Whether that trigger answers with the same secret, Send and Wait finds out when it
 * registers, and says which it is.
 */
export async function suvvyWebhookCredentialTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const flaw = secretFlaw(String(credential.data?.secret ?? ''));
	if (flaw) return { status: 'Error', message: SECRET_TEST_PROBLEM[flaw] };
	const webhookUrl = String(credential.data?.webhookUrl ?? '');
	if (webhookUrl.trim() && !registerUrlFor(webhookUrl)) {
		return { status: 'Error', message: WEBHOOK_URL_PROBLEM };
	}
	return { status: 'OK', message: USABLE };
}
