import {
	NodeConnectionTypes,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { receiveReply } from './trigger/receiveReply';
import { suvvyWebhookSecretTest } from './trigger/secretTest';
import { triggerProperties } from './trigger/triggerProperties';
import { forget, isRecorded, record } from './trigger/webhookRecord';
import { refuseEmptySecret } from './trigger/webhookSecret';

export class SuvvyTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Suvvy Trigger',
		name: 'suvvyTrigger',
		icon: { light: 'file:suvvy.svg', dark: 'file:suvvy.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '=Replies from Suvvy',
		description: "Starts the workflow when Suvvy's bot or an operator answers in a custom channel",
		defaults: { name: 'Suvvy Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
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
				return isRecorded(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				await refuseEmptySecret.call(this);
				return record(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return forget(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveReply.call(this);
	}
}
