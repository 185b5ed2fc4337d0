/**
 * The Suvvy Trigger faces the internet, and the links in a delivery are chosen by whoever posts it.
 * Threat: a delivery names an address inside n8n's network (loopback, a private network, the cloud
 * metadata service) so that n8n fetches it and hands the answer to the workflow, or so that the items
 * tell open ports from closed ones. By default only public internet addresses are fetched.
 */
import { callTrigger } from '../support/callTrigger';
import { fakeDns, restoreDns } from '../support/fakeDns';
import { REFUSED, refusal } from '../support/refusals';
import {
	closedPort,
	file,
	redirect,
	startFileServer,
	startTcpService,
	type FileServer,
	type TcpService,
} from '../support/fileServer';

const SECRET_PAGE = Buffer.from('internal admin page: not for the internet');

let internal: FileServer;
beforeAll(async () => {
	internal = await startFileServer();
	internal.serve('/internal', file(SECRET_PAGE, 'text/plain'));
});
afterAll(async () => await internal.close());
beforeEach(() => internal.requests.splice(0));
afterEach(() => restoreDns());

function deliveryLinking(url: string) {
	return {
		event_type: 'new_messages',
		chat_id: 'chat-1',
		new_messages: [
			{ type: 'document', message_sender: 'ai', file: { name: 'report.pdf', url } },
			{ type: 'text', message_sender: 'ai', text: 'See the attached report' },
		],
	};
}

async function deliver(url: string, options: Record<string, unknown> = {}) {
	const result = await callTrigger({
		body: deliveryLinking(url),
		// Short, so a rule that failed to refuse shows up as a wrong answer rather than a long wait.
		parameters: { options: { downloadTimeLimitSeconds: 2, ...options } },
	});
	expect(result.status).toBe(200);
	expect(result.items).toHaveLength(2);
	return { ...result, fileItem: result.items![0] };
}

describe('Suvvy Trigger: only public internet addresses are downloaded by default', () => {
	test.each([
		'http://127.0.0.1:PORT/internal',
		'http://localhost:PORT/internal',
		'http://LOCALHOST.:PORT/internal',
		'http://files.localhost:PORT/internal',
		'http://[::ffff:127.0.0.1]:PORT/internal',
		'http://[::1]:PORT/internal',
		'http://2130706433:PORT/internal',
		'http://0x7f.1:PORT/internal',
		'http://0177.0.0.1:PORT/internal',
		'http://127.1:PORT/internal',
		'HTTP://127.0.0.1:PORT/internal',
	])('refuses %s, never connects, and keeps the message with the link', async (link) => {
		const url = link.replace('PORT', String(internal.port));
		const { fileItem, items } = await deliver(url);
		expect(fileItem.json.file_error).toBe(REFUSED);
		expect(fileItem.json.file).toEqual({ name: 'report.pdf', url });
		expect(fileItem.binary).toBeUndefined();
		expect(items![1].json.text).toBe('See the attached report');
		expect(internal.requests).toEqual([]);
	});

	test.each([
		'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
		'http://10.0.0.1/',
		'http://172.16.5.4/',
		'http://192.168.1.1/admin',
		'http://100.64.0.1/',
		'http://0.0.0.0/',
		'http://224.0.0.1/',
		'http://255.255.255.255/',
		'http://240.0.0.1/',
		'http://[fd00::1]/',
		'http://[fe80::1]/',
		'http://[ff02::1]/',
		'http://[::]/',
		'http://[::ffff:10.0.0.1]/',
		'http://[::ffff:169.254.169.254]/',
		'http://[64:ff9b::a9fe:a9fe]/',
		'http://0xa9.0xfe.0xa9.0xfe/',
	])('refuses %s before connecting', async (url) => {
		const { fileItem } = await deliver(url);
		expect(fileItem.json.file_error).toBe(REFUSED);
		expect(fileItem.binary).toBeUndefined();
	});

	test('a host name that resolves to a loopback address is refused, and nothing of the answer is kept', async () => {
		fakeDns({ 'files.attacker.test': [{ address: '127.0.0.1', family: 4 }] });
		const url = `http://files.attacker.test:${internal.port}/internal`;
		const { fileItem, offersEgressFilter } = await deliver(url);
		expect(fileItem.json.file_error).toBe(refusal(url, offersEgressFilter));
		expect(fileItem.binary).toBeUndefined();
		// With the egress filter the name is checked before connecting; without it, a plain http link
		// by name is not fetched at all. Either way the service inside gets nothing.
		expect(internal.requests).toEqual([]);
	});

	test('an https link by name that resolves to a loopback address is refused; the service there gets no request', async () => {
		fakeDns({ 'files.attacker.test': [{ address: '127.0.0.1', family: 4 }] });
		// Without the egress filter, the TLS greeting reaches the plain-HTTP service, which cannot
		// read it as a request.
		const { fileItem } = await deliver(`https://files.attacker.test:${internal.port}/internal`);
		expect(fileItem.json.file_error).toBe(REFUSED);
		expect(internal.requests).toEqual([]);
	});

	test('a host name with several addresses is refused when any of them is private', async () => {
		fakeDns({
			'mixed.attacker.test': [
				{ address: '127.0.0.1', family: 4 },
				{ address: '10.0.0.7', family: 4 },
			],
		});
		const url = `http://mixed.attacker.test:${internal.port}/internal`;
		const { fileItem, offersEgressFilter } = await deliver(url);
		expect(fileItem.json.file_error).toBe(refusal(url, offersEgressFilter));
		expect(internal.requests).toEqual([]);
	});

	test('a name that does not resolve reads like a refused one, so internal names cannot be probed', async () => {
		for (const url of ['http://no-such-host.invalid/file.pdf', 'https://no-such-host.invalid/f']) {
			const { fileItem, offersEgressFilter } = await deliver(url);
			expect(fileItem.json.file_error).toBe(refusal(url, offersEgressFilter));
		}
	});

	describe('a private port reads the same whatever answers there, and is never named', () => {
		const services: TcpService[] = [];
		let ports: Record<string, number>;
		beforeAll(async () => {
			const [hangUp, banner, silent] = await Promise.all([
				startTcpService('hangUp'),
				startTcpService('banner'),
				startTcpService('silent'),
			]);
			services.push(hangUp, banner, silent);
			ports = {
				closed: await closedPort(),
				web: internal.port,
				hangUp: hangUp.port,
				banner: banner.port,
				silent: silent.port,
			};
		});
		afterAll(async () => await Promise.all(services.map(async (service) => await service.close())));

		// n8n 1.x connects to a name before the trigger can see where it went: each of these fails there
		// in its own way (refused, TLS error, reset, parse error, time limit) and must not say so.
		test.each([
			['nothing listens', 'http', 'closed'],
			['a web server answers', 'http', 'web'],
			['a plain-HTTP server is asked for TLS', 'https', 'web'],
			['every connection is closed at once', 'http', 'hangUp'],
			['a service greets with something that is not HTTP', 'http', 'banner'],
			['a service accepts and never answers', 'http', 'silent'],
		])('%s: by IP address and by a name resolving to it', async (_case, scheme, service) => {
			fakeDns({ 'inside.attacker.test': [{ address: '127.0.0.1', family: 4 }] });
			const port = String(ports[service]);
			for (const host of ['127.0.0.1', 'inside.attacker.test']) {
				const url = `${scheme}://${host}:${port}/internal`;
				const { fileItem, offersEgressFilter } = await deliver(url, {
					downloadTimeLimitSeconds: 1,
				});
				expect(fileItem.json.file_error).toBe(refusal(url, offersEgressFilter));
				expect(String(fileItem.json.file_error)).not.toContain(port);
				expect(fileItem.binary).toBeUndefined();
			}
			expect(internal.requests.filter(({ host }) => host?.startsWith('127.0.0.1'))).toEqual([]);
		});
	});

	test('redirects are followed only so far', async () => {
		internal.serve('/loop', redirect('/loop'));
		const looping = await deliver(`${internal.url}/loop`, { allowPrivateNetworkDownloads: true });
		expect(looping.fileItem.json.file_error).toBe('Download failed: more than 5 redirects');
		expect(internal.requests.filter(({ path }) => path === '/loop')).toHaveLength(6);
	});

	test('Allow Private Network Downloads fetches from this machine, and only when it is on', async () => {
		const url = `${internal.url}/internal`;
		expect((await deliver(url)).fileItem.json.file_error).toBe(REFUSED);
		const allowed = await deliver(url, { allowPrivateNetworkDownloads: true });
		expect(allowed.fileItem.json.file_error).toBeUndefined();
		expect(allowed.fileItem.binary?.data).toMatchObject({ fileName: 'report.pdf' });
		expect(internal.requests).toHaveLength(1);
	});

	test('only http(s) links are ever fetched, whatever the option says', async () => {
		for (const url of [
			'file:///etc/passwd',
			'ftp://files.suvvy.ai/a.png',
			'gopher://127.0.0.1:70/',
		]) {
			const { fileItem } = await deliver(url, { allowPrivateNetworkDownloads: true });
			expect(fileItem.json.file_error).toMatch(/^Not an http\(s\) link/);
		}
	});

	test('a redirect to a link that is not http(s) is not followed, and where it led is not repeated', async () => {
		internal.serve('/to-file', redirect('file:///etc/passwd'));
		internal.serve('/to-gopher', redirect('gopher://10.0.0.8:70/internal'));
		for (const path of ['/to-file', '/to-gopher']) {
			const { fileItem } = await deliver(`${internal.url}${path}`, {
				allowPrivateNetworkDownloads: true,
			});
			expect(fileItem.json.file_error).toBe(
				'Not downloaded: the link redirects to a link that is not http(s)',
			);
			expect(fileItem.binary).toBeUndefined();
		}
	});
});
