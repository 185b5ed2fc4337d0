import type { INodeParameters } from 'n8n-workflow';

import {
	startEmulator,
	DEFAULT_TOKEN,
	type Emulator,
	type StoredMessage,
} from '../../dev/emulator';
import {
	BRANCHES,
	type OutputName,
} from '../../nodes/Suvvy/actions/message/send/6-answer/branches';
import { base64Of, SAMPLE_FILES } from '../fixtures/files';
import { runWorkflow } from '../support/runWorkflow';
import type { FixtureFile } from '../support/testNodes';

/**
 * The bad-input corpus: odd, empty, huge, mistyped and malicious input, and answers Suvvy's page
 * never mentions. Every case must end as a clear, routed result (or a documented success): one item
 * out, paired with its input, no crash. The emulator plays Suvvy over real loopback HTTP.
 */
const OUTPUTS: OutputName[] = BRANCHES.map(({ displayName }) => displayName);
const MAX = 15 * 1024 * 1024;

interface Case {
	name: string;
	expect: OutputName;
	parameters?: INodeParameters;
	additionalFields?: INodeParameters;
	files?: Record<string, FixtureFile>;
	/** What the emulator answers for this case's chat instead of judging it. */
	answer?: Record<string, unknown>;
	foundLocally?: boolean;
	errorCode?: string;
	/** Checks on what Suvvy stored, for cases that must arrive exactly as given. */
	stored?: (message: StoredMessage) => void;
}

const file = (
	bytes: Buffer,
	fileName?: string,
	mimeType?: string,
): Record<string, FixtureFile> => ({
	data: { base64: base64Of(bytes), fileName, mimeType },
});
const link = (details: INodeParameters) => ({ link: { details } });
const pairs = (...placeholder: INodeParameters[]) => ({ placeholders: { placeholder } });
const ODD_TEXT = 'Привет 👋🏽 مرحبا e\u0301 ‮reversed‬ 𝕏';
const ODD_NAME = 'a/b\\c "quoted" \'single\'\nnew line <tag>.png';

const CASES: Case[] = [
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
	// Files
	{
		name: 'a selected binary field that is missing',
		parameters: { attachments: 'selected', binaryPropertyNames: 'photo' },
		expect: 'Validation Error',
	},
	{
		name: 'a 0-byte file',
		files: file(Buffer.alloc(0), 'empty.png', 'image/png'),
		expect: 'Validation Error',
	},
	{
		name: 'a file of 15 MB + 1 byte',
		files: file(
			Buffer.concat([SAMPLE_FILES.ogg, Buffer.alloc(MAX + 1 - SAMPLE_FILES.ogg.length)]),
			'big.ogg',
			'audio/ogg',
		),
		expect: 'Validation Error',
		foundLocally: true,
	},
	{
		name: 'a file of exactly 15 MB',
		files: file(
			Buffer.concat([SAMPLE_FILES.ogg, Buffer.alloc(MAX - SAMPLE_FILES.ogg.length)]),
			'max.ogg',
			'audio/ogg',
		),
		expect: 'Sent',
		stored: (message) => expect(message.attachments[0].size_bytes).toBe(MAX),
	},
	{
		name: 'a right mime type with wrong bytes (text labelled PNG)',
		files: file(SAMPLE_FILES.text, 'fake.png', 'image/png'),
		expect: 'Bad File',
		foundLocally: false,
	},
	{
		name: 'a PDF',
		files: file(SAMPLE_FILES.pdf, 'scan.pdf', 'application/pdf'),
		expect: 'Bad File',
		foundLocally: true,
	},
	{
		name: 'a wrong mime type with right bytes (PNG labelled text/plain)',
		files: file(SAMPLE_FILES.png, 'photo.txt', 'text/plain'),
		expect: 'Sent',
		stored: (message) =>
			expect(message.attachments[0]).toMatchObject({ file_type: 'image', mime_type: 'image/png' }),
	},
	{
		name: 'image bytes labelled as audio',
		files: file(SAMPLE_FILES.png, 'voice.ogg', 'audio/ogg'),
		expect: 'Bad File',
		foundLocally: false,
	},
	{
		name: 'a file name with slashes, quotes and a line break',
		files: file(SAMPLE_FILES.png, ODD_NAME, 'image/png'),
		expect: 'Sent',
		// n8n keeps only the base name when it stores a file; the node sends what n8n kept.
		stored: (message) => expect(message.attachments[0].file_name).toBe(ODD_NAME.split('/').pop()),
	},
	{
		name: 'a file name of 500 characters',
		files: file(SAMPLE_FILES.png, `${'ф'.repeat(496)}.png`, 'image/png'),
		expect: 'Sent',
	},
	{
		name: 'a file without a name',
		files: file(SAMPLE_FILES.jpeg, undefined, 'image/jpeg'),
		expect: 'Sent',
		stored: (message) => expect(message.attachments[0].file_name).not.toBe(''),
	},
	// Answers Suvvy's page does not describe
	{
		name: 'an HTML 502 page',
		answer: {
			status: 502,
			body: '<html><body><h1>502 Bad Gateway</h1></body></html>',
			content_type: 'text/html',
		},
		expect: 'Other Error',
		errorCode: 'invalid_response',
	},
	{
		name: 'an empty 200',
		answer: { status: 200, body: '' },
		expect: 'Other Error',
		errorCode: 'invalid_response',
	},
	{
		name: 'a 200 with malformed JSON',
		answer: { status: 200, body: '{"message": "Succ' },
		expect: 'Other Error',
		errorCode: 'invalid_response',
	},
	{
		name: 'a 200 with an unexpected JSON object (documented: Sent)',
		answer: { status: 200, body: { ok: true } },
		expect: 'Sent',
	},
	{
		name: 'a 200 with a JSON list',
		answer: { status: 200, body: [] },
		expect: 'Other Error',
		errorCode: 'invalid_response',
	},
	{
		name: 'a connection reset in the middle of the answer',
		answer: { reset_mid_answer: true },
		expect: 'Other Error',
		errorCode: 'network_error',
	},
	{
		name: 'a 404',
		answer: { status: 404, body: { detail: 'Not Found' } },
		expect: 'Other Error',
		errorCode: 'unexpected_status',
	},
	{
		name: 'a 422 the node did not foresee',
		answer: {
			status: 422,
			body: { detail: [{ loc: ['body', 'text'], msg: 'too long', type: 'string_too_long' }] },
		},
		expect: 'Validation Error',
		foundLocally: false,
	},
];

let emulator: Emulator;

beforeAll(async () => {
	emulator = await startEmulator();
});
afterAll(() => emulator.close());

test('the corpus has at least 40 cases', () => {
	expect(CASES.length).toBeGreaterThanOrEqual(40);
});

describe('bad input: each case ends as one routed item, paired, without a crash', () => {
	test.each(CASES.map((entry, index) => ({ ...entry, index })))(
		'$name → $expect',
		async (entry) => {
			const chat = `corpus-${entry.index}`;
			if (entry.answer) emulator.channel.scripted.set(chat, { chat_id: chat, ...entry.answer });
			const { run, suvvyOutputs } = await runWorkflow({
				items: [{ json: { n: entry.index }, files: entry.files }],
				parameters: {
					resource: 'message',
					operation: 'send',
					chatId: chat,
					messageId: `corpus-message-${entry.index}`,
					source: 'Bad-input corpus',
					messageSender: 'customer',
					text: entry.files ? '' : 'hello',
					attachments: 'all',
					options: { retries: 0 },
					...entry.parameters,
					additionalFields: { ...entry.additionalFields },
				},
				credentials: { token: DEFAULT_TOKEN, baseUrl: emulator.url },
			});

			expect(run.status).toBe('success');
			const out = suvvyOutputs.flatMap((items, output) =>
				items.map((item) => ({ output: OUTPUTS[output], item })),
			);
			expect(out).toHaveLength(1);
			const [{ output, item }] = out;
			expect(item.pairedItem).toEqual({ item: 0 });
			expect({ output, message: item.json.message }).toMatchObject({ output: entry.expect });
			if (entry.expect !== 'Sent') {
				expect(item.json.error_code).toEqual(entry.errorCode ?? expect.any(String));
				expect(item.json.message).toEqual(expect.stringMatching(/\S/));
			}
			if (entry.foundLocally !== undefined)
				expect(item.json.found_locally).toBe(entry.foundLocally);
			const stored = emulator.channel.messages.filter(
				(message) => message.message_id === item.json.message_id,
			);
			if (entry.stored) {
				expect(stored).toHaveLength(1);
				entry.stored(stored[0]);
			}
			if (entry.expect !== 'Sent' && !entry.answer) expect(stored).toHaveLength(0);
		},
	);
});
