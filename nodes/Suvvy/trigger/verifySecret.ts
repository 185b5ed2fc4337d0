import { createHash, timingSafeEqual } from 'node:crypto';

function digest(text: string): Buffer {
	return createHash('sha256').update(text, 'utf8').digest();
}

/**
 * Whether the Authorization header carries the secret. Both sides are hashed to the same length
 * first, so the comparison takes the same time whatever was sent, and leaks neither the secret's
 * length nor how much of it a guess got right.
 */
export function carriesSecret(authorization: string | undefined, secret: string): boolean {
	return timingSafeEqual(digest(authorization ?? ''), digest(`Bearer ${secret}`));
}
