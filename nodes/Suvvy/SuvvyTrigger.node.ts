import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { MAIN_CONNECTION } from './compat/mainConnection';
import { themedIcon } from './compat/themedIcon';
import { receiveReply } from './trigger/receiveReply';
import { suvvyWebhookSecretTest } from './trigger/secretTest';
import { triggerProperties } from './trigger/triggerProperties';
import { forget, isRecorded, record } from './trigger/webhookRecord';
import { refuseUnusableSecret } from './trigger/webhookSecret';

export class SuvvyTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Suvvy Trigger',
		name: 'suvvyTrigger',
		icon: themedIcon('file:suvvy.svg', 'file:suvvy.dark.svg'),
		group: ['trigger'],
		version: 1,
		subtitle: '=Replies from Suvvy',
		// n8n's nodes panel shows one entry for the Suvvy node and this trigger, with this description.
		description:
			'Talk to Suvvy, the AI sales and support assistant: send messages into a custom channel and start workflows on its replies',
		defaults: { name: 'Suvvy Trigger' },
		inputs: [],
		outputs: [MAIN_CONNECTION],
		credentials: [{ name: 'suvvyWebhookApi', required: false, testedBy: 'suvvyWebhookSecretTest' }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'webhook',
			},
		],
		properties: triggerProperties,
	};

	methods = { credentialTest: { suvvyWebhookSecretTest } };

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return isRecorded.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				await refuseUnusableSecret.call(this);
				return record.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return forget.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveReply.call(this);
	}
}
