import { redirectTarget } from '../../nodes/Suvvy/transport/postMessage';

const REQUEST = 'https://api.suvvy.ai/api/webhook/custom/message';

describe('where a redirect pointed, as the item names it', () => {
	test.each([
		['https://elsewhere.test:8443/collect?token=abc#x', 'https://elsewhere.test:8443'],
		['http://api.suvvy.ai/api/webhook/custom/message', 'http://api.suvvy.ai'],
		['https://user:secret@elsewhere.test/', 'https://elsewhere.test'],
		['HTTPS://ELSEWHERE.TEST:443/a', 'https://elsewhere.test'],
		['http://[::1]:8080/a', 'http://[::1]:8080'],
		['/v2/message?key=1', 'https://api.suvvy.ai'],
		['//elsewhere.test/a', 'https://elsewhere.test'],
	])('%s is named as %s: the origin only, never its path, query or user', (location, origin) => {
		expect(redirectTarget(location, REQUEST)).toBe(origin);
	});

	test('the first of several Location headers is the one read', () => {
		expect(redirectTarget(['https://a.test/x', 'https://b.test/y'], REQUEST)).toBe(
			'https://a.test',
		);
	});

	test.each([undefined, '', '   ', 'javascript:alert(1)', 'ftp://files.test/a', 'http://[bad'])(
		'%j names no web address',
		(location) => {
			expect(redirectTarget(location, REQUEST)).toBeUndefined();
		},
	);
});
