/**
 * The only place that speaks HTTP to Suvvy. Callers get Suvvy's answer as data, whatever its status,
 * and decide themselves what it means; nothing here throws for a status code. A redirect is never
 * followed: n8n would carry the token (and, for 307/308, the whole message) to wherever it points.
 */
import type { IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import type { SuvvyConnection } from './connection';
import { networkCause } from '../network/networkCause';
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
	/** Any 3xx: not followed. `target` is the origin it pointed to, when its Location names one. */
	| { kind: 'redirected'; status: number; target?: string }
	| { kind: 'unreachable'; cause: string };

function parseBody(text: string): { body: unknown; bodyIsJson: boolean } {
	try {
		return { body: JSON.parse(text), bodyIsJson: true };
	} catch {
		return { body: text, bodyIsJson: false };
	}
}

/**
 * Where a redirect pointed, as an origin (scheme://host:port): never its path or query, which may
 * carry anything, and never a target that is no web address at all.
 */
export function redirectTarget(location: unknown, requestUrl: string): string | undefined {
	const text = Array.isArray(location) ? location[0] : location;
	if (typeof text !== 'string' || text.trim() === '') return undefined;
	try {
		const url = new URL(text.trim(), requestUrl);
		return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined;
	} catch {
		return undefined;
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
		disableFollowRedirect: true,
	};
	try {
		const response = (await this.helpers.httpRequestWithAuthentication.call(
			this,
			'suvvyApi',
			options,
			{ credentialsDecrypted: connection.credential },
		)) as { statusCode: number; body: unknown; headers?: Record<string, unknown> };
		if (response.statusCode >= 300 && response.statusCode < 400) {
			const target = redirectTarget(response.headers?.location, connection.url);
			return { kind: 'redirected', status: response.statusCode, ...(target ? { target } : {}) };
		}
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
