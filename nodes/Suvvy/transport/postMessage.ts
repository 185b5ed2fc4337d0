/**
 * The only place that speaks HTTP to Suvvy. Callers get Suvvy's answer as data, whatever its status,
 * and decide themselves what it means; nothing here throws for a status code.
 */
import type { IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import type { SuvvyConnection } from './connection';
import { networkCause } from './networkCause';
import { parseRetryAfter } from './retryAfter';

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

function parseBody(text: string): { body: unknown; bodyIsJson: boolean } {
	try {
		return { body: JSON.parse(text), bodyIsJson: true };
	} catch {
		return { body: text, bodyIsJson: false };
	}
}

/** "connection refused (ECONNREFUSED)": what a user can act on, not "fetch failed". */
function describeFailure(error: unknown): string {
	const { phrase, code } = networkCause(error);
	if (phrase !== 'network error') return code ? `${phrase} (${code})` : phrase;
	return error instanceof Error ? error.message : String(error);
}

export async function postMessage(
	this: IExecuteFunctions,
	connection: SuvvyConnection,
	serializedBody: Buffer,
	timeoutMs: number,
): Promise<SuvvyAnswer> {
	const options: IHttpRequestOptions = {
		method: 'POST',
		url: connection.url,
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
