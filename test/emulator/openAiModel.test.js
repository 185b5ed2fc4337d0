'use strict';
/** The Suvvy emulator stands in for an OpenAI-compatible chat model, for the AI agent example. */
const { useEmulator } = require('../support/emulatorClient');

describe('Suvvy emulator', () => {
	const { emulator, admin } = useEmulator();

	describe('the OpenAI-compatible chat model (for n8n\'s OpenAI Chat Model node)', () => {
		const suvvyTool = {
			type: 'function',
			function: {
				name: 'Send_message_to_Suvvy',
				description: 'Send a message in Suvvy',
				parameters: { type: 'object', properties: { chatId: { type: 'string' }, text: { type: 'string' } }, required: ['chatId', 'text'] },
			},
		};
		const user = { role: 'user', content: 'Send "Do you deliver on Saturday?" to Suvvy chat agent-42.' };
		const complete = async (body) => {
			const response = await fetch(`${emulator.url}/v1/chat/completions`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', authorization: 'Bearer sk-emulator' },
				body: JSON.stringify({ model: 'suvvy-emulator-model', ...body }),
			});
			return { status: response.status, body: response.headers.get('content-type').includes('json') ? await response.json() : await response.text() };
		};

		test('first calls the Suvvy tool with the chat ID and text taken from the user message', async () => {
			const { status, body } = await complete({ messages: [user], tools: [suvvyTool] });
			expect(status).toBe(200);
			const [choice] = body.choices;
			expect(choice.finish_reason).toBe('tool_calls');
			expect(choice.message.tool_calls).toEqual([
				{ id: 'call_emulator_1', type: 'function', function: { name: 'Send_message_to_Suvvy', arguments: JSON.stringify({ chatId: 'agent-42', text: 'Do you deliver on Saturday?' }) } },
			]);
		});

		test('then answers with text that quotes the tool result, and records every request', async () => {
			const toolResult = JSON.stringify([{ sent: false, message: 'No Balance (HTTP 402): Top up the Suvvy balance, then resend.' }]);
			const { body } = await complete({
				messages: [user, { role: 'assistant', content: '', tool_calls: [{ id: 'call_emulator_1', type: 'function', function: { name: 'Send_message_to_Suvvy', arguments: '{}' } }] }, { role: 'tool', tool_call_id: 'call_emulator_1', content: toolResult }],
				tools: [suvvyTool],
			});
			expect(body.choices[0].finish_reason).toBe('stop');
			expect(body.choices[0].message.content).toBe(`Suvvy says: No Balance (HTTP 402): Top up the Suvvy balance, then resend.\n\nTool result: ${toolResult}`);
			const { requests } = await admin('openai/requests');
			expect(requests).toHaveLength(1);
			expect(requests[0]).toMatchObject({ method: 'POST', path: '/v1/chat/completions', authorization: 'Bearer sk-emulator', answered: { kind: 'answer' } });
			expect(requests[0].body.messages[2]).toEqual({ role: 'tool', tool_call_id: 'call_emulator_1', content: toolResult });
		});

		test('streams the same answer as server-sent events when asked to', async () => {
			const { body } = await complete({ messages: [user], tools: [suvvyTool], stream: true });
			const events = body.split('\n\n').filter(Boolean);
			expect(events.at(-1)).toBe('data: [DONE]');
			const deltas = events.slice(0, -1).map((event) => JSON.parse(event.slice('data: '.length)).choices[0]);
			expect(deltas.at(-1).finish_reason).toBe('tool_calls');
			expect(deltas.flatMap((delta) => delta.delta.tool_calls ?? []).map((call) => call.function.arguments).join('')).toBe(
				JSON.stringify({ chatId: 'agent-42', text: 'Do you deliver on Saturday?' }),
			);
		});

		test('lists its model, refuses the Responses API by name, and plays queued answers first', async () => {
			const models = await (await fetch(`${emulator.url}/v1/models`)).json();
			expect(models.data.map((model) => model.id)).toEqual(['suvvy-emulator-model']);
			const responses = await fetch(`${emulator.url}/v1/responses`, { method: 'POST', body: '{}' });
			expect(responses.status).toBe(400);
			expect((await responses.json()).error.message).toMatch(/turn "Use Responses API" off/);
			await admin('openai/script', { replies: [{ status: 500, body: { error: { message: 'overloaded' } } }] });
			expect((await complete({ messages: [user] })).status).toBe(500);
			expect((await complete({ messages: [user] })).body.choices[0].message.content).toBe(`You said: ${user.content}`);
			await admin('openai/reset', {});
			expect((await admin('openai/requests')).requests).toEqual([]);
		});
	});
});
