'use strict';
/**
 * Ports for what `npm run dev` starts: the one the user set, else the one used last time (so URLs
 * stay the same across restarts), else any free one. Never a fixed default: a second n8n, a test run
 * or another checkout may hold it.
 */
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const net = require('node:net');

const { freePort } = require('./freePort');

function isFree(port) {
	return new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

/**
 * @param {Record<string, string>} wanted  name → environment variable that may fix it
 * @param {string} memoryFile              where the ports of the last run are kept
 */
async function choosePorts(wanted, memoryFile) {
	const previous = existsSync(memoryFile) ? JSON.parse(readFileSync(memoryFile, 'utf8')) : {};
	const ports = {};
	for (const [name, variable] of Object.entries(wanted)) {
		const fixed = process.env[variable];
		if (fixed) ports[name] = Number(fixed);
		else if (previous[name] && (await isFree(previous[name]))) ports[name] = previous[name];
		else ports[name] = await freePort();
	}
	writeFileSync(memoryFile, `${JSON.stringify(ports, null, 2)}\n`);
	return ports;
}

module.exports = { choosePorts };
