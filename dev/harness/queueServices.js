'use strict';
/**
 * Redis and PostgreSQL from Debian's packages, for running n8n in queue mode: each started on
 * loopback in a scratch folder, stopped (and its data removed) by the returned `stop`.
 * PostgreSQL refuses to run as root, so as root it runs as the `postgres` user the package created.
 */
const { execFileSync, spawn } = require('node:child_process');
const { once } = require('node:events');
const { chownSync, existsSync, mkdirSync, readdirSync } = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { setTimeout: delay } = require('node:timers/promises');

function canConnect(port) {
	return new Promise((resolve) => {
		const socket = net.connect({ host: '127.0.0.1', port });
		socket.once('connect', () => socket.end(() => resolve(true)));
		socket.once('error', () => resolve(false));
	});
}

async function waitForPort(name, port, child, logs, timeoutMs = 30_000) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`${name} exited (${child.exitCode}):\n${logs.join('')}`);
		if (await canConnect(port)) return;
		await delay(100);
	}
	throw new Error(`${name} did not listen on ${port} within ${timeoutMs / 1000} s:\n${logs.join('')}`);
}

function stopper(child) {
	return async () => {
		if (child.exitCode !== null || child.signalCode !== null) return;
		const exited = once(child, 'exit');
		child.kill('SIGTERM');
		const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
		await exited;
		clearTimeout(timer);
	};
}

function spawnLogged(command, args, options) {
	const logs = [];
	const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
	child.stdout.on('data', (chunk) => logs.push(chunk.toString()));
	child.stderr.on('data', (chunk) => logs.push(chunk.toString()));
	return { child, logs };
}

async function startRedis({ port, directory }) {
	const { child, logs } = spawnLogged('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', directory]);
	await waitForPort('redis-server', port, child, logs);
	return { port, stop: stopper(child) };
}

/** Debian puts PostgreSQL's server programs under /usr/lib/postgresql/<major>/bin, off the PATH. */
function postgresBin(program) {
	const root = '/usr/lib/postgresql';
	const majors = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
	for (const major of majors) {
		const candidate = path.join(root, major, 'bin', program);
		if (existsSync(candidate)) return candidate;
	}
	throw new Error(`PostgreSQL's ${program} was not found under ${root}; install Debian's postgresql package`);
}

async function startPostgres({ port, directory, user = 'n8n' }) {
	const asRoot = process.getuid?.() === 0;
	const data = path.join(directory, 'pgdata');
	mkdirSync(data, { recursive: true });
	if (asRoot) {
		const id = (flag) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }));
		for (const folder of [directory, data]) chownSync(folder, id('-u'), id('-g'));
	}
	/** A PostgreSQL program and its arguments, run as the postgres user when we are root. */
	const asPostgres = (program, args) =>
		asRoot ? ['runuser', ['-u', 'postgres', '--', postgresBin(program), ...args]] : [postgresBin(program), args];
	execFileSync(...asPostgres('initdb', ['-D', data, '-U', user, '-A', 'trust', '--no-sync']), { stdio: 'ignore' });
	const { child, logs } = spawnLogged(...asPostgres('postgres', [
		'-D', data,
		'-p', String(port),
		'-k', directory,
		'-c', 'listen_addresses=127.0.0.1',
		'-c', 'fsync=off',
	]));
	await waitForPort('postgres', port, child, logs);
	return { port, user, database: 'postgres', stop: stopper(child) };
}

/** The bytes n8n keeps in its database for a binary data ID (`database:<fileId>`), read with psql. */
function readStoredBinary(postgres, binaryDataId) {
	const fileId = binaryDataId.replace(/^database:/, '');
	if (!/^[0-9a-f-]{36}$/.test(fileId)) throw new Error(`Not a database binary data ID: ${binaryDataId}`);
	const base64 = execFileSync(
		postgresBin('psql'),
		['-h', '127.0.0.1', '-p', String(postgres.port), '-U', postgres.user, '-d', postgres.database, '-At', '-c', `select encode(data, 'base64') from binary_data where "fileId" = '${fileId}'`],
		{ encoding: 'utf8' },
	);
	return Buffer.from(base64.replace(/\s/g, ''), 'base64');
}

module.exports = { startRedis, startPostgres, readStoredBinary };
