/**
 * Downloads running at once, per trigger node, across every delivery it is handling. Suvvy's
 * deliveries arrive unannounced and in any number; each download holds up to a file's size in memory,
 * so without a shared cap a burst of deliveries would hold a burst of files.
 */
interface Slots {
	limit: number;
	running: number;
	waiting: Array<() => void>;
}

const slotsByTrigger = new Map<string, Slots>();

export type SlotWatcher = (key: string, use: { running: number; waiting: number }) => void;

let watcher: SlotWatcher | undefined;

/**
 * Tells `next` whenever a download of any trigger starts waiting, starts or ends: how a test sees the
 * cap at work without a clock. Nothing in the node watches.
 */
export function watchDownloadSlots(next: SlotWatcher | undefined): void {
	watcher = next;
}

function changed(key: string, slots: Slots): void {
	watcher?.(key, { running: slots.running, waiting: slots.waiting.length });
}

function release(key: string, slots: Slots): void {
	const next = slots.waiting.shift();
	if (next) {
		changed(key, slots);
		next();
		return;
	}
	slots.running--;
	if (slots.running === 0) slotsByTrigger.delete(key);
	changed(key, slots);
}

/** Runs `download` once fewer than `limit` downloads of the trigger `key` are running. */
export async function inDownloadSlot<T>(
	key: string,
	limit: number,
	download: () => Promise<T>,
): Promise<T> {
	let slots = slotsByTrigger.get(key);
	if (!slots) {
		slots = { limit, running: 0, waiting: [] };
		slotsByTrigger.set(key, slots);
	}
	// The newest setting wins: a re-saved workflow takes effect with its next delivery.
	slots.limit = limit;
	if (slots.running < slots.limit) {
		slots.running++;
		changed(key, slots);
	} else {
		// A finished download hands its slot straight to the next in line, so `running` stays counted.
		const queued = new Promise<void>((resolve) => (slots as Slots).waiting.push(resolve));
		changed(key, slots);
		await queued;
	}
	try {
		return await download();
	} finally {
		release(key, slots);
	}
}
