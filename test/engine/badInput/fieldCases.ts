/**
 * Bad input in the message's fields: empty, mistyped by an expression, huge, odd Unicode, and
 * broken placeholders and links.
 */
import type { INodeParameters } from 'n8n-workflow';

import type { Case } from './corpusCase';

const link = (details: INodeParameters) => ({ link: { details } });
const pairs = (...placeholder: INodeParameters[]) => ({ placeholders: { placeholder } });
const ODD_TEXT = 'Привет 👋🏽 مرحبا e\u0301 ‮reversed‬ 𝕏';

export const FIELD_CASES: Case[] = [
	// Empty fields
	{
		name: 'an empty chat ID',
		parameters: { chatId: '={{ $json.chatFromForm }}' },
		expect: 'Validation Error',
		foundLocally: true,
	},
	{
		name: 'a chat ID of spaces',
		parameters: { chatId: '   ' },
		expect: 'Validation Error',
		foundLocally: true,
	},
	{
		name: 'an empty message ID',
		parameters: { messageId: '={{ $json.idFromCrm }}' },
		expect: 'Validation Error',
		foundLocally: true,
	},
	{
		name: 'an empty source',
		parameters: { source: '={{ "" }}' },
		expect: 'Validation Error',
		foundLocally: true,
	},
	{
		name: 'no text and no file',
		parameters: { text: '' },
		expect: 'Validation Error',
		foundLocally: true,
	},
	{
		name: 'an empty sender',
		parameters: { messageSender: '' },
		expect: 'Validation Error',
		foundLocally: true,
	},
	{
		name: 'an empty link type',
		additionalFields: link({ type: '', url: 'https://crm.example.com' }),
		expect: 'Validation Error',
	},
	{
		name: 'an empty client name (optional, left out)',
		additionalFields: { clientName: '' },
		expect: 'Sent',
		stored: (message) => expect(message.body).not.toHaveProperty('client_name'),
	},
	// Wrong types from expressions
	{
		name: 'a numeric chat ID (sent as text)',
		parameters: { chatId: '={{ 12345 }}' },
		expect: 'Sent',
		stored: (message) => expect(message.chat_id).toBe('12345'),
	},
	{
		name: 'a boolean chat ID',
		parameters: { chatId: '={{ true }}' },
		expect: 'Validation Error',
		errorCode: 'validation_error',
	},
	{
		name: 'an object as chat ID',
		parameters: { chatId: '={{ { id: 1 } }}' },
		expect: 'Validation Error',
	},
	{
		name: 'a list as chat ID',
		parameters: { chatId: '={{ [1, 2] }}' },
		expect: 'Validation Error',
	},
	{ name: 'NaN as chat ID', parameters: { chatId: '={{ 0 / 0 }}' }, expect: 'Validation Error' },
	{
		name: 'an object as text',
		parameters: { text: '={{ { hello: "world" } }}' },
		expect: 'Validation Error',
	},
	{
		name: 'a number as text (sent as text)',
		parameters: { text: '={{ 42 }}' },
		expect: 'Sent',
		stored: (message) => expect(message.body.text).toBe('42'),
	},
	{ name: 'null as source', parameters: { source: '={{ null }}' }, expect: 'Validation Error' },
	{ name: 'an unknown sender', parameters: { messageSender: 'bot' }, expect: 'Validation Error' },
	{
		name: 'a numeric message ID (sent as text)',
		parameters: { messageId: '={{ 987654321 }}' },
		expect: 'Sent',
		stored: (message) => expect(message.message_id).toBe('987654321'),
	},
	{
		name: 'an object as client phone',
		additionalFields: { clientPhone: '={{ { n: 1 } }}' },
		expect: 'Validation Error',
	},
	{
		name: 'a failing expression',
		parameters: { text: '={{ $json.missing.deeper }}' },
		expect: 'Validation Error',
		foundLocally: true,
	},
	// Huge values
	{
		name: 'a text of 1 MB',
		parameters: { text: '={{ "x".repeat(1048576) }}' },
		expect: 'Sent',
		stored: (message) => expect((message.body.text as string).length).toBe(1048576),
	},
	{
		name: 'a message ID of 10 000 characters',
		parameters: { messageId: '={{ "m".repeat(10000) }}' },
		expect: 'Sent',
	},
	{
		name: 'a chat ID of 10 000 characters',
		parameters: { chatId: '={{ "c".repeat(10000) }}' },
		expect: 'Sent',
	},
	{
		name: '200 placeholders',
		additionalFields: {
			placeholdersJson:
				'={{ JSON.stringify(Object.fromEntries(Array.from({ length: 200 }, (_, i) => ["k" + i, "v" + i]))) }}',
		},
		expect: 'Sent',
		stored: (message) => expect(Object.keys(message.body.placeholders as object)).toHaveLength(200),
	},
	// Odd Unicode
	{
		name: 'emoji, right-to-left and combining characters',
		parameters: { text: ODD_TEXT },
		expect: 'Sent',
		stored: (message) => expect(message.body.text).toBe(ODD_TEXT),
	},
	{
		name: 'zero-width and NUL characters',
		parameters: { text: '={{ "a\\u200Bb\\u0000c\\uFEFF" }}' },
		expect: 'Sent',
		stored: (message) => expect(message.body.text).toBe('a\u200Bb\u0000c\uFEFF'),
	},
	{
		name: 'a lone surrogate',
		parameters: { text: '={{ "broken \\uD800 pair" }}' },
		expect: 'Sent',
		stored: (message) => expect(message.body.text).toBe('broken \uD800 pair'),
	},
	{
		name: 'a Cyrillic and emoji chat ID',
		parameters: { chatId: 'чат-🚀' },
		expect: 'Sent',
		stored: (message) => expect(message.chat_id).toBe('чат-🚀'),
	},
	// Placeholders
	{
		name: 'a placeholder value that is a number',
		additionalFields: pairs({ key: 'plan', value: '={{ 5 }}' }),
		expect: 'Validation Error',
	},
	{
		name: 'placeholders JSON with a nested object',
		additionalFields: { placeholdersJson: '{"plan": {"name": "pro"}}' },
		expect: 'Validation Error',
	},
	{
		name: 'placeholders JSON that is not JSON',
		additionalFields: { placeholdersJson: '{plan: pro' },
		expect: 'Validation Error',
	},
	{
		name: 'placeholders JSON that is a list',
		additionalFields: { placeholdersJson: '["a"]' },
		expect: 'Validation Error',
	},
	{
		name: 'a placeholder without a key',
		additionalFields: pairs({ key: '', value: 'x' }),
		expect: 'Validation Error',
	},
	// Link
	{
		name: 'a link without URL',
		additionalFields: link({ type: 'chat', hint: 'Open', url: '' }),
		expect: 'Validation Error',
	},
	{
		name: 'a link of an unknown type',
		additionalFields: link({ type: 'web', url: 'https://x.example' }),
		expect: 'Validation Error',
	},
	{
		name: 'a numeric link hint (sent as text)',
		additionalFields: link({ type: 'lead', hint: '={{ 7 }}', url: 'https://x.example' }),
		expect: 'Sent',
		stored: (message) =>
			expect(message.body.link).toEqual({ type: 'lead', hint: '7', url: 'https://x.example' }),
	},
];
