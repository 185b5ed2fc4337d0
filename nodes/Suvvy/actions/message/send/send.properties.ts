import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import { ACCEPTED_FILES_IN_WORDS, MAX_FILE_MB } from '../../../suvvyApi/fileTypes';
import { LINK_TYPES, MESSAGE_SENDERS } from '../../../suvvyApi/messageFields';
import { DEFAULT_MESSAGE_ID } from './1-read/defaultMessageId';
import { deliveryOptionsProperty } from './5-deliver/deliveryOptions';
import { errorHandlingProperty } from './7-outputs/errorHandling';

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
		description: `Caption of the button. Empty uses the caption of the type: ${captions}.`,
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
					'The same variables as one JSON object of strings. Merged with Placeholders; a key set in both takes the value from Placeholders.',
			},
		],
	},
	errorHandlingProperty,
	deliveryOptionsProperty,
];

/** Every Send parameter, Error Handling and Options included, shown only for this operation. */
export const sendProperties = updateDisplayOptions(
	{ show: { resource: ['message'], operation: ['send'] } },
	properties,
);
