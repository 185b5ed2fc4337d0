import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import { ACCEPTED_FILES_IN_WORDS, MAX_FILE_MB } from '../../../suvvy/fileTypes';
import { LINK_TYPES, MESSAGE_SENDERS } from '../../../suvvy/messageFields';
import { DEFAULT_MESSAGE_ID } from './messageIds';
import { ROUTE_TO_OUTPUTS, USE_N8N_ERROR_HANDLING } from './outputs';

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
const captionList = LINK_TYPES.map(({ caption }) => caption);
const captions = `${captionList.slice(0, -1).join(', ')} or ${captionList[captionList.length - 1]}`;

const linkFields: INodeProperties[] = [
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		options: LINK_TYPES.map(({ name, value }) => ({ name, value })).sort(byName),
		default: 'chat',
		description: 'Sets the icon of the button Suvvy shows in its dashboard',
	},
	{
		displayName: 'Hint',
		name: 'hint',
		type: 'string',
		default: '',
		description: `Caption of the button; empty uses the caption of the type (${captions})`,
	},
	{
		displayName: 'URL',
		name: 'url',
		type: 'string',
		default: '',
		placeholder: 'https://crm.example.com/deals/42',
		description: 'Where the button in the Suvvy dashboard leads, usually this chat in your system',
	},
];

/**
 * What an AI agent reads to decide when to call Send as a tool. n8n's automatic description would be
 * the bare action ("Send a message in Suvvy"); this one says what Suvvy is, when to use the tool, what
 * the usual `$fromAI()` parameters mean, and what the result tells.
 */
const TOOL_DESCRIPTION =
	"Hands a message to Suvvy, an AI sales and support assistant, in a custom channel: Suvvy's bot reads it and answers the customer later, by its own channel, not in this tool's result. Use it to pass on a customer's question, or an operator's message, to the right conversation. Parameters: the chat ID names the conversation in your system (every message with the same chat ID joins one Suvvy dialogue); the text is the message itself; the source names the customer or channel shown in Suvvy's dashboard. The result says whether Suvvy accepted the message (sent: true) or, if not, why and what to do.";

const errorHandling: INodeProperties = {
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
			description: "One output; errors stop the workflow or follow the node's On Error setting",
		},
	],
	default: ROUTE_TO_OUTPUTS,
	description: 'How items that Suvvy refuses, or that cannot be sent, leave the node',
};

export const sendOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Max Parallel Requests',
			name: 'maxParallelRequests',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 100 },
			default: 5,
			description:
				'How many messages are sent at once; messages of one chat always go one after another',
		},
		{
			displayName: 'Memory for Requests (MB)',
			name: 'requestMemoryMb',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 64,
			description:
				'The most memory the messages being sent may take at once (files travel as base64); when it is full, the next message waits',
		},
		{
			displayName: 'Request Timeout (Seconds)',
			name: 'timeoutSeconds',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 60,
			description:
				'How long to wait for Suvvy to answer one request; a timeout is retried like a network error',
		},
		{
			displayName: 'Retries',
			name: 'retries',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 20 },
			default: 3,
			description:
				'How often a network error, timeout, 429 or 5xx is retried, with the same message ID; 0 turns retries off',
		},
		{
			displayName: 'Retry Time Limit (Seconds)',
			name: 'retryTimeLimitSeconds',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 60,
			description:
				'The longest one message may spend from its first attempt to its last retry, Retry-After waits included; then it goes to Other Error',
		},
	],
};

const properties: INodeProperties[] = [
	{
		displayName: 'Tool Description',
		name: 'toolDescription',
		type: 'string',
		typeOptions: { rows: 4 },
		default: TOOL_DESCRIPTION,
		description:
			'What an AI agent reads to decide when to use this tool and how to fill its parameters',
		displayOptions: { show: { '@tool': [true] } },
	},
	{
		displayName: 'Chat ID',
		name: 'chatId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '123456789',
		description: 'ID of the conversation in your system',
		hint: 'Suvvy puts every message with the same chat ID into one dialogue',
	},
	{
		displayName: 'Message ID',
		name: 'messageId',
		type: 'string',
		required: true,
		default: DEFAULT_MESSAGE_ID,
		description: 'ID of this message in your system',
		hint: "Suvvy ignores a second message with the same ID. The default survives n8n's retries; map your source system's message ID to also stop duplicates across executions.",
	},
	{
		displayName: 'Source',
		name: 'source',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'John Doe from Amazon',
		description: "Typically the client's name or username, or the deal name",
		hint: 'Shown in the Source column of the Suvvy dashboard',
	},
	{
		displayName: 'Sender',
		name: 'messageSender',
		type: 'options',
		options: MESSAGE_SENDERS,
		default: 'customer',
		description: 'Who wrote the message in your system',
		hint: "A message from an employee takes the dialogue over from Suvvy's bot",
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		description: 'The message text',
		hint: 'Required unless the message carries at least one attachment',
	},
	{
		displayName: 'Attachments',
		name: 'attachments',
		type: 'options',
		options: [
			{
				name: 'All Binary Fields',
				value: 'all',
				description: 'Send every file on the input item',
			},
			{
				name: 'Selected Binary Fields',
				value: 'selected',
				description: 'Send only the files in the fields you name',
			},
			{ name: 'None', value: 'none', description: 'Send text only' },
		],
		default: 'all',
		description: 'Which files of the input item to send with the message',
		hint: `Suvvy takes ${ACCEPTED_FILES_IN_WORDS}, up to ${MAX_FILE_MB} MB each`,
	},
	{
		displayName: 'Binary Fields',
		name: 'binaryPropertyNames',
		type: 'string',
		default: 'data',
		required: true,
		placeholder: 'data, voice',
		description: 'Names of the binary fields to send, separated by commas',
		hint: 'Every named field must exist on the item',
		displayOptions: { show: { attachments: ['selected'] } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Client Name',
				name: 'clientName',
				type: 'string',
				default: '',
				description: "The client's name, stored with the dialogue in Suvvy",
			},
			{
				displayName: 'Client Phone',
				name: 'clientPhone',
				type: 'string',
				default: '',
				placeholder: '+44312345678',
				description: "The client's phone number, stored with the dialogue in Suvvy",
			},
			{
				displayName: 'Link',
				name: 'link',
				type: 'fixedCollection',
				default: {},
				placeholder: 'Add Link',
				description: 'A button in the Suvvy dashboard that opens this chat in your system',
				options: [{ displayName: 'Link', name: 'details', values: linkFields }],
			},
			{
				displayName: 'Placeholders',
				name: 'placeholders',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				placeholder: 'Add Placeholder',
				description:
					"Variables for the bot's instructions: Suvvy replaces each key in the prompt with its value",
				options: [
					{
						displayName: 'Placeholder',
						name: 'placeholder',
						values: [
							{ displayName: 'Key', name: 'key', type: 'string', default: '' },
							{ displayName: 'Value', name: 'value', type: 'string', default: '' },
						],
					},
				],
			},
			{
				displayName: 'Placeholders (JSON)',
				name: 'placeholdersJson',
				type: 'json',
				default: '{}',
				description:
					'The same variables as one JSON object of strings; a key also set in Placeholders takes its value from there',
			},
		],
	},
	errorHandling,
	sendOptions,
];

/** Every Send parameter, Error Handling and Options included: Send and Wait sends with them too. */
export const description = updateDisplayOptions(
	{ show: { resource: ['message'], operation: ['send', 'sendAndWait'] } },
	properties,
);
