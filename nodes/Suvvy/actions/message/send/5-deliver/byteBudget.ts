/**
 * The memory that request bodies may take at once. A body holds its files as base64, a third larger
 * than the files, and lives from being written until its last retry is answered; with many messages
 * in parallel, their bodies would add up to parallelism × file size. With a budget, a message whose
 * body does not fit waits until enough has been released, in the order they asked, so a large body
 * is not overtaken forever by small ones. A body larger than the whole budget goes alone.
 */
export interface ByteBudget {
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

export function createByteBudget(limitBytes: number): ByteBudget {
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
