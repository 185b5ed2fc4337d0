import type { INodeProperties } from 'n8n-workflow';

export const DEFAULT_MAX_FILE_MB = 25;

const SENDER_OPTIONS = [
	{ name: 'Suvvy Bot', value: 'ai', description: 'Answers written by Suvvy' },
	{
		name: 'Employee',
		value: 'employee',
		description: 'Messages an operator wrote in the Suvvy dashboard',
	},
];
const MESSAGE_TYPE_OPTIONS = [
	{ name: 'Audio', value: 'audio' },
	{ name: 'Document', value: 'document' },
	{ name: 'Image', value: 'image' },
	{ name: 'Text', value: 'text' },
];

/** Every sender and message type the node knows: the defaults of its filters, which pass all. */
export const SENDERS = SENDER_OPTIONS.map((option) => option.value);
export const MESSAGE_TYPES = MESSAGE_TYPE_OPTIONS.map((option) => option.value);

export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			'Suvvy has no API to register a webhook: copy the Production URL above into the Suvvy dashboard (custom channel → Webhook URL), then activate this workflow. Use the Test URL while you listen for a test event here.',
		name: 'setupNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'One Item per Message',
				value: 'message',
				description: 'Each message of a delivery becomes its own item, with the chat ID on it',
			},
			{
				name: 'One Item per Delivery',
				value: 'delivery',
				description: 'Each POST from Suvvy becomes one item holding its list of messages',
			},
		],
		default: 'message',
	},
	{
		displayName: 'Senders',
		name: 'senders',
		type: 'multiOptions',
		options: SENDER_OPTIONS,
		default: ['ai', 'employee'],
		description: 'Only messages from these senders start the workflow',
	},
	{
		displayName: 'Message Types',
		name: 'messageTypes',
		type: 'multiOptions',
		options: MESSAGE_TYPE_OPTIONS,
		default: ['text', 'image', 'audio', 'document'],
		description:
			'Only messages of these types start the workflow. Types Suvvy adds later always pass.',
	},
	{
		displayName: 'Download Files',
		name: 'downloadFiles',
		type: 'boolean',
		default: true,
		description:
			"Whether to download each image, audio or document from Suvvy's link into the item's binary data",
	},
	{
		displayName: 'Put File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		displayOptions: { show: { downloadFiles: [true] } },
		description:
			'Binary field for the file. With one item per delivery, the message index is appended ("data_0", "data_1", …).',
	},
	{
		displayName: 'Max File Size (MB)',
		name: 'maxFileSizeMb',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 1 },
		default: DEFAULT_MAX_FILE_MB,
		displayOptions: { show: { downloadFiles: [true] } },
		description:
			'Larger files are not downloaded; the item keeps the link and says why in "file_error"',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Allow Private Network Downloads',
				name: 'allowPrivateNetworkDownloads',
				type: 'boolean',
				default: false,
				description:
					'Whether files may be downloaded from loopback, private, link-local and other non-public addresses, for a Suvvy stand-in on your own network. Risky: anyone who can post to the webhook could make n8n fetch from inside its network; use it only with a webhook secret.',
			},
			{
				displayName: 'Download Time Limit (Seconds)',
				name: 'downloadTimeLimitSeconds',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 60,
				description:
					'The longest one download may take from start to finish; a slower one is stopped and the item keeps the link',
			},
			{
				displayName: 'Download Time Limit per Delivery (Seconds)',
				name: 'deliveryDownloadTimeLimitSeconds',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 300,
				description:
					"The longest all downloads of one delivery may take together, from its first download on, time spent waiting for a download slot included. When it runs out, the running download is stopped and the delivery's other files are not downloaded; their items keep the links. The default, five whole per-file time limits, is far more than a delivery of a few files needs, and stops a delivery of many slow links from holding a download slot for hours.",
			},
			{
				displayName: 'Include Test Requests',
				name: 'includeTestRequests',
				type: 'boolean',
				default: false,
				description:
					'Whether the "test_request" event of the dashboard\'s test button starts the workflow (it is always acknowledged)',
			},
			{
				displayName: 'Include Unknown Events',
				name: 'includeUnknownEvents',
				type: 'boolean',
				default: false,
				description:
					'Whether event types other than new messages and test requests start the workflow, as they came (they are always acknowledged)',
			},
			{
				displayName: 'Max Download Size per Delivery (MB)',
				name: 'maxDeliveryDownloadMb',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 1 },
				default: 100,
				description:
					'All files of one delivery together; files past it are not downloaded and keep their links',
			},
			{
				displayName: 'Max Parallel Downloads',
				name: 'maxParallelDownloads',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 10 },
				default: 2,
				description:
					'How many files download at once across every delivery this trigger is handling; the others wait their turn',
			},
		],
	},
];
