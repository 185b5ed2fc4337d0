import { SuvvyApi } from '../../credentials/SuvvyApi.credentials';
import { SuvvyWebhookApi } from '../../credentials/SuvvyWebhookApi.credentials';
import { themedIcon } from '../../nodes/Suvvy/compat/themedIcon';
import { Suvvy } from '../../nodes/Suvvy/Suvvy.node';
import { SuvvyTrigger } from '../../nodes/Suvvy/SuvvyTrigger.node';

const ICONS = [
	['the Suvvy node', new Suvvy().description.icon, 'file:suvvy.svg'],
	['the Suvvy Trigger', new SuvvyTrigger().description.icon, 'file:suvvy.svg'],
	['the Suvvy API credential', new SuvvyApi().icon, 'file:../nodes/Suvvy/suvvy.svg'],
	[
		'the Suvvy Webhook Secret credential',
		new SuvvyWebhookApi().icon,
		'file:../nodes/Suvvy/suvvy.svg',
	],
] as const;

describe('the icon of every node and credential, as each n8n loader reads it', () => {
	test.each(ICONS)(
		'n8n before 1.49 reads %s as one file: path, the light icon',
		(_name, icon, light) => {
			// What n8n-core 1.41's DirectoryLoader.fixIconPath does with it.
			const asOld = icon as unknown as string;
			expect(asOld.startsWith('file:')).toBe(true);
			expect(asOld.substring(5)).toBe(light.substring(5));
			expect(`${asOld}`).toBe(light);
		},
	);

	test.each(ICONS)(
		'n8n 1.49 and newer read %s as a light and a dark icon',
		(_name, icon, light) => {
			// What n8n-core 1.49's and 2.x's DirectoryLoader.fixIconPaths do with it.
			expect(typeof icon).not.toBe('string');
			expect(icon).toMatchObject({ light, dark: light.replace(/\.svg$/, '.dark.svg') });
		},
	);

	test('takes the light icon as the one older n8n shows', () => {
		const icon = themedIcon('file:a.svg', 'file:b.svg');
		expect(String(icon)).toBe('file:a.svg');
		expect(icon).toMatchObject({ light: 'file:a.svg', dark: 'file:b.svg' });
	});
});
