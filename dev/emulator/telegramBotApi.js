'use strict';
/**
 * Just enough of Telegram's Bot API for the Telegram example to run offline: the three webhook
 * methods n8n's Telegram Trigger calls when it is activated, `sendMessage` for the Telegram node, and
 * an admin route that delivers an update to the registered webhook the way Telegram does (with the
 * secret token header). Point a Telegram credential's Base URL at `<emulator>/telegram`.
 */
const { parseJson, readBody, sendJson } = require('./httpKit');

const TELEGRAM_PREFIX = '/telegram/bot';

function createTelegram() {
	return { webhook: null, sent: [], nextMessageId: 1 };
}

async function readJson(request) {
	const parsed = parseJson(await readBody(request));
	return parsed.ok && parsed.value && typeof parsed.value === 'object' ? parsed.value : {};
}

const ok = (response, result) => sendJson(response, 200, { ok: true, result });
const refuse = (response, status, description) => sendJson(response, status, { ok: false, error_code: status, description });

const METHODS = {
	async getWebhookInfo(telegram, _body, response) {
		ok(response, { url: telegram.webhook?.url ?? '', has_custom_certificate: false, pending_update_count: 0 });
	},
	async setWebhook(telegram, body, response) {
		if (typeof body.url !== 'string' || body.url === '') return refuse(response, 400, 'Bad Request: bad webhook: URL is empty');
		telegram.webhook = { url: body.url, secretToken: body.secret_token ?? '' };
		ok(response, true);
	},
	async deleteWebhook(telegram, _body, response) {
		telegram.webhook = null;
		ok(response, true);
	},
	async sendMessage(telegram, body, response) {
		if (body.chat_id === undefined || typeof body.text !== 'string' || body.text === '') {
			return refuse(response, 400, 'Bad Request: chat_id and text are required');
		}
		const message = {
			message_id: telegram.nextMessageId++,
			date: Math.floor(Date.now() / 1000),
			chat: { id: Number(body.chat_id) || body.chat_id, type: 'private' },
			text: body.text,
		};
		telegram.sent.push({ ...body });
		ok(response, message);
	},
};

/** `/telegram/bot<token>/<method>`: any non-empty token is accepted, as a test bot's would be. */
async function handleBotApi(emulator, request, response, pathname) {
	const [token, method] = pathname.slice(TELEGRAM_PREFIX.length).split('/');
	if (!token) return refuse(response, 401, 'Unauthorized');
	const handler = METHODS[method];
	if (!handler) return refuse(response, 404, 'Not Found: method not found');
	await handler(emulator.telegram, await readJson(request), response);
}

/** Delivers one update to the registered webhook and answers with n8n's status. */
async function deliverUpdate(emulator, request, response) {
	const { webhook } = emulator.telegram;
	if (!webhook) return sendJson(response, 409, { detail: 'No Telegram webhook is registered' });
	const update = await readJson(request);
	const delivery = await fetch(webhook.url, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': webhook.secretToken },
		body: JSON.stringify(update),
	});
	sendJson(response, 200, { status: delivery.status, body: await delivery.text() });
}

const TELEGRAM_ROUTES = {
	'POST /__emulator/telegram/updates': deliverUpdate,
	'GET /__emulator/telegram/sent'(emulator, _request, response) {
		sendJson(response, 200, { sent: emulator.telegram.sent, webhook_url: emulator.telegram.webhook?.url ?? null });
	},
};

module.exports = { createTelegram, handleBotApi, TELEGRAM_PREFIX, TELEGRAM_ROUTES };
