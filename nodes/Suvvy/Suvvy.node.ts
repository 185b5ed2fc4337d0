import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { MAIN_CONNECTION } from './compat/mainConnection';
import { themedIcon } from './compat/themedIcon';
import { describeResources } from './actions/nodeDescription';
import { RESOURCES, router } from './actions/router';

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
		credentials: [{ name: 'suvvyApi', required: true }],
		...describeResources(RESOURCES),
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
