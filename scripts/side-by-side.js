#!/usr/bin/env node
'use strict';
/**
 * Proves that what the project starts never needs a fixed port: `npm run dev` comes up and stays up,
 * then `npm run demo` runs beside it (its own n8n, task broker and emulator) and must pass; dev must
 * still answer afterwards and stop cleanly on Ctrl-C. Run by .ci/run.
 */
const { spawn } = require('node:child_process');
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const READY = 'Ctrl-C stops n8n and the emulator.';

/** Ports a user may have set, which both commands would honour and then collide on. */
const PORT_SETTINGS = ['N8N_PORT', 'N8N_RUNNERS_BROKER_PORT', 'SUVVY_EMULATOR_PORT'];

function run(script, env, onLine) {
	const inherited = { ...process.env };
	for (const name of PORT_SETTINGS) delete inherited[name];
	const child = spawn(process.execPath, [path.join(ROOT, 'scripts', script)], {
		cwd: ROOT,
		env: { ...inherited, ...env },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let buffered = '';
	const read = (chunk) => {
		buffered += chunk;
		const lines = buffered.split('\n');
		buffered = lines.pop();
		for (const line of lines) onLine(line);
	};
	child.stdout.on('data', read);
	child.stderr.on('data', read);
	const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
	return { child, exited };
}

async function main() {
	const devData = mkdtempSync(path.join(tmpdir(), 'n8n-nodes-suvvy-dev-'));
	let devUrl;
	const dev = run('dev.js', { SUVVY_DEV_DIR: devData }, (line) => {
		console.log(`[dev]  ${line}`);
		devUrl ??= /^\s+n8n\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(line)?.[1];
		if (line.includes(READY)) dev.ready();
	});
	try {
		await new Promise((resolve, reject) => {
			dev.ready = resolve;
			dev.exited.then(({ code }) => reject(new Error(`npm run dev exited (${code}) before it was ready`)));
		});
		const demo = run('demo.js', {}, (line) => console.log(`[demo] ${line}`));
		const { code } = await demo.exited;
		if (code !== 0) throw new Error(`npm run demo failed beside npm run dev (exit ${code})`);
		const health = await fetch(`${devUrl}/healthz`);
		if (!health.ok) throw new Error(`npm run dev's n8n stopped answering (${health.status})`);
		dev.child.kill('SIGINT');
		const stopped = await dev.exited;
		if (stopped.code !== 0) throw new Error(`npm run dev did not stop cleanly on Ctrl-C (exit ${stopped.code})`);
		console.log(`\nnpm run dev (${devUrl}) and npm run demo ran side by side; both succeeded.`);
	} finally {
		if (dev.child.exitCode === null && dev.child.signalCode === null) dev.child.kill('SIGINT');
		await dev.exited;
		rmSync(devData, { recursive: true, force: true });
	}
}

main().catch((error) => {
	console.error(`\nside-by-side check failed: ${error.message}`);
	process.exit(1);
});
