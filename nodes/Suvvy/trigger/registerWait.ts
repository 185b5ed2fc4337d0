import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { carriesSecret } from '../replies/verifySecret';
import { parseRegistration } from '../replies/waitRegistration';
import { refuse } from './respond';
import { findWait, keepRegistration } from './waitRegistry';
import { webhookSecret } from './webhookSecret';

const ANSWERED: IWebhookResponseData = { noWebhookResponse: true };

/**
 * The trigger forwards replies, with its secret, to a registered resume URL; only n8n's own signed
 * resume URLs, at the origin this trigger is served from, may be registered, or a registration
 * could send the secret anywhere.
 */
function resumeUrlProblem(this: IWebhookFunctions, resumeUrl: string): string | undefined {
	let url: URL;
	try {
		url = new URL(resumeUrl);
	} catch {
		return '"resume_url" is not a URL';
	}
	const own = this.getNodeWebhookUrl('default');
	if (!own || url.origin !== new URL(own).origin) {
		return '"resume_url" must be a resume URL of this n8n, at the origin this trigger is served from';
	}
	if (!url.searchParams.has('signature')) return '"resume_url" must be a signed resume URL';
	return undefined;
}

/**
 * The trigger's second webhook: a Suvvy node about to wait for a reply registers its wait here
 * (the chat, and how to resume it), or asks whether its registration is kept. Only holders of the
 * webhook secret may register; n8n stores the registration with the trigger's static data.
 */
export async function registerWait(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const secret = await webhookSecret.call(this);
	if (!secret || !carriesSecret(this.getHeaderData().authorization, secret)) {
		refuse.call(
			this,
			401,
			"Waits are registered only with the Suvvy Trigger's webhook secret: give both nodes the same Suvvy Webhook Secret credential",
			{ 'WWW-Authenticate': 'Bearer' },
		);
		return ANSWERED;
	}
	const body = this.getRequestObject().body as IDataObject;
	if (body?.check === true) {
		const wait = typeof body.chat_id === 'string' ? findWait.call(this, body.chat_id) : undefined;
		return { webhookResponse: { registered: wait?.wait_id === body.wait_id } };
	}
	const parsed = parseRegistration(body, Date.now());
	const problem = parsed.ok
		? resumeUrlProblem.call(this, parsed.registration.resume_url)
		: parsed.reason;
	if (!parsed.ok || problem) {
		refuse.call(this, 400, problem ?? 'Not a registration');
		return ANSWERED;
	}
	keepRegistration.call(this, parsed.registration);
	return {
		webhookResponse: { registered: true, expires_at: parsed.registration.expires_at },
	};
}
