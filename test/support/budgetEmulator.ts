/**
 * The emulator the memory-budget tests send through (test/engine/memoryBudget.engine.test.ts), and
 * how they send: voice notes of given sizes, one message each, through n8n's engine over loopback.
 */
import type { INodeType } from 'n8n-workflow';

import { startEmulator, DEFAULT_TOKEN, type Emulator } from '../../dev/emulator';
import { runWorkflow } from './runWorkflow';

export const KB = 1024;
let emulator: Emulator;

/**
 * Starts the emulator for the calling test file, handing each line of its log to `onLine`, and
 * before each test resets it: no faults, no latency, nothing stored.
 */
export function useBudgetEmulator(onLine: (line: string) => void): void {
	beforeAll(async () => {
		emulator = await startEmulator({ log: onLine });
	});
	afterAll(() => emulator.close());
	beforeEach(async () => {
		await admin('reset', {});
		await admin('state', { faults: { rate: 0, plan: {} }, latency_ms: 0 });
	});
}

export async function admin(path: string, body?: unknown) {
	const response = await fetch(`${emulator.url}/__emulator/${path}`, {
		method: body === undefined ? 'GET' : 'POST',
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return (await response.json()) as Record<string, unknown>;
}

/** An OGG-looking file of `size` bytes, different for every seed. */
export const audio = (size: number, seed: number) =>
	Buffer.concat([Buffer.from('OggS'), Buffer.alloc(size - 4, seed)]);

export interface Voice {
	id: string;
	chat: string;
	size: number;
	/** Declared as a bare upload, so the node must look at its first bytes. */
	generic?: boolean;
}

export async function sendVoices(
	voices: Voice[],
	options: Record<string, unknown>,
	onStarted?: (execution: { cancel(): void }) => void,
	node?: INodeType,
) {
	return await runWorkflow({
		node,
		items: voices.map(({ id, chat, size, generic }, index) => ({
			json: { id, chat },
			files: {
				data: {
					base64: audio(size, index).toString('base64'),
					fileName: `${id}.ogg`,
					mimeType: generic ? 'application/octet-stream' : 'audio/ogg',
				},
			},
		})),
		parameters: {
			resource: 'message',
			operation: 'send',
			source: 'Memory budget test',
			text: '',
			chatId: '={{ $json.chat }}',
			messageId: '={{ $json.id }}',
			options: { maxParallelRequests: 100, ...options },
		},
		credentials: { token: DEFAULT_TOKEN, baseUrl: emulator.url },
		onStarted,
	});
}

export const acceptedId = (line: string) => /^accepted (\S+) /.exec(line)?.[1];
