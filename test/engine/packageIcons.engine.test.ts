import { PackageDirectoryLoader } from 'n8n-core';
import { version } from 'n8n-core/package.json';

/**
 * The built package's icons as the loader of the n8n-core under test reads them (every line of the
 * compatibility matrix, jest.matrix.config.js). n8n-core 1.41.0 and older call `icon.startsWith` and
 * take one file; 1.49.0 and newer read a light and a dark one (compat/themedIcon.ts). The npm
 * registry has no n8n release between the two.
 */
const packageRoot = require.resolve('../../package.json').replace(/[\\/]package\.json$/, '');

const [major, minor] = version.split('.').map(Number);
const readsThemedIcons = major > 1 || minor >= 49;

const LIGHT = 'icons/n8n-nodes-suvvy/dist/nodes/Suvvy/suvvy.svg';
const DARK = 'icons/n8n-nodes-suvvy/dist/nodes/Suvvy/suvvy.dark.svg';

describe(`the built package's icons, as n8n-core ${version} loads them`, () => {
	let loader: PackageDirectoryLoader;
	beforeAll(async () => {
		loader = new PackageDirectoryLoader(packageRoot);
		await loader.loadAll();
	});

	test(
		readsThemedIcons
			? 'both nodes and both credentials get the light and the dark icon'
			: 'both nodes and both credentials load, with the light icon',
		() => {
			const loaded = [...loader.types.nodes, ...loader.types.credentials].map(
				// n8n-core 1.49.0 and older put the package's name in front of its nodes' names.
				({ name, icon, iconUrl }) => ({
					name: name.replace(/^n8n-nodes-suvvy\./, ''),
					icon,
					iconUrl,
				}),
			);
			const iconUrl = readsThemedIcons ? { light: LIGHT, dark: DARK } : LIGHT;
			expect(loaded).toEqual(
				['suvvy', 'suvvyTrigger', 'suvvyApi', 'suvvyWebhookApi'].map((name) => ({
					name,
					icon: undefined,
					iconUrl,
				})),
			);
		},
	);
});
