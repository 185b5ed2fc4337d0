/**
 * The memory that request bodies may take at once. A body holds its files as base64, a third larger
 * than the files, and lives from being written until its last retry is answered; with many messages
 * in parallel, their bodies would add up to parallelism × file size. With a budget, a message whose
 * body does not fit waits until enough has been released, in the order they asked, so a large body
 * is not overtaken forever by small ones. A body larger than the whole budget goes alone.
 */
export interface ByteBudget {
	/** Resolves once `bytes` may be held; call the returned function when they are released. */
	reserve(bytes: number): Promise<() => void>;
}

export function createByteBudget(limitBytes: number): ByteBudget {
	let held = 0;
	const waiting: Array<{ bytes: number; grant: () => void }> = [];
	const fits = (bytes: number) => held === 0 || held + bytes <= limitBytes;

	const grantWaiting = () => {
		while (waiting.length && fits(waiting[0].bytes)) {
			const next = waiting.shift() as { bytes: number; grant: () => void };
			held += next.bytes;
			next.grant();
		}
	};

	return {
		async reserve(bytes) {
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
			await new Promise<void>((grant) => waiting.push({ bytes, grant }));
			return release;
		},
	};
}
