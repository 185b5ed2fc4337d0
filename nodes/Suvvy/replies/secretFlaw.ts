/**
 * Why no request could ever carry this secret as typed, so that every delivery would be answered 401:
 * an empty one matches nothing; HTTP drops blank space around a header's value and allows no line
 * break or other control character in it; and a header carries Latin-1 bytes only, so a character
 * beyond them arrives as other characters than the ones typed.
 */
export type SecretFlaw = 'empty' | 'blankAtEdge' | 'lineBreak' | 'controlCharacter' | 'notLatin1';

export function secretFlaw(secret: string): SecretFlaw | undefined {
	if (secret === '') return 'empty';
	if (/[\r\n]/.test(secret.trim())) return 'lineBreak';
	if (secret !== secret.trim()) return 'blankAtEdge';
	const codes = Array.from(secret, (character) => character.codePointAt(0) ?? 0);
	if (codes.some((code) => (code < 0x20 && code !== 0x09) || code === 0x7f)) {
		return 'controlCharacter';
	}
	if (codes.some((code) => code > 0xff)) return 'notLatin1';
	return undefined;
}

/** The same, as a credential test says it. */
export const SECRET_TEST_PROBLEM: Record<SecretFlaw, string> = {
	empty: 'Enter the Webhook Secret set in the Suvvy dashboard',
	blankAtEdge: 'The secret starts or ends with a space; Suvvy would not send it that way',
	lineBreak: 'The secret contains a line break',
	controlCharacter: 'The secret contains a control character, which no request can carry',
	notLatin1:
		'The secret contains a character beyond Latin-1 (an emoji or a Cyrillic letter, say), which no request header carries as typed',
};
