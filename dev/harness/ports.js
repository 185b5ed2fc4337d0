'use strict';
/**
 * Ports for what the project starts. Every command honours a port the user set in the environment
 * (`userPort`) and otherwise takes a free one; `npm run dev` first tries the one it used last time, so
 * its URLs stay the same across restarts. Never a fixed default: a second n8n, a test run or another
 * checkout may hold it.
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

/** The port the user set in `variable` (N8N_PORT, say), or undefined; anything but a port stops the command. */
function userPort(variable, env = process.env) {
	const text = env[variable];
	if (text === undefined || text === '') return undefined;
	const port = Number(text);
	if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`${variable} must be a port number (1-65535), got "${text}"`);
	return port;
}

/**
 * @param {Record<string, string>} wanted  name → environment variable that may fix it
 * @param {string} memoryFile              where the ports of the last run are kept
 */
async function choosePorts(wanted, memoryFile) {
	const previous = existsSync(memoryFile) ? JSON.parse(readFileSync(memoryFile, 'utf8')) : {};
	const ports = {};
	for (const [name, variable] of Object.entries(wanted)) {
		const fixed = userPort(variable);
		if (fixed) ports[name] = fixed;
		else if (previous[name] && (await isFree(previous[name]))) ports[name] = previous[name];
		else ports[name] = await freePort();
	}
	writeFileSync(memoryFile, `${JSON.stringify(ports, null, 2)}\n`);
	return ports;
}

module.exports = { choosePorts, userPort };
