import type { IExecuteFunctions } from 'n8n-workflow';

/** Where a wait is registered, and the secret that proves the registration is the channel's own. */
export interface ReplyChannel {
	secret: string;
	/** The Suvvy Trigger's second webhook, beside its Production URL. */
	registerUrl: string;
}

/**
 * The Suvvy Webhook Secret credential, as Send and Wait needs it; or what is missing, said so a
 * user can fix it. The trigger's Production URL ends in /webhook; its registrations go to /register.
 */
export async function replyChannel(
	this: IExecuteFunctions,
): Promise<{ ok: true; channel: ReplyChannel } | { ok: false; problem: string }> {
	const credential = await this.getCredentials<{ secret?: string; webhookUrl?: string }>(
		'suvvyWebhookApi',
	);
	const secret = String(credential.secret ?? '');
	const webhookUrl = String(credential.webhookUrl ?? '').trim();
	if (!secret) {
		return { ok: false, problem: 'The Suvvy Webhook Secret credential holds no secret' };
	}
	let url: URL | undefined;
	try {
		url = new URL(webhookUrl);
	} catch {
		url = undefined;
	}
	if (!url || !/^https?:$/.test(url.protocol) || !url.pathname.endsWith('/webhook')) {
		return {
			ok: false,
			problem:
				"Set the Webhook URL of the Suvvy Webhook Secret credential to the Suvvy Trigger's Production URL (it ends in /webhook): the reply is awaited through that trigger",
		};
	}
	url.pathname = url.pathname.replace(/\/webhook$/, '/register');
	return { ok: true, channel: { secret, registerUrl: url.href } };
}
