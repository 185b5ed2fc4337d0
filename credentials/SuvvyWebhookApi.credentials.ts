import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

import { themedIcon } from '../nodes/Suvvy/compat/themedIcon';

/**
 * The secret Suvvy sends with every reply it delivers to n8n. Suvvy has no signature or timestamp:
 * this secret is the only way to tell its requests from anyone else's.
 */
export class SuvvyWebhookApi implements ICredentialType {
	name = 'suvvyWebhookApi';

	displayName = 'Suvvy Webhook Secret API';

	icon: Icon = themedIcon('file:../nodes/Suvvy/suvvy.svg', 'file:../nodes/Suvvy/suvvy.dark.svg');

	documentationUrl = 'https://github.com/n8n-nodes-suvvy/n8n-nodes-suvvy#suvvy-trigger';

	properties: INodeProperties[] = [
		{
			displayName: 'Webhook Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'The Webhook Secret set on the custom channel in the Suvvy dashboard, which Suvvy sends with every delivery',
		},
		{
			displayName: 'Webhook URL',
			name: 'webhookUrl',
			type: 'string',
			default: '',
			placeholder: 'https://n8n.example.com/webhook/…/webhook',
			description:
				"The Suvvy Trigger's Production URL, as set on the custom channel in the Suvvy dashboard",
			hint: 'Needed by Send and Wait for Reply, which registers its wait with that trigger',
		},
	];
}
