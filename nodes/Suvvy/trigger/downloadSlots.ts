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

function release(key: string, slots: Slots): void {
	const next = slots.waiting.shift();
	if (next) {
		next();
		return;
	}
	slots.running--;
	if (slots.running === 0) slotsByTrigger.delete(key);
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
	} else {
		// A finished download hands its slot straight to the next in line, so `running` stays counted.
		await new Promise<void>((resolve) => (slots as Slots).waiting.push(resolve));
	}
	try {
		return await download();
	} finally {
		release(key, slots);
	}
}
