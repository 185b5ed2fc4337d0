import { checkToken } from '../../nodes/Suvvy/transport/bearerToken';

describe('the token as an Authorization header carries it', () => {
	test.each([
		['abc-123_XYZ.token', 'abc-123_XYZ.token'],
		['tok\n', 'tok'],
		['tok\r\n', 'tok'],
		['  tok\t', 'tok'],
		['\u00a0\ufefftok\u2028', 'tok'],
		['to k', 'to k'],
		['to\tk', 'to\tk'],
		['tøk~', 'tøk~'],
		['\u00a1\u00ff', '\u00a1\u00ff'],
	])('%j is sent as %j', (typed, sent) => {
		expect(checkToken(typed)).toStrictEqual({ ok: true, token: sent });
	});

	test.each([
		['to\nk', 'a line break at character 3'],
		['to\rk', 'a line break at character 3'],
		['to\u0000k', 'a control character (U+0000) at character 3'],
		['to\u001bk', 'a control character (U+001B) at character 3'],
		['to\u007fk', 'a control character (U+007F) at character 3'],
		['to\u009fk', 'a control character (U+009F) at character 3'],
		['tok\u0100', 'U+0100, a character outside Latin-1 at character 4'],
		['tok\u200b', 'U+200B, a character outside Latin-1 at character 4'],
		// Counted as people see characters: the emoji is one, and so is each blank space before.
		['  🔑🔑', 'U+1F511, a character outside Latin-1 at character 3'],
		['\n\n€', 'U+20AC, a character outside Latin-1 at character 3'],
	])('%j is refused: it contains %s', (typed, what) => {
		expect(checkToken(typed)).toStrictEqual({
			ok: false,
			reason: `The token contains ${what}, which no HTTP header can carry: copy the token again from the custom channel settings in Suvvy`,
		});
	});

	test.each([undefined, null, '', ' \r\n\t '])('%j is no token', (typed) => {
		expect(checkToken(typed)).toStrictEqual({
			ok: false,
			reason: 'Enter the token of your Suvvy custom channel',
		});
	});

	test('a number an expression gave is written out, as before', () => {
		expect(checkToken(12345)).toStrictEqual({ ok: true, token: '12345' });
	});
});
