'use strict';
/**
 * Fault injection. Whether a request fails, and how, depends only on the message ID and which
 * attempt this is for that ID, so a run is reproducible even when requests arrive in a different
 * order (as they do under concurrency): either planned per message ID (`plan`: the faults of its
 * first attempts, in order) or drawn from a seeded generator at `rate`.
 */

const FAULT_KINDS = ['500', '429', 'drop', 'slow'];

const DEFAULT_FAULTS = {
	rate: 0,
	kinds: FAULT_KINDS,
	retry_after_seconds: 1,
	slow_ms: 5000,
	plan: {},
};

/** FNV-1a: a small stable string hash, enough to seed the generator below. */
function hash(text) {
	let value = 0x811c9dc5;
	for (let index = 0; index < text.length; index++) {
		value ^= text.charCodeAt(index);
		value = Math.imul(value, 0x01000193) >>> 0;
	}
	return value;
}

/** mulberry32: a uniform number in [0, 1) from a 32-bit seed. */
function uniform(seed) {
	let t = (seed + 0x6d2b79f5) >>> 0;
	t = Math.imul(t ^ (t >>> 15), t | 1);
	t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
	return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

function normaliseFaults(faults) {
	const merged = { ...DEFAULT_FAULTS, ...faults };
	const unknown = merged.kinds.filter((kind) => !FAULT_KINDS.includes(kind));
	if (unknown.length) throw new Error(`Unknown fault kind(s): ${unknown.join(', ')}; known: ${FAULT_KINDS.join(', ')}`);
	if (!(merged.rate >= 0 && merged.rate <= 1)) throw new Error(`Fault rate must be between 0 and 1, got ${merged.rate}`);
	if (!merged.kinds.length && merged.rate > 0) throw new Error('A fault rate needs at least one fault kind');
	for (const [messageId, planned] of Object.entries(merged.plan ?? {})) {
		const wrong = Array.isArray(planned) ? planned.filter((kind) => !FAULT_KINDS.includes(kind)) : [planned];
		if (wrong.length) throw new Error(`The fault plan of "${messageId}" must list known fault kinds (${FAULT_KINDS.join(', ')}), not ${JSON.stringify(wrong)}`);
	}
	return merged;
}

/** The fault for this attempt, or undefined when the request goes through. */
function pickFault(faults, seed, key, attempt) {
	const planned = faults.plan?.[key];
	if (planned) return planned[attempt - 1];
	if (!faults.rate) return undefined;
	const roll = uniform(hash(`${seed}|${key}|${attempt}`));
	if (roll >= faults.rate) return undefined;
	const kind = faults.kinds[Math.floor((roll / faults.rate) * faults.kinds.length)];
	return kind ?? faults.kinds[faults.kinds.length - 1];
}

module.exports = { FAULT_KINDS, normaliseFaults, pickFault };
