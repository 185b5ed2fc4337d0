/**
 * What of the API token an Authorization header can carry: blank space at either end is left out
 * (no header carries it), and a character inside that no header carries is refused, named, since
 * n8n's client would drop it silently or fail with a cryptic network error, depending on its version.
 */

export type TokenCheck = { ok: true; token: string } | { ok: false; reason: string };

const ADVICE = 'copy the token again from the custom channel settings in Suvvy';

function codePointName(code: number): string {
	return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Why a header cannot carry this character, or undefined when it can: visible ASCII, a space or a
 * tab between other characters, and the printable rest of Latin-1, which goes as one byte each.
 */
function unsendable(code: number): string | undefined {
	if (code === 0x0a || code === 0x0d) return 'a line break';
	if (code === 0x09 || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff)) {
		return undefined;
	}
	if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) {
		return `a control character (${codePointName(code)})`;
	}
	return `${codePointName(code)}, a character outside Latin-1`;
}

export function checkToken(raw: unknown): TokenCheck {
	const typed = raw === undefined || raw === null ? '' : String(raw);
	const token = typed.trim();
	if (token === '') return { ok: false, reason: 'Enter the token of your Suvvy custom channel' };
	// Positions count characters as people see them, from the start of the token as typed.
	let position = [...typed.slice(0, typed.length - typed.trimStart().length)].length;
	for (const character of token) {
		position++;
		const why = unsendable(character.codePointAt(0) ?? 0);
		if (why) {
			return {
				ok: false,
				reason: `The token contains ${why} at character ${position}, which no HTTP header can carry: ${ADVICE}`,
			};
		}
	}
	return { ok: true, token };
}
