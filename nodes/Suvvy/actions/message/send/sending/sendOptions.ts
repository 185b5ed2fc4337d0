import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { sendOptions } from '../description';

/** How Send Message delivers: retries, their time budget, the request timeout, and parallelism. */
export interface SendOptions {
	retries: number;
	retryTimeLimitMs: number;
	timeoutMs: number;
	maxParallelRequests: number;
	requestMemoryBytes: number;
}

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
	const option = sendOptions.options?.find(
		(candidate) => 'name' in candidate && candidate.name === name,
	);
	return (option as INodeProperties).default as number;
}

/** Read once per execution: they shape how the whole batch is sent. */
export function readSendOptions(this: IExecuteFunctions): SendOptions {
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
