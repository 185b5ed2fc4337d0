import { nonPublicReason } from '../network/publicAddress';

export const DEFAULT_BASE_URL = 'https://api.suvvy.ai';
export const MESSAGE_PATH = '/api/webhook/custom/message';

export type BaseUrlCheck = { ok: true; baseUrl: string } | { ok: false; reason: string };

function isLoopbackHost(hostname: string): boolean {
	return hostname === 'localhost' || nonPublicReason(hostname) === 'a loopback address';
}

/**
 * The rules a base URL must meet before the token is sent to it. The API path is appended to it, so
 * a query or a fragment would swallow the path; plain http would carry the token in clear text, which
 * is only acceptable on this machine (a local Suvvy emulator).
 */
export function checkBaseUrl(raw: unknown): BaseUrlCheck {
	const text = typeof raw === 'string' ? raw.trim() : '';
	if (text === '') return { ok: true, baseUrl: DEFAULT_BASE_URL };
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		return {
			ok: false,
			reason: `The base URL "${text}" is not a URL, such as ${DEFAULT_BASE_URL}`,
		};
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		return {
			ok: false,
			reason: `The base URL must start with https:// (it starts with ${url.protocol}//)`,
		};
	}
	if (text.includes('?') || text.includes('#')) {
		return {
			ok: false,
			reason:
				'The base URL must not contain a query (?…) or a fragment (#…): the API path is appended to it',
		};
	}
	if (url.username || url.password) {
		return { ok: false, reason: 'The base URL must not contain a user name or password' };
	}
	if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
		return {
			ok: false,
			reason:
				'The base URL must use https://: over http:// the token would travel unencrypted (http:// is accepted only for this machine, such as a local Suvvy emulator at http://127.0.0.1)',
		};
	}
	return { ok: true, baseUrl: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}

export function messageUrl(baseUrl: string): string {
	return `${baseUrl}${MESSAGE_PATH}`;
}
