import type { INodeProperties } from 'n8n-workflow';

const showForSend = { show: { resource: ['message'], operation: ['send'] } };

/**
 * Stable for one execution, node run and item, so n8n's Retry On Fail re-sends the same ID and
 * Suvvy's de-duplication drops the repeat; the workflow ID keeps it unique across n8n instances.
 */
export const DEFAULT_MESSAGE_ID =
	'=n8n-{{ $workflow.id }}-{{ $execution.id }}-{{ $nodeId }}-{{ $runIndex }}-{{ $itemIndex }}';

const linkFields: INodeProperties[] = [
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		options: [
			{ name: 'Chat', value: 'chat' },
			{ name: 'Lead', value: 'lead' },
			{ name: 'Other', value: 'other' },
			{ name: 'Phone', value: 'phone' },
			{ name: 'User', value: 'user' },
		],
		default: 'chat',
		description: 'Sets the icon of the button Suvvy shows in its dashboard',
	},
	{
		displayName: 'Hint',
		name: 'hint',
		type: 'string',
		default: '',
		description:
			'Caption of the button. Empty uses the caption of the type: Account, Chat, Phone, Lead or Link.',
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

export const sendProperties: INodeProperties[] = [
	{
		displayName: 'Chat ID',
		name: 'chatId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '123456789',
		description: 'ID of the conversation in your system',
		hint: 'Suvvy puts every message with the same chat ID into one dialogue',
		displayOptions: showForSend,
	},
	{
		displayName: 'Message ID',
		name: 'messageId',
		type: 'string',
		required: true,
		default: DEFAULT_MESSAGE_ID,
		description: 'ID of this message in your system',
		hint: "Suvvy ignores a second message with the same ID. The default survives n8n's retries; map your source system's message ID to also stop duplicates across executions.",
		displayOptions: showForSend,
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
		displayOptions: showForSend,
	},
	{
		displayName: 'Sender',
		name: 'messageSender',
		type: 'options',
		options: [
			{
				name: 'Customer',
				value: 'customer',
				description: 'The client wrote it; Suvvy answers it',
			},
			{
				name: 'Employee',
				value: 'employee',
				description: "An operator wrote it from your system; Suvvy's bot pauses in this dialogue",
			},
		],
		default: 'customer',
		description: 'Who wrote the message in your system',
		hint: "A message from an employee takes the dialogue over from Suvvy's bot",
		displayOptions: showForSend,
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		description: 'The message text',
		hint: 'Required unless the message carries at least one attachment',
		displayOptions: showForSend,
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
		hint: 'Suvvy takes PNG, JPEG and GIF images and OGG, MP3, WAV, WebM and M4A audio, up to 15 MB each',
		displayOptions: showForSend,
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
		displayOptions: { show: { ...showForSend.show, attachments: ['selected'] } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: showForSend,
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
];
