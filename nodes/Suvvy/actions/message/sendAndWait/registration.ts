import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { networkCause } from '../../../network/networkCause';
import type { WaitRegistration } from '../../../replies/waitRegistration';
import type { ReplyChannel } from './channel';

interface Answer {
	statusCode: number;
	body: unknown;
}

/** How often a registration is sent again when the trigger does not keep it (another n8n process took a registration at the same moment). */
const REGISTRATION_ATTEMPTS = 3;

async function post(
	this: IExecuteFunctions,
	channel: ReplyChannel,
	body: IDataObject,
): Promise<Answer> {
	return (await this.helpers.httpRequest({
		method: 'POST',
		url: channel.registerUrl,
		headers: { Authorization: `Bearer ${channel.secret}` },
		body,
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		disableFollowRedirect: true,
		timeout: 10_000,
	})) as Answer;
}

function problemWith({ statusCode, body }: Answer): string {
	const reason = (body as { reason?: unknown } | undefined)?.reason;
	if (statusCode === 404) {
		return "The Suvvy Trigger did not answer at its URL: activate its workflow, and check that the credential's Webhook URL is its Production URL";
	}
	if (statusCode === 401) {
		return 'The Suvvy Trigger has another webhook secret, or none: give both nodes the same Suvvy Webhook Secret credential';
	}
	return `The Suvvy Trigger refused the wait (HTTP ${statusCode})${typeof reason === 'string' ? `: ${reason}` : ''}`;
}

/**
 * Registers the wait with the Suvvy Trigger before anything is sent, so a reply that comes at once
 * finds it, and asks back whether the trigger keeps it: n8n saves a trigger's static data whole,
 * per request, so a registration another n8n process took at the same moment could overwrite it.
 */
export async function registerWithTrigger(
	this: IExecuteFunctions,
	channel: ReplyChannel,
	registration: Omit<WaitRegistration, 'registered_at'>,
): Promise<{ ok: true } | { ok: false; problem: string }> {
	for (let attempt = 1; attempt <= REGISTRATION_ATTEMPTS; attempt++) {
		let answer: Answer;
		try {
			answer = await post.call(this, channel, registration as unknown as IDataObject);
			if (answer.statusCode !== 200) return { ok: false, problem: problemWith(answer) };
			answer = await post.call(this, channel, {
				check: true,
				chat_id: registration.chat_id,
				wait_id: registration.wait_id,
			});
		} catch (error) {
			const { phrase } = networkCause(error);
			return { ok: false, problem: `The Suvvy Trigger could not be reached: ${phrase}` };
		}
		if ((answer.body as { registered?: unknown } | undefined)?.registered === true)
			return { ok: true };
	}
	return {
		ok: false,
		problem: `The Suvvy Trigger did not keep the wait after ${REGISTRATION_ATTEMPTS} registrations`,
	};
}
