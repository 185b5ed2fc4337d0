/**
 * The memory request bodies (files as base64) may take at once, from being written until their last
 * retry is answered: without it, bodies add up to parallelism × file size. Waiters are served in
 * order, so a large body is not overtaken forever; one larger than the budget goes alone.
 */
export interface RequestMemory {
	/**
	 * Resolves once `bytes` may be held, with the function that releases them; or with undefined,
	 * without holding anything, when `signal` is (or becomes) aborted first.
	 */
	reserve(bytes: number, signal?: AbortSignal): Promise<(() => void) | undefined>;
}

interface Waiting {
	bytes: number;
	grant: () => void;
}

export function createRequestMemory(limitBytes: number): RequestMemory {
	let held = 0;
	const waiting: Waiting[] = [];
	const fits = (bytes: number) => held === 0 || held + bytes <= limitBytes;

	const grantWaiting = () => {
		while (waiting.length && fits(waiting[0].bytes)) {
			const next = waiting.shift() as Waiting;
			held += next.bytes;
			next.grant();
		}
	};

	/** Waits for its turn; false when the signal aborts first, and then it no longer waits. */
	const waitForTurn = async (bytes: number, signal: AbortSignal | undefined) =>
		await new Promise<boolean>((resolve) => {
			const onAbort = () => {
				waiting.splice(waiting.indexOf(entry), 1);
				// Its place at the head may have held back smaller bodies that fit.
				grantWaiting();
				resolve(false);
			};
			const entry: Waiting = {
				bytes,
				grant: () => {
					signal?.removeEventListener('abort', onAbort);
					resolve(true);
				},
			};
			waiting.push(entry);
			signal?.addEventListener('abort', onAbort, { once: true });
		});

	return {
		async reserve(bytes, signal) {
			if (signal?.aborted) return undefined;
			let released = false;
			const release = () => {
				if (released) return;
				released = true;
				held -= bytes;
				grantWaiting();
			};
			if (!waiting.length && fits(bytes)) {
				held += bytes;
				return release;
			}
			return (await waitForTurn(bytes, signal)) ? release : undefined;
		},
	};
}
