import { PackageDirectoryLoader } from 'n8n-core';
import type { INodeTypeDescription } from 'n8n-workflow';

/** The package root, found the way Node finds our package.json (n8n loads us from there). */
const packageRoot = require.resolve('../../package.json').replace(/[\\/]package\.json$/, '');

/** The icon URLs n8n's editor gets, the same for the nodes and the credentials. */
const THEMED_ICON_URLS = {
	light: 'icons/n8n-nodes-suvvy/dist/nodes/Suvvy/suvvy.svg',
	dark: 'icons/n8n-nodes-suvvy/dist/nodes/Suvvy/suvvy.dark.svg',
};

describe('the built package, as n8n loads it', () => {
	let loader: PackageDirectoryLoader;
	const described = (name: string) =>
		loader.types.nodes.find((node) => node.name === name) as INodeTypeDescription;

	beforeAll(async () => {
		loader = new PackageDirectoryLoader(packageRoot);
		await loader.loadAll();
	});

	test('is named n8n-nodes-suvvy and registers the Suvvy node and the Suvvy Trigger from its n8n section', () => {
		expect(loader.packageName).toBe('n8n-nodes-suvvy');
		expect(Object.keys(loader.nodeTypes)).toStrictEqual(['suvvy', 'suvvyTrigger']);
		expect(described('suvvy').displayName).toBe('Suvvy');
		expect(described('suvvyTrigger').displayName).toBe('Suvvy Trigger');
		expect(described('suvvyTrigger').webhooks).toEqual([
			expect.objectContaining({ httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }),
			expect.objectContaining({ name: 'setup', httpMethod: 'POST', path: 'register' }),
		]);
		// Send and Wait's resume webhook is n8n's restart webhook, never registered as a route.
		expect(described('suvvy').webhooks).toEqual([
			expect.objectContaining({ httpMethod: 'POST', path: '={{ $nodeId }}', restartWebhook: true }),
		]);
	});

	test('registers both credentials, each with its test: the API one by a request n8n makes itself', () => {
		expect(Object.keys(loader.credentialTypes)).toStrictEqual(['suvvyApi', 'suvvyWebhookApi']);
		expect(loader.getCredential('suvvyApi').type.displayName).toBe('Suvvy API');
		expect(loader.known.credentials.suvvyApi.supportedNodes).toStrictEqual(['suvvy']);
		expect(
			[...(loader.known.credentials.suvvyWebhookApi.supportedNodes ?? [])].sort(),
		).toStrictEqual(['suvvy', 'suvvyTrigger']);
		expect(described('suvvy').credentials).toStrictEqual([
			{ name: 'suvvyApi', required: true },
			{
				name: 'suvvyWebhookApi',
				required: true,
				displayOptions: { show: { operation: ['sendAndWait'] } },
				testedBy: 'suvvyWebhookCredentialTest',
			},
		]);
		expect(loader.getCredential('suvvyApi').type.test?.request).toMatchObject({
			method: 'POST',
			url: '/api/webhook/custom/message',
			body: { api_version: 1 },
		});
		expect(described('suvvyTrigger').credentials).toStrictEqual([
			{ name: 'suvvyWebhookApi', required: false, testedBy: 'suvvyWebhookCredentialTest' },
		]);
	});

	test.each(['suvvy', 'suvvyTrigger'])(
		'finds the light and dark icons and the codex beside the compiled %s node',
		(name) => {
			expect(described(name).iconUrl).toStrictEqual(THEMED_ICON_URLS);
			expect(described(name).icon).toBeUndefined();
			expect(described(name).codex?.alias).toEqual(
				expect.arrayContaining(['AI', 'chatbot', 'assistant']),
			);
		},
	);

	test.each(['suvvyApi', 'suvvyWebhookApi'])(
		'gives the %s credential the light and dark icons of the node',
		(name) => {
			const credential = loader.types.credentials.find((type) => type.name === name);
			expect(credential?.iconUrl).toStrictEqual(THEMED_ICON_URLS);
			expect(credential?.icon).toBeUndefined();
		},
	);
});
