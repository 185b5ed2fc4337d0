'use strict';
/**
 * The AI-agent path in a real n8n: the "AI agent hands a conversation to Suvvy" example, with n8n's
 * AI Agent, its OpenAI Chat Model (the credential's Base URL is the emulator's OpenAI-compatible
 * stand-in, which scripts the model's turns) and the Suvvy node as a tool whose chat ID and text the
 * model fills through $fromAI(). Started through the example's chat trigger, as a chat user would.
 */
const { N8N_VERSION } = require('../../dev/harness/realN8n');
const { readExamples } = require('../../dev/harness/stack');
const { emulatorAdmin, prepareChannel } = require('../../dev/harness/workflowRuns');
const { useStack } = require('./e2eStack');

describe(`an AI agent uses the Suvvy tool in real n8n ${N8N_VERSION}`, () => {
	const stack = useStack();
	const example = () => stack.workflows['ai-agent-to-suvvy'];

	/** A chat message as a chat user sends it; the agent's answer and the execution this message started. */
	async function chat(chatInput) {
		const trigger = example().nodes.find((node) => node.type === '@n8n/n8n-nodes-langchain.chatTrigger');
		const seen = new Set((await stack.api.executions(example().id)).map((execution) => execution.id));
		const response = await fetch(`${stack.n8n.url}/webhook/${trigger.webhookId}/chat`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ action: 'sendMessage', sessionId: `session-${Date.now()}`, chatInput }),
		});
		expect(response.status).toBe(200);
		const { output } = await response.json();
		return { answer: output, execution: await stack.api.nextExecution(example().id, seen) };
	}

	/** The execution finished, and the Suvvy tool ran in it without an error. */
	function expectToolRanCleanly(execution) {
		expect(execution.status).toBe('success');
		const toolRuns = execution.data.resultData.runData['Hand over to Suvvy'];
		expect(toolRuns).toHaveLength(1);
		expect(toolRuns[0].error).toBeUndefined();
		expect(execution.data.resultData.error).toBeUndefined();
	}

	/** The model's requests, in order: the first offers the tool, the second carries its result. */
	async function modelTurns() {
		const { requests } = await emulatorAdmin(stack, 'openai/requests');
		return requests.filter((request) => request.path === '/v1/chat/completions').map((request) => request.body);
	}

	const toolResult = (turn) => JSON.parse(turn.messages.find((message) => message.role === 'tool').content);

	beforeEach(async () => {
		await emulatorAdmin(stack, 'openai/reset', {});
	});

	test('imports the example with the node versions it ships (AI Agent 3, OpenAI Chat Model 1.3), none lowered for this n8n', () => {
		const shipped = readExamples().find(({ file }) => file === 'ai-agent-to-suvvy.json').workflow;
		const versions = (workflow) => Object.fromEntries(workflow.nodes.map((node) => [node.name, `${node.type}@${node.typeVersion}`]));
		expect(versions(example())).toEqual(versions(shipped));
		expect(versions(example())).toMatchObject({
			'AI Agent': '@n8n/n8n-nodes-langchain.agent@3',
			'OpenAI Chat Model': '@n8n/n8n-nodes-langchain.lmChatOpenAi@1.3',
		});
	});

	test('sends the chat ID and text the model chose; the model reads the result, and the answer quotes it', async () => {
		await prepareChannel(stack);
		const { answer, execution } = await chat('Please pass "Is the blue sofa still in stock?" to Suvvy, chat shop-42.');
		expectToolRanCleanly(execution);

		const { messages } = await emulatorAdmin(stack, 'messages');
		expect(messages).toHaveLength(1);
		expect(messages[0]).toMatchObject({ chat_id: 'shop-42', body: { text: 'Is the blue sofa still in stock?', source: 'n8n AI agent', message_sender: 'customer' } });

		const [offer, afterTool] = await modelTurns();
		const tool = offer.tools.find((candidate) => candidate.function.name === 'Hand_over_to_Suvvy');
		// What the model reads to choose the tool and fill it: the node's tool description and the
		// example's $fromAI() descriptions.
		expect(tool.function.description).toMatch(/^Hands a message to Suvvy, an AI sales and support assistant/);
		expect(tool.function.parameters.properties).toMatchObject({
			chatId: { type: 'string', description: expect.stringMatching(/conversation in your system/) },
			text: { type: 'string', description: "The customer's message, in their own words" },
		});

		const [result] = toolResult(afterTool);
		expect(result).toMatchObject({ sent: true, outcome: 'Sent', chat_id: 'shop-42', text: 'Is the blue sofa still in stock?', status: 200 });
		expect(answer).toContain(result.message);
		expect(answer).toContain(JSON.stringify([result]));
	});

	test('with the balance below zero, the tool says the message was not sent, why and what to do, and the agent finishes', async () => {
		await prepareChannel(stack, { channel: { balance: -5 } });
		const { answer, execution } = await chat('Please pass "Can I pay by invoice?" to Suvvy, chat shop-43.');
		// This message's own execution, not the earlier test's: the refusal is a result, not an error.
		expectToolRanCleanly(execution);

		expect((await emulatorAdmin(stack, 'messages')).messages).toEqual([]);
		const [, afterTool] = await modelTurns();
		const [result] = toolResult(afterTool);
		expect(result).toMatchObject({ sent: false, outcome: 'No Balance', status: 402, error_code: 'user_balance_below_zero', chat_id: 'shop-43' });
		expect(result.message).toMatch(/^No Balance \(HTTP 402\): .* Top up the Suvvy balance, then resend\.$/);
		expect(answer).toContain(result.message);
	});
});
