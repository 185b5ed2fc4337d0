import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

/** Send and Wait's own parameters; it shares every parameter of Send besides (send/description.ts). */
const properties: INodeProperties[] = [
	{
		displayName:
			"Waits for Suvvy's reply in the chat: the Suvvy Trigger's workflow must be active, and both nodes need the same Suvvy Webhook Secret credential, its Webhook URL set to the trigger's Production URL.",
		name: 'waitNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Limit Wait Time (Minutes)',
		name: 'waitMinutes',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 10080 },
		default: 5,
		description: 'How long to wait for the reply; then the item says no reply came',
		hint: 'n8n checks its waiting executions once a minute, so the limit can pass up to a minute late',
	},
	{
		displayName: 'End Wait On',
		name: 'endWaitOn',
		type: 'options',
		options: [
			{ name: 'A Reply of the Bot or an Operator', value: 'either' },
			{ name: "The Bot's Reply", value: 'ai' },
			{ name: "An Operator's Reply", value: 'employee' },
		],
		default: 'either',
		description: "Whose messages end the wait; the others go to the Suvvy Trigger's own workflow",
	},
	{
		displayName: 'Gather Replies For (Seconds)',
		name: 'gatherSeconds',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 5, numberPrecision: 1 },
		default: 2,
		description:
			"How long after the first reply its next messages are gathered into it, as Suvvy's bot often answers in several; 0 ends the wait with the first",
	},
	{
		displayName: 'Reply Output',
		name: 'replyOutput',
		type: 'options',
		options: [
			{
				name: 'One Item for the Reply',
				value: 'reply',
				description: 'One item holding every message of the reply, with their text joined',
			},
			{
				name: 'One Item per Message',
				value: 'message',
				description: 'Each message of the reply as its own item, as the Suvvy Trigger gives it',
			},
		],
		default: 'reply',
		description: 'How the reply comes out',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['message'], operation: ['sendAndWait'] } },
	properties,
);
