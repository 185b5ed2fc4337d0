/**
 * The output schema the package ships (what n8n's editor shows downstream nodes before the first
 * run, and what describes the tool's result) against the items real runs put on every output.
 */
import nock from 'nock';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import shipped from '../../nodes/Suvvy/__schema__/v1.0.0/message/send.json';
import { base64Of, SAMPLE_FILES } from '../fixtures/files';
import { interceptHttp } from '../support/interceptHttp';
import { runWorkflow, TEST_BASE_URL, TEST_TOKEN, type RunOptions } from '../support/runWorkflow';
import { schemaErrors, type SchemaNode } from '../support/schemaSubset';
import { MESSAGE_PATH, mockSuvvy } from '../support/suvvyMock';

const schema: SchemaNode = shipped;

/** Suvvy's answers as its API page shows them, by chat ID; with the items below, one per output and more. */
const SUVVY_ANSWERS: Record<string, [number, unknown]> = {
	token: [401, { detail: 'Invalid token.', status_code: 401, error_code: 'auth_invalid_token' }],
	balance: [
		402,
		{
			detail: "Your balance is below zero, so you can't perform this action.'",
			status_code: 402,
			error_code: 'user_balance_below_zero',
		},
	],
	file: [
		415,
		{
			detail: 'File type is not supported or invalid.',
			status_code: 415,
			error_code: 'file_invalid_type',
			allowed_mime_types: ['image/png', 'text/csv', 'audio/ogg'],
		},
	],
	// FastAPI's own 422: a list of issues, no status_code or error_code.
	fields: [
		422,
		{
			detail: [{ loc: ['body', 'attachments', 0, 'data'], msg: 'Field required', type: 'missing' }],
		},
	],
	channel: [
		424,
		{
			detail: 'Channel is disabled.',
			status_code: 424,
			error_code: 'instance_channel_is_disabled',
		},
	],
	server: [500, { detail: 'Internal Server Error' }],
	gateway: [502, '<html><body>502 Bad Gateway</body></html>'],
};

const ITEMS: RunOptions['items'] = [
	{
		json: { chat: 'sent', text: 'Hello with a photo' },
		files: {
			photo: { base64: base64Of(SAMPLE_FILES.png), fileName: 'p.png', mimeType: 'image/png' },
		},
	},
	...Object.keys(SUVVY_ANSWERS).map((chat) => ({ json: { chat, text: 'Hello' } })),
	// Refused before sending: no text and no file; a file type Suvvy refuses; IDs that do not resolve.
	{ json: { chat: 'empty', text: '' } },
	{
		json: { chat: 'textfile', text: '' },
		files: {
			doc: { base64: base64Of(SAMPLE_FILES.text), fileName: 'a.txt', mimeType: 'text/plain' },
		},
	},
	{ json: { broken: true, text: 'Hello' } },
];

const PARAMETERS = {
	resource: 'message',
	operation: 'send',
	chatId: '={{ $json.broken ? $json.nothing.here : $json.chat }}',
	messageId: "={{ $json.broken ? $json.nothing.here : 'm-' + $json.chat }}",
	source: 'Schema test',
	text: '={{ $json.text }}',
	additionalFields: {
		clientName: 'Ann',
		clientPhone: '+44312345678',
		link: { details: { type: 'chat', hint: '', url: 'https://crm.example.com/chats/1' } },
		placeholders: { placeholder: [{ key: 'plan', value: 'premium' }] },
	},
	options: { retries: 0 },
};

function answerSuvvy() {
	return mockSuvvy(
		(body) => SUVVY_ANSWERS[body.chat_id as string] ?? [200, { message: 'Successful' }],
	);
}

const jsonOf = (items: INodeExecutionData[]): IDataObject[] => items.map((item) => item.json);

/** Each item with the schema's complaints about it; passes when every list is empty. */
function fitting(items: IDataObject[]) {
	return items.map((json) => ({ json, errors: schemaErrors(schema, json) }));
}
const noComplaints = (items: IDataObject[]) => items.map((json) => ({ json, errors: [] }));

/** The top-level fields items carry that the schema does not describe. */
function undescribed(items: IDataObject[]): string[] {
	const fields = new Set(items.flatMap((json) => Object.keys(json)));
	return [...fields].filter((field) => !(field in (schema.properties ?? {})));
}

interceptHttp();

describe('the schema checker', () => {
	test('rejects a wrong type, a missing required field, a value outside an enum, and a bad array entry', () => {
		const shape: SchemaNode = {
			type: 'object',
			required: ['id'],
			properties: {
				id: { type: ['string', 'null'] },
				kind: { type: 'string', enum: ['a', 'b'] },
				list: { type: 'array', items: { type: 'object', required: ['n'] } },
				map: { type: 'object', additionalProperties: { type: 'string' } },
			},
		};
		expect(
			schemaErrors(shape, { id: null, kind: 'a', list: [{ n: 1 }], map: { k: 'v' } }),
		).toStrictEqual([]);
		expect(schemaErrors(shape, { id: 5, kind: 'c', list: [{}], map: { k: 1 } })).toStrictEqual([
			'$.id: is number, the schema says string or null',
			'$.kind: "c" is not one of ["a","b"]',
			'$.list[0]: misses the required "n"',
			'$.map.k: is number, the schema says string',
		]);
		expect(schemaErrors(shape, { kind: 'a' })).toStrictEqual(['$: misses the required "id"']);
		expect(schemaErrors({ type: 'object', additionalProperties: false }, { x: 1 })).toStrictEqual([
			'$: has "x", not in the schema',
		]);
	});

	test('refuses a keyword it does not check, so no rule in a schema goes untested', () => {
		expect(() => schemaErrors({ type: 'string', minLength: 1 } as SchemaNode, 'x')).toThrow(
			'does not know the keyword "minLength"',
		);
		// Also where the value never goes: a property it does not carry.
		const unreached = { type: 'object', properties: { a: { type: 'string', minLength: 1 } } };
		expect(() => schemaErrors(unreached as SchemaNode, {})).toThrow(
			'$.a: the checker does not know the keyword "minLength"',
		);
	});
});

describe('the shipped output schema of Send Message', () => {
	test("is in the format of n8n's own schemas: an object with properties, and n8n's version key", () => {
		expect(schema.type).toBe('object');
		expect(Object.keys(schema.properties ?? {}).length).toBeGreaterThan(0);
		expect(schema).toHaveProperty('version', expect.any(Number));
	});

	test('fits every item of every output, Suvvy and the local checks alike, and describes each field they carry', async () => {
		answerSuvvy();
		const { suvvyOutputs } = await runWorkflow({ items: ITEMS, parameters: PARAMETERS });
		const items = jsonOf(suvvyOutputs.flat());

		expect(suvvyOutputs.map((output) => output.length)).toStrictEqual([1, 1, 1, 2, 3, 1, 2]);
		expect(items.filter((json) => json.message_id === null)).toHaveLength(1);
		expect(fitting(items)).toStrictEqual(noComplaints(items));
		expect(undescribed(items)).toStrictEqual([]);
	});

	test('fits an item Suvvy never answered, one the base URL redirected, and ones whose base URL or token was refused before sending', async () => {
		nock(TEST_BASE_URL).post(MESSAGE_PATH).replyWithError('socket hang up');
		const unreachable = await runWorkflow({ items: [ITEMS[1]], parameters: PARAMETERS });
		nock(TEST_BASE_URL)
			.post(MESSAGE_PATH)
			.reply(308, '', { Location: 'https://elsewhere.test/api' });
		const redirected = await runWorkflow({ items: [ITEMS[1]], parameters: PARAMETERS });
		const refused = await runWorkflow({
			items: [ITEMS[1]],
			parameters: PARAMETERS,
			credentials: { token: TEST_TOKEN, baseUrl: 'http://suvvy.example.com' },
		});
		const badToken = await runWorkflow({
			items: [ITEMS[1]],
			parameters: PARAMETERS,
			credentials: { token: `${TEST_TOKEN}\u20ac`, baseUrl: TEST_BASE_URL },
		});
		const items = jsonOf([
			...[unreachable, redirected, refused].flatMap((run) => run.suvvyOutputs[6]),
			...badToken.suvvyOutputs[1],
		]);

		expect(items.map((json) => json.error_code)).toStrictEqual([
			'network_error',
			'redirect_refused',
			'invalid_base_url',
			'auth_invalid_token',
		]);
		expect(fitting(items)).toStrictEqual(noComplaints(items));
		expect(undescribed(items)).toStrictEqual([]);
	});

	test("fits a tool's result for every outcome, and names exactly the outcomes the node has", async () => {
		answerSuvvy();
		const { suvvyOutputs } = await runWorkflow({
			items: ITEMS,
			parameters: PARAMETERS,
			suvvyType: 'n8n-nodes-suvvy.suvvyTool',
			outputCount: 1,
		});
		const items = jsonOf(suvvyOutputs[0]);

		expect(items).toHaveLength(ITEMS.length);
		expect(fitting(items)).toStrictEqual(noComplaints(items));
		expect(undescribed(items)).toStrictEqual([]);
		// The items reach every output (see above), in output order: their outcomes are the enum.
		expect([...new Set(items.map((json) => json.outcome))]).toStrictEqual(
			schema.properties?.outcome.enum,
		);
	});

	test("with n8n's error handling continuing, a refused item's details fit it", async () => {
		answerSuvvy();
		const { suvvyOutputs } = await runWorkflow({
			items: ITEMS,
			parameters: { ...PARAMETERS, errorHandling: 'useN8nErrorHandling' },
			outputCount: 1,
			nodeSettings: { onError: 'continueRegularOutput' },
		});
		const [sent, ...refused] = jsonOf(suvvyOutputs[0]);
		const details = refused.map((json) => json.details as IDataObject);

		expect(refused.map((json) => Object.keys(json))).toStrictEqual(
			refused.map(() => ['error', 'details']),
		);
		expect(fitting([sent, ...details])).toStrictEqual(noComplaints([sent, ...details]));
		expect(undescribed([sent, ...details])).toStrictEqual([]);
	});
});
