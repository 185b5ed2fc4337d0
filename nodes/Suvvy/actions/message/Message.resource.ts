import type { INodeProperties } from 'n8n-workflow';

import * as send from './send.operation';
import * as sendAndWait from './sendAndWait.operation';

export { send, sendAndWait };

/**
 * The Message resource: its operations, and each operation's own parameters. An AI agent's tool
 * cannot wait, so a node used as a tool offers Send only.
 */
export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['message'] }, hide: { '@tool': [true] } },
		options: [
			{
				name: 'Send',
				value: 'send',
				description: "Send a customer's or an employee's message into a Suvvy custom channel",
				action: 'Send a message',
			},
			{
				name: 'Send and Wait for Reply',
				value: 'sendAndWait',
				description: "Send a message, then wait for Suvvy's reply in that chat and go on with it",
				action: 'Send a message and wait for the reply',
			},
		],
		default: 'send',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['message'], '@tool': [true] } },
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
	...sendAndWait.description,
];
