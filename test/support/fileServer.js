'use strict';
/**
 * A real HTTP server on loopback that stands in for wherever a reply's file link points: Suvvy's file
 * host in the happy cases, an "internal" service in the attacks. It records every request it gets, so
 * a test can prove a refused link was never fetched. (JavaScript, with fileServer.d.ts for the
 * TypeScript tests: the community-node lint forbids Node's network modules in TypeScript files.)
 */
const { once } = require('node:events');
const { createServer } = require('node:http');
const { createServer: createTcpServer } = require('node:net');

async function startFileServer() {
	const routes = new Map();
	const requests = [];
	const server = createServer((request, response) => {
		const path = (request.url ?? '/').split('?')[0];
		requests.push({ path, host: request.headers.host });
		const handler = routes.get(path);
		if (handler) handler(request, response);
		else response.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
	});
	server.listen(0, '127.0.0.1');
	await once(server, 'listening');
	const { port } = server.address();
	return {
		url: `http://127.0.0.1:${port}`,
		port,
		requests,
		serve: (path, handler) => routes.set(path, handler),
		close: async () => {
			server.closeAllConnections();
			server.close();
			await once(server, 'close');
		},
	};
}

/** Answers with `bytes` at once. */
function file(bytes, contentType = 'application/octet-stream') {
	return (_request, response) => {
		response.writeHead(200, { 'content-type': contentType, 'content-length': bytes.length });
		response.end(bytes);
	};
}

/** Answers 200 without a length and then sends one byte per tick, for as long as anyone listens. */
function drip(everyMs) {
	return (request, response) => {
		response.writeHead(200, { 'content-type': 'application/octet-stream' });
		const timer = setInterval(() => response.write(Buffer.from([0x41])), everyMs);
		request.socket.on('close', () => clearInterval(timer));
	};
}

/**
 * Starts an answer and never finishes its headers: one header line every `everyMs`, written straight
 * to the connection, for as long as anyone listens (an idle timeout never fires).
 */
function slowHeaders(everyMs) {
	return (request) => {
		const socket = request.socket;
		socket.write('HTTP/1.1 200 OK\r\n');
		let line = 0;
		const timer = setInterval(() => socket.write(`X-Slow-${line++}: still coming\r\n`), everyMs);
		socket.on('close', () => clearInterval(timer));
	};
}

/** Answers 200 without a length and sends as fast as the connection takes it, without end. */
function endless() {
	return (_request, response) => {
		response.writeHead(200, { 'content-type': 'application/octet-stream' });
		const chunk = Buffer.alloc(64 * 1024, 0x42);
		const pump = () => {
			while (!response.destroyed && response.write(chunk));
		};
		response.on('drain', pump);
		pump();
	};
}

/**
 * Answers 200 without a length, sends `bytes`, then either holds the connection open without a word
 * ('stall') or closes it with the answer unfinished ('hangUp').
 */
function partial(bytes, then) {
	return (_request, response) => {
		response.writeHead(200, { 'content-type': 'application/octet-stream' });
		response.write(bytes, () => {
			if (then === 'hangUp') response.socket?.end();
		});
	};
}

/** Answers with a redirect. */
function redirect(location, status = 302) {
	return (_request, response) => {
		response.writeHead(status, { location }).end();
	};
}

/** A loopback port nothing listens on. */
async function closedPort() {
	const server = createServer();
	server.listen(0, '127.0.0.1');
	await once(server, 'listening');
	const { port } = server.address();
	server.close();
	await once(server, 'close');
	return port;
}

/**
 * A loopback port with something other than a web server behind it, as an internal network has:
 * 'hangUp' closes each connection at once without a word, 'banner' greets with a line that is not
 * HTTP (as SSH or SMTP do), 'silent' accepts and never says anything.
 */
async function startTcpService(behaviour) {
	const sockets = new Set();
	const server = createTcpServer((socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
		socket.on('error', () => undefined);
		if (behaviour === 'hangUp') socket.destroy();
		else if (behaviour === 'banner') socket.end('SSH-2.0-OpenSSH_9.6\r\n');
	});
	server.listen(0, '127.0.0.1');
	await once(server, 'listening');
	return {
		port: server.address().port,
		close: async () => {
			for (const socket of sockets) socket.destroy();
			server.close();
			await once(server, 'close');
		},
	};
}

module.exports = {
	startFileServer,
	file,
	drip,
	slowHeaders,
	endless,
	partial,
	redirect,
	closedPort,
	startTcpService,
};
