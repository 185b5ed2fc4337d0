import type { INodeProperties } from 'n8n-workflow';

import * as send from './send.operation';

export { send };

/** The Message resource: its operations, and each operation's own parameters. */
export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['message'] } },
		options: [
			{
				name: 'Send',
				value: 'send',
				description: "Send a customer's or an employee's message into a Suvvy custom channel",
				action: 'Send a message',
			},
		],
		default: 'send',
	},
	...send.description,
];
