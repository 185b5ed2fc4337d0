import type { IWebhookFunctions } from 'n8n-workflow';

import type { WaitRegistration } from '../replies/waitRegistration';

type Waits = Record<string, WaitRegistration>;

interface ProcessRegistry {
	/** The registrations this process took, by chat. */
	waits: Map<string, WaitRegistration>;
	/** Waits this process forwarded a reply to, with when they expire. */
	ended: Map<string, number>;
}

/**
 * n8n loads a workflow's static data afresh for each webhook request and saves all of it after, so
 * two registrations at once would overwrite each other. Every registration this process takes is
 * also kept here, and each save writes all of them: only registrations taken by different n8n
 * processes at the same moment can still miss each other (the waiting node checks and registers
 * again).
 */
const registries = new Map<string, ProcessRegistry>();

const triggerKey = (context: IWebhookFunctions) =>
	`${context.getWorkflow().id ?? ''}/${context.getNode().id}`;

function registryOf(context: IWebhookFunctions): ProcessRegistry {
	const key = triggerKey(context);
	let registry = registries.get(key);
	if (!registry) {
		registry = { waits: new Map(), ended: new Map() };
		registries.set(key, registry);
	}
	return registry;
}

function stored(this: IWebhookFunctions): Waits {
	const staticData = this.getWorkflowStaticData('node') as { waits?: Waits };
	return staticData.waits ?? {};
}

/** The newest live registration of each chat among `entries`. */
function newestLive(entries: Iterable<WaitRegistration>, now: number): Waits {
	const waits: Waits = {};
	for (const entry of entries) {
		if (entry.expires_at <= now) continue;
		const current = waits[entry.chat_id];
		if (!current || current.registered_at <= entry.registered_at) waits[entry.chat_id] = entry;
	}
	return waits;
}

/** Keeps a registration: a chat waits in one execution at a time, the newest. */
export function keepRegistration(this: IWebhookFunctions, registration: WaitRegistration): void {
	const now = Date.now();
	const registry = registryOf(this);
	registry.waits.set(registration.chat_id, registration);
	for (const [chat, entry] of registry.waits)
		if (entry.expires_at <= now) registry.waits.delete(chat);
	const staticData = this.getWorkflowStaticData('node') as { waits?: Waits };
	staticData.waits = newestLive(
		[...Object.values(stored.call(this)), ...registry.waits.values()],
		now,
	);
}

/** The live wait of a chat, unless this process already forwarded a reply to it. */
export function findWait(this: IWebhookFunctions, chatId: string): WaitRegistration | undefined {
	const now = Date.now();
	const registry = registryOf(this);
	for (const [waitId, expires] of registry.ended) if (expires <= now) registry.ended.delete(waitId);
	const mine = registry.waits.get(chatId);
	const candidates = [stored.call(this)[chatId], mine].filter(
		(entry): entry is WaitRegistration => entry !== undefined,
	);
	const wait = newestLive(candidates, now)[chatId];
	return wait && !registry.ended.has(wait.wait_id) ? wait : undefined;
}

/** A reply went to this wait: this process forwards nothing more to it. */
export function endWait(this: IWebhookFunctions, wait: WaitRegistration): void {
	const registry = registryOf(this);
	registry.ended.set(wait.wait_id, wait.expires_at);
	if (registry.waits.get(wait.chat_id)?.wait_id === wait.wait_id)
		registry.waits.delete(wait.chat_id);
}
