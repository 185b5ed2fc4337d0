import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import * as message from './actions/message/Message.resource';
import { router } from './actions/router';
import {
	OUTPUTS_EXPRESSION,
	ROUTE_TO_OUTPUTS,
	USE_N8N_ERROR_HANDLING,
} from './helpers/errorHandling';
import { deliveryOptionsProperty } from './helpers/deliveryOptions';

export class Suvvy implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Suvvy',
		name: 'suvvy',
		icon: { light: 'file:suvvy.svg', dark: 'file:suvvy.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Send messages to Suvvy, the AI sales and support assistant, through a custom channel',
		defaults: { name: 'Suvvy' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: OUTPUTS_EXPRESSION,
		credentials: [{ name: 'suvvyApi', required: true }],
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
			{
				displayName: 'Error Handling',
				name: 'errorHandling',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Route to Error Outputs',
						value: ROUTE_TO_OUTPUTS,
						description: 'One output per outcome: Sent, and one for each kind of Suvvy error',
					},
					{
						name: "Use N8n's Error Handling",
						value: USE_N8N_ERROR_HANDLING,
						description:
							"One output; errors stop the workflow or follow the node's On Error setting",
					},
				],
				default: ROUTE_TO_OUTPUTS,
				description: 'How items that Suvvy refuses, or that cannot be sent, leave the node',
			},
			deliveryOptionsProperty,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
