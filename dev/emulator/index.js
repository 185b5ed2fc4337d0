'use strict';
/**
 * A local stand-in for Suvvy's custom channel, for development and tests (never shipped in the
 * package). `startEmulator()` listens on loopback and resolves once it is ready.
 */
const http = require('node:http');

const { ROUTES, serveFile } = require('./adminRoutes');
const { createChannel, DEFAULT_TOKEN } = require('./channel');
const { sendJson } = require('./httpKit');
const { handleMessage } = require('./messageRoute');
const { createModel, handleModel } = require('./openAiModel');
const { createReplyBot } = require('./replyBot');
const { createTelegram, handleBotApi, TELEGRAM_PREFIX, TELEGRAM_ROUTES } = require('./telegramBotApi');

const MESSAGE_PATH = '/api/webhook/custom/message';

async function route(emulator, request, response) {
	const url = new URL(request.url, emulator.url);
	const key = `${request.method} ${url.pathname}`;
	if (key === `POST ${MESSAGE_PATH}`) return whileHandling(emulator, handleMessage(emulator, request, response));
	if (await handleModel(emulator, request, response, url)) return undefined;
	if (ROUTES[key]) return ROUTES[key](emulator, request, response, url.searchParams);
	if (TELEGRAM_ROUTES[key]) return TELEGRAM_ROUTES[key](emulator, request, response);
	if (request.method === 'POST' && url.pathname.startsWith(TELEGRAM_PREFIX)) return handleBotApi(emulator, request, response, url.pathname);
	if (request.method === 'GET' && url.pathname.startsWith('/files/')) return serveFile(emulator, url.pathname, response);
	if (key === 'GET /healthz') return sendJson(response, 200, { status: 'ok' });
	if (url.pathname === MESSAGE_PATH) return sendJson(response, 405, { detail: 'Method Not Allowed' });
	sendJson(response, 404, { detail: 'Not Found' });
}

/** Keeps a message's handling in view until it ends, even after its client gave up waiting. */
function whileHandling(emulator, handled) {
	emulator.handling.add(handled);
	return handled.finally(() => emulator.handling.delete(handled));
}

/** Resolves once no message is being handled (slow faults included) and every reply is delivered. */
async function idle(emulator) {
	while (emulator.handling.size || emulator.replyBot.busy()) {
		await Promise.allSettled([...emulator.handling]);
		await emulator.replyBot.idle();
	}
}

/**
 * @param {object} [options] port (0 picks a free one), tokens, channelEnabled, balance, webhookUrl,
 *   webhookSecret, repliesEnabled, replyDelayMs, latencyMs, seed, faults, log (a function)
 */
function startEmulator(options = {}) {
	const emulator = {
		channel: createChannel(options),
		log: options.log ?? (() => {}),
		telegram: createTelegram(),
		model: createModel(),
		handling: new Set(),
		url: '',
	};
	emulator.idle = () => idle(emulator);
	emulator.replyBot = createReplyBot(emulator);
	const sockets = new Set();
	const server = http.createServer((request, response) => {
		Promise.resolve(route(emulator, request, response)).catch((error) => {
			emulator.log(`internal error: ${error.stack}`);
			if (!response.headersSent) sendJson(response, 500, { detail: 'Emulator error', error: String(error) });
			else response.destroy();
		});
	});
	server.keepAliveTimeout = 30_000;
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});

	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, '127.0.0.1', () => {
			emulator.url = `http://127.0.0.1:${server.address().port}`;
			emulator.port = server.address().port;
			emulator.close = () =>
				new Promise((done) => {
					server.close(() => done());
					for (const socket of sockets) socket.destroy();
				});
			resolve(emulator);
		});
	});
}

module.exports = { startEmulator, DEFAULT_TOKEN, MESSAGE_PATH };
