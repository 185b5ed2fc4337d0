'use strict';
/**
 * POST /api/webhook/custom/message, answered the way Suvvy's page describes: 401, 424 and 402
 * before the body is looked at, then 422 for the body, 415 for files whose bytes are not a type
 * Suvvy takes, and 200 `{"message": "Successful"}`. A message ID seen before is answered 200 again
 * but not stored twice.
 */
const { count, nextAttempt, storeMessage } = require('./channel');
const { pickFault } = require('./faults');
const { readBody, sendJson, sendRaw, parseJson, delay, BodyTooLarge } = require('./httpKit');
const { ACCEPTED, ALLOWED_MIME_TYPES, sniffMimeType } = require('./sniffFile');
const { validateBody } = require('./validateBody');

const MAX_FILE_BYTES = 15 * 1024 * 1024;

/** Strict base64, checked in one linear pass (a single regex over 20 MB overflows V8's stack). */
function isBase64(text) {
	if (typeof text !== 'string' || text.length % 4 !== 0) return false;
	const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
	return !/[^A-Za-z0-9+/]/.test(text.slice(0, text.length - padding));
}

const ERRORS = {
	401: { detail: 'Invalid token.', status_code: 401, error_code: 'auth_invalid_token' },
	402: {
		detail: "Your balance is below zero, so you can't perform this action.'",
		status_code: 402,
		error_code: 'user_balance_below_zero',
	},
	415: {
		detail: 'File type is not supported or invalid.',
		status_code: 415,
		error_code: 'file_invalid_type',
		allowed_mime_types: ALLOWED_MIME_TYPES,
	},
	424: { detail: 'Channel is disabled.', status_code: 424, error_code: 'instance_channel_is_disabled' },
};

function bearerToken(request) {
	const match = /^Bearer (.+)$/.exec(request.headers.authorization ?? '');
	return match ? match[1] : undefined;
}

/** Decodes and checks every attachment; returns the files, or the status and body to refuse with. */
function decodeAttachments(attachments = []) {
	const files = [];
	const tooLarge = [];
	let unsupported = false;
	attachments.forEach((attachment, index) => {
		if (!isBase64(attachment.data)) {
			unsupported = true;
			return;
		}
		const bytes = Buffer.from(attachment.data, 'base64');
		if (bytes.length > MAX_FILE_BYTES) {
			tooLarge.push({
				type: 'too_long',
				loc: ['body', 'attachments', index, 'data'],
				msg: `File should be at most ${MAX_FILE_BYTES} bytes, got ${bytes.length}`,
				input: `${attachment.data.slice(0, 40)}…`,
			});
			return;
		}
		const mimeType = sniffMimeType(bytes);
		if (!mimeType || !ACCEPTED[attachment.file_type].includes(mimeType)) unsupported = true;
		files.push({ name: attachment.file_name, fileType: attachment.file_type, mimeType, bytes });
	});
	if (tooLarge.length) return { refusal: [422, { detail: tooLarge }] };
	if (unsupported) return { refusal: [415, ERRORS[415]] };
	return { files };
}

/** Plays a fault; returns true when the request must not be answered normally. */
async function playFault(emulator, fault, request, response) {
	const { channel } = emulator;
	count(channel.stats.faults, fault);
	emulator.log(`fault ${fault}`);
	if (fault === 'drop') {
		request.socket.destroy();
		return true;
	}
	if (fault === '500') {
		sendRaw(response, 500, 'Internal Server Error', 'text/plain');
		return true;
	}
	if (fault === '429') {
		sendJson(response, 429, { detail: 'Too many requests.', status_code: 429 }, {
			'retry-after': String(channel.faults.retry_after_seconds),
		});
		return true;
	}
	await delay(channel.faults.slow_ms);
	return false;
}

/** A test can make one chat answer something Suvvy's page does not describe (an HTML 502, …). */
function playScripted(channel, chatId, request, response) {
	const script = channel.scripted.get(chatId);
	if (!script) return false;
	if (script.times !== undefined && --script.times <= 0) channel.scripted.delete(chatId);
	if (script.reset_mid_answer) {
		response.writeHead(script.status ?? 200, { 'content-type': 'application/json', 'content-length': 1000 });
		response.write('{"message": "Succ');
		setImmediate(() => request.socket.destroy());
		return true;
	}
	const body = typeof script.body === 'string' ? script.body : JSON.stringify(script.body ?? {});
	sendRaw(response, script.status ?? 200, body, script.content_type ?? 'application/json');
	return true;
}

function answer(emulator, response, status, body) {
	count(emulator.channel.stats.answered, status);
	sendJson(response, status, body);
}

/**
 * Counts requests being answered at once, and their body bytes, so a test can see how parallel a
 * client really is and how much it sends at once.
 */
function trackInFlight(stats, request, response) {
	const bytes = Number(request.headers['content-length']) || 0;
	stats.in_flight++;
	stats.max_in_flight = Math.max(stats.max_in_flight, stats.in_flight);
	stats.bytes_in_flight += bytes;
	stats.max_bytes_in_flight = Math.max(stats.max_bytes_in_flight, stats.bytes_in_flight);
	let done = false;
	const finish = () => {
		if (!done) {
			stats.in_flight--;
			stats.bytes_in_flight -= bytes;
		}
		done = true;
	};
	response.on('finish', finish);
	response.on('close', finish);
}

async function handleMessage(emulator, request, response) {
	const { channel } = emulator;
	channel.stats.requests++;
	trackInFlight(channel.stats, request, response);
	if (channel.latencyMs > 0) await delay(channel.latencyMs);

	let raw;
	try {
		raw = await readBody(request);
	} catch (error) {
		if (error instanceof BodyTooLarge) answer(emulator, response, 413, { detail: error.message });
		return;
	}
	const parsed = parseJson(raw);
	const body = parsed.ok ? parsed.value : undefined;
	const messageId = typeof body?.message_id === 'string' ? body.message_id : `#request-${channel.stats.requests}`;

	const fault = pickFault(channel.faults, channel.seed, messageId, nextAttempt(channel, messageId));
	if (fault && (await playFault(emulator, fault, request, response))) return;
	if (typeof body?.chat_id === 'string' && playScripted(channel, body.chat_id, request, response)) return;

	const token = bearerToken(request);
	if (!token || !channel.tokens.has(token)) return answer(emulator, response, 401, ERRORS[401]);
	if (!channel.enabled) return answer(emulator, response, 424, ERRORS[424]);
	if (channel.balance < 0) return answer(emulator, response, 402, ERRORS[402]);
	if (!parsed.ok) {
		return answer(emulator, response, 422, {
			detail: [{ type: 'json_invalid', loc: ['body'], msg: 'JSON decode error', input: {}, ctx: { error: parsed.error.message } }],
		});
	}
	const issues = validateBody(body);
	if (issues.length) return answer(emulator, response, 422, { detail: issues });
	const decoded = decodeAttachments(body.attachments ?? []);
	if (decoded.refusal) return answer(emulator, response, ...decoded.refusal);

	if (channel.byMessageId.has(body.message_id)) {
		channel.stats.duplicates++;
		emulator.log(`duplicate ${body.message_id} absorbed`);
		return answer(emulator, response, 200, { message: 'Successful' });
	}
	const record = storeMessage(channel, body, decoded.files);
	channel.stats.accepted++;
	emulator.log(`accepted ${record.message_id} in chat ${record.chat_id} (${record.attachments.length} file(s))`);
	await emulator.replyBot.answer(record);
	answer(emulator, response, 200, { message: 'Successful' });
}

module.exports = { handleMessage, MAX_FILE_BYTES };
