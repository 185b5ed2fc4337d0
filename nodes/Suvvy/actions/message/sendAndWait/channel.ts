import type { IExecuteFunctions } from 'n8n-workflow';

import { registerUrlFor, WEBHOOK_URL_PROBLEM } from '../../../replies/waitRegistration';

/** Where a wait is registered, and the secret that proves the registration is the channel's own. */
export interface ReplyChannel {
	secret: string;
	/** The Suvvy Trigger's second webhook, beside its Production URL. */
	registerUrl: string;
}

/**
 * The Suvvy Webhook Secret credential, as Send and Wait needs it; or what is missing, said so a
 * user can fix it. Registrations carry the secret, so they go only to this n8n's own origin, the
 * one its resume URLs have: a mistyped URL must not send the secret elsewhere.
 */
export async function replyChannel(
	this: IExecuteFunctions,
	resumeUrl: string,
): Promise<{ ok: true; channel: ReplyChannel } | { ok: false; problem: string }> {
	const credential = await this.getCredentials<{ secret?: string; webhookUrl?: string }>(
		'suvvyWebhookApi',
	);
	const secret = String(credential.secret ?? '');
	if (!secret) {
		return { ok: false, problem: 'The Suvvy Webhook Secret credential holds no secret' };
	}
	const registerUrl = registerUrlFor(String(credential.webhookUrl ?? ''));
	if (!registerUrl) return { ok: false, problem: WEBHOOK_URL_PROBLEM };
	const ownOrigin = new URL(resumeUrl).origin;
	if (registerUrl.origin !== ownOrigin) {
		return {
			ok: false,
			problem: `The Webhook URL of the Suvvy Webhook Secret credential is not on this n8n, whose webhooks are at ${ownOrigin}: set it to the Suvvy Trigger's Production URL`,
		};
	}
	return { ok: true, channel: { secret, registerUrl: registerUrl.href } };
}
