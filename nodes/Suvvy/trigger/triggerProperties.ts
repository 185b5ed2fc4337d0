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
			"Set up in the Suvvy dashboard (custom channel): paste the Production URL above as the Webhook URL, enter a Webhook Secret there and the same secret in this node's Suvvy Webhook Secret credential, then activate this workflow. Use the Test URL while you listen for a test event here.",
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
			'Only messages of these types start the workflow; types Suvvy adds later always pass',
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
			'Binary field for the file; with one item per delivery the message index is appended ("data_0", "data_1", …)',
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
				displayName: 'Accept Deliveries Without a Secret',
				name: 'acceptWithoutSecret',
				type: 'boolean',
				default: false,
				description:
					'Whether to accept deliveries when the trigger has no Suvvy Webhook Secret credential; risky, as anyone who learns the webhook URL could then start this workflow',
			},
			{
				displayName: 'Allow Private Network Downloads',
				name: 'allowPrivateNetworkDownloads',
				type: 'boolean',
				default: false,
				description:
					'Whether files may come from loopback and private addresses, for a Suvvy stand-in on your network; risky, as whoever can post to the webhook could make n8n fetch from inside its network',
			},
			{
				displayName: 'Download Time Limit (Seconds)',
				name: 'downloadTimeLimitSeconds',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 15 },
				default: 10,
				description:
					'The longest one download may take; a slower one is stopped and its item keeps the link',
			},
			{
				displayName: 'Download Time Limit per Delivery (Seconds)',
				name: 'deliveryDownloadTimeLimitSeconds',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 15 },
				default: 10,
				description:
					'The longest all downloads of one delivery may take before Suvvy, which waits 20 s at most, is answered; files not fetched by then keep their links',
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
			{
				displayName: 'Memory for Downloads (MB)',
				name: 'downloadMemoryMb',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 128,
				description:
					'What all deliveries this trigger is handling may hold at once while they fetch files; a delivery that finds it full keeps its links instead',
			},
		],
	},
];
