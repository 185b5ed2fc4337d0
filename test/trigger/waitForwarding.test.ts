/**
 * A reply for a chat whose message is awaited goes to the waiting execution, not to the trigger's
 * own workflow. The Suvvy node registers its wait at the trigger's second webhook (with the webhook
 * secret); the trigger hands the reply to n8n's resume URL (played here by a loopback stand-in at
 * n8n's own origin) and answers Suvvy only once it was taken. Any reply that cannot be handed on
 * still starts the trigger's own workflow, so none is lost.
 */
import type { IDataObject } from 'n8n-workflow';

import { callTrigger, TEST_SECRET } from '../support/callTrigger';
import { startHttpStub, type HttpStub, type StubAnswer } from '../support/httpStub';
import { delivery, text } from '../support/replyDelivery';

let n8n: HttpStub;
/** How the stand-in for n8n's resume URL answers, request by request (the last one repeats). */
let resumeAnswers: StubAnswer[];
let chats = 0;

beforeAll(async () => {
	n8n = await startHttpStub(() =>
		resumeAnswers.length > 1 ? resumeAnswers.shift() : resumeAnswers[0],
	);
});
afterAll(async () => await n8n.close());
beforeEach(() => n8n.requests.splice(0));

const taken = (waitId: string): StubAnswer => ({ body: { resumed: true, wait_id: waitId } });

/** A fresh chat and wait, so tests never see each other's registrations. */
function newWait(extra: IDataObject = {}) {
	chats++;
	const chat = `chat-wait-${chats}`;
	const wait = `wait-${chats}`;
	return {
		chat,
		wait,
		registration: {
			chat_id: chat,
			wait_id: wait,
			resume_url: `${n8n.url}/webhook-waiting/99/node-suvvy?chat=${chat}&wait=${wait}&signature=abc`,
			expires_at: Date.now() + 5 * 60 * 1000,
			end_on: ['ai', 'employee'],
			gather_ms: 0,
			sent: { chat_id: chat, text: 'Is it in stock?' },
			...extra,
		},
	};
}

const register = async (body: IDataObject, call: Parameters<typeof callTrigger>[0] | object = {}) =>
	await callTrigger({ body, webhook: 'setup', n8nUrl: n8n.url, ...call });

const deliver = async (body: IDataObject) => await callTrigger({ body, n8nUrl: n8n.url });

describe('Suvvy Trigger: a wait is registered only by holders of its secret, for n8n itself', () => {
	test('a registration with the secret is kept, and asked back as kept', async () => {
		const { chat, wait, registration } = newWait();
		const registered = await register(registration);
		expect(registered).toMatchObject({ status: 200, responseBody: { registered: true } });
		const check = await register({ check: true, chat_id: chat, wait_id: wait });
		expect(check.responseBody).toEqual({ registered: true });
		const other = await register({ check: true, chat_id: chat, wait_id: 'another-wait' });
		expect(other.responseBody).toEqual({ registered: false });
	});

	test('what n8n saves with the trigger holds the registration, for every process to find', async () => {
		const { chat, registration } = newWait();
		const staticData: IDataObject = {};
		await register(registration, { staticData });
		expect((staticData.waits as IDataObject)[chat]).toMatchObject({
			chat_id: chat,
			wait_id: registration.wait_id,
		});
	});

	test.each([
		['without the secret', { headers: { authorization: 'Bearer not-the-secret' } }, 401],
		[
			'to a trigger with no secret',
			{ secret: null, parameters: { options: { acceptWithoutSecret: true } } },
			401,
		],
	])('is refused %s', async (_case, call, status) => {
		const { chat, wait, registration } = newWait();
		expect((await register(registration, call)).status).toBe(status);
		expect((await register({ check: true, chat_id: chat, wait_id: wait })).responseBody).toEqual({
			registered: false,
		});
	});

	test.each([
		[
			'at another origin',
			'https://elsewhere.example/webhook-waiting/1/n?signature=x',
			'"resume_url" must be a resume URL of this n8n, at the origin this trigger is served from',
		],
		[
			'without a signature',
			'ORIGIN/webhook-waiting/1/n?chat=c',
			'"resume_url" must be a signed resume URL',
		],
	])(
		'is refused for a resume URL %s: the trigger would send its secret there',
		async (_case, url, reason) => {
			const { registration } = newWait();
			const result = await register({
				...registration,
				resume_url: url.replace('ORIGIN', n8n.url),
			});
			expect(result).toMatchObject({ status: 400, responseBody: { received: false, reason } });
		},
	);

	test('fifty registrations at once are all kept: each save holds every registration this process took', async () => {
		const waits = Array.from({ length: 50 }, () => newWait());
		await Promise.all(waits.map(async ({ registration }) => await register(registration)));
		const checks = await Promise.all(
			waits.map(
				async ({ chat, wait }) => await register({ check: true, chat_id: chat, wait_id: wait }),
			),
		);
		expect(checks.map((check) => check.responseBody)).toEqual(Array(50).fill({ registered: true }));
	});
});

describe('Suvvy Trigger: a reply for a waiting chat resumes its execution', () => {
	test("goes to the resume URL with the secret and the trigger's file settings, and starts nothing here", async () => {
		const { chat, wait, registration } = newWait();
		await register(registration);
		resumeAnswers = [taken(wait)];
		const reply = delivery([text('Yes, in blue and red')], { chat_id: chat });
		const result = await deliver(reply);
		expect(result).toMatchObject({
			status: 200,
			responseBody: { received: true, messages: 1, resumed: true },
		});
		expect(result.items).toBeUndefined();
		const [forwarded] = n8n.requests;
		expect(forwarded).toMatchObject({
			method: 'POST',
			url: `/webhook-waiting/99/node-suvvy?chat=${chat}&wait=${wait}&signature=abc`,
			headers: { authorization: `Bearer ${TEST_SECRET}` },
			body: {
				chat_id: chat,
				wait_id: wait,
				sent: registration.sent,
				deliveries: [reply],
				files: expect.objectContaining({
					download: true,
					maxFileBytes: 25 * 1024 * 1024,
					deadline: expect.any(Number),
				}),
			},
		});
	});

	test("only once: a second reply after the execution took one starts the trigger's own workflow", async () => {
		const { chat, wait, registration } = newWait();
		await register(registration);
		resumeAnswers = [taken(wait)];
		await deliver(delivery([text('first')], { chat_id: chat }));
		const second = await deliver(delivery([text('second')], { chat_id: chat }));
		expect(second.items?.map((item) => item.json.text)).toEqual(['second']);
		expect(n8n.requests).toHaveLength(1);
	});

	test('a reply that comes before the execution has parked is handed on once it has (409, then taken)', async () => {
		const { chat, wait, registration } = newWait();
		await register(registration);
		resumeAnswers = [{ status: 409, body: { message: 'running' } }, { status: 409 }, taken(wait)];
		const result = await deliver(delivery([text('early')], { chat_id: chat }));
		expect(result.responseBody).toMatchObject({ resumed: true });
		expect(n8n.requests).toHaveLength(3);
	});

	test.each([
		['a finished execution answers with its page', { status: 200, body: '<html>done</html>' }],
		['the resume URL is not found', { status: 404, body: { message: 'not waiting' } }],
		[
			'the execution answers for another wait',
			{ body: { resumed: true, wait_id: 'someone-else' } },
		],
		['the waiting node refuses it', { status: 403, body: { resumed: false } }],
	])(
		"a reply that cannot be handed on starts the trigger's own workflow: %s",
		async (_case, answer) => {
			const { chat, registration } = newWait();
			await register(registration);
			resumeAnswers = [answer];
			const result = await deliver(delivery([text('not lost')], { chat_id: chat }));
			expect(result.status).toBe(200);
			expect(result.items?.map((item) => item.json.text)).toEqual(['not lost']);
		},
	);

	test("a reply in another chat, or from a sender that does not end the wait, starts the trigger's own workflow", async () => {
		const { chat, registration } = newWait({ end_on: ['ai'] });
		await register(registration);
		resumeAnswers = [{ status: 500 }];
		const elsewhere = await deliver(delivery([text('other chat')], { chat_id: `${chat}-other` }));
		const operator = await deliver(
			delivery([text('operator here', 'employee')], { chat_id: chat }),
		);
		expect(elsewhere.items?.[0].json.text).toBe('other chat');
		expect(operator.items?.[0].json.text).toBe('operator here');
		expect(n8n.requests).toEqual([]);
	});

	test('deliveries of the chat within the gathering time go to the execution together', async () => {
		const { chat, wait, registration } = newWait({ gather_ms: 5000 });
		await register(registration);
		resumeAnswers = [taken(wait)];
		const first = delivery([text('part 1')], { chat_id: chat });
		const second = delivery([text('part 2')], { chat_id: chat });
		const results = await Promise.all([deliver(first), deliver(second)]);
		expect(results.map((result) => result.responseBody)).toEqual([
			{ received: true, messages: 1, resumed: true },
			{ received: true, messages: 1, resumed: true },
		]);
		expect(n8n.requests).toHaveLength(1);
		expect((n8n.requests[0].body as IDataObject).deliveries).toEqual([first, second]);
	});

	test('a registration another n8n process took is found in what n8n loaded for this request', async () => {
		const { chat, wait, registration } = newWait();
		resumeAnswers = [taken(wait)];
		const staticData = { waits: { [chat]: { ...registration, registered_at: Date.now() } } };
		const result = await callTrigger({
			body: delivery([text('found')], { chat_id: chat }),
			n8nUrl: n8n.url,
			staticData,
			nodeId: 'node-trigger-in-another-process',
		});
		expect(result.responseBody).toMatchObject({ resumed: true });
	});
});
