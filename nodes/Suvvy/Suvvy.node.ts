import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { configuredOutputs } from './actions/configuredOutputs';
import * as message from './actions/message/Message.resource';
import { OUTPUT_NAMES } from './actions/message/send/outputs';
import { resumeWebhooks, resumeWithReply } from './actions/message/sendAndWait/resume';
import { suvvyWebhookCredentialTest } from './replies/webhookCredentialTest';
import { router } from './actions/router';
import { MAIN_CONNECTION } from './compat/mainConnection';
import { themedIcon } from './compat/themedIcon';

export class Suvvy implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Suvvy',
		name: 'suvvy',
		icon: themedIcon('file:suvvy.svg', 'file:suvvy.dark.svg'),
		group: ['output'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Send messages to Suvvy, the AI sales and support assistant, through a custom channel',
		defaults: { name: 'Suvvy' },
		usableAsTool: true,
		inputs: [MAIN_CONNECTION],
		outputs: `={{(${configuredOutputs})($parameter, ${JSON.stringify(OUTPUT_NAMES)})}}`,
		credentials: [
			{ name: 'suvvyApi', required: true },
			{
				name: 'suvvyWebhookApi',
				required: true,
				displayOptions: { show: { operation: ['sendAndWait'] } },
				testedBy: 'suvvyWebhookCredentialTest',
			},
		],
		webhooks: resumeWebhooks,
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Message', value: 'message' }],
				default: 'message',
			},
			...message.description,
		],
	};

	methods = { credentialTest: { suvvyWebhookCredentialTest } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await resumeWithReply.call(this);
	}
}
