/**
 * What one delivery may still spend on downloads: bytes, and time. Its files are fetched one after
 * another, so without a total a delivery of many slow links would hold a download slot for that many
 * per-file time limits, and every other delivery of the trigger would wait behind it.
 */
export interface DeliveryBudget {
	/** Every byte read counts, so a delivery reads at most its budget and the one chunk that crossed it. */
	remainingBytes: number;
	timeLimitMs: number;
	/** Runs from the delivery's first download, the wait for its download slot included. */
	clock?: { deadline: number; signal: AbortSignal };
}

export function newDeliveryBudget(bytes: number, timeLimitMs: number): DeliveryBudget {
	return { remainingBytes: bytes, timeLimitMs };
}

export interface DeliveryClock {
	/** Aborts when the delivery's time is used up. */
	signal: AbortSignal;
	leftMs(): number;
}

/** The delivery's clock, started by its first download. */
export function deliveryClock(budget: DeliveryBudget): DeliveryClock {
	budget.clock ??= {
		deadline: Date.now() + budget.timeLimitMs,
		signal: AbortSignal.timeout(budget.timeLimitMs),
	};
	const { deadline, signal } = budget.clock;
	return { signal, leftMs: () => (signal.aborted ? 0 : Math.max(0, deadline - Date.now())) };
}
