'use strict';
/**
 * What the example workflows are expected to do, one scenario per output of the Suvvy node. The
 * demo plays them and prints the outcome; the e2e tier asserts them. Each scenario sets the emulated
 * channel up as its case needs (a revoked token, a negative balance, …), then calls the example.
 */
const { postJson, upload } = require('./workflowRuns');

const PNG = Buffer.from(
	'89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
		'1f15c4890000000d4944415478da63f8cfc0f01f00050002015a4d8e6b0000000049454e44ae426082',
	'hex',
);
const OGG = Buffer.concat([Buffer.from('OggS\x00\x02', 'latin1'), Buffer.alloc(4000, 7)]);

const SCENARIOS = [
	{
		title: 'a text message',
		output: 'Sent',
		request: () => postJson({ chat_id: 'demo-text', text: 'Hello! Do you ship to Berlin?', source: 'Demo customer' }),
		stored: 1,
	},
	{
		title: 'a photo and a voice note, uploaded as a form',
		output: 'Sent',
		request: () =>
			upload({ chat_id: 'demo-upload', text: 'Here is the broken part' }, [
				{ field: 'photo', bytes: PNG, fileName: 'photo.png', mimeType: 'image/png' },
				{ field: 'voice', bytes: OGG, fileName: 'voice', mimeType: 'application/octet-stream' },
			]),
		stored: 1,
	},
	{
		title: 'a token that was revoked in Suvvy',
		output: 'Invalid Token',
		channel: { tokens: ['dummy-rotated-token'] },
		request: () => postJson({ chat_id: 'demo-token', text: 'Hi' }),
	},
	{
		title: 'a balance below zero',
		output: 'No Balance',
		channel: { balance: -3 },
		request: () => postJson({ chat_id: 'demo-balance', text: 'Hi' }),
	},
	{
		// Declared as PNG, but the bytes are text: the node trusts the label, Suvvy checks the bytes.
		title: 'a "photo" that is really text',
		output: 'Bad File',
		foundLocally: false,
		request: () =>
			upload({ chat_id: 'demo-file', text: 'A photo' }, [
				{ field: 'photo', bytes: Buffer.from('not really a picture'), fileName: 'fake.png', mimeType: 'image/png' },
			]),
	},
	{
		title: 'an empty message',
		output: 'Validation Error',
		foundLocally: true,
		request: () => postJson({ chat_id: 'demo-empty', text: '' }),
	},
	{
		title: 'a channel switched off in Suvvy',
		output: 'Channel Off',
		channel: { channel_enabled: false },
		request: () => postJson({ chat_id: 'demo-disabled', text: 'Hi' }),
	},
	{
		title: 'Suvvy behind a failing gateway (HTML 502)',
		output: 'Other Error',
		script: { chat_id: 'demo-outage', status: 502, body: '<html><body>502 Bad Gateway</body></html>', content_type: 'text/html' },
		request: () => postJson({ chat_id: 'demo-outage', text: 'Hi' }),
	},
];

/** One execution of the batch example: four items, three outputs, each item paired with its input. */
const BATCH = {
	script: { chat_id: 'chat-down', status: 503, body: { detail: 'Service Unavailable' } },
	messages: [
		{ chat_id: 'chat-a', text: 'first' },
		{ chat_id: 'chat-down', text: 'second' },
		{ chat_id: 'chat-b', text: '' },
		{ chat_id: 'chat-a', text: 'fourth' },
	],
	expected: [
		{ output: 'Sent', pairedItem: { item: 0 }, chat: 'chat-a' },
		{ output: 'Sent', pairedItem: { item: 3 }, chat: 'chat-a' },
		{ output: 'Validation Error', pairedItem: { item: 2 }, chat: 'chat-b' },
		{ output: 'Other Error', pairedItem: { item: 1 }, chat: 'chat-down' },
	],
	storedTexts: ['first', 'fourth'],
};

module.exports = { SCENARIOS, BATCH, PNG, OGG };
