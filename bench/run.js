#!/usr/bin/env node
'use strict';
/**
 * `npm run bench`: the Suvvy node against n8n's HTTP Request pipeline and a bare keep-alive client,
 * in a real n8n 2.41.1 with the Suvvy emulator (its own process) as Suvvy. Contenders alternate
 * within each repetition; node times are n8n's own `executionTime`; memory is n8n's main process peak
 * RSS against the same workflow with a No-Op. Writes bench/results/<date>.json and docs/benchmarks.md.
 */
const { execFileSync, spawn } = require('node:child_process');
const { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');
const { randomBytes } = require('node:crypto');
const { parseArgs } = require('node:util');

const { DEFAULT_TOKEN } = require('../dev/emulator');
const { freePort } = require('../dev/harness/freePort');
const { installProgress } = require('../dev/harness/installProgress');
const { startStack } = require('../dev/harness/stack');
const { requirePrerequisites } = require('../dev/harness/prerequisites');
const { N8N_VERSION } = require('../dev/harness/realN8n');
const { sendAll } = require('./bareClient');
const { writeReport } = require('./report');
const { peakRssDuring } = require('./rssSampler');
const { benchWorkflow } = require('./workflows');

const ROOT = path.resolve(__dirname, '..');

const { values: args } = parseArgs({
	options: { reps: { type: 'string', default: '3' }, cases: { type: 'string', default: '' } },
});
const REPS = Number(args.reps);

function makeFiles(dir, selected) {
	const images = path.join(dir, 'images');
	const audio = path.join(dir, 'audio');
	const audio60 = path.join(dir, 'audio60');
	mkdirSync(images, { recursive: true });
	mkdirSync(audio, { recursive: true });
	mkdirSync(audio60, { recursive: true });
	const pngHead = Buffer.from('89504e470d0a1a0a', 'hex');
	for (let index = 0; index < 100; index++) {
		writeFileSync(path.join(images, `image-${String(index).padStart(3, '0')}.png`), Buffer.concat([pngHead, randomBytes(100 * 1024 - 8)]));
	}
	const voice = () => Buffer.concat([Buffer.from('OggS'), randomBytes(15 * 1024 * 1024 - 4)]);
	writeFileSync(path.join(audio, 'voice.ogg'), voice());
	// 900 MB: only written when a case that reads it runs.
	if (selected('audio-60x15mb-parallel100')) {
		for (let index = 0; index < 60; index++) writeFileSync(path.join(audio60, `voice-${String(index).padStart(2, '0')}.ogg`), voice());
	}
	return { images: `${images}/*.png`, audio: `${audio}/*.ogg`, audio60: `${audio60}/*.ogg` };
}

function textMessages(count, chats) {
	return Array.from({ length: count }, (_unused, index) => ({ chat: `chat-${index % chats}`, text: `Message ${index}: is the blue one in stock?` }));
}

function casesFor(files) {
	return [
		{ name: 'text-1000', messages: textMessages(1000, 1000), parallel: 5, latencyMs: 0, contenders: ['suvvy', 'http'] },
		{ name: 'text-1000-latency', messages: textMessages(1000, 200), parallel: 50, latencyMs: 50, contenders: ['suvvy', 'http'] },
		{ name: 'image-100x100kb', files: files.images, fileType: 'image', parallel: 5, latencyMs: 0, contenders: ['suvvy', 'http', 'httpEncoded'] },
		{ name: 'audio-15mb', files: files.audio, fileType: 'audio', parallel: 5, latencyMs: 0, contenders: ['suvvy', 'http', 'httpEncoded'], memory: true },
		// The fastest a community node can be inside n8n: prepared bodies through n8n's own helper.
		{ name: 'text-1000-helper-floor', messages: textMessages(1000, 1000), parallel: 5, latencyMs: 0, contenders: ['suvvy', 'helperFloor'], bare: false },
		// Memory bounded by the node's budget, not by parallelism; timed against the default parallelism.
		{ name: 'audio-60x15mb-parallel100', files: files.audio60, fileType: 'audio', items: 60, parallel: 100, latencyMs: 0, contenders: ['suvvy', 'suvvyDefault'], bare: false, memory: true, memoryKinds: ['noop', 'suvvy'] },
		// The shape most users run: one message per execution, each started by a webhook.
		{ name: 'webhook-burst', perExecution: true, requests: 500, concurrency: 20, contenders: ['suvvy', 'http', 'noop'] },
	];
}

/** One text message per request: what a Telegram message, a form or an email starts a workflow with. */
function burstBodies(count) {
	return Array.from({ length: count }, (_unused, index) => JSON.stringify({ chat: `chat-${index % 50}`, text: `Message ${index}: is the blue one in stock?` }));
}

/** Sends every body to `url`, `concurrency` at a time; the wall time and each request's latency. */
async function fireBurst(url, bodies, concurrency) {
	const latencies = [];
	let next = 0;
	const started = performance.now();
	const worker = async () => {
		while (next < bodies.length) {
			const body = bodies[next++];
			const sent = performance.now();
			const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
			await response.arrayBuffer();
			if (!response.ok) throw new Error(`${url} answered ${response.status}`);
			latencies.push(performance.now() - sent);
		}
	};
	await Promise.all(Array.from({ length: concurrency }, worker));
	return { seconds: (performance.now() - started) / 1000, latencies };
}

const percentile = (values, fraction) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
};

async function runBurst(stack, emulator, credentials, benchCase) {
	const workflows = {};
	for (const kind of benchCase.contenders) workflows[kind] = await createBenchWorkflow(stack, benchCase, kind, credentials);
	await new Promise((resolve) => setTimeout(resolve, 1500));
	const bodies = burstBodies(benchCase.requests);
	const samples = {};
	for (let rep = 0; rep < REPS; rep++) {
		const order = [...benchCase.contenders];
		for (let shift = 0; shift < rep; shift++) order.push(order.shift());
		for (const kind of order) {
			await emulator.admin('reset', {});
			await emulator.admin('state', { latency_ms: 0, replies_enabled: false });
			const { seconds, latencies } = await fireBurst(`${stack.n8n.url}/webhook/${workflows[kind].path}`, bodies, benchCase.concurrency);
			(samples[kind] ??= []).push({ executions_per_second: bodies.length / seconds, p50_ms: percentile(latencies, 0.5), p99_ms: percentile(latencies, 0.99) });
			const { accepted } = await emulator.admin('stats');
			const expected = kind === 'noop' ? 0 : bodies.length;
			if (accepted !== expected) throw new Error(`${benchCase.name}/${kind}: the emulator accepted ${accepted} of ${expected}`);
		}
		console.log(`${benchCase.name}: repetition ${rep + 1}/${REPS} done`);
	}
	return { benchCase, samples, peaks: {} };
}

async function startEmulatorProcess() {
	const port = await freePort();
	const child = spawn(process.execPath, [path.join(ROOT, 'dev/emulator/cli.js'), '--port', String(port), '--quiet', '--no-replies'], { stdio: ['ignore', 'pipe', 'inherit'] });
	await new Promise((resolve, reject) => {
		child.stdout.once('data', resolve);
		child.once('exit', (code) => reject(new Error(`emulator exited (${code})`)));
	});
	const url = `http://127.0.0.1:${port}`;
	const admin = async (route, body) => (await fetch(`${url}/__emulator/${route}`, { method: body ? 'POST' : 'GET', body: body && JSON.stringify(body) })).json();
	return { url, admin, stop: () => child.kill() };
}

/** The bodies the node would send, for the bare client. */
function bareBodies(benchCase, fileBytes) {
	if (benchCase.messages) {
		return benchCase.messages.map((message, index) => JSON.stringify({ api_version: 1, message_id: `bare-${Date.now()}-${index}`, chat_id: message.chat, text: message.text, source: 'bench', message_sender: 'customer' }));
	}
	return fileBytes.map((bytes, index) => JSON.stringify({ api_version: 1, message_id: `bare-${Date.now()}-${index}`, chat_id: `file-${index}`, source: 'bench', message_sender: 'customer', attachments: [{ file_name: `file-${index}`, file_type: benchCase.fileType, data: bytes.toString('base64') }] }));
}

function nodeTime(execution, names) {
	const runData = execution.data.resultData.runData;
	const missing = names.filter((name) => !runData[name]);
	if (missing.length || execution.status !== 'success') {
		throw new Error(`Bench run failed (${execution.status}): ${missing.join(', ')} did not run; ${JSON.stringify(execution.data.resultData.error ?? {}).slice(0, 500)}`);
	}
	return names.reduce((sum, name) => sum + runData[name][0].executionTime, 0);
}

async function createBenchWorkflow(stack, benchCase, kind, credentials) {
	const definition = benchWorkflow(benchCase, kind, credentials);
	const stored = await stack.api.createWorkflow(definition);
	await stack.api.activate(stored);
	return { ...stored, path: definition.path };
}

/**
 * Memory is measured in a fresh n8n for every run: in a long-lived one, a run reuses pages an earlier
 * run freed and its RSS barely rises, whatever it allocates. Each run's rise is compared with a No-Op.
 */
async function measureMemory(benchCase, emulator, scratch) {
	const rises = {};
	const kinds = benchCase.memoryKinds ?? ['noop', 'suvvy', 'httpEncoded'];
	for (let rep = 0; rep < REPS; rep++) {
		const order = [...kinds];
		for (let shift = 0; shift < rep; shift++) order.push(order.shift());
		for (const kind of order) {
			const stack = await startStack({ n8nEnv: benchEnv(scratch), extraPackages: [HELPER_FLOOR] });
			try {
				const credentials = await benchCredentials(stack, emulator);
				const workflow = await createBenchWorkflow(stack, benchCase, kind, credentials);
				await new Promise((resolve) => setTimeout(resolve, 1500));
				await emulator.admin('reset', {});
				const call = () => fetch(`${stack.n8n.url}/webhook/${workflow.path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
				const { riseBytes } = await peakRssDuring(stack.n8n.child.pid, call);
				(rises[kind] ??= []).push(riseBytes);
			} finally {
				await stack.stop();
			}
		}
		console.log(`${benchCase.name} memory: repetition ${rep + 1}/${REPS} done`);
	}
	return rises;
}

const HELPER_FLOOR = path.join(__dirname, 'helperFloor');
const benchEnv = (scratch) => ({ N8N_RESTRICT_FILE_ACCESS_TO: scratch, N8N_LOG_LEVEL: 'warn' });

async function benchCredentials(stack, emulator) {
	const suvvy = await stack.api.createCredential({ name: 'Bench Suvvy', type: 'suvvyApi', data: { token: DEFAULT_TOKEN, baseUrl: emulator.url } });
	const header = await stack.api.createCredential({ name: 'Bench header', type: 'httpHeaderAuth', data: { name: 'Authorization', value: `Bearer ${DEFAULT_TOKEN}` } });
	return { suvvy, header, emulatorUrl: emulator.url };
}

async function main() {
	requirePrerequisites('npm run bench', { n8nVersion: N8N_VERSION });
	execFileSync(process.execPath, [path.join(ROOT, 'node_modules/gulp/bin/gulp.js'), 'build'], { cwd: ROOT, stdio: 'ignore' });
	const scratch = mkdtempSync(path.join(tmpdir(), 'n8n-nodes-suvvy-bench-'));
	const wanted = (name) => !args.cases || args.cases.split(',').includes(name);
	const files = makeFiles(scratch, wanted);
	const emulator = await startEmulatorProcess();
	const onWaiting = installProgress();
	const stack = await startStack({ onWaiting, n8nEnv: benchEnv(scratch), extraPackages: [HELPER_FLOOR] });
	onWaiting.done();
	const results = [];
	try {
		const credentials = await benchCredentials(stack, emulator);
		const selected = casesFor(files).filter((benchCase) => wanted(benchCase.name));
		for (const benchCase of selected) {
			if (benchCase.perExecution) {
				results.push(await runBurst(stack, emulator, credentials, benchCase));
				continue;
			}
			const workflows = {};
			for (const kind of benchCase.contenders) workflows[kind] = await createBenchWorkflow(stack, benchCase, kind, credentials);
			await new Promise((resolve) => setTimeout(resolve, 1500));
			const fileDir = benchCase.files && path.dirname(benchCase.files);
			// Only the bare client needs the files' bytes in the bench process.
			const fileBytes = fileDir && benchCase.bare !== false ? readdirSync(fileDir).sort().map((name) => readFileSync(path.join(fileDir, name))) : [];
			const samples = {};
			const record = (kind, ms) => (samples[kind] ??= []).push(ms);
			for (let rep = 0; rep < REPS; rep++) {
				// Alternate who goes first, so drift on a shared machine hits every contender alike.
				const order = [...benchCase.contenders, ...(benchCase.bare === false ? [] : ['bareSequential', 'bareConcurrent'])];
				for (let shift = 0; shift < rep; shift++) order.push(order.shift());
				for (const kind of order) {
					await emulator.admin('reset', {});
					await emulator.admin('state', { latency_ms: benchCase.latencyMs, replies_enabled: false });
					if (kind.startsWith('bare')) {
						const bodies = bareBodies(benchCase, fileBytes);
						record(kind, await sendAll(`${emulator.url}/api/webhook/custom/message`, DEFAULT_TOKEN, bodies, kind === 'bareSequential' ? 1 : benchCase.parallel));
						continue;
					}
					const workflow = workflows[kind];
					const seen = new Set((await stack.api.executions(workflow.id)).map((execution) => execution.id));
					const call = () => fetch(`${stack.n8n.url}/webhook/${workflow.path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ messages: benchCase.messages ?? [] }) });
					await call();
					const execution = await stack.api.nextExecution(workflow.id, seen, 300_000);
					const names = kind.startsWith('http') && benchCase.files ? ['Extract', 'Contender'] : ['Contender'];
					record(kind, nodeTime(execution, names));
					const stats = await emulator.admin('stats');
					const expected = benchCase.messages?.length ?? benchCase.items ?? fileBytes.length;
					if (stats.accepted !== expected) throw new Error(`${benchCase.name}/${kind}: the emulator accepted ${stats.accepted} of ${expected}`);
				}
				console.log(`${benchCase.name}: repetition ${rep + 1}/${REPS} done`);
			}
			results.push({ benchCase, samples, peaks: {} });
		}
	} finally {
		await stack.stop();
	}
	try {
		for (const result of results.filter((entry) => entry.benchCase.memory)) {
			result.peaks = await measureMemory(result.benchCase, emulator, scratch);
		}
	} finally {
		emulator.stop();
		rmSync(scratch, { recursive: true, force: true });
	}
	const written = writeReport(results, { n8nVersion: stack.installation.version, reps: REPS });
	console.log(`\nwrote ${path.relative(ROOT, written.json)} and ${path.relative(ROOT, written.markdown)}`);
	console.log(written.summary);
}

main().catch((error) => {
	console.error(`bench failed: ${error.stack ?? error}`);
	process.exitCode = 1;
});
