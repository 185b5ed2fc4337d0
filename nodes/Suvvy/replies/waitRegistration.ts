import type { IDataObject } from 'n8n-workflow';

/**
 * What a Suvvy node that sent a message and now waits for the reply tells the Suvvy Trigger, and
 * what the trigger forwards to it when the reply comes: the contract between the two, both ways.
 */
export interface WaitRegistration {
	chat_id: string;
	/** Names this wait; signed into the resume URL together with the chat ID. */
	wait_id: string;
	/** n8n's signed URL that resumes the waiting execution. */
	resume_url: string;
	/** Milliseconds since the epoch: the wait's time limit, and a little more. */
	expires_at: number;
	registered_at: number;
	/** Which senders' messages end the wait: "ai", "employee" or both. */
	end_on: string[];
	/** How long the trigger gathers a chat's later deliveries before it forwards them. */
	gather_ms: number;
	/** What was sent, echoed back with the reply. */
	sent: IDataObject;
}

/** What the trigger POSTs to the resume URL. */
export interface ForwardedReply {
	chat_id: string;
	wait_id: string;
	sent: IDataObject;
	/** The deliveries of the reply, as Suvvy posted them, oldest first. */
	deliveries: IDataObject[];
	/** The trigger's file settings, so the files are fetched under its rules. */
	files: IDataObject;
}

/** The longest a trigger gathers a chat's deliveries: Suvvy waits 20 s for each answer. */
export const MAX_GATHER_MS = 5_000;

/** The most a registration may wait: n8n's wait tracker resumes it, this is only the registry's. */
export const MAX_WAIT_MS = 7 * 24 * 60 * 60 * 1000;

const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';

/** The registration in a body, or why it is not one. */
export function parseRegistration(
	body: unknown,
	now: number,
): { ok: true; registration: WaitRegistration } | { ok: false; reason: string } {
	const entry = (typeof body === 'object' && body !== null ? body : {}) as IDataObject;
	if (!isText(entry.chat_id)) return { ok: false, reason: '"chat_id" must be a non-empty string' };
	if (!isText(entry.wait_id)) return { ok: false, reason: '"wait_id" must be a non-empty string' };
	if (!isText(entry.resume_url)) return { ok: false, reason: '"resume_url" must be a URL' };
	const expires = Number(entry.expires_at);
	if (!Number.isFinite(expires) || expires <= now || expires > now + MAX_WAIT_MS) {
		return { ok: false, reason: '"expires_at" must be a time within the next 7 days' };
	}
	const endOn = Array.isArray(entry.end_on)
		? entry.end_on.filter((sender) => sender === 'ai' || sender === 'employee')
		: [];
	if (!endOn.length) return { ok: false, reason: '"end_on" must name "ai", "employee" or both' };
	const gather = Math.min(MAX_GATHER_MS, Math.max(0, Number(entry.gather_ms) || 0));
	const sent =
		typeof entry.sent === 'object' && entry.sent !== null ? (entry.sent as IDataObject) : {};
	return {
		ok: true,
		registration: {
			chat_id: entry.chat_id,
			wait_id: entry.wait_id,
			resume_url: entry.resume_url,
			expires_at: expires,
			registered_at: now,
			end_on: endOn as string[],
			gather_ms: gather,
			sent,
		},
	};
}

/**
 * Where waits are registered, from the Suvvy Trigger's Production URL (its delivery webhook, which
 * ends in /webhook): its second webhook, /register, beside it. Undefined when the URL is not one.
 */
export function registerUrlFor(webhookUrl: string): URL | undefined {
	let url: URL;
	try {
		url = new URL(webhookUrl.trim());
	} catch {
		return undefined;
	}
	if (!/^https?:$/.test(url.protocol) || !url.pathname.endsWith('/webhook')) return undefined;
	url.pathname = url.pathname.replace(/\/webhook$/, '/register');
	return url;
}

export const WEBHOOK_URL_PROBLEM =
	"Set the Webhook URL of the Suvvy Webhook Secret credential to the Suvvy Trigger's Production URL (it ends in /webhook): the reply is awaited through that trigger";
