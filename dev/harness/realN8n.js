'use strict';
/**
 * A real n8n for the e2e tier, `npm run dev`, `npm run demo` and the benchmarks: the pinned version,
 * installed once into a cache by scripts/n8n.sh from its lock in dev/n8n-releases/ and run on the
 * Node its engines.node asks for (scripts/n8n-node.sh), on loopback only.
 */
const { spawn, execFileSync } = require('node:child_process');
const { once } = require('node:events');
const path = require('node:path');
const { createRequire } = require('node:module');

const { freePort } = require('./freePort');
const { userPort } = require('./ports');

const ROOT = path.resolve(__dirname, '../..');
const N8N_VERSION = process.env.N8N_VERSION ?? '2.41.1';
/** n8n 1.x differs from 2.x in a few settings and REST calls; the harness asks this, not the version string. */
const IS_N8N_1 = N8N_VERSION.split('.')[0] === '1';

/** Settings that keep n8n quiet and offline: this machine reaches no one but the npm registry. */
const OFFLINE_ENV = {
	// n8n 1.x has no mcp-registry module and refuses to start when asked to disable it. Its default
	// expression engine needs isolated-vm, which has no build for Node 20; 1.x's classic engine does not.
	...(IS_N8N_1 ? { N8N_EXPRESSION_ENGINE: 'legacy' } : { N8N_DISABLED_MODULES: 'mcp-registry' }),
	N8N_VERIFIED_PACKAGES_ENABLED: 'false',
	N8N_DIAGNOSTICS_ENABLED: 'false',
	N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
	N8N_TEMPLATES_ENABLED: 'false',
	N8N_PERSONALIZATION_ENABLED: 'false',
	N8N_HIRING_BANNER_ENABLED: 'false',
};

function runScript(script, { onWaiting } = {}) {
	return new Promise((resolve, reject) => {
		const child = spawn(path.join(ROOT, 'scripts', script), { env: { ...process.env, N8N_VERSION } });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => (stdout += chunk));
		child.stderr.on('data', (chunk) => (stderr += chunk));
		const ticker = onWaiting ? setInterval(() => onWaiting(stderr), 1000) : undefined;
		child.on('error', reject);
		child.on('close', (code) => {
			clearInterval(ticker);
			// A script that ends within the second still has its lines shown.
			onWaiting?.(stderr);
			if (code === 0) resolve({ stdout: stdout.trim(), stderr });
			else reject(new Error(`scripts/${script} failed (exit ${code}):\n${stderr.slice(-4000)}`));
		});
	});
}

/**
 * Installs (first run only) and locates n8n and its Node. `onWaiting(stderrSoFar)` is called every
 * second while the scripts run, and once when each ends, so a caller can show progress during the
 * minutes-long first install and what the scripts say (installProgress).
 */
async function ensureN8n(options = {}) {
	const node = (await runScript('n8n-node.sh', options)).stdout;
	const entry = (await runScript('n8n.sh', options)).stdout;
	const requireFromN8n = createRequire(entry);
	return { node, entry, version: N8N_VERSION, requireFromN8n };
}

/** The built package, packed as npm would publish it, unpacked where n8n keeps community packages. */
function installPackageInto(userFolder, scratch) {
	const [packed] = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--pack-destination', scratch], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
	);
	const target = path.join(userFolder, '.n8n', 'nodes', 'node_modules', packed.name);
	execFileSync('rm', ['-rf', target]);
	execFileSync('mkdir', ['-p', target]);
	execFileSync('tar', ['-xzf', path.join(scratch, packed.filename), '-C', target, '--strip-components=1']);
	return { name: packed.name, version: packed.version, directory: target, files: packed.files.length };
}

/** The caller's environment, minus what would make n8n think it runs inside a test (jest sets it). */
function inheritedEnv() {
	const env = { ...process.env };
	for (const name of Object.keys(env)) if (name === 'NODE_ENV' || name.startsWith('JEST_')) delete env[name];
	return env;
}

async function waitUntilReady(url, child, logs, closed, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) {
			await closed;
			throw new Error(`n8n exited with code ${child.exitCode} before it was ready:\n${logs.tail()}`);
		}
		try {
			const response = await fetch(`${url}/healthz/readiness`, { signal: AbortSignal.timeout(2000) });
			if (response.ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	throw new Error(`n8n did not become ready within ${timeoutMs / 1000} s:\n${logs.tail()}`);
}

function logBuffer(echo) {
	const lines = [];
	return {
		push(chunk) {
			for (const line of chunk.toString().split('\n').filter(Boolean)) {
				lines.push(line);
				if (lines.length > 400) lines.shift();
				if (echo) echo(line);
			}
		},
		tail: (count = 60) => lines.slice(-count).join('\n'),
		all: () => lines.join('\n'),
	};
}

/**
 * Starts n8n with `userFolder` as its home and resolves when /healthz/readiness answers.
 * `env` adds or overrides settings (the owner account, queue mode, …). `command` is `start` (the main
 * instance) or `worker` (queue mode; `port` is then its health-check port).
 */
async function startN8n({ installation, userFolder, port, env = {}, echo, readyTimeoutMs = 120_000, command = 'start' }) {
	const url = `http://127.0.0.1:${port}`;
	// n8n's task broker listens on 5679 unless told otherwise: two n8n processes would collide there.
	// A broker port the user set is the main instance's; a queue-mode worker takes a free one.
	const brokerPort = String((command === 'start' && userPort('N8N_RUNNERS_BROKER_PORT')) || (await freePort()));
	const logs = logBuffer(echo);
	// N8N_CPU_PROF_DIR: a CPU profile of n8n's main process, written there when it stops (docs/benchmarks.md).
	const profile = process.env.N8N_CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.N8N_CPU_PROF_DIR}`] : [];
	const child = spawn(installation.node, [...profile, installation.entry, command], {
		cwd: userFolder,
		detached: true,
		env: {
			...inheritedEnv(),
			...OFFLINE_ENV,
			PATH: `${path.dirname(installation.node)}:${process.env.PATH}`,
			N8N_USER_FOLDER: userFolder,
			N8N_PORT: String(port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PROTOCOL: 'http',
			N8N_EDITOR_BASE_URL: `${url}/`,
			WEBHOOK_URL: `${url}/`,
			N8N_SECURE_COOKIE: 'false',
			N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
			N8N_RUNNERS_BROKER_PORT: brokerPort,
			N8N_LOG_LEVEL: 'info',
			...env,
		},
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	child.stdout.on('data', (chunk) => logs.push(chunk));
	child.stderr.on('data', (chunk) => logs.push(chunk));
	// Let the last lines arrive before a failed start reports them.
	const closed = once(child, 'close');

	const stop = async () => {
		if (child.exitCode !== null || child.signalCode !== null) return;
		const exited = once(child, 'exit');
		try {
			process.kill(-child.pid, 'SIGTERM');
		} catch {
			return;
		}
		const timer = setTimeout(() => {
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {
				// already gone
			}
		}, 15_000);
		await exited;
		clearTimeout(timer);
	};

	/** Sends `signal` to n8n and the processes it started, and resolves once n8n has exited. */
	const kill = async (signal) => {
		if (child.exitCode !== null || child.signalCode !== null) return;
		const exited = once(child, 'exit');
		process.kill(-child.pid, signal);
		await exited;
	};

	try {
		await waitUntilReady(url, child, logs, closed, readyTimeoutMs);
	} catch (error) {
		await stop();
		throw error;
	}
	return { url, port, child, logs, stop, kill, userFolder };
}

module.exports = { ROOT, N8N_VERSION, IS_N8N_1, OFFLINE_ENV, ensureN8n, installPackageInto, startN8n };
