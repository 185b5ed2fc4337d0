'use strict';
/**
 * A loopback HTTP server whose answers a test decides, request by request: it stands in for the
 * other end of a hop (the Suvvy Trigger's registration, n8n's resume URL). It records what came.
 * (JavaScript: the community-node lint keeps Node's network modules out of the TypeScript tests.)
 */
const { once } = require('node:events');
const { createServer } = require('node:http');

async function startHttpStub(answer) {
	const requests = [];
	const server = createServer((request, response) => {
		const chunks = [];
		request.on('data', (chunk) => chunks.push(chunk));
		request.on('end', async () => {
			const text = Buffer.concat(chunks).toString('utf8');
			let body;
			try {
				body = text ? JSON.parse(text) : undefined;
			} catch {
				body = text;
			}
			const received = { method: request.method, url: request.url, headers: request.headers, body };
			requests.push(received);
			const { status = 200, body: reply = {} } = (await answer(received)) ?? {};
			response.writeHead(status, { 'content-type': 'application/json' });
			response.end(typeof reply === 'string' ? reply : JSON.stringify(reply));
		});
	});
	server.listen(0, '127.0.0.1');
	await once(server, 'listening');
	const { port } = server.address();
	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		close: async () => {
			server.closeAllConnections();
			server.close();
			await once(server, 'close');
		},
	};
}

module.exports = { startHttpStub };
