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
 * Tells `next` whenever a download of any trigger starts waiting, gives up waiting, starts or ends:
 * how a test sees the cap at work without a clock. Nothing in the node watches.
 */
export function watchDownloadSlots(next: SlotWatcher | undefined): void {
	watcher = next;
}

function changed(key: string, slots: Slots): void {
	watcher?.(key, { running: slots.running, waiting: slots.waiting.length });
}

/** A finished download hands its slot straight to the next in line, so `running` stays counted. */
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

export type SlotOutcome<T> = { ran: true; value: T } | { ran: false };

/** Waits in line for a slot; resolves false, out of line, if `giveUp` aborts first. */
async function waitForSlot(key: string, slots: Slots, giveUp: AbortSignal): Promise<boolean> {
	return await new Promise<boolean>((resolve) => {
		const leave = () => {
			slots.waiting.splice(slots.waiting.indexOf(take), 1);
			changed(key, slots);
			resolve(false);
		};
		// Called by `release`, which has already taken it out of line.
		const take = () => {
			giveUp.removeEventListener('abort', leave);
			resolve(true);
		};
		slots.waiting.push(take);
		giveUp.addEventListener('abort', leave, { once: true });
		changed(key, slots);
	});
}

/**
 * Runs `download` once fewer than `limit` downloads of the trigger `key` are running, unless `giveUp`
 * aborts before then: a delivery whose time is used up while it waits gives up its place in line.
 */
export async function inDownloadSlot<T>(
	key: string,
	limit: number,
	giveUp: AbortSignal,
	download: () => Promise<T>,
): Promise<SlotOutcome<T>> {
	if (giveUp.aborted) return { ran: false };
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
	} else if (!(await waitForSlot(key, slots, giveUp))) {
		// Someone is still running (that is why it waited), so the trigger's entry stays.
		return { ran: false };
	}
	// A slot handed over by `release` is already counted in `running`.
	try {
		return { ran: true, value: await download() };
	} finally {
		release(key, slots);
	}
}
