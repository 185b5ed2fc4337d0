import type {
	ICredentialTestFunctions,
	ICredentialsDecrypted,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { DEFAULT_BASE_URL, probeToken } from '../transport';

/** Suvvy's documented refusals that say something about the credential itself. */
const REFUSALS: Readonly<Record<number, string>> = {
	401: 'Suvvy rejected the token: invalid token. Copy it again from the custom channel settings',
	402: 'The token works, but Suvvy reports a balance below zero and refuses messages: top it up',
	424: 'The token works, but the channel is disabled in Suvvy: turn the custom channel on',
};

/**
 * Checks a token without ever creating a message: it sends a body Suvvy must reject as invalid. Suvvy
 * checks the token, channel and balance before it validates the body, so a 422 means all three are
 * fine, while 401, 402 and 424 name the problem. Anything else means the base URL is not Suvvy.
 */
export async function suvvyApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const token = String(credential.data?.token ?? '').trim();
	const baseUrl = String(credential.data?.baseUrl || DEFAULT_BASE_URL);
	if (!token) return { status: 'Error', message: 'Enter the token of your Suvvy custom channel' };

	const answer = await probeToken(baseUrl, token);
	if (answer.kind === 'unreachable') {
		return { status: 'Error', message: `Could not reach Suvvy at ${baseUrl}: ${answer.cause}` };
	}
	if (answer.status === 422)
		return { status: 'OK', message: 'Connection successful: Suvvy accepted the token' };

	const refusal = REFUSALS[answer.status];
	if (refusal) return { status: 'Error', message: refusal };
	return {
		status: 'Error',
		message: `Unexpected answer from ${baseUrl} (HTTP ${answer.status}): check the base URL points at Suvvy`,
	};
}
