'use strict';
/** The few HTTP chores every emulator route shares. */

const MAX_BODY_BYTES = 64 * 1024 * 1024;

class BodyTooLarge extends Error {}

function readBody(request, limit = MAX_BODY_BYTES) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		let size = 0;
		request.on('data', (chunk) => {
			size += chunk.length;
			if (size > limit) {
				reject(new BodyTooLarge(`Request body is over ${limit} bytes`));
				request.destroy();
				return;
			}
			chunks.push(chunk);
		});
		request.on('end', () => resolve(Buffer.concat(chunks)));
		request.on('error', reject);
	});
}

function sendJson(response, status, body, headers = {}) {
	const text = JSON.stringify(body);
	response.writeHead(status, {
		'content-type': 'application/json',
		'content-length': Buffer.byteLength(text),
		...headers,
	});
	response.end(text);
}

function sendRaw(response, status, text, contentType) {
	response.writeHead(status, {
		'content-type': contentType,
		'content-length': Buffer.byteLength(text),
	});
	response.end(text);
}

function parseJson(buffer) {
	try {
		return { ok: true, value: JSON.parse(buffer.toString('utf8')) };
	} catch (error) {
		return { ok: false, error };
	}
}

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

module.exports = { readBody, sendJson, sendRaw, parseJson, delay, BodyTooLarge };
