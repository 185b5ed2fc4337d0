import type { SuvvyAnswer } from '../../../../transport/postMessage';

const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 30_000;

/**
 * Only failures that a later attempt can fix are retried. A refusal (401, 402, 415, 422, 424) says
 * the same thing every time; resending it would only spend the user's time. So does a redirect: the
 * base URL would only point elsewhere again.
 */
export function isTransient(answer: SuvvyAnswer): boolean {
	if (answer.kind === 'unreachable') return true;
	if (answer.kind === 'redirected') return false;
	return answer.status === 429 || answer.status >= 500;
}

/**
 * How long to wait before attempt `attempt + 1`: Suvvy's Retry-After when it sends one, otherwise
 * exponential backoff with jitter (half fixed, half random), so many items retrying at once spread out.
 */
export function retryDelayMs(attempt: number, answer: SuvvyAnswer, random = Math.random): number {
	if (answer.kind === 'answered' && answer.retryAfterMs !== undefined) return answer.retryAfterMs;
	const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (attempt - 1));
	return ceiling / 2 + random() * (ceiling / 2);
}
