import { PackageDirectoryLoader } from 'n8n-core';

/** The package root, found the way Node finds our package.json (n8n loads us from there). */
const packageRoot = require.resolve('../../package.json').replace(/[\\/]package\.json$/, '');

describe('the built package, as n8n loads it', () => {
	let loader: PackageDirectoryLoader;

	beforeAll(async () => {
		loader = new PackageDirectoryLoader(packageRoot);
		await loader.loadAll();
	});

	test('is named n8n-nodes-suvvy and registers the Suvvy node from its n8n section', () => {
		expect(loader.packageName).toBe('n8n-nodes-suvvy');
		expect(Object.keys(loader.nodeTypes)).toStrictEqual(['suvvy']);
		const suvvy = loader.getNode('suvvy').type;
		expect('description' in suvvy && suvvy.description.displayName).toBe('Suvvy');
	});

	test('registers the Suvvy API credential, tested by the Suvvy node', () => {
		expect(Object.keys(loader.credentialTypes)).toStrictEqual(['suvvyApi']);
		expect(loader.getCredential('suvvyApi').type.displayName).toBe('Suvvy API');
		expect(loader.known.credentials.suvvyApi.supportedNodes).toStrictEqual(['suvvy']);
		const [nodeDescription] = loader.types.nodes;
		expect(nodeDescription.credentials).toStrictEqual([
			{ name: 'suvvyApi', required: true, testedBy: 'suvvyApiTest' },
		]);
	});

	test('finds the light and dark icons and the codex beside the compiled node', () => {
		const [nodeDescription] = loader.types.nodes;
		expect(nodeDescription.iconUrl).toStrictEqual({
			light: 'icons/n8n-nodes-suvvy/dist/nodes/Suvvy/suvvy.svg',
			dark: 'icons/n8n-nodes-suvvy/dist/nodes/Suvvy/suvvy.dark.svg',
		});
		expect(nodeDescription.codex?.alias).toEqual(
			expect.arrayContaining(['AI', 'chatbot', 'assistant']),
		);
	});
});
