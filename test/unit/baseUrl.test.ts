import { SuvvyApi } from '../../credentials/SuvvyApi.credentials';
import { checkBaseUrl, messageUrl } from '../../nodes/Suvvy/transport/baseUrl';
import { networkCause } from '../../nodes/Suvvy/network/networkCause';

describe('the base URL of the Suvvy API credential', () => {
	test.each([
		['', 'https://api.suvvy.ai'],
		['  ', 'https://api.suvvy.ai'],
		['https://api.suvvy.ai', 'https://api.suvvy.ai'],
		['https://api.suvvy.ai/', 'https://api.suvvy.ai'],
		['https://proxy.example.com/suvvy//', 'https://proxy.example.com/suvvy'],
		['HTTPS://API.SUVVY.AI', 'https://api.suvvy.ai'],
		['http://127.0.0.1:8787', 'http://127.0.0.1:8787'],
		['http://localhost:8787/', 'http://localhost:8787'],
		['http://[::1]:8787', 'http://[::1]:8787'],
		['http://127.1:8787', 'http://127.0.0.1:8787'],
	])('accepts %p as %p', (raw, baseUrl) => {
		expect(checkBaseUrl(raw)).toEqual({ ok: true, baseUrl });
	});

	test("the message URL is the base URL plus Suvvy's path", () => {
		expect(messageUrl('https://api.suvvy.ai')).toBe(
			'https://api.suvvy.ai/api/webhook/custom/message',
		);
	});

	test.each([
		[
			'http://api.suvvy.ai',
			/must use https:\/\/: over http:\/\/ the token would travel unencrypted/,
		],
		['http://10.0.0.5:8080', /must use https:\/\//],
		['ftp://api.suvvy.ai', /must start with https:\/\/ \(it starts with ftp:\/\/\)/],
		['file:///etc/passwd', /must start with https:\/\//],
		['https://api.suvvy.ai?debug=1', /must not contain a query \(\?…\) or a fragment/],
		['https://api.suvvy.ai/#x', /must not contain a query \(\?…\) or a fragment/],
		['https://api.suvvy.ai?', /must not contain a query/],
		['https://user:pass@api.suvvy.ai', /must not contain a user name or password/],
		['api.suvvy.ai', /is not a URL/],
	])('refuses %p, saying why', (raw, reason) => {
		const checked = checkBaseUrl(raw);
		expect(checked.ok).toBe(false);
		expect(checked.ok ? '' : checked.reason).toMatch(reason);
	});

	describe('the credential refuses before the token is attached', () => {
		const authenticate = async (data: Record<string, string>) =>
			await new SuvvyApi().authenticate(data, { url: 'https://api.suvvy.ai/x', headers: {} });

		test('a good base URL gets the token as a Bearer header', async () => {
			const options = await authenticate({ token: 'dummy-tok', baseUrl: 'https://api.suvvy.ai' });
			expect(options.headers).toEqual({ Authorization: 'Bearer dummy-tok' });
		});

		test('a base URL the token must not travel to is an error naming the rule', async () => {
			await expect(
				authenticate({ token: 'dummy-tok', baseUrl: 'http://suvvy.example' }),
			).rejects.toThrow(/must use https:\/\//);
		});

		test('an empty token is refused before anything is sent', async () => {
			await expect(authenticate({ token: ' ', baseUrl: '' })).rejects.toThrow(
				'Enter the token of your Suvvy custom channel',
			);
		});
	});
});

describe('why a connection failed, in words', () => {
	const withCode = (code: string, message = `connect ${code} 10.0.0.1:443`) =>
		Object.assign(new Error(message), { code, address: '10.0.0.1' });

	test.each([
		['ECONNREFUSED', 'connection refused'],
		['ENOTFOUND', 'host name not found'],
		['ETIMEDOUT', 'timed out'],
		['ECONNRESET', 'connection reset'],
		['EHOSTUNREACH', 'host unreachable'],
		['CERT_HAS_EXPIRED', 'TLS certificate expired'],
	])('%s is "%s"', (code, phrase) => {
		expect(networkCause(withCode(code))).toEqual({ phrase, code, address: '10.0.0.1' });
	});

	test('finds the code along the chain of causes n8n wraps errors in', () => {
		const wrapped = Object.assign(new Error('The connection cannot be established'), {
			cause: { message: 'AxiosError', cause: withCode('ECONNREFUSED') },
		});
		expect(networkCause(wrapped).phrase).toBe('connection refused');
	});

	test('a timeout without a code still reads as one, and anything else as a network error', () => {
		expect(networkCause(new Error('timeout of 60000ms exceeded')).phrase).toBe('timed out');
		expect(networkCause(new Error('socket hang up')).phrase).toBe('network error');
	});
});
