'use strict';
/** What every e2e file shares: one real stack per file, torn down after it, and small helpers. */
const { startStack } = require('../harness/stack');

/** The Suvvy node's outputs, in order, as the node shows them. */
const OUTPUTS = ['Sent', 'Invalid Token', 'Negative Balance', 'Unsupported File', 'Validation Error', 'Channel Disabled', 'Other Error'];

function useStack(options = {}) {
	const holder = {};
	beforeAll(async () => {
		Object.assign(holder, await startStack(options));
	}, 600_000);
	afterAll(async () => {
		if (holder.stop) await holder.stop();
	}, 60_000);
	return holder;
}

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

/** For each output of a node in an execution, the items that left by it. */
function itemsByOutput(execution, nodeName) {
	const runs = execution.data.resultData.runData[nodeName];
	if (!runs) throw new Error(`"${nodeName}" did not run; error: ${JSON.stringify(execution.data.resultData.error)}`);
	return runs[0].data.main.map((items) => items ?? []);
}

/** The output each item left by, in the node's own output names, and its paired input item. */
function routes(execution, nodeName = 'Suvvy') {
	return itemsByOutput(execution, nodeName)
		.flatMap((items, output) => items.map((item) => ({ output: OUTPUTS[output], item })))
		.map(({ output, item }) => ({ output, pairedItem: item.pairedItem, json: item.json }));
}

module.exports = { OUTPUTS, useStack, emulatorAdmin, callWebhook, postJson, itemsByOutput, routes };
