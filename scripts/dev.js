#!/usr/bin/env node
'use strict';
/**
 * `npm run dev`: builds the package and starts, on loopback, the Suvvy emulator and a real n8n with
 * the package installed, an owner account, a Suvvy API credential pointing at the emulator and the
 * example workflows active. n8n's data lives in .dev/ so your own workflows survive a restart.
 * Ctrl-C stops everything it started.
 */
const { execFileSync } = require('node:child_process');
const { appendFileSync, mkdirSync } = require('node:fs');
const path = require('node:path');

const { installProgress } = require('../dev/harness/installProgress');
const { startStack } = require('../dev/harness/stack');

const ROOT = path.resolve(__dirname, '..');
const DEV_DIR = path.join(ROOT, '.dev');
const N8N_PORT = Number(process.env.N8N_PORT ?? 5678);
const EMULATOR_PORT = Number(process.env.SUVVY_EMULATOR_PORT ?? 5681);
const N8N_LOG = path.join(DEV_DIR, 'n8n.log');

function banner(stack) {
	const { n8n, emulator, owner, workflows } = stack;
	const webhook = `${n8n.url}/webhook/suvvy-message`;
	return `
  n8n        ${n8n.url}
  log in     ${owner.email} / ${owner.password}
  emulator   ${emulator.url}  (state: ${emulator.url}/__emulator/state, received: ${emulator.url}/__emulator/messages)
  credential "${stack.credential.name}" → the emulator; "${stack.secretCredential.name}" (${stack.webhookSecret})
  replies    the emulator answers every customer message at the Suvvy Trigger's URL:
             ${stack.replyUrl}
  workflows  ${Object.values(workflows).map((workflow) => `"${workflow.name}"`).join('\n             ')}
  n8n log    ${path.relative(process.cwd(), N8N_LOG)}

  Try it:
    curl -s ${webhook} -H 'content-type: application/json' -d '{"chat_id":"c1","text":"Hello"}'
    curl -s ${webhook} -F chat_id=c1 -F text='A photo' -F photo=@path/to/photo.png
    curl -s ${emulator.url}/__emulator/state -d '{"balance": -1}'     # then send again: Negative Balance

  Ctrl-C stops n8n and the emulator.
`;
}

async function main() {
	mkdirSync(DEV_DIR, { recursive: true });
	console.log('Building the package ...');
	execFileSync(process.execPath, [path.join(ROOT, 'node_modules/gulp/bin/gulp.js'), 'build'], { cwd: ROOT, stdio: 'inherit' });
	const onWaiting = installProgress();
	console.log(`Starting the Suvvy emulator (port ${EMULATOR_PORT}) and n8n (port ${N8N_PORT}) ...`);
	const stack = await startStack({
		onWaiting,
		userFolder: path.join(DEV_DIR, 'n8n-home'),
		port: N8N_PORT,
		emulatorPort: EMULATOR_PORT,
		log: (line) => console.log(`[suvvy-emulator] ${line}`),
		echo: (line) => appendFileSync(N8N_LOG, `${line}\n`),
	});
	onWaiting.done();
	console.log(banner(stack));

	let stopping = false;
	const stop = async (signal) => {
		if (stopping) return;
		stopping = true;
		console.log(`\n${signal}: stopping n8n and the emulator ...`);
		await stack.stop();
		process.exit(0);
	};
	process.on('SIGINT', () => stop('SIGINT'));
	process.on('SIGTERM', () => stop('SIGTERM'));
	stack.n8n.child.on('exit', (code) => {
		if (stopping) return;
		console.error(`n8n stopped on its own (exit ${code}); see ${N8N_LOG}`);
		stop('n8n exited').then(() => process.exit(1));
	});
}

main().catch((error) => {
	console.error(`\nnpm run dev failed: ${error.stack}`);
	process.exit(1);
});
