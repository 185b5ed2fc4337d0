/**
 * The only place that speaks HTTP to Suvvy. Callers get Suvvy's answer as data, whatever its status,
 * and decide themselves what it means; nothing here throws for a status code.
 */
import type {
	ICredentialsDecrypted,
	IExecuteFunctions,
	IHttpRequestOptions,
	IWebhookFunctions,
} from 'n8n-workflow';

import { parseRetryAfter } from '../helpers/retryPolicy';

export const DEFAULT_BASE_URL = 'https://api.suvvy.ai';
export const MESSAGE_PATH = '/api/webhook/custom/message';

const PROBE_TIMEOUT_MS = 15_000;
const DOWNLOAD_TIMEOUT_MS = 60_000;

export type SuvvyAnswer =
	| {
			kind: 'answered';
			status: number;
			body: unknown;
			bodyIsJson: boolean;
			/** Suvvy's Retry-After, when it sent one (with a 429 or a 503, typically). */
			retryAfterMs?: number;
	  }
	| { kind: 'unreachable'; cause: string };

/**
 * Where and as whom to send, read once per execution. Handing n8n the decrypted credential spares it
 * a database read and a decryption for every message of a batch.
 */
export interface SuvvyConnection {
	baseUrl: string | undefined;
	credential: ICredentialsDecrypted;
}

export function messageUrl(baseUrl: string | undefined): string {
	const base = (baseUrl ?? '').trim() || DEFAULT_BASE_URL;
	return `${base.replace(/\/+$/, '')}${MESSAGE_PATH}`;
}

function parseBody(text: string): { body: unknown; bodyIsJson: boolean } {
	try {
		return { body: JSON.parse(text), bodyIsJson: true };
	} catch {
		return { body: text, bodyIsJson: false };
	}
}

function describeFailure(error: unknown): string {
	if (error instanceof Error) {
		const code = (error as Error & { code?: unknown }).code;
		return typeof code === 'string' && !error.message.includes(code)
			? `${error.message} (${code})`
			: error.message;
	}
	return String(error);
}

export async function postMessage(
	this: IExecuteFunctions,
	connection: SuvvyConnection,
	serializedBody: Buffer,
	timeoutMs: number,
): Promise<SuvvyAnswer> {
	const options: IHttpRequestOptions = {
		method: 'POST',
		url: messageUrl(connection.baseUrl),
		headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
		body: serializedBody,
		encoding: 'text',
		returnFullResponse: true,
		// Every status is an answer to route, not an exception; this also stops n8n retrying a 401.
		ignoreHttpStatusErrors: true,
		timeout: timeoutMs,
	};
	try {
		const response = (await this.helpers.httpRequestWithAuthentication.call(
			this,
			'suvvyApi',
			options,
			{ credentialsDecrypted: connection.credential },
		)) as { statusCode: number; body: unknown; headers?: Record<string, unknown> };
		const text = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
		const retryAfterMs = parseRetryAfter(response.headers?.['retry-after']);
		return {
			kind: 'answered',
			status: response.statusCode,
			...parseBody(text ?? ''),
			...(retryAfterMs === undefined ? {} : { retryAfterMs }),
		};
	} catch (error) {
		return { kind: 'unreachable', cause: describeFailure(error) };
	}
}

/**
 * Credential tests get no authenticated HTTP helper from n8n (only the deprecated `request`, which the
 * community lint forbids), so the probe uses the platform's fetch and sets the header itself.
 */
export async function probeToken(baseUrl: string | undefined, token: string): Promise<SuvvyAnswer> {
	try {
		const response = await fetch(messageUrl(baseUrl), {
			method: 'POST',
			headers: {
				Authorization: `Bearer ${token}`,
				'Content-Type': 'application/json',
				Accept: 'application/json',
			},
			// Deliberately incomplete: no message_id, chat_id, sender or text, so Suvvy cannot accept it.
			body: JSON.stringify({ api_version: 1 }),
			signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
		});
		return { kind: 'answered', status: response.status, ...parseBody(await response.text()) };
	} catch (error) {
		return { kind: 'unreachable', cause: describeFailure(error) };
	}
}

export type DownloadedFile =
	| { ok: true; bytes: Buffer; mimeType: string | undefined }
	| { ok: false; reason: string };

interface StreamResponse {
	statusCode: number;
	headers: Record<string, string | string[] | undefined>;
	body: AsyncIterable<Buffer> & { destroy(): void };
}

/**
 * Downloads a file Suvvy links to in a reply, reading at most `maxBytes`: a larger file is cut off
 * as soon as it is known to be too big, so a sender cannot make n8n hold more than the limit.
 */
export async function downloadReplyFile(
	this: IWebhookFunctions,
	url: string,
	maxBytes: number,
): Promise<DownloadedFile> {
	if (!/^https?:\/\//i.test(url))
		return { ok: false, reason: `Not an http(s) link: ${url.slice(0, 100)}` };
	const tooBig = (size: number) => ({
		ok: false as const,
		reason: `File is larger than the ${(maxBytes / 1024 / 1024).toFixed(1)} MB limit (${size} bytes or more)`,
	});
	try {
		const response = (await this.helpers.httpRequest({
			method: 'GET',
			url,
			encoding: 'stream',
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: DOWNLOAD_TIMEOUT_MS,
		})) as StreamResponse;
		if (response.statusCode < 200 || response.statusCode >= 300) {
			response.body.destroy();
			return { ok: false, reason: `Download answered HTTP ${response.statusCode}` };
		}
		const declared = Number(response.headers['content-length']);
		if (declared > maxBytes) {
			response.body.destroy();
			return tooBig(declared);
		}
		const chunks: Buffer[] = [];
		let received = 0;
		for await (const chunk of response.body) {
			received += chunk.length;
			if (received > maxBytes) {
				response.body.destroy();
				return tooBig(received);
			}
			chunks.push(chunk);
		}
		const contentType = response.headers['content-type'];
		const mimeType = typeof contentType === 'string' ? contentType.split(';')[0].trim() : undefined;
		return { ok: true, bytes: Buffer.concat(chunks), mimeType };
	} catch (error) {
		return { ok: false, reason: `Download failed: ${describeFailure(error)}` };
	}
}
