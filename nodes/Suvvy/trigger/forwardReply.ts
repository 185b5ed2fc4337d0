import { sleep, type IDataObject, type IWebhookFunctions } from 'n8n-workflow';

import type { SuvvyMessage } from '../replies/parseDelivery';
import type { ForwardedReply, WaitRegistration } from '../replies/waitRegistration';
import { readFileSettings } from './fileSettings';
import { endWait, findWait } from './waitRegistry';
import { webhookSecret } from './webhookSecret';

/** The longest the trigger tries to hand a reply on, from the delivery's arrival: Suvvy waits 20 s. */
const FORWARD_WITHIN_MS = 14_000;

interface Gathering {
	deliveries: IDataObject[];
	forwarded: Promise<boolean>;
}

/** A chat's deliveries being gathered for one wait in this process, by wait. */
const gatherings = new Map<string, Gathering>();

interface ResumeAnswer {
	statusCode: number;
	body: unknown;
}

/**
 * Posts the reply to the waiting execution's resume URL until it is taken. A 409 (or, on n8n before
 * 1.6x, a 500) means the execution has not parked yet, as when the reply came while the message
 * was still being sent: the trigger tries again while there is time. Only the node's own answer,
 * naming the wait, counts: a finished execution's page or anything else does not.
 */
async function postToWait(
	this: IWebhookFunctions,
	wait: WaitRegistration,
	reply: ForwardedReply,
	deadline: number,
): Promise<boolean> {
	const secret = (await webhookSecret.call(this)) ?? '';
	for (let pause = 250; ; pause = Math.min(pause * 2, 1000)) {
		const left = deadline - Date.now();
		if (left <= 0) return false;
		let answer: ResumeAnswer;
		try {
			answer = (await this.helpers.httpRequest({
				method: 'POST',
				url: wait.resume_url,
				headers: { Authorization: `Bearer ${secret}` },
				body: reply,
				json: true,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				disableFollowRedirect: true,
				timeout: left,
			})) as ResumeAnswer;
		} catch {
			return false;
		}
		const taken = answer.body as { resumed?: unknown; wait_id?: unknown } | undefined;
		if (answer.statusCode === 200 && taken?.resumed === true && taken.wait_id === wait.wait_id) {
			return true;
		}
		const notParkedYet = answer.statusCode === 409 || answer.statusCode >= 500;
		if (!notParkedYet || Date.now() + pause >= deadline) return false;
		this.logger.debug(
			`Suvvy Trigger: the execution waiting in chat ${wait.chat_id} has not parked yet; trying again`,
		);
		await sleep(pause);
	}
}

/**
 * The trigger's file settings, as the waiting node fetches the reply's files with them; the key of
 * the trigger's own download queue stays here.
 */
function fileSettingsFor(this: IWebhookFunctions, deadline: number): IDataObject {
	const settings: IDataObject = { ...readFileSettings.call(this), deadline };
	delete settings.triggerKey;
	return settings;
}

/**
 * Hands a delivery to the execution waiting for a reply in its chat, if one is registered and a
 * message of the delivery is from a sender that ends the wait. Deliveries of the chat that arrive
 * within the wait's gathering time go along in the same hand-over. False when there is no such
 * wait or the hand-over failed: the delivery then starts the trigger's own workflow, so no reply is
 * lost either way.
 */
export async function forwardToWait(
	this: IWebhookFunctions,
	body: IDataObject,
	messages: SuvvyMessage[],
	arrived: number,
): Promise<boolean> {
	const chatId = body.chat_id;
	if (typeof chatId !== 'string' && typeof chatId !== 'number') return false;
	const wait = findWait.call(this, String(chatId));
	if (!wait || !messages.some((message) => wait.end_on.includes(message.message_sender))) {
		return false;
	}
	const joined = gatherings.get(wait.wait_id);
	if (joined) {
		joined.deliveries.push(body);
		return await joined.forwarded;
	}
	const deadline = arrived + FORWARD_WITHIN_MS;
	const deliveries = [body];
	const handOver = async () => {
		if (wait.gather_ms > 0) await sleep(wait.gather_ms);
		// Later deliveries of the chat now go their own way.
		gatherings.delete(wait.wait_id);
		const reply: ForwardedReply = {
			chat_id: wait.chat_id,
			wait_id: wait.wait_id,
			sent: wait.sent,
			deliveries,
			files: fileSettingsFor.call(this, deadline),
		};
		const forwarded = await postToWait.call(this, wait, reply, deadline);
		if (forwarded) endWait.call(this, wait);
		return forwarded;
	};
	// In the map before the hand-over starts, which may take it out again at once (no gathering).
	const gathering: Gathering = { deliveries, forwarded: Promise.resolve(false) };
	gatherings.set(wait.wait_id, gathering);
	gathering.forwarded = handOver();
	return await gathering.forwarded;
}
