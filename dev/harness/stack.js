'use strict';
/**
 * The whole local setup in one call: the Suvvy emulator, a real n8n with the packed package
 * installed as a community package, an owner, a Suvvy API credential pointing at the emulator, and
 * the example workflows imported and active. `npm run dev`, `npm run demo` and the e2e tier use it.
 */
const { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');

const { startEmulator, DEFAULT_TOKEN } = require('../emulator');
const { freePort } = require('./freePort');
const { fitToThisN8n, unheldFields } = require('./exampleFit');
const { N8nApi } = require('./n8nApi');
const { userPort } = require('./ports');
const { OWNER, ownerEnv } = require('./owner');
const { startQueueBackends } = require('./queueMode');
const { IS_N8N_1, ROOT, ensureN8n, installPackageInto, startN8n } = require('./realN8n');

const EXAMPLES_DIR = path.join(ROOT, 'examples');
const CREDENTIAL_NAME = 'Suvvy account';
const SECRET_CREDENTIAL_NAME = 'Suvvy webhook secret';
/** A bot token in Telegram's shape; the emulator's Bot API accepts any. */
const TELEGRAM_BOT_TOKEN = '123456789:dummy-telegram-bot-token';
/** The webhook secret Suvvy (the emulator) sends with replies, and the trigger's credential holds. */
const WEBHOOK_SECRET = 'dummy-suvvy-webhook-secret';
const SUVVY_TYPE = 'n8n-nodes-suvvy.suvvy';
const SUVVY_TRIGGER_TYPE = 'n8n-nodes-suvvy.suvvyTrigger';

function readExamples() {
	return readdirSync(EXAMPLES_DIR)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => ({ file, workflow: JSON.parse(readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')) }));
}

/** Points every Suvvy node of an example at the credentials made for this n8n, by credential type. */
function withCredentials(workflow, credentialsByType) {
	const nodes = workflow.nodes.map((node) => {
		if (!node.credentials) return node;
		const credentials = { ...node.credentials };
		for (const type of Object.keys(credentials)) {
			const credential = credentialsByType[type];
			if (credential) credentials[type] = { id: credential.id, name: credential.name };
		}
		return { ...node, credentials };
	});
	return { ...workflow, nodes };
}

/**
 * Creates the credential, or brings a kept one (a restarted `npm run dev`) up to date: ports may have
 * moved. `unheld`: the fields of `data` this n8n's type of credential does not hold (see exampleFit).
 */
async function ensureCredential(api, { name, type, data }, credentialTypes) {
	const unheld = unheldFields(credentialTypes.get(type) ?? [], data);
	const existing = (await api.credentials()).find((credential) => credential.name === name);
	if (existing) {
		await api.updateCredential(existing.id, { name, type, data });
		return { ...existing, data, unheld, created: false };
	}
	const created = await api.createCredential({ name, type, data });
	return { ...created, data, unheld, created: true };
}

/** Where an example's webhook-based nodes listen, below n8n's URL: webhooks, triggers' id-based paths, forms. */
function webhookEndpoints(workflow) {
	return workflow.nodes.flatMap((node) => {
		if (node.type === 'n8n-nodes-base.webhook') return [{ method: node.parameters.httpMethod ?? 'GET', path: `webhook/${node.parameters.path}` }];
		if (node.type === 'n8n-nodes-base.formTrigger') return [{ method: 'POST', path: `form/${node.parameters.options?.path ?? node.webhookId}` }];
		if (node.type === SUVVY_TRIGGER_TYPE || node.type === 'n8n-nodes-base.telegramTrigger') return [{ method: 'POST', path: `webhook/${node.webhookId}/webhook` }];
		if (node.type === '@n8n/n8n-nodes-langchain.chatTrigger') return [{ method: 'POST', path: `webhook/${node.webhookId}/chat` }];
		return [];
	});
}

/** An example whose trigger holds sample data (an email trigger, say) is run by hand, not activated. */
const runsByHand = (workflow) => Object.keys(workflow.pinData ?? {}).length > 0;

/**
 * Activation registers production webhooks a moment after the REST call returns. n8n answers a CORS
 * preflight for a path only once it is registered, which tells without running the workflow.
 */
async function waitForWebhooks(n8nUrl, workflow, timeoutMs = 30_000) {
	const deadline = Date.now() + timeoutMs;
	for (const { method, path: webhookPath } of webhookEndpoints(workflow)) {
		for (;;) {
			const response = await fetch(`${n8nUrl}/${webhookPath}`, {
				method: 'OPTIONS',
				headers: { origin: n8nUrl, 'access-control-request-method': method },
			});
			if (response.status === 204 && response.headers.get('access-control-allow-methods')?.includes(method)) break;
			if (Date.now() > deadline) throw new Error(`Webhook ${method} ${webhookPath} of "${workflow.name}" was never registered`);
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
	}
}

/**
 * The emulator serves reply files from 127.0.0.1, which the Suvvy Trigger refuses by default. The
 * copies imported here turn Allow Private Network Downloads on; the example files as shipped leave it
 * off, so a user who imports one gets the safe default.
 */
function allowEmulatorDownloads(workflow) {
	const allow = (node) => ({ ...node, parameters: { ...node.parameters, options: { ...node.parameters.options, allowPrivateNetworkDownloads: true } } });
	return { ...workflow, nodes: workflow.nodes.map((node) => (node.type === SUVVY_TRIGGER_TYPE ? allow(node) : node)) };
}

/**
 * Imports each example once (by name) and activates it. An example this n8n cannot hold (older lines
 * have no AI Agent or tool nodes, for instance; exampleFit) is left out and named in `skipped`, and so
 * is one with lowered node versions whose webhooks this n8n does not register (n8n 1.49's Form Trigger
 * answers 500 to the form as the newer version wrote it). An example as shipped that fails stops the stack.
 */
async function ensureExamples(api, credentialsByType, known) {
	const present = await api.workflows();
	const imported = {};
	const skipped = [];
	for (const example of readExamples()) {
		const { file } = example;
		const { workflow, missing, lowered } = fitToThisN8n(example.workflow, known, credentialsByType);
		if (missing) {
			skipped.push({ file, missing });
			continue;
		}
		let stored = present.find((candidate) => candidate.name === workflow.name);
		if (!stored) stored = await api.createWorkflow(allowEmulatorDownloads(withCredentials(workflow, credentialsByType)));
		if (!runsByHand(workflow)) {
			if (!stored.active) stored = await api.activate(stored);
			try {
				await waitForWebhooks(api.url, workflow);
			} catch (error) {
				if (!lowered) throw error;
				skipped.push({ file, missing: [], failed: error.message });
				continue;
			}
		}
		// A workflow a restarted `npm run dev` finds comes from n8n's list, without its nodes.
		imported[file.replace(/\.json$/, '')] = await api.workflow(stored.id);
	}
	return { imported, skipped };
}

function replyWebhookUrl(n8nUrl, workflow) {
	const trigger = workflow?.nodes.find((node) => node.type === SUVVY_TRIGGER_TYPE);
	return trigger ? `${n8nUrl}/webhook/${trigger.webhookId}/webhook` : undefined;
}

async function emulatorState(emulator, patch) {
	const response = await fetch(`${emulator.url}/__emulator/state`, { method: 'POST', body: JSON.stringify(patch) });
	if (!response.ok) throw new Error(`Could not set the emulator up: ${await response.text()}`);
}

/**
 * @param {object} options
 *   userFolder: n8n's home (a fresh temporary one when omitted, removed on stop)
 *   port, emulatorPort: fixed ports (when omitted: N8N_PORT and SUVVY_EMULATOR_PORT if the user set
 *     them, else free ones; a queue-mode worker's ports are always free)
 *   emulator: options for the emulator; n8nEnv: extra n8n settings; echo: gets n8n's log lines
 *   queue: run n8n in queue mode (Redis, PostgreSQL, a main instance and one worker)
 *   onWaiting: progress callback while n8n is installed; log: emulator log lines
 *   extraPackages: folders of unpublished node packages to install beside this one (the benchmarks')
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
		const emulator = await startEmulator({ port: options.emulatorPort ?? userPort('SUVVY_EMULATOR_PORT') ?? 0, log: options.log, ...options.emulator });
		stoppers.push(() => emulator.close());
		const installed = installPackageInto(userFolder, scratch);
		// Packages of the project's own that are never published (the benchmarks' helper-floor node).
		for (const directory of options.extraPackages ?? []) {
			const { name } = JSON.parse(readFileSync(path.join(directory, 'package.json'), 'utf8'));
			cpSync(directory, path.join(userFolder, '.n8n', 'nodes', 'node_modules', name), { recursive: true });
		}
		const queue = options.queue ? await startQueueBackends() : undefined;
		if (queue) stoppers.push(() => queue.stop());
		const mainOptions = {
			installation,
			userFolder,
			port: options.port ?? userPort('N8N_PORT') ?? (await freePort()),
			env: { ...ownerEnv(installation.requireFromN8n), ...queue?.env, ...options.n8nEnv },
			echo: options.echo,
		};
		// `n8n` stays the running main instance across restarts (restartMain below).
		const n8n = await startN8n(mainOptions);
		const running = { main: n8n };
		stoppers.push(() => running.main.stop());
		let worker;
		if (queue) {
			// The worker loads the community package from the same n8n home as the main instance.
			const healthPort = await freePort();
			worker = await startN8n({ installation, userFolder, port: healthPort, command: 'worker', env: queue.workerEnv(healthPort), echo: options.echo });
			stoppers.push(() => worker.stop());
		}
		const api = new N8nApi(n8n.url, installation.requireFromN8n);
		if (IS_N8N_1) await api.setupOwner(OWNER);
		await api.login(OWNER.email, OWNER.password);
		// An n8n that cannot load the package still starts, and says why only in its log.
		const known = await api.nodeTypes();
		const credentialTypes = await api.credentialTypes();
		if (!known.has(SUVVY_TYPE) || !known.has(SUVVY_TRIGGER_TYPE)) {
			throw new Error(`n8n ${installation.version} did not load ${installed.name}; its log:\n${n8n.logs.tail(40)}`);
		}
		const credential = await ensureCredential(api, {
			name: CREDENTIAL_NAME,
			type: 'suvvyApi',
			data: { token: DEFAULT_TOKEN, baseUrl: emulator.url },
		}, credentialTypes);
		const secretCredential = await ensureCredential(api, {
			name: SECRET_CREDENTIAL_NAME,
			type: 'suvvyWebhookApi',
			data: { secret: WEBHOOK_SECRET },
		}, credentialTypes);
		// The Telegram example talks to the emulator's Bot API; the email example's mailbox is never
		// reached, because it runs on its pinned sample email.
		const telegramCredential = await ensureCredential(api, {
			name: 'Telegram bot',
			type: 'telegramApi',
			data: { accessToken: TELEGRAM_BOT_TOKEN, baseUrl: `${emulator.url}/telegram` },
		}, credentialTypes);
		const imapCredential = await ensureCredential(api, {
			name: 'Support mailbox',
			type: 'imap',
			data: { user: 'support@example.com', password: 'unused', host: '127.0.0.1', port: 993, secure: true },
		}, credentialTypes);
		// The agent example's chat model is the emulator's OpenAI-compatible stand-in.
		const openAiCredential = await ensureCredential(api, {
			name: 'OpenAI account',
			type: 'openAiApi',
			data: { apiKey: 'sk-emulator-key', url: `${emulator.url}/v1` },
		}, credentialTypes);
		const { imported: workflows, skipped: skippedExamples } = await ensureExamples(api, {
			openAiApi: openAiCredential,
			suvvyApi: credential,
			suvvyWebhookApi: secretCredential,
			telegramApi: telegramCredential,
			imap: imapCredential,
		}, known);
		// Suvvy's dashboard step, done for the user: the channel replies to the trigger's production URL.
		const replyUrl = replyWebhookUrl(n8n.url, workflows['suvvy-replies']);
		if (replyUrl) await emulatorState(emulator, { webhook_url: replyUrl, webhook_secret: WEBHOOK_SECRET });
		return {
			installation,
			installed,
			emulator,
			emulatorToken: DEFAULT_TOKEN,
			webhookSecret: WEBHOOK_SECRET,
			replyUrl,
			n8n,
			worker,
			queue,
			api,
			credential,
			secretCredential,
			workflows,
			skippedExamples,
			owner: OWNER,
			/**
			 * Stops the main instance with `signal` (SIGTERM as a deploy does, SIGKILL as a crash does),
			 * waits until it has exited, and starts it again on the same home, database and port; the
			 * active workflows' webhooks are registered again before this resolves.
			 */
			async restartMain(signal) {
				await running.main.kill(signal);
				running.main = await startN8n(mainOptions);
				Object.assign(n8n, running.main);
				// n8n 1.x reports ready before its REST routes are mounted; its setup call waits for them.
				if (IS_N8N_1) await api.setupOwner(OWNER);
				await api.login(OWNER.email, OWNER.password);
				for (const workflow of Object.values(workflows)) if (workflow.active) await waitForWebhooks(api.url, workflow);
			},
			stop,
		};
	} catch (error) {
		await stop();
		throw error;
	}
}

module.exports = { startStack, readExamples, withCredentials, replyWebhookUrl, waitForWebhooks, CREDENTIAL_NAME, SUVVY_TYPE, SUVVY_TRIGGER_TYPE, WEBHOOK_SECRET };
