import type { ICredentialsDecrypted, IExecuteFunctions } from 'n8n-workflow';

import { checkBaseUrl, messageUrl } from './baseUrl';

/**
 * Where and as whom to send, read once per execution. Handing n8n the decrypted credential spares it
 * a database read and a decryption for every message of a batch.
 */
export interface SuvvyConnection {
	/** The message endpoint, from a base URL that passed `checkBaseUrl`. */
	url: string;
	credential: ICredentialsDecrypted;
}

export type Connected = { ok: true; connection: SuvvyConnection } | { ok: false; reason: string };

/** Reads the node's Suvvy API credential: where to send, or why nothing may be sent with it. */
export async function connect(this: IExecuteFunctions): Promise<Connected> {
	const data = await this.getCredentials('suvvyApi');
	const base = checkBaseUrl(data.baseUrl);
	if (!base.ok) return base;
	const { id, name } = this.getNode().credentials?.suvvyApi ?? { id: null, name: '' };
	return {
		ok: true,
		connection: {
			url: messageUrl(base.baseUrl),
			credential: { id: id ?? '', name, type: 'suvvyApi', data },
		},
	};
}
