import type { IHttpRequestOptions, IWebhookFunctions } from 'n8n-workflow';

import { networkCause } from '../../network/networkCause';
import { nonPublicReason } from '../../network/publicAddress';
import { routeTo, type Route } from './route';

/** Enough for a CDN's hop or two; more is a loop or a maze. */
const MAX_REDIRECTS = 5;

export interface DownloadLimits {
	/** The most bytes this file may have; more and the download stops as soon as that is known. */
	maxBytes: number;
	/** From the first byte of the request to the last byte of the answer, redirects included. */
	timeLimitMs: number;
	/**
	 * Stops the download before its time limit: the delivery's time is up. When that comes first, the
	 * caller passes the delivery's limit as `timeLimitMs` too, so one clock decides.
	 */
	stop?: AbortSignal;
	/** Off by default: only public internet addresses are fetched. */
	allowPrivateNetwork: boolean;
}

/**
 * Why a file was not had. None of these name an address or a port, and a refused address reads the
 * same whether anything listens there or not, so the items cannot map an internal network.
 */
export type DownloadFailure =
	| { kind: 'notHttp' }
	| { kind: 'redirectNotHttp' }
	| { kind: 'refused' }
	| { kind: 'unverifiableHttp' }
	| { kind: 'tooBig'; bytes: number }
	| { kind: 'timeLimit' }
	| { kind: 'status'; status: number }
	| { kind: 'network'; phrase: string }
	| { kind: 'tooManyRedirects' };

/**
 * `received`: the bytes of the answer read before the download failed. Reading them cost as much as
 * reading a kept file, so the delivery's byte budget pays for them too.
 */
export type DownloadResult =
	| { ok: true; bytes: Buffer; mimeType: string | undefined }
	| { ok: false; failure: DownloadFailure; received: number };

interface StreamBody extends AsyncIterable<Buffer> {
	destroy(error?: Error): void;
	socket?: { remoteAddress?: string } | null;
}

interface StreamResponse {
	statusCode: number;
	headers: Record<string, string | string[] | undefined>;
	body: StreamBody;
}

const fail = (failure: DownloadFailure, received = 0): DownloadResult => ({
	ok: false,
	failure,
	received,
});

function httpUrl(link: string, base?: URL): URL | undefined {
	try {
		const url = new URL(link, base);
		return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
	} catch {
		return undefined;
	}
}

function requestFor(
	route: Exclude<Route, { kind: 'refused' | 'unverifiable' }>,
	signal: AbortSignal,
	timeoutMs: number,
) {
	const options: IHttpRequestOptions = {
		method: 'GET',
		url: route.url,
		// A compressed answer would arrive through a decompressor that hides the connection.
		headers: { 'Accept-Encoding': 'identity' },
		encoding: 'stream',
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		// Every hop is checked here, as the first one was.
		disableFollowRedirect: true,
		timeout: timeoutMs,
		abortSignal: signal,
	};
	if (route.kind === 'pinned') {
		options.headers = { ...options.headers, Host: route.host };
		options.agentOptions = { servername: route.servername };
	}
	return options;
}

const ABORTED = Symbol('aborted');

/**
 * `work`, unless `signal` aborts first. n8n's HTTP helper before n8n-core 1.72 ignores `abortSignal`,
 * and its `timeout` is an idle timeout that a server sending a header line now and then never trips;
 * a name lookup can be slow too. Racing each step against the signal keeps the time limit on every
 * engine; what still comes after it is handed to `late` (to close an answer unread).
 */
async function untilStopped<T>(
	work: Promise<T>,
	signal: AbortSignal,
	late: (value: T) => void = () => undefined,
): Promise<T | typeof ABORTED> {
	if (signal.aborted) {
		work.then(late).catch(() => undefined);
		return ABORTED;
	}
	let onAbort = () => {};
	const aborted = new Promise<typeof ABORTED>((resolve) => {
		onAbort = () => resolve(ABORTED);
		signal.addEventListener('abort', onAbort, { once: true });
	});
	try {
		const first = await Promise.race([work, aborted]);
		if (first === ABORTED) work.then(late).catch(() => undefined);
		return first;
	} finally {
		signal.removeEventListener('abort', onAbort);
	}
}

function connectedToPublic(response: StreamResponse): boolean {
	const address = response.body.socket?.remoteAddress;
	return typeof address === 'string' && nonPublicReason(address) === undefined;
}

async function readBody(
	response: StreamResponse,
	maxBytes: number,
	signal: AbortSignal,
): Promise<DownloadResult> {
	const declared = Number(response.headers['content-length']);
	if (declared > maxBytes) {
		response.body.destroy();
		return fail({ kind: 'tooBig', bytes: declared });
	}
	// A server that drips a byte now and then never trips an idle timeout; the deadline ends it.
	const stop = () => response.body.destroy();
	signal.addEventListener('abort', stop);
	const chunks: Buffer[] = [];
	let received = 0;
	try {
		for await (const chunk of response.body) {
			received += chunk.length;
			if (received > maxBytes) {
				response.body.destroy();
				return fail({ kind: 'tooBig', bytes: received }, received);
			}
			chunks.push(chunk);
		}
	} catch (error) {
		if (signal.aborted) return fail({ kind: 'timeLimit' }, received);
		return fail({ kind: 'network', phrase: networkCause(error).phrase }, received);
	} finally {
		signal.removeEventListener('abort', stop);
	}
	if (signal.aborted) return fail({ kind: 'timeLimit' }, received);
	const contentType = response.headers['content-type'];
	const mimeType = typeof contentType === 'string' ? contentType.split(';')[0].trim() : undefined;
	return { ok: true, bytes: Buffer.concat(chunks), mimeType };
}

/**
 * Downloads a file a webhook body links to. Only http(s); by default only public internet addresses,
 * checked on every redirect hop; at most `maxBytes`, within `timeLimitMs` overall.
 */
export async function downloadFile(
	this: IWebhookFunctions,
	link: string,
	limits: DownloadLimits,
): Promise<DownloadResult> {
	const signal = limits.stop ?? AbortSignal.timeout(limits.timeLimitMs);
	let target = httpUrl(link);
	if (!target) return fail({ kind: 'notHttp' });
	for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
		const route: Route | typeof ABORTED = await untilStopped(
			routeTo.call(this, target, limits.allowPrivateNetwork),
			signal,
		);
		if (route === ABORTED) return fail({ kind: 'timeLimit' });
		if (route.kind === 'refused') return fail({ kind: 'refused' });
		if (route.kind === 'unverifiable') return fail({ kind: 'unverifiableHttp' });

		let response: StreamResponse | typeof ABORTED;
		try {
			response = await untilStopped<StreamResponse>(
				this.helpers.httpRequest(
					requestFor(route, signal, limits.timeLimitMs),
				) as Promise<StreamResponse>,
				signal,
				(late) => late.body.destroy(),
			);
		} catch (error) {
			// Until an answer shows where the connection went, any failure (a closed port, TLS spoken to
			// plain HTTP, a reset, a banner that is not HTTP, silence until the time limit) could be a
			// private port describing itself: it reads as the refusal, whatever happened.
			if (route.kind === 'checkOnConnect') return fail({ kind: 'refused' });
			if (signal.aborted) return fail({ kind: 'timeLimit' });
			return fail({ kind: 'network', phrase: networkCause(error).phrase });
		}
		if (response === ABORTED) {
			return fail({ kind: route.kind === 'checkOnConnect' ? 'refused' : 'timeLimit' });
		}
		if (route.kind === 'checkOnConnect' && !connectedToPublic(response)) {
			response.body.destroy();
			return fail({ kind: 'refused' });
		}
		const { statusCode } = response;
		if (statusCode >= 300 && statusCode < 400 && typeof response.headers.location === 'string') {
			response.body.destroy();
			const next = httpUrl(response.headers.location, target);
			if (!next) return fail({ kind: 'redirectNotHttp' });
			target = next;
			continue;
		}
		if (statusCode < 200 || statusCode >= 300) {
			response.body.destroy();
			return fail({ kind: 'status', status: statusCode });
		}
		return await readBody(response, limits.maxBytes, signal);
	}
	return fail({ kind: 'tooManyRedirects' });
}
