import type { DeliveryResult } from '../5-deliver/sendWithRetries';
import type { Outcome } from './outcome';

const GAVE_UP_BECAUSE = {
	retries: 'no retries left',
	timeLimit: 'the retry time limit would have been passed',
	cancelled: 'the execution was cancelled',
};

/** Adds the attempt count to what an item carries, and says why a transient failure was given up. */
export function withAttempts(outcome: Outcome, delivery: DeliveryResult): Outcome {
	const json = { ...outcome.json, attempts: delivery.attempts };
	if (!delivery.gaveUp || (delivery.attempts === 1 && delivery.gaveUp === 'retries')) {
		return { ...outcome, json };
	}
	const plural = delivery.attempts === 1 ? 'attempt' : 'attempts';
	const summary = `${outcome.summary} Gave up after ${delivery.attempts} ${plural}: ${GAVE_UP_BECAUSE[delivery.gaveUp]}.`;
	return { ...outcome, summary, json: { ...json, message: summary } };
}
