'use strict';
/** Running the example workflows against a stack and reading back where each item went. */

/** The Suvvy node's outputs, in order, as the node shows them. */
const OUTPUTS = ['Sent', 'Invalid Token', 'No Balance', 'Bad File', 'Validation Error', 'Channel Off', 'Other Error'];

async function emulatorAdmin(stack, path, body) {
	const response = await fetch(`${stack.emulator.url}/__emulator/${path}`, {
		method: body ? 'POST' : 'GET',
		body: body ? JSON.stringify(body) : undefined,
	});
	if (!response.ok) throw new Error(`emulator ${path}: ${response.status} ${await response.text()}`);
	return response.json();
}

/** Posts to an example's production webhook and returns n8n's answer plus the execution it started. */
async function callWebhook(stack, workflowKey, path, init) {
	const workflow = stack.workflows[workflowKey];
	const seen = new Set((await stack.api.executions(workflow.id)).map((execution) => execution.id));
	const response = await fetch(`${stack.n8n.url}/webhook/${path}`, { method: 'POST', ...init });
	const answer = { status: response.status, body: await response.text() };
	const execution = await stack.api.nextExecution(workflow.id, seen);
	return { answer, execution };
}

function postJson(body) {
	return { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

/** A multipart form upload, as a browser form or `curl -F` sends it. */
function upload(fields, files) {
	const form = new FormData();
	for (const [name, value] of Object.entries(fields)) form.append(name, value);
	for (const { field, bytes, fileName, mimeType } of files) form.append(field, new Blob([bytes], { type: mimeType }), fileName);
	return { body: form };
}

/** The output each item left the node by, in the node's own output names, with its paired input item. */
function routes(execution, nodeName = 'Suvvy') {
	const runs = execution.data.resultData.runData[nodeName];
	if (!runs) throw new Error(`"${nodeName}" did not run; error: ${JSON.stringify(execution.data.resultData.error)}`);
	return runs[0].data.main
		.flatMap((items, output) => (items ?? []).map((item) => ({ output: OUTPUTS[output], item })))
		.map(({ output, item }) => ({ output, pairedItem: item.pairedItem, json: item.json }));
}

/** A clean emulated channel that accepts the stack's credential, then the scenario's own twist. */
async function prepareChannel(stack, { channel, script } = {}) {
	await emulatorAdmin(stack, 'reset', {});
	await emulatorAdmin(stack, 'state', { tokens: [stack.emulatorToken], channel_enabled: true, balance: 100, ...channel });
	if (script) await emulatorAdmin(stack, 'answers', script);
}

/** Plays one scenario through the single-message example; returns all there is to check or print. */
async function playScenario(stack, scenario) {
	await prepareChannel(stack, scenario);
	const { answer, execution } = await callWebhook(stack, 'webhook-to-suvvy', 'suvvy-message', scenario.request());
	const { messages } = await emulatorAdmin(stack, 'messages?include_data=1');
	return { answer, execution, taken: routes(execution), messages };
}

/** Plays the batch example once; returns where each item went and what the emulator kept. */
async function playBatch(stack, batch) {
	await prepareChannel(stack, batch);
	const { execution } = await callWebhook(stack, 'batch-to-suvvy', 'suvvy-batch', postJson({ messages: batch.messages }));
	const taken = routes(execution).map(({ output, pairedItem, json }) => ({ output, pairedItem, chat: json.chat_id }));
	const { messages } = await emulatorAdmin(stack, 'messages');
	return { execution, taken, messages };
}

module.exports = { OUTPUTS, emulatorAdmin, callWebhook, postJson, upload, routes, prepareChannel, playScenario, playBatch };
