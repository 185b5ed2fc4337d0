import type { IExecuteFunctions } from 'n8n-workflow';

import type { SendOptions } from '../../nodes/Suvvy/actions/message/send/sending/sendOptions';
import { sendWithRetries } from '../../nodes/Suvvy/actions/message/send/sending/retries';
import type { SuvvyConnection } from '../../nodes/Suvvy/transport/connection';
import { countedSignal } from '../support/countedSignal';

const OPTIONS: SendOptions = {
	retries: 5,
	retryTimeLimitMs: 60_000,
	timeoutMs: 1000,
	maxParallelRequests: 20,
	requestMemoryBytes: 64 * 1024 * 1024,
};

const CONNECTION = {
	url: 'https://suvvy.test/api/webhook/custom/message',
	credential: { id: 'cred-1', name: 'Suvvy account', type: 'suvvyApi', data: {} },
} as SuvvyConnection;

/** An execution whose every request is answered 429 with `Retry-After: 0`, so each retry pauses at once. */
function busyExecution(signal: AbortSignal) {
	let requests = 0;
	const context = {
		getExecutionCancelSignal: () => signal,
		helpers: {
			httpRequestWithAuthentication: async () => {
				requests++;
				return { statusCode: 429, body: '{}', headers: { 'retry-after': '0' } };
			},
		},
	} as unknown as IExecuteFunctions;
	return { context, requests: () => requests };
}

describe('retry pauses and the execution cancel signal', () => {
	test('a batch with many retries leaves no listener behind on the cancel signal', async () => {
		// n8n lifts the listener limit on its signal, so there a leak grows without a warning.
		const { signal, listeners } = countedSignal();
		const { context, requests } = busyExecution(signal);
		const results = await Promise.all(
			Array.from({ length: 8 }, () =>
				sendWithRetries.call(context, CONNECTION, Buffer.from('{}'), OPTIONS),
			),
		);
		expect(results.map((result) => result.attempts)).toEqual(Array(8).fill(6));
		expect(requests()).toBe(48);
		expect(listeners()).toBe(0);
	});

	test('a retry pause after the execution was cancelled does not wait, and says why it stopped', async () => {
		const controller = new AbortController();
		controller.abort();
		const { context, requests } = busyExecution(controller.signal);
		const result = await sendWithRetries.call(context, CONNECTION, Buffer.from('{}'), OPTIONS);
		expect(result).toMatchObject({ attempts: 1, gaveUp: 'cancelled' });
		expect(requests()).toBe(1);
	});
});
