'use strict';
/**
 * What the emulator's tests share: a fresh emulator for each test, requests to its message endpoint
 * and its admin endpoints, Suvvy message bodies with attachments, and a webhook receiver.
 */
const http = require('node:http');

const { startEmulator, DEFAULT_TOKEN, MESSAGE_PATH } = require('../../dev/emulator');

const PNG = Buffer.from(
	'89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489',
	'hex',
);
const OGG = Buffer.concat([Buffer.from('OggS'), Buffer.alloc(60, 1)]);

function message(overrides = {}) {
	return {
		api_version: 1,
		message_id: `m-${Math.random().toString(36).slice(2)}`,
		chat_id: 'chat-1',
		text: 'Hello!',
		source: 'Jest',
		message_sender: 'customer',
		...overrides,
	};
}

function attachment(bytes, fileType = 'image', fileName = 'file.png') {
	return { file_name: fileName, file_type: fileType, data: bytes.toString('base64') };
}

/** Collects what a webhook receiver gets, like n8n's Suvvy Trigger would. */
/**
 * A webhook receiver on a free port. `received` lists the deliveries; `arrived(count)` resolves once
 * that many have come. With `holdAnswers`, each delivery stays unanswered until `answerHeld()`.
 */
async function startReceiver({ holdAnswers = false } = {}) {
	const received = [];
	const held = [];
	let waiters = [];
	const server = http.createServer((request, response) => {
		const chunks = [];
		request.on('data', (chunk) => chunks.push(chunk));
		request.on('end', () => {
			const delivery = {
				headers: request.headers,
				body: JSON.parse(Buffer.concat(chunks).toString()),
			};
			received.push(delivery);
			waiters = waiters.filter((waiter) => !waiter());
			if (holdAnswers) held.push(response);
			else response.end('ok');
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		received,
		url: `http://127.0.0.1:${server.address().port}/hook`,
		arrived: (count) =>
			new Promise((resolve) => {
				const check = () => received.length >= count && (resolve(), true);
				if (!check()) waiters.push(check);
			}),
		answerHeld: () => held.splice(0).forEach((response) => response.end('ok')),
		close: () => {
			for (const response of held.splice(0)) response.end('ok');
			server.close();
		},
	};
}

/**
 * Starts an emulator that replies at once before each test of the calling describe block, and closes
 * it after. `emulator.url` is the running one's address; `post` sends a message to it as a client of
 * Suvvy's API would, `admin` calls its /__emulator/ endpoints.
 */
function useEmulator() {
	let running;
	const emulator = {
		get url() {
			return running.url;
		},
	};
	const post = (body, { token = DEFAULT_TOKEN, raw } = {}) =>
		fetch(`${emulator.url}${MESSAGE_PATH}`, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				...(token ? { authorization: `Bearer ${token}` } : {}),
			},
			body: raw ?? JSON.stringify(body),
		});
	const admin = async (path, body) => {
		const response = await fetch(`${emulator.url}/__emulator/${path}`, {
			method: body ? 'POST' : 'GET',
			body: body ? JSON.stringify(body) : undefined,
		});
		return response.json();
	};

	beforeEach(async () => {
		running = await startEmulator({ replyDelayMs: 0 });
	});
	afterEach(() => running.close());
	return { emulator, post, admin };
}

module.exports = { PNG, OGG, message, attachment, startReceiver, useEmulator };
