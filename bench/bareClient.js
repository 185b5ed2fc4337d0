'use strict';
/** The baseline: a plain keep-alive Node client posting prepared bodies, one by one or N at a time. */
const http = require('node:http');

function post(agent, url, token, body) {
	return new Promise((resolve, reject) => {
		const request = http.request(
			url,
			{ method: 'POST', agent, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'content-length': Buffer.byteLength(body) } },
			(response) => {
				response.resume();
				response.on('end', () => (response.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${response.statusCode}`))));
			},
		);
		request.on('error', reject);
		request.end(body);
	});
}

/** Sends every body with at most `concurrency` in flight; resolves with the milliseconds it took. */
async function sendAll(url, token, bodies, concurrency) {
	const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
	const started = performance.now();
	let next = 0;
	const worker = async () => {
		while (next < bodies.length) await post(agent, url, token, bodies[next++]);
	};
	await Promise.all(Array.from({ length: concurrency }, worker));
	const elapsed = performance.now() - started;
	agent.destroy();
	return elapsed;
}

module.exports = { sendAll };
