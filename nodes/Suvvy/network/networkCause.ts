/**
 * What went wrong on the network, in words a user acts on ("connection refused") rather than what a
 * client library prints ("fetch failed"). n8n wraps errors in its own, so the code is looked for
 * along the chain of causes.
 */

const PHRASES: Readonly<Record<string, string>> = {
	ECONNREFUSED: 'connection refused',
	ECONNRESET: 'connection reset',
	EPIPE: 'connection closed',
	ENOTFOUND: 'host name not found',
	EAI_AGAIN: 'host name lookup failed',
	ETIMEDOUT: 'timed out',
	ESOCKETTIMEDOUT: 'timed out',
	ECONNABORTED: 'timed out',
	UND_ERR_CONNECT_TIMEOUT: 'timed out',
	EHOSTUNREACH: 'host unreachable',
	ENETUNREACH: 'network unreachable',
	CERT_HAS_EXPIRED: 'TLS certificate expired',
	DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed TLS certificate',
	SELF_SIGNED_CERT_IN_CHAIN: 'self-signed TLS certificate',
	UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS certificate not trusted',
	ERR_TLS_CERT_ALTNAME_INVALID: 'TLS certificate is for another host',
	EPROTO: 'TLS handshake failed',
	ERR_INVALID_URL: 'not a valid URL',
};

export interface NetworkCause {
	/** A short phrase, or 'network error' when the code is unknown. */
	phrase: string;
	code?: string;
	/** The address the failed connection was made to, when the error names one. */
	address?: string;
}

interface ErrorLike {
	code?: unknown;
	/** n8n's NodeApiError keeps a network error's code here. */
	httpCode?: unknown;
	address?: unknown;
	cause?: unknown;
	/** n8n 1.x's NodeApiError keeps the original error here rather than as its cause. */
	errorResponse?: unknown;
	message?: unknown;
}

function chain(error: unknown): ErrorLike[] {
	const links: ErrorLike[] = [];
	let current = error;
	while (typeof current === 'object' && current !== null && links.length < 5) {
		const link = current as ErrorLike;
		links.push(link);
		current = link.cause ?? link.errorResponse;
	}
	return links;
}

export function networkCause(error: unknown): NetworkCause {
	const links = chain(error);
	const code = links
		.flatMap((link) => [link.code, link.httpCode])
		.find((value): value is string => typeof value === 'string' && value in PHRASES);
	const address = links
		.map((link) => link.address)
		.find((value): value is string => typeof value === 'string');
	const timedOut = links.some(
		(link) => typeof link.message === 'string' && /timeout|timed out/i.test(link.message),
	);
	const phrase = code ? PHRASES[code] : timedOut ? 'timed out' : 'network error';
	return { phrase, ...(code ? { code } : {}), ...(address ? { address } : {}) };
}
