import { createHash, timingSafeEqual } from 'node:crypto';

function digest(text: string): Buffer {
	return createHash('sha256').update(text, 'utf8').digest();
}

/** RFC 7235: a case-insensitive scheme, one or more spaces, then the credentials as sent. */
const AUTHORIZATION = /^(\S+) +(.*)$/s;

/**
 * Whether the Authorization header carries the secret as a Bearer token. The token and the secret
 * are hashed to the same length first, so the comparison takes the same time whatever was sent, and
 * leaks neither the secret's length nor how much of it a guess got right. An empty secret matches
 * nothing.
 */
export function carriesSecret(authorization: string | undefined, secret: string): boolean {
	const match = AUTHORIZATION.exec(authorization ?? '');
	const isBearer = match?.[1].toLowerCase() === 'bearer';
	const sameToken = timingSafeEqual(digest(match?.[2] ?? ''), digest(secret));
	return isBearer && sameToken && secret !== '';
}
