/** Types for the emulator (plain JavaScript), for the TypeScript tests that start it. */
export interface EmulatorOptions {
	port?: number;
	tokens?: string[];
	channelEnabled?: boolean;
	balance?: number;
	webhookUrl?: string;
	webhookSecret?: string;
	repliesEnabled?: boolean;
	replyDelayMs?: number;
	latencyMs?: number;
	seed?: string | number;
	faults?: { rate?: number; kinds?: string[]; retry_after_seconds?: number; slow_ms?: number };
	log?: (line: string) => void;
}

export interface StoredMessage {
	seq: number;
	received_at: string;
	message_id: string;
	chat_id: string;
	body: Record<string, unknown>;
	attachments: Array<{
		file_name: string;
		file_type: string;
		mime_type: string;
		size_bytes: number;
		sha256: string;
	}>;
}

export interface EmulatorStats {
	requests: number;
	accepted: number;
	duplicates: number;
	answered: Record<string, number>;
	faults: Record<string, number>;
	deliveries: number;
	in_flight: number;
	max_in_flight: number;
}

export interface Emulator {
	url: string;
	port: number;
	channel: {
		messages: StoredMessage[];
		stats: EmulatorStats;
		scripted: Map<string, Record<string, unknown>>;
	};
	close(): Promise<void>;
}

export const DEFAULT_TOKEN: string;
export const MESSAGE_PATH: string;
export function startEmulator(options?: EmulatorOptions): Promise<Emulator>;
