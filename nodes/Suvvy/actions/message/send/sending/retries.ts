import { sleep, type IExecuteFunctions } from 'n8n-workflow';

import type { SuvvyConnection } from '../../../../transport/connection';
import { postMessage, type SuvvyAnswer } from '../../../../transport/postMessage';
import type { SendOptions } from './sendOptions';
import { isTransient, retryDelayMs } from './retryPolicy';

export interface SendResult {
	answer: SuvvyAnswer;
	attempts: number;
	/** Why retrying stopped while the failure was still transient; undefined when it need not retry. */
	gaveUp?: 'retries' | 'timeLimit' | 'cancelled';
}

/**
 * Waits, unless the execution is cancelled first; resolves false when it was. The listener goes
 * when the wait ends: one signal serves every message and every retry of the execution.
 */
async function pause(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
	if (!signal) {
		await sleep(ms);
		return true;
	}
	if (signal.aborted) return false;
	let onAbort = () => {};
	const cancelled = new Promise<boolean>((resolve) => {
		onAbort = () => resolve(false);
		signal.addEventListener('abort', onAbort, { once: true });
	});
	try {
		return await Promise.race([sleep(ms).then(() => true), cancelled]);
	} finally {
		signal.removeEventListener('abort', onAbort);
	}
}

/**
 * Sends one serialized body, retrying transient failures. The body, and so the message ID, is the
 * same on every attempt: Suvvy de-duplicates by that ID, which makes a retry after a lost answer safe.
 */
export async function sendWithRetries(
	this: IExecuteFunctions,
	connection: SuvvyConnection,
	body: Buffer,
	options: SendOptions,
): Promise<SendResult> {
	const started = Date.now();
	const signal = this.getExecutionCancelSignal?.();
	for (let attempt = 1; ; attempt++) {
		const answer = await postMessage.call(this, connection, body, options.timeoutMs);
		if (!isTransient(answer)) return { answer, attempts: attempt };
		if (attempt > options.retries) return { answer, attempts: attempt, gaveUp: 'retries' };
		const delay = retryDelayMs(attempt, answer);
		if (Date.now() - started + delay > options.retryTimeLimitMs) {
			return { answer, attempts: attempt, gaveUp: 'timeLimit' };
		}
		if (!(await pause(delay, signal))) return { answer, attempts: attempt, gaveUp: 'cancelled' };
	}
}
