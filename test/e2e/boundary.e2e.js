'use strict';
/**
 * The Suvvy Trigger at the internet boundary, in a real n8n: a delivery posted to its production URL
 * names an "internal" service on this machine. The trigger keeps its default (private addresses
 * refused), so that service receives nothing and the execution holds the message with a policy
 * file_error.
 */
const { once } = require('node:events');
const { createServer } = require('node:http');

const { N8N_VERSION } = require('../../dev/harness/realN8n');
const { waitForWebhooks } = require('../../dev/harness/stack');
const { useStack } = require('./e2eStack');

const REFUSED =
	"Not downloaded: refused by the trigger's network policy, the link does not lead to a public internet address";

/** The replies example as a user would import it: its trigger at a URL of its own, options untouched. */
function guardedCopy(example) {
	const nodes = example.nodes.map((node) =>
		node.type === 'n8n-nodes-suvvy.suvvyTrigger'
			? {
					...node,
					id: undefined,
					webhookId: 'a7d5c0e4-3b2f-4c1d-9e8f-0a1b2c3d4e5f',
					parameters: { ...node.parameters, options: {} },
				}
			: { ...node, id: undefined },
	);
	return { ...example, name: 'Replies with the default network policy', nodes };
}

describe(`the Suvvy Trigger at the internet boundary in real n8n ${N8N_VERSION}`, () => {
	const stack = useStack();
	const internalRequests = [];
	let internal;
	let workflow;
	let url;

	beforeAll(async () => {
		internal = createServer((request, response) => {
			internalRequests.push(request.url);
			response.end('internal admin page');
		});
		internal.listen(0, '127.0.0.1');
		await once(internal, 'listening');
		const stored = await stack.api.createWorkflow(guardedCopy(stack.workflows['suvvy-replies']));
		workflow = await stack.api.activate(stored);
		await waitForWebhooks(stack.n8n.url, guardedCopy(stack.workflows['suvvy-replies']));
		url = `${stack.n8n.url}/webhook/a7d5c0e4-3b2f-4c1d-9e8f-0a1b2c3d4e5f/webhook`;
	});
	afterAll(() => internal?.close());

	async function deliver(fileUrl, authorization) {
		const seen = new Set(
			(await stack.api.executions(workflow.id)).map((execution) => execution.id),
		);
		const response = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json', authorization },
			body: JSON.stringify({
				event_type: 'new_messages',
				chat_id: 'chat-boundary',
				new_messages: [
					{ type: 'document', message_sender: 'ai', file: { name: 'report.pdf', url: fileUrl } },
				],
			}),
		});
		expect(response.status).toBe(200);
		return await stack.api.nextExecution(workflow.id, seen);
	}

	test('a link to a loopback service is never fetched; the execution keeps the message with a policy file_error', async () => {
		const link = `http://127.0.0.1:${internal.address().port}/internal`;
		const execution = await deliver(link, `Bearer ${stack.webhookSecret}`);
		const [item] = execution.data.resultData.runData['Suvvy Trigger'][0].data.main[0];
		expect(item.json).toMatchObject({
			chat_id: 'chat-boundary',
			file: { url: link },
			file_error: REFUSED,
		});
		expect(item.binary).toBeUndefined();
		expect(internalRequests).toEqual([]);
	});

	test('the secret is accepted with the Bearer scheme in any case, as HTTP allows', async () => {
		const link = `http://[::ffff:127.0.0.1]:${internal.address().port}/internal`;
		const execution = await deliver(link, `bearer ${stack.webhookSecret}`);
		const [item] = execution.data.resultData.runData['Suvvy Trigger'][0].data.main[0];
		expect(item.json.file_error).toBe(REFUSED);
		expect(internalRequests).toEqual([]);
	});
});
