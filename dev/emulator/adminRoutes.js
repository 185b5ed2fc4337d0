'use strict';
/**
 * The emulator's own endpoints, under /__emulator: what it accepted, its stats, its settings, and
 * buttons a test presses (reset, send a test_request, deliver a reply, script a chat's answers).
 * They exist only in the emulator; Suvvy has nothing like them.
 */
const { describeChannel, resetRecords, updateChannel } = require('./channel');
const { readBody, sendJson, parseJson } = require('./httpKit');
const { normalisePlan } = require('./replyBot');

function publicMessage(record, includeData, channel) {
	if (!includeData) return record;
	const attachments = record.attachments.map((attachment) => ({
		...attachment,
		data: channel.files.get(attachment.file_id).bytes.toString('base64'),
	}));
	return { ...record, attachments };
}

async function jsonBody(request, response) {
	const parsed = parseJson(await readBody(request));
	if (!parsed.ok) {
		sendJson(response, 400, { detail: `Body is not JSON: ${parsed.error.message}` });
		return undefined;
	}
	return parsed.value ?? {};
}

const ROUTES = {
	'GET /__emulator/messages'(emulator, _request, response, query) {
		const chatId = query.get('chat_id');
		const includeData = query.get('include_data') === '1';
		const messages = emulator.channel.messages
			.filter((record) => !chatId || record.chat_id === chatId)
			.map((record) => publicMessage(record, includeData, emulator.channel));
		sendJson(response, 200, { messages });
	},
	'GET /__emulator/stats'(emulator, _request, response) {
		sendJson(response, 200, {
			...emulator.channel.stats,
			stored: emulator.channel.messages.length,
		});
	},
	'GET /__emulator/deliveries'(emulator, _request, response) {
		sendJson(response, 200, { deliveries: emulator.channel.deliveries });
	},
	'GET /__emulator/state'(emulator, _request, response) {
		sendJson(response, 200, describeChannel(emulator.channel));
	},
	async 'POST /__emulator/state'(emulator, request, response) {
		const patch = await jsonBody(request, response);
		if (!patch) return;
		try {
			updateChannel(emulator.channel, patch);
		} catch (error) {
			return sendJson(response, 400, { detail: error.message });
		}
		sendJson(response, 200, describeChannel(emulator.channel));
	},
	async 'POST /__emulator/reset'(emulator, _request, response) {
		await emulator.idle();
		resetRecords(emulator.channel);
		sendJson(response, 200, { reset: true });
	},
	async 'POST /__emulator/answers'(emulator, request, response) {
		const script = await jsonBody(request, response);
		if (!script) return;
		if (typeof script.chat_id !== 'string')
			return sendJson(response, 400, { detail: 'chat_id is required' });
		emulator.channel.scripted.set(script.chat_id, script);
		sendJson(response, 200, { scripted: script.chat_id });
	},
	/** How a chat's next messages are answered: `{"chat_id", "mode", "delay_ms", "parts", "gap_ms", "sender", "times"}`. */
	async 'POST /__emulator/reply-plan'(emulator, request, response) {
		const body = await jsonBody(request, response);
		if (!body) return;
		if (typeof body.chat_id !== 'string')
			return sendJson(response, 400, { detail: 'chat_id is required' });
		try {
			emulator.channel.replyPlans.set(body.chat_id, normalisePlan(body));
		} catch (error) {
			return sendJson(response, 400, { detail: error.message });
		}
		sendJson(response, 200, {
			chat_id: body.chat_id,
			...emulator.channel.replyPlans.get(body.chat_id),
		});
	},
	async 'POST /__emulator/release-answers'(emulator, request, response) {
		const body = await jsonBody(request, response);
		if (!body) return;
		if (typeof body.chat_id !== 'string')
			return sendJson(response, 400, { detail: 'chat_id is required' });
		sendJson(response, 200, { released: emulator.replyBot.releaseAnswers(body.chat_id) });
	},
	async 'POST /__emulator/test-request'(emulator, _request, response) {
		if (!emulator.channel.webhook.url)
			return sendJson(response, 409, { detail: 'No webhook URL is set' });
		sendJson(response, 200, await emulator.replyBot.deliver({ event_type: 'test_request' }));
	},
	async 'POST /__emulator/deliver'(emulator, request, response) {
		const event = await jsonBody(request, response);
		if (!event) return;
		if (!emulator.channel.webhook.url)
			return sendJson(response, 409, { detail: 'No webhook URL is set' });
		sendJson(response, 200, await emulator.replyBot.deliver(event));
	},
	async 'GET /__emulator/openai/requests'(emulator, _request, response) {
		sendJson(response, 200, { requests: emulator.model.requests });
	},
	async 'POST /__emulator/openai/reset'(emulator, _request, response) {
		emulator.model.requests.length = 0;
		emulator.model.queued.length = 0;
		sendJson(response, 200, { reset: true });
	},
	/** Raw answers, used in order before the script: `{"replies": [{"status": 500, "body": {…}}]}`. */
	async 'POST /__emulator/openai/script'(emulator, request, response) {
		const body = await jsonBody(request, response);
		if (!body) return;
		emulator.model.queued.push(...(body.replies ?? []));
		sendJson(response, 200, { queued: emulator.model.queued.length });
	},
	async 'GET /__emulator/idle'(emulator, _request, response) {
		await emulator.idle();
		sendJson(response, 200, { idle: true });
	},
};

function serveFile(emulator, pathname, response) {
	const [, , id] = pathname.split('/');
	const file = emulator.channel.files.get(id);
	if (!file) return sendJson(response, 404, { detail: 'Not Found' });
	response.writeHead(200, {
		'content-type': file.mimeType ?? 'application/octet-stream',
		'content-length': file.bytes.length,
		'content-disposition': `attachment; filename="${encodeURIComponent(file.name)}"`,
	});
	response.end(file.bytes);
}

module.exports = { ROUTES, serveFile };
