'use strict';
/**
 * The example workflows users import, each imported into a real n8n and run the way it runs for them:
 * the contact form submitted with a file, the email example on its pinned sample email, and the
 * Telegram bot through the emulator's Bot API, its reply half and its error branch included.
 */
const { createHash } = require('node:crypto');

const { PNG } = require('../../dev/harness/scenarios');
const { replyWebhookUrl } = require('../../dev/harness/stack');
const { emulatorAdmin, prepareChannel, routes, upload } = require('../../dev/harness/workflowRuns');
const { useStack } = require('./e2eStack');

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

async function seenExecutions(stack, workflow) {
	return new Set((await stack.api.executions(workflow.id)).map((execution) => execution.id));
}

/** Waits until the emulator's Telegram Bot API has been asked to send `count` messages. */
async function telegramSent(stack, count, timeoutMs = 30_000) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const { sent } = await emulatorAdmin(stack, 'telegram/sent');
		// The Telegram node passes a chat ID on as the expression typed it, a number or a string.
		if (sent.length >= count || Date.now() > deadline) return sent.map(({ chat_id, text }) => ({ chat: String(chat_id), text }));
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

function telegramUpdate(chatId, text) {
	return {
		update_id: Date.now(),
		message: {
			message_id: 7,
			date: Math.floor(Date.now() / 1000),
			from: { id: chatId, is_bot: false, first_name: 'Ivan', last_name: 'Sokolov' },
			chat: { id: chatId, type: 'private', first_name: 'Ivan' },
			text,
		},
	};
}

describe('the example workflows in real n8n', () => {
	const stack = useStack();

	test('every example imports as shipped; all but the pinned email example are active', () => {
		expect(stack.skippedExamples).toEqual([]);
		const expected = ['ai-agent-to-suvvy', 'batch-to-suvvy', 'email-to-suvvy', 'form-with-file-to-suvvy', 'suvvy-replies', 'telegram-to-suvvy', 'webhook-to-suvvy'];
		expect(Object.keys(stack.workflows).sort()).toEqual(expected);
		for (const key of expected) expect(stack.workflows[key].active).toBe(key !== 'email-to-suvvy');
	});

	test('the contact form sends the message and its file to Suvvy, one chat per email address', async () => {
		await prepareChannel(stack);
		const workflow = stack.workflows['form-with-file-to-suvvy'];
		const seen = await seenExecutions(stack, workflow);
		const submitted = upload(
			{ 'field-0': 'Ann Lee', 'field-1': 'Ann@Example.com ', 'field-2': 'The lid of my kettle is cracked' },
			[{ field: 'field-3', bytes: PNG, fileName: 'lid.png', mimeType: 'image/png' }],
		);
		const response = await fetch(`${stack.n8n.url}/form/suvvy-contact`, { method: 'POST', ...submitted });
		expect(response.status).toBe(200);

		const execution = await stack.api.nextExecution(workflow.id, seen);
		expect(execution.status).toBe('success');
		expect(routes(execution).map((route) => route.output)).toEqual(['Sent']);
		const { messages } = await emulatorAdmin(stack, 'messages?include_data=1');
		expect(messages).toHaveLength(1);
		expect(messages[0].body).toMatchObject({ chat_id: 'form-ann@example.com', text: 'The lid of my kettle is cracked', client_name: 'Ann Lee', source: 'Contact form' });
		expect(messages[0].attachments).toEqual([expect.objectContaining({ file_name: 'lid.png', file_type: 'image', sha256: sha256(PNG) })]);
	});

	test('the email example runs on its sample email, sender as chat, subject and body as text', async () => {
		await prepareChannel(stack);
		const workflow = stack.workflows['email-to-suvvy'];
		const seen = await seenExecutions(stack, workflow);
		await stack.api.runManually(workflow, 'New Email');

		const execution = await stack.api.nextExecution(workflow.id, seen);
		expect(execution.status).toBe('success');
		expect(routes(execution).map((route) => route.output)).toEqual(['Sent']);
		expect(execution.data.resultData.runData.Delivered).toHaveLength(1);
		const { messages } = await emulatorAdmin(stack, 'messages');
		expect(messages.map((message) => message.body)).toEqual([
			expect.objectContaining({
				chat_id: 'email-olga.petrova@example.com',
				client_name: 'Olga Petrova',
				text: expect.stringMatching(/^Order 1042 has not arrived\n\nHello, I ordered a kettle/),
			}),
		]);
	});

	describe('the Telegram bot', () => {
		const workflow = () => stack.workflows['telegram-to-suvvy'];

		beforeAll(async () => {
			// Replies to the earlier tests' messages go where they were meant to before the switch.
			await emulatorAdmin(stack, 'idle');
			// Suvvy's dashboard step for this channel: replies go to this example's Suvvy Reply trigger.
			await emulatorAdmin(stack, 'state', { webhook_url: replyWebhookUrl(stack.n8n.url, workflow()) });
		});
		afterAll(async () => {
			await emulatorAdmin(stack, 'state', { webhook_url: stack.replyUrl });
		});

		test('registers its webhook with the Bot API when activated', async () => {
			const { webhook_url: registered } = await emulatorAdmin(stack, 'telegram/sent');
			const trigger = workflow().nodes.find((node) => node.name === 'Telegram Message');
			expect(registered).toBe(`${stack.n8n.url}/webhook/${trigger.webhookId}/webhook`);
		});

		test("a customer's Telegram message reaches Suvvy, and Suvvy's reply goes back to that chat", async () => {
			await prepareChannel(stack);
			await emulatorAdmin(stack, 'state', { webhook_url: replyWebhookUrl(stack.n8n.url, workflow()) });
			const before = (await emulatorAdmin(stack, 'telegram/sent')).sent.length;

			const delivered = await emulatorAdmin(stack, 'telegram/updates', telegramUpdate(555001, 'Do you ship to Oslo?'));
			expect(delivered.status).toBe(200);

			const sent = await telegramSent(stack, before + 1);
			const { messages } = await emulatorAdmin(stack, 'messages');
			expect(messages.map((message) => message.body)).toEqual([
				expect.objectContaining({ chat_id: 'telegram-555001', text: 'Do you ship to Oslo?', client_name: 'Ivan Sokolov', source: 'Telegram' }),
			]);
			expect(sent.slice(before)).toEqual([{ chat: '555001', text: 'Echo: Do you ship to Oslo?' }]);
		});

		test('when Suvvy refuses the message (negative balance), the customer gets an apology instead', async () => {
			await prepareChannel(stack, { channel: { balance: -5 } });
			const before = (await emulatorAdmin(stack, 'telegram/sent')).sent.length;
			const seen = await seenExecutions(stack, workflow());

			await emulatorAdmin(stack, 'telegram/updates', telegramUpdate(555002, 'Hello?'));

			const execution = await stack.api.nextExecution(workflow().id, seen);
			expect(routes(execution).map((route) => route.output)).toEqual(['No Balance']);
			const sent = await telegramSent(stack, before + 1);
			expect(sent.slice(before)).toEqual([{ chat: '555002', text: expect.stringContaining('could not pass your message on') }]);
		});
	});
});
