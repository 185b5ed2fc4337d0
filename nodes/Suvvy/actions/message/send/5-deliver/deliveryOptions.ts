import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/** How Send Message delivers: retries, their time budget, the request timeout, and parallelism. */
export interface DeliveryOptions {
	retries: number;
	retryTimeLimitMs: number;
	timeoutMs: number;
	maxParallelRequests: number;
	requestMemoryBytes: number;
}

export const deliveryOptionsProperty: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Max Parallel Requests',
			name: 'maxParallelRequests',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 100 },
			default: 5,
			description:
				'How many messages are sent at once. Messages of one chat always go one after another, in input order.',
		},
		{
			displayName: 'Memory for Requests (MB)',
			name: 'requestMemoryMb',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 64,
			description:
				'The most memory the messages being sent may take at once: files travel as base64, a third larger than the file. When it is full, the next message waits; a message larger than this is sent alone. Bounds memory whatever Max Parallel Requests says.',
		},
		{
			displayName: 'Request Timeout (Seconds)',
			name: 'timeoutSeconds',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 60,
			description:
				'How long to wait for Suvvy to answer one request. A timeout counts as a transient failure.',
		},
		{
			displayName: 'Retries',
			name: 'retries',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 20 },
			default: 3,
			description:
				'How often a transient failure (network error, timeout, 429, 5xx) is retried, with the same message ID, so Suvvy never stores a message twice. 0 turns retries off. Refusals (401, 402, 415, 422, 424) are never retried.',
		},
		{
			displayName: 'Retry Time Limit (Seconds)',
			name: 'retryTimeLimitSeconds',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 60,
			description:
				'The longest one message may spend from its first attempt to its last retry, Retry-After waits included; then it goes to Other Error',
		},
	],
};

function bounded(value: unknown, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER) {
	const number = typeof value === 'number' && Number.isFinite(value) ? value : fallback;
	return Math.min(max, Math.max(min, number));
}

type OptionName =
	| 'retries'
	| 'retryTimeLimitSeconds'
	| 'timeoutSeconds'
	| 'maxParallelRequests'
	| 'requestMemoryMb';

/** An option's default, as the editor shows it; the lint wants it written there as a literal. */
function defaultOf(name: OptionName): number {
	const option = deliveryOptionsProperty.options?.find(
		(candidate) => 'name' in candidate && candidate.name === name,
	);
	return (option as INodeProperties).default as number;
}

/** Read once per execution: they shape how the whole batch is sent. */
export function readDeliveryOptions(this: IExecuteFunctions): DeliveryOptions {
	const options = this.getNodeParameter('options', 0, {}) as Record<string, unknown>;
	const read = (name: OptionName, min: number, max?: number) =>
		bounded(options[name], defaultOf(name), min, max);
	return {
		retries: Math.floor(read('retries', 0, 20)),
		retryTimeLimitMs: read('retryTimeLimitSeconds', 0) * 1000,
		timeoutMs: read('timeoutSeconds', 0.1) * 1000,
		maxParallelRequests: Math.floor(read('maxParallelRequests', 1, 100)),
		requestMemoryBytes: read('requestMemoryMb', 1) * 1024 * 1024,
	};
}
