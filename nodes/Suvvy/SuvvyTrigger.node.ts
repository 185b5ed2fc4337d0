import type {
	IExecuteFunctions,
	IHookFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { ANSWER_MODE } from './compat/answerMode';
import { MAIN_CONNECTION } from './compat/mainConnection';
import { themedIcon } from './compat/themedIcon';
import { receiveReply } from './trigger/receiveReply';
import { registerWait } from './trigger/registerWait';
import { acknowledgement } from './trigger/respond';
import { suvvyWebhookCredentialTest } from './replies/webhookCredentialTest';
import { triggerProperties } from './trigger/triggerProperties';
import { forget, isRecorded, record } from './trigger/webhookRecord';
import { refuseToRunUnprotected } from './trigger/webhookSecret';

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
		credentials: [{ name: 'suvvyWebhookApi', required: false, testedBy: 'suvvyWebhookCredentialTest' }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: ANSWER_MODE,
				// Empty, so n8n answers with what receiveReply returns, not its 'firstEntryJson' default.
				responseData: '',
				path: 'webhook',
			},
			{
				// Where a Suvvy node that waits for a reply registers its wait (n8n names a second
				// webhook 'setup').
				name: 'setup',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				responseData: '',
				path: 'register',
			},
		],
		properties: triggerProperties,
	};

	methods = { credentialTest: { suvvyWebhookCredentialTest } };

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return isRecorded.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				await refuseToRunUnprotected.call(this);
				return record.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return forget.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		if (this.getWebhookName() === 'setup') return await registerWait.call(this);
		return await receiveReply.call(this);
	}

	/**
	 * The execution's first step, which n8n runs only once the execution is stored: where n8n would
	 * answer Suvvy before storing it, the trigger answers here instead (compat/answerMode.ts).
	 */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		if (ANSWER_MODE === 'responseNode') {
			const output = this.getNodeParameter('output', 0, 'message') as string;
			this.sendResponse({ body: acknowledgement(items, output), headers: {}, statusCode: 200 });
		}
		return [items];
	}
}
