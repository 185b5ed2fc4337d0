import type { IExecuteFunctions } from 'n8n-workflow';

import { readSendOptions } from '../../nodes/Suvvy/actions/message/send/sending/sendOptions';

const withOptions = (options: Record<string, unknown>) =>
	({ getNodeParameter: () => options }) as unknown as IExecuteFunctions;

describe('the delivery options', () => {
	test('default to what the editor shows: 3 retries, 60 s limit, 60 s timeout, 5 in parallel, 64 MB', () => {
		expect(readSendOptions.call(withOptions({}))).toEqual({
			retries: 3,
			retryTimeLimitMs: 60_000,
			timeoutMs: 60_000,
			maxParallelRequests: 5,
			requestMemoryBytes: 64 * 1024 * 1024,
		});
	});

	test('keep values within their bounds', () => {
		expect(
			readSendOptions.call(
				withOptions({
					retries: 99,
					retryTimeLimitSeconds: -1,
					timeoutSeconds: 0,
					maxParallelRequests: 0.5,
					requestMemoryMb: 0,
				}),
			),
		).toEqual({
			retries: 20,
			retryTimeLimitMs: 0,
			timeoutMs: 100,
			maxParallelRequests: 1,
			requestMemoryBytes: 1024 * 1024,
		});
	});
});
