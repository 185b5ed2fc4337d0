/**
 * n8n 1.x offers nodes no resolver, so a link by name is checked on the connection itself: where the
 * answer came from decides, on every redirect hop. A loopback test machine has no public address to
 * connect to, so n8n's HTTP helper is played here by a stand-in network whose answers report the
 * address they came from. This is the route the trigger takes on every n8n without an egress filter.
 */
import type { IHttpRequestOptions, IWebhookFunctions } from 'n8n-workflow';

import { downloadFile, type DownloadLimits } from '../../nodes/Suvvy/replies/download/downloadFile';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex');
const LIMITS: DownloadLimits = {
	maxBytes: 1024,
	timeLimitMs: 5000,
	allowPrivateNetwork: false,
};
const LINK = 'https://files.suvvy.test/f/photo.png';

interface Host {
	/** The address a connection to this host reaches. */
	address: string;
	status: number;
	headers?: Record<string, string>;
	body?: Buffer;
}

/** A public host that answers with a redirect. */
const publicRedirect = (location: string): Host => ({
	address: '44.0.0.1',
	status: 302,
	headers: { location },
});

/** What each host of the stand-in network answers, and what it was asked and had read. */
function network(hosts: Record<string, Host>) {
	const asked: Array<{ url: string; options: IHttpRequestOptions }> = [];
	const bodiesRead: string[] = [];
	const httpRequest = async (options: IHttpRequestOptions) => {
		const url = String(options.url);
		asked.push({ url, options });
		const host = hosts[new URL(url).host];
		if (!host) throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
		return {
			statusCode: host.status,
			headers: host.headers ?? {},
			body: {
				socket: { remoteAddress: host.address },
				destroy: () => undefined,
				async *[Symbol.asyncIterator]() {
					bodiesRead.push(url);
					if (host.body) yield host.body;
				},
			},
		};
	};
	const context = { helpers: { httpRequest } } as unknown as IWebhookFunctions;
	const download = async (link: string) => await downloadFile.call(context, link, LIMITS);
	return { download, asked, bodiesRead };
}

describe('without an egress filter (n8n 1.x), each connection is checked where it went', () => {
	test('a name at a public address downloads, asked for by name with redirects left to the trigger', async () => {
		const { download, asked } = network({
			'files.suvvy.test': { address: '44.0.0.1', status: 200, body: PNG },
		});
		await expect(download(LINK)).resolves.toMatchObject({
			ok: true,
			bytes: PNG,
		});
		expect(asked.map(({ url }) => url)).toEqual([LINK]);
		expect(asked[0].options.disableFollowRedirect).toBe(true);
	});

	test('a public first hop redirecting to another public name downloads from the second', async () => {
		const { download, asked } = network({
			'files.suvvy.test': publicRedirect('https://cdn.suvvy.test/photo.png'),
			'cdn.suvvy.test': { address: '2a00:1450::1', status: 200, body: PNG },
		});
		await expect(download(LINK)).resolves.toMatchObject({
			ok: true,
		});
		expect(asked.map(({ url }) => url)).toEqual([LINK, 'https://cdn.suvvy.test/photo.png']);
	});

	test.each(['http://127.0.0.1:8080/internal', 'http://[::ffff:169.254.169.254]/latest/'])(
		'a public host redirecting to %s is refused without asking it',
		async (inside) => {
			const { download, asked } = network({
				'files.suvvy.test': publicRedirect(inside),
				[new URL(inside).host]: { address: '127.0.0.1', status: 200, body: PNG },
			});
			await expect(download(LINK)).resolves.toMatchObject({
				ok: false,
				failure: { kind: 'refused' },
			});
			expect(asked.map(({ url }) => url)).toEqual([LINK]);
		},
	);

	test('a public host redirecting to an https name inside the network is refused, and nothing of its answer is read', async () => {
		const { download, asked, bodiesRead } = network({
			'files.suvvy.test': publicRedirect('https://admin.attacker.test/secrets'),
			'admin.attacker.test': { address: '10.0.0.5', status: 200, body: PNG },
		});
		await expect(download(LINK)).resolves.toMatchObject({
			ok: false,
			failure: { kind: 'refused' },
		});
		// SECURITY.md, "n8n without the egress filter": the connection is made, over TLS, before the
		// address is known; a service there without a certificate for the name never gets the request.
		expect(asked.map(({ url }) => url)).toEqual([LINK, 'https://admin.attacker.test/secrets']);
		expect(bodiesRead).toEqual([]);
	});

	test.each(['http://admin.attacker.test/secrets', 'http://files.suvvy.test/f/photo.png'])(
		'a plain http link by name (%s) is not fetched at all: its address cannot be checked before the request goes out',
		async (link) => {
			const { download, asked } = network({
				'files.suvvy.test': publicRedirect(link),
				'admin.attacker.test': { address: '10.0.0.5', status: 200, body: PNG },
			});
			await expect(download(link)).resolves.toMatchObject({
				ok: false,
				failure: { kind: 'unverifiableHttp' },
			});
			await expect(download(LINK)).resolves.toMatchObject({
				ok: false,
				failure: { kind: 'unverifiableHttp' },
			});
			expect(asked.map(({ url }) => url)).toEqual([LINK]);
		},
	);

	test('an answer whose address is unknown is refused, not trusted', async () => {
		const { download, bodiesRead } = network({
			'files.suvvy.test': { address: '', status: 200, body: PNG },
		});
		await expect(download(LINK)).resolves.toMatchObject({
			ok: false,
			failure: { kind: 'refused' },
		});
		expect(bodiesRead).toEqual([]);
	});
});
