import type { IWebhookFunctions } from 'n8n-workflow';

import { refuse } from './respond';
import { carriesSecret } from '../replies/verifySecret';
import {
	acceptsWithoutSecret,
	NO_SECRET_PROBLEM,
	unusableSecretProblem,
	webhookSecret,
} from './webhookSecret';

/** Triggers whose refusal for lack of a secret was logged already: once per process is enough. */
const warnedNoSecret = new Set<string>();

const BEARER = { 'WWW-Authenticate': 'Bearer' };

/**
 * Whether the delivery may go on. Suvvy's webhook secret, sent as a Bearer token, is the only proof a
 * delivery comes from Suvvy; without one the trigger refuses unless the user chose to run open.
 */
export async function admitDelivery(this: IWebhookFunctions): Promise<boolean> {
	const secret = await webhookSecret.call(this);
	if (secret === undefined) {
		if (acceptsWithoutSecret.call(this)) return true;
		const trigger = `${this.getWorkflow().id ?? ''}/${this.getNode().id}`;
		if (!warnedNoSecret.has(trigger)) {
			warnedNoSecret.add(trigger);
			this.logger.warn(
				`Suvvy Trigger "${this.getNode().name}" refused a delivery: ${NO_SECRET_PROBLEM}`,
			);
		}
		refuse.call(this, 401, NO_SECRET_PROBLEM, BEARER);
		return false;
	}
	const problem = unusableSecretProblem(secret);
	if (problem) this.logger.warn(`Suvvy Trigger "${this.getNode().name}": ${problem}`);
	if (!carriesSecret(this.getHeaderData().authorization, secret)) {
		refuse.call(this, 401, 'Missing or wrong webhook secret', BEARER);
		return false;
	}
	return true;
}
