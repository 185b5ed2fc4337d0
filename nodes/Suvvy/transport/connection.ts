import type { ICredentialsDecrypted, IExecuteFunctions } from 'n8n-workflow';

import { checkBaseUrl, messageUrl } from './baseUrl';
import { checkToken } from './bearerToken';

/**
 * Where and as whom to send, read once per execution. Handing n8n the decrypted credential spares it
 * a database read and a decryption for every message of a batch.
 */
export interface SuvvyConnection {
	/** The message endpoint, from a base URL that passed `checkBaseUrl`. */
	url: string;
	credential: ICredentialsDecrypted;
}

/** Why nothing may be sent with the credential: which of its fields is wrong, and how. */
export interface Refusal {
	field: 'baseUrl' | 'token';
	reason: string;
}

export type Connected = { ok: true; connection: SuvvyConnection } | ({ ok: false } & Refusal);

/**
 * Reads the node's Suvvy API credential: where to send, or why nothing may be sent with it. The
 * credential's `authenticate` applies the same rules, for its test; here they come first, so each
 * item can say why instead of failing inside n8n's request.
 */
export async function connect(this: IExecuteFunctions): Promise<Connected> {
	const data = await this.getCredentials('suvvyApi');
	const base = checkBaseUrl(data.baseUrl);
	if (!base.ok) return { ok: false, field: 'baseUrl', reason: base.reason };
	const token = checkToken(data.token);
	if (!token.ok) return { ok: false, field: 'token', reason: token.reason };
	const { id, name } = this.getNode().credentials?.suvvyApi ?? { id: null, name: '' };
	return {
		ok: true,
		connection: {
			url: messageUrl(base.baseUrl),
			credential: { id: id ?? '', name, type: 'suvvyApi', data },
		},
	};
}
