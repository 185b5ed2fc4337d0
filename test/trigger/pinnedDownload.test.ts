/**
 * A host name is resolved once, every address it resolves to is checked, and the download connects
 * to the checked address: a second DNS answer (DNS rebinding) cannot send it anywhere else. Public
 * addresses are played by nock; the loopback server is real, so a request that wrongly reached it
 * would be seen.
 */
import nock from 'nock';

import { callTrigger } from '../support/callTrigger';
import { fakeDns, lookups, restoreDns } from '../support/fakeDns';
import { file, startFileServer, type FileServer } from '../support/fileServer';
import { refusal } from '../support/refusals';

const PNG = Buffer.from(
	'89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489',
	'hex',
);
/** Public unicast addresses no test machine reaches; nock answers for them. */
const PUBLIC_1 = '44.0.0.1';
const PUBLIC_2 = '44.0.0.2';

let internal: FileServer;
beforeAll(async () => {
	internal = await startFileServer();
	internal.serve('/internal', file(Buffer.from('internal'), 'text/plain'));
	nock.disableNetConnect();
	nock.enableNetConnect((host) => host.startsWith('127.0.0.1'));
});
afterEach(() => {
	nock.cleanAll();
	restoreDns();
	internal.requests.splice(0);
});
afterAll(async () => {
	nock.enableNetConnect();
	nock.restore();
	await internal.close();
});

async function deliver(url: string) {
	const result = await callTrigger({
		body: {
			event_type: 'new_messages',
			chat_id: 'chat-1',
			new_messages: [{ type: 'image', message_sender: 'ai', file: { name: 'photo.png', url } }],
		},
		parameters: { options: { downloadTimeLimitSeconds: 2 } },
	});
	return { ...result, fileItem: result.items![0] };
}

describe('Suvvy Trigger: a public host name is fetched at the address that was checked', () => {
	test('resolves the name once, connects to the checked address and sends the name as Host', async () => {
		fakeDns({ 'files.suvvy.test': [{ address: PUBLIC_1, family: 4 }] });
		const pinned = nock(`http://${PUBLIC_1}`)
			.matchHeader('host', 'files.suvvy.test')
			.get('/f/photo.png')
			.reply(200, PNG, { 'content-type': 'image/png' });
		// Without the egress filter a plain http link by name is not fetched at all.
		const byName = nock('http://files.suvvy.test').get('/f/photo.png').reply(200, PNG);

		const { fileItem, offersEgressFilter } = await deliver('http://files.suvvy.test/f/photo.png');
		if (offersEgressFilter) {
			expect(fileItem.json.file_error).toBeUndefined();
			expect(fileItem.binary?.data).toMatchObject({ fileName: 'photo.png', mimeType: 'image/png' });
			expect(pinned.isDone()).toBe(true);
			expect(byName.isDone()).toBe(false);
			expect(lookups['files.suvvy.test']).toBe(1);
		} else {
			expect(fileItem.json.file_error).toBe(refusal('http://files.suvvy.test/', false));
			expect(fileItem.binary).toBeUndefined();
			expect(byName.isDone()).toBe(false);
		}
	});

	test('DNS rebinding: a name that answers public, then loopback, is never fetched from loopback', async () => {
		fakeDns({
			'rebind.attacker.test': (lookup) => [
				{ address: lookup === 1 ? PUBLIC_1 : '127.0.0.1', family: 4 },
			],
		});
		nock(`http://${PUBLIC_1}:${internal.port}`).get('/internal').reply(200, 'public');

		const { fileItem, offersEgressFilter } = await deliver(
			`http://rebind.attacker.test:${internal.port}/internal`,
		);
		expect(internal.requests).toEqual([]);
		if (offersEgressFilter) {
			// Looked up once, and the connection went where that lookup said.
			expect(lookups['rebind.attacker.test']).toBe(1);
			expect(fileItem.json.file_error).toBeUndefined();
		} else {
			expect(fileItem.json.file_error).toBe(refusal('http://rebind.attacker.test/', false));
			expect(fileItem.binary).toBeUndefined();
		}
	});

	test('a redirect from a public host to a loopback address is refused; the loopback service gets nothing', async () => {
		fakeDns({ 'cdn.suvvy.test': [{ address: PUBLIC_2, family: 4 }] });
		const internalUrl = `http://127.0.0.1:${internal.port}/internal`;
		const firstHop = nock(`http://${PUBLIC_2}`)
			.get('/f/photo.png')
			.reply(302, '', { location: internalUrl });
		nock('http://cdn.suvvy.test').get('/f/photo.png').reply(302, '', { location: internalUrl });

		const { fileItem, offersEgressFilter } = await deliver('http://cdn.suvvy.test/f/photo.png');
		expect(fileItem.json.file_error).toBe(refusal('http://cdn.suvvy.test/', offersEgressFilter));
		expect(fileItem.binary).toBeUndefined();
		expect(internal.requests).toEqual([]);
		if (offersEgressFilter) expect(firstHop.isDone()).toBe(true);
	});

	test('a name whose addresses are all public but one is refused before connecting', async () => {
		fakeDns({
			'multi.attacker.test': [
				{ address: PUBLIC_1, family: 4 },
				{ address: '::1', family: 6 },
			],
		});
		nock(`http://${PUBLIC_1}`).get('/f/photo.png').reply(200, PNG);
		const { fileItem, offersEgressFilter } = await deliver(
			'http://multi.attacker.test/f/photo.png',
		);
		expect(fileItem.binary).toBeUndefined();
		expect(fileItem.json.file_error).toBe(
			refusal('http://multi.attacker.test/', offersEgressFilter),
		);
	});
	// n8n's own egress filter lets these through; only the trigger's rule that every address must be
	// public refuses them (::1 and 10/8, above, n8n refuses by itself).
	test.each([
		['a carrier-grade NAT address', '100.64.0.1', 4],
		['a NAT64 form of a private address', '64:ff9b::a00:1', 6],
		['a 6to4 form of a private address', '2002:a00:1::1', 6],
	] as const)(
		'a name resolving to a public address and %s is refused, and neither is fetched',
		async (_case, inside, family) => {
			fakeDns({
				'split.attacker.test': [
					{ address: PUBLIC_1, family: 4 },
					{ address: inside, family },
				],
			});
			const outside = nock(`http://${PUBLIC_1}`).get('/f/photo.png').reply(200, PNG);
			const host = family === 6 ? `[${inside}]` : inside;
			const within = nock(`http://${host}`).get('/f/photo.png').reply(200, PNG);
			const { fileItem, offersEgressFilter } = await deliver(
				'http://split.attacker.test/f/photo.png',
			);
			expect(fileItem.json.file_error).toBe(
				refusal('http://split.attacker.test/', offersEgressFilter),
			);
			expect(fileItem.binary).toBeUndefined();
			expect(outside.isDone()).toBe(false);
			expect(within.isDone()).toBe(false);
		},
	);
});
