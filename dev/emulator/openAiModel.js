'use strict';
/**
 * An OpenAI-compatible chat model on the emulator's port, for n8n's OpenAI Chat Model node (point an
 * OpenAI credential's Base URL at `<emulator>/v1`): `POST /v1/chat/completions` (JSON, or server-sent
 * events when asked to stream), `GET /v1/models` and `GET /v1/models/:id` (n8n's credential test and
 * model list). It answers by a script (modelScript.js) and records every request, so a test can read
 * what an agent sent the model. `POST /v1/responses` is refused with a message naming the switch in
 * n8n's node, since only Chat Completions is spoken here.
 */
const { parseJson, readBody, sendJson } = require('./httpKit');
const { scriptedTurn } = require('./modelScript');

const MODEL = 'suvvy-emulator-model';
const CREATED = 1_700_000_000;
const USAGE = { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 };

function createModel() {
	return { requests: [], queued: [] };
}

const openAiError = (response, status, message, code) =>
	sendJson(response, status, { error: { message, type: 'invalid_request_error', param: null, code } });

function record(model, request, path, body) {
	const entry = { index: model.requests.length, method: request.method, path, authorization: request.headers.authorization, body };
	model.requests.push(entry);
	return entry;
}

function completion(id, name, turn) {
	return {
		id,
		object: 'chat.completion',
		created: CREATED,
		model: name,
		choices: [{ index: 0, message: { ...turn.message, refusal: null }, logprobs: null, finish_reason: turn.finishReason }],
		usage: USAGE,
	};
}

/** The same answer as server-sent events, in the pieces OpenAI streams it in. */
function stream(response, id, name, turn, includeUsage) {
	response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
	const chunk = (delta, finishReason = null) =>
		response.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: CREATED, model: name, choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }] })}\n\n`);
	chunk({ role: 'assistant', content: turn.message.content === null ? null : '' });
	if (turn.message.tool_calls) {
		turn.message.tool_calls.forEach((call, index) => {
			chunk({ tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.function.name, arguments: '' } }] });
			chunk({ tool_calls: [{ index, function: { arguments: call.function.arguments } }] });
		});
	} else {
		const text = turn.message.content;
		for (const piece of [text.slice(0, Math.ceil(text.length / 2)), text.slice(Math.ceil(text.length / 2))]) if (piece) chunk({ content: piece });
	}
	chunk({}, turn.finishReason);
	if (includeUsage) response.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: CREATED, model: name, choices: [], usage: USAGE })}\n\n`);
	response.end('data: [DONE]\n\n');
}

async function chatCompletions(emulator, request, response, path) {
	const { model } = emulator;
	const parsed = parseJson(await readBody(request));
	if (!parsed.ok) {
		record(model, request, path, null);
		return openAiError(response, 400, 'We could not parse the JSON body of your request.', 'invalid_json');
	}
	const body = parsed.value;
	const entry = record(model, request, path, body);
	const queued = model.queued.shift();
	if (queued) {
		entry.answered = { scripted: true, status: queued.status ?? 200 };
		return sendJson(response, queued.status ?? 200, queued.body ?? {});
	}
	const turn = scriptedTurn(body);
	entry.answered = { kind: turn.kind, stream: Boolean(body.stream), message: turn.message, finish_reason: turn.finishReason };
	emulator.log(`model: chat/completions #${entry.index} → ${turn.kind}`);
	const id = `chatcmpl-emulator-${entry.index + 1}`;
	if (body.stream) return stream(response, id, body.model ?? MODEL, turn, Boolean(body.stream_options?.include_usage));
	sendJson(response, 200, completion(id, body.model ?? MODEL, turn));
}

/** Answers a `/v1/…` request; returns false for any other path. */
async function handleModel(emulator, request, response, url) {
	const path = url.pathname.replace(/\/+$/, '');
	if (!path.startsWith('/v1/')) return false;
	const { model } = emulator;
	if (request.method === 'POST' && path === '/v1/chat/completions') {
		await chatCompletions(emulator, request, response, path);
		return true;
	}
	const modelObject = (id) => ({ id, object: 'model', created: CREATED, owned_by: 'suvvy-emulator' });
	if (request.method === 'GET' && path === '/v1/models') {
		record(model, request, path, undefined).answered = { kind: 'models' };
		sendJson(response, 200, { object: 'list', data: [modelObject(MODEL)] });
		return true;
	}
	const one = /^\/v1\/models\/(.+)$/.exec(path);
	if (request.method === 'GET' && one) {
		record(model, request, path, undefined).answered = { kind: 'model' };
		const id = decodeURIComponent(one[1]);
		if (id === MODEL) sendJson(response, 200, modelObject(id));
		else openAiError(response, 404, `The model '${id}' does not exist`, 'model_not_found');
		return true;
	}
	await readBody(request);
	record(model, request, path, undefined).answered = { kind: 'refused', status: path === '/v1/responses' ? 400 : 404 };
	if (request.method === 'POST' && path === '/v1/responses') {
		openAiError(response, 400, 'This emulator speaks the Chat Completions API only: turn "Use Responses API" off in the OpenAI Chat Model node.', 'responses_api_unsupported');
	} else {
		openAiError(response, 404, `Unknown request URL: ${request.method} ${path}.`, 'unknown_url');
	}
	return true;
}

module.exports = { createModel, handleModel, MODEL };
