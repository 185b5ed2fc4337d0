'use strict';
/**
 * The whole local setup in one call: the Suvvy emulator, a real n8n with the packed package
 * installed as a community package, an owner, a Suvvy API credential pointing at the emulator, and
 * the example workflows imported and active. `npm run dev`, `npm run demo` and the e2e tier use it.
 */
const { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');

const { startEmulator, DEFAULT_TOKEN } = require('../emulator');
const { freePort } = require('./freePort');
const { N8nApi } = require('./n8nApi');
const { OWNER, ownerEnv } = require('./owner');
const { ROOT, ensureN8n, installPackageInto, startN8n } = require('./realN8n');

const EXAMPLES_DIR = path.join(ROOT, 'examples');
const CREDENTIAL_NAME = 'Suvvy account';
const SUVVY_TYPE = 'n8n-nodes-suvvy.suvvy';

function readExamples() {
	return readdirSync(EXAMPLES_DIR)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => ({ file, workflow: JSON.parse(readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')) }));
}

/** Points every Suvvy node of an example at the credential made for this n8n. */
function withCredential(workflow, credential) {
	const nodes = workflow.nodes.map((node) =>
		node.credentials?.suvvyApi ? { ...node, credentials: { ...node.credentials, suvvyApi: { id: credential.id, name: credential.name } } } : node,
	);
	return { ...workflow, nodes };
}

async function ensureCredential(api, emulator) {
	const existing = (await api.credentials()).find((credential) => credential.name === CREDENTIAL_NAME);
	if (existing) return { ...existing, created: false };
	const data = { token: DEFAULT_TOKEN, baseUrl: emulator.url };
	const created = await api.createCredential({ name: CREDENTIAL_NAME, type: 'suvvyApi', data });
	return { ...created, data, created: true };
}

/**
 * Activation registers production webhooks a moment after the REST call returns. n8n answers a CORS
 * preflight for a path only once it is registered, which tells without running the workflow.
 */
async function waitForWebhooks(n8nUrl, workflow, timeoutMs = 30_000) {
	const webhooks = workflow.nodes.filter((node) => node.type === 'n8n-nodes-base.webhook');
	const deadline = Date.now() + timeoutMs;
	for (const node of webhooks) {
		const method = node.parameters.httpMethod ?? 'GET';
		for (;;) {
			const response = await fetch(`${n8nUrl}/webhook/${node.parameters.path}`, {
				method: 'OPTIONS',
				headers: { origin: n8nUrl, 'access-control-request-method': method },
			});
			if (response.status === 204 && response.headers.get('access-control-allow-methods')?.includes(method)) break;
			if (Date.now() > deadline) throw new Error(`Webhook ${method} ${node.parameters.path} of "${workflow.name}" was never registered`);
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
	}
}

/** Imports each example once (by name) and activates it. */
async function ensureExamples(api, credential) {
	const present = await api.workflows();
	const imported = {};
	for (const { file, workflow } of readExamples()) {
		let stored = present.find((candidate) => candidate.name === workflow.name);
		if (!stored) stored = await api.createWorkflow(withCredential(workflow, credential));
		if (!stored.active) stored = await api.activate(stored);
		await waitForWebhooks(api.url, workflow);
		imported[file.replace(/\.json$/, '')] = stored;
	}
	return imported;
}

/**
 * @param {object} options
 *   userFolder: n8n's home (a fresh temporary one when omitted, removed on stop)
 *   port, emulatorPort: fixed ports (free ones when omitted)
 *   emulator: options for the emulator; n8nEnv: extra n8n settings; echo: gets n8n's log lines
 *   onWaiting: progress callback while n8n is installed; log: emulator log lines
 */
async function startStack(options = {}) {
	const installation = await ensureN8n({ onWaiting: options.onWaiting });
	const scratch = mkdtempSync(path.join(tmpdir(), 'n8n-nodes-suvvy-stack-'));
	const userFolder = options.userFolder ?? path.join(scratch, 'n8n-home');
	mkdirSync(userFolder, { recursive: true });
	const stoppers = [];
	const stop = async () => {
		for (const stopOne of stoppers.reverse()) await stopOne();
		stoppers.length = 0;
		rmSync(scratch, { recursive: true, force: true });
	};
	try {
		const emulator = await startEmulator({ port: options.emulatorPort ?? 0, log: options.log, ...options.emulator });
		stoppers.push(() => emulator.close());
		const installed = installPackageInto(userFolder, scratch);
		const n8n = await startN8n({
			installation,
			userFolder,
			port: options.port ?? (await freePort()),
			env: { ...ownerEnv(installation.requireFromN8n), ...options.n8nEnv },
			echo: options.echo,
		});
		stoppers.push(() => n8n.stop());
		const api = new N8nApi(n8n.url, installation.requireFromN8n);
		await api.login(OWNER.email, OWNER.password);
		const credential = await ensureCredential(api, emulator);
		const workflows = await ensureExamples(api, credential);
		return { installation, installed, emulator, emulatorToken: DEFAULT_TOKEN, n8n, api, credential, workflows, owner: OWNER, stop };
	} catch (error) {
		await stop();
		throw error;
	}
}

module.exports = { startStack, readExamples, withCredential, CREDENTIAL_NAME, SUVVY_TYPE };
