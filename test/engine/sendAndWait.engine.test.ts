/**
 * Send and Wait for Reply on n8n's engine: it sends as Send does, registers its wait with the Suvvy
 * Trigger first (played here by a loopback stand-in that records what it is told), and parks the
 * execution with an item that says no reply came, which is what comes out at the time limit. What a
 * refusal, a missing setup or an n8n that cannot wait does instead, each said plainly.
 */
import { startEmulator, DEFAULT_TOKEN, type Emulator } from '../../dev/emulator';
import { Suvvy } from '../../nodes/Suvvy/Suvvy.node';
import { asN8nSeesIt, outputNames } from '../support/asN8nSeesIt';
import { SIGNS_RESUME_URLS } from '../support/engineCompat';
import { startHttpStub, type HttpStub, type StubAnswer } from '../support/httpStub';
import { runWorkflow } from '../support/runWorkflow';
import { TEST_SECRET } from '../support/testSecrets';

let emulator: Emulator;
let trigger: HttpStub;
/** What the trigger's stand-in answers the next registration and check with. */
let answers: { register: StubAnswer; check: StubAnswer };

beforeAll(async () => {
	emulator = await startEmulator();
	trigger = await startHttpStub(({ body }) =>
		(body as { check?: boolean } | undefined)?.check ? answers.check : answers.register,
	);
});
afterAll(async () => {
	await emulator.close();
	await trigger.close();
});
beforeEach(() => {
	trigger.requests.splice(0);
	answers = { register: { body: { registered: true } }, check: { body: { registered: true } } };
});

const webhookCredential = () => ({
	secret: TEST_SECRET,
	webhookUrl: `${trigger.url}/webhook/abc/webhook`,
});

async function sendAndWait(parameters: Record<string, unknown> = {}, extra: object = {}) {
	return await runWorkflow({
		items: [{ json: { ask: 'Is it in stock?' } }],
		parameters: {
			resource: 'message',
			operation: 'sendAndWait',
			chatId: 'chat-wait-1',
			messageId: `wait-${Math.random()}`,
			source: 'Engine test',
			text: '={{ $json.ask }}',
			...parameters,
		},
		credentials: { token: DEFAULT_TOKEN, baseUrl: emulator.url },
		webhookCredential: webhookCredential(),
		// The trigger's stand-in plays this n8n: its resume URLs and webhooks share an origin.
		n8nUrl: trigger.url,
		...extra,
	});
}

/** The tests that need an engine that can park an execution behind a signed resume URL. */
const onEnginesThatWait = SIGNS_RESUME_URLS ? test : test.skip;
const onOlderEngines = SIGNS_RESUME_URLS ? test.skip : test;

describe('Send and Wait for Reply', () => {
	const description = new Suvvy().description;

	onOlderEngines(
		'on an n8n that cannot sign resume URLs (before 1.107), stops at once, saying so',
		async () => {
			const { run } = await sendAndWait();
			expect(run.data.resultData.error?.message).toBe(
				'Send and Wait for Reply needs n8n 1.107 or newer',
			);
			expect(trigger.requests).toEqual([]);
			expect(emulator.channel.messages.filter(({ chat_id }) => chat_id === 'chat-wait-1')).toEqual(
				[],
			);
		},
	);

	test('is offered beside Send, with Reply and the error outputs, and its own wait parameters', () => {
		const { outputs, shown } = asN8nSeesIt(description, { operation: 'sendAndWait' });
		expect(outputNames(outputs)).toEqual([
			'Reply',
			'Invalid Token',
			'No Balance',
			'Bad File',
			'Validation Error',
			'Channel Off',
			'Other Error',
		]);
		expect(shown).toEqual(
			expect.arrayContaining([
				'chatId',
				'text',
				'waitMinutes',
				'endWaitOn',
				'gatherSeconds',
				'replyOutput',
			]),
		);
		const single = asN8nSeesIt(description, {
			operation: 'sendAndWait',
			errorHandling: 'useN8nErrorHandling',
		});
		expect(outputNames(single.outputs)).toEqual(['Reply']);
	});

	test("an AI agent's tool is offered Send only: a tool cannot wait", () => {
		const toolOperations = description.properties
			.filter((property) => property.name === 'operation')
			.filter((property) => property.displayOptions?.show?.['@tool'])
			.flatMap((property) => property.options ?? [])
			.map((option) => (option as { value: string }).value);
		expect(toolOperations).toEqual(['send']);
	});

	onEnginesThatWait(
		'registers its wait, then sends, then parks with an item saying no reply came yet',
		async () => {
			const { run, suvvyOutputs } = await sendAndWait({
				waitMinutes: 3,
				endWaitOn: 'ai',
				gatherSeconds: 1.5,
			});
			expect(run.waitTill).toBeInstanceOf(Date);
			expect(run.waitTill!.getTime() - Date.now()).toBeGreaterThan(2.5 * 60 * 1000);
			const [registration, check] = trigger.requests;
			expect(registration).toMatchObject({
				method: 'POST',
				url: '/webhook/abc/register',
				headers: { authorization: `Bearer ${TEST_SECRET}` },
				body: {
					chat_id: 'chat-wait-1',
					wait_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
					resume_url: expect.stringMatching(/\/webhook-waiting\/.+\?.*signature=/),
					end_on: ['ai'],
					gather_ms: 1500,
					sent: expect.objectContaining({ chat_id: 'chat-wait-1', text: 'Is it in stock?' }),
				},
			});
			const resume = new URL((registration.body as { resume_url: string }).resume_url);
			expect(resume.searchParams.get('chat')).toBe('chat-wait-1');
			expect(resume.searchParams.get('wait')).toBe(
				(registration.body as { wait_id: string }).wait_id,
			);
			expect(check.body).toEqual({
				check: true,
				chat_id: 'chat-wait-1',
				wait_id: resume.searchParams.get('wait'),
			});
			expect(
				emulator.channel.messages.filter(({ chat_id }) => chat_id === 'chat-wait-1'),
			).toHaveLength(1);
			expect(suvvyOutputs[0]).toEqual([
				{
					json: expect.objectContaining({
						replied: false,
						reason: 'No reply came within 3 minute(s)',
						chat_id: 'chat-wait-1',
					}),
					pairedItem: { item: 0 },
				},
			]);
		},
	);

	onEnginesThatWait(
		'a message Suvvy would refuse leaves at once by its error output: nothing is registered, nothing waits',
		async () => {
			const { run, suvvyOutputs } = await sendAndWait({ text: '', attachments: 'none' });
			expect(run.waitTill).toBeUndefined();
			expect(suvvyOutputs[4][0].json).toMatchObject({
				error_code: 'validation_error',
				found_locally: true,
			});
			expect(trigger.requests).toEqual([]);
		},
	);

	onEnginesThatWait("Suvvy's own refusal leaves by its output and nothing waits", async () => {
		emulator.channel.scripted.set('chat-broke', {
			chat_id: 'chat-broke',
			status: 402,
			body: {
				detail: 'Your balance is below zero',
				status_code: 402,
				error_code: 'user_balance_below_zero',
			},
		});
		const { run, suvvyOutputs } = await sendAndWait({ chatId: 'chat-broke' });
		expect(run.waitTill).toBeUndefined();
		expect(suvvyOutputs[2][0].json).toMatchObject({ error_code: 'user_balance_below_zero' });
	});

	onEnginesThatWait.each([
		[
			'the trigger is not found (its workflow inactive, or the URL not its Production URL)',
			{ status: 404, body: { message: 'not registered' } },
			"The Suvvy Trigger did not answer at its URL: activate its workflow, and check that the credential's Webhook URL is its Production URL",
		],
		[
			'the trigger has another secret',
			{ status: 401, body: { received: false, reason: 'wrong secret' } },
			'The Suvvy Trigger has another webhook secret, or none: give both nodes the same Suvvy Webhook Secret credential',
		],
	])('nothing is sent when %s: the item says what to set up', async (_case, answer, problem) => {
		answers.register = answer;
		const { run, suvvyOutputs } = await sendAndWait({ chatId: 'chat-unregistered' });
		expect(run.waitTill).toBeUndefined();
		expect(suvvyOutputs[6][0].json).toMatchObject({
			error_code: 'wait_not_registered',
			found_locally: true,
			message: expect.stringContaining(problem),
		});
		expect(
			emulator.channel.messages.filter(({ chat_id }) => chat_id === 'chat-unregistered'),
		).toEqual([]);
	});

	onEnginesThatWait(
		'a registration the trigger does not keep is sent again, then the item says so',
		async () => {
			answers.check = { body: { registered: false } };
			const { suvvyOutputs } = await sendAndWait({ chatId: 'chat-lost' });
			expect(
				trigger.requests.filter(({ body }) => !(body as { check?: boolean }).check),
			).toHaveLength(3);
			expect(suvvyOutputs[6][0].json.message).toContain(
				'The Suvvy Trigger did not keep the wait after 3 registrations',
			);
		},
	);

	onEnginesThatWait(
		'a credential without the Webhook URL: the item says where to set it, and nothing is sent',
		async () => {
			const { suvvyOutputs } = await runWorkflow({
				items: [{ json: {} }],
				parameters: {
					resource: 'message',
					operation: 'sendAndWait',
					chatId: 'chat-no-url',
					source: 'x',
					text: 'hi',
				},
				credentials: { token: DEFAULT_TOKEN, baseUrl: emulator.url },
				webhookCredential: { secret: TEST_SECRET, webhookUrl: '' },
			});
			expect(suvvyOutputs[6][0].json.message).toContain(
				"Set the Webhook URL of the Suvvy Webhook Secret credential to the Suvvy Trigger's Production URL",
			);
			expect(trigger.requests).toEqual([]);
		},
	);

	onEnginesThatWait(
		'a Webhook URL on another host than this n8n: refused before the secret goes there, nothing sent',
		async () => {
			const { suvvyOutputs } = await sendAndWait(
				{ chatId: 'chat-elsewhere' },
				{ n8nUrl: 'https://n8n.example.com' },
			);
			expect(suvvyOutputs[6][0].json.message).toContain(
				'The Webhook URL of the Suvvy Webhook Secret credential is not on this n8n, whose webhooks are at https://n8n.example.com',
			);
			expect(trigger.requests).toEqual([]);
			expect(
				emulator.channel.messages.filter(({ chat_id }) => chat_id === 'chat-elsewhere'),
			).toEqual([]);
		},
	);

	test('takes one item per execution, and says so', async () => {
		const { run } = await runWorkflow({
			items: [{ json: {} }, { json: {} }],
			parameters: {
				resource: 'message',
				operation: 'sendAndWait',
				chatId: 'c',
				source: 'x',
				text: 'hi',
			},
			credentials: { token: DEFAULT_TOKEN, baseUrl: emulator.url },
			webhookCredential: webhookCredential(),
		});
		expect(run.data.resultData.error?.message).toBe(
			'Send and Wait for Reply takes one item per execution, not 2',
		);
		expect(trigger.requests).toEqual([]);
	});
});
