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
const { choosePorts } = require('../dev/harness/ports');
const { startStack } = require('../dev/harness/stack');
const { requirePrerequisites } = require('../dev/harness/prerequisites');
const { N8N_VERSION } = require('../dev/harness/realN8n');

const ROOT = path.resolve(__dirname, '..');
// SUVVY_DEV_DIR keeps the data elsewhere (the side-by-side check uses a temporary folder).
const DEV_DIR = process.env.SUVVY_DEV_DIR ?? path.join(ROOT, '.dev');
const N8N_LOG = path.join(DEV_DIR, 'n8n.log');

/** Examples this n8n cannot hold (an older n8n without the AI Agent, say), and why. */
function skippedLines(skipped = []) {
	return skipped
		.map(({ file, missing, failed }) => `\n  not loaded  examples/${file}: ${missing.length ? `this n8n has no ${missing.join(', ')}` : failed}`)
		.join('');
}

function banner(stack) {
	const { n8n, emulator, owner, workflows, emulatorToken } = stack;
	const webhook = `${n8n.url}/webhook/suvvy-message`;
	const state = `${emulator.url}/__emulator/state`;
	return `
  n8n         ${n8n.url}   (port fixed with N8N_PORT; otherwise last run's, or any free one)
  log in      ${owner.email} / ${owner.password}
  Suvvy API   credential "${stack.credential.name}": token ${emulatorToken}, base URL ${emulator.url}
  secret      credential "${stack.secretCredential.name}": ${stack.webhookSecret}
  emulator    ${emulator.url}   (port fixed with SUVVY_EMULATOR_PORT)
              state: ${state}   received: ${emulator.url}/__emulator/messages
  replies     the emulator answers every customer message at the Suvvy Trigger's URL:
              ${stack.replyUrl}
  workflows   ${Object.values(workflows).map((workflow) => `"${workflow.name}"`).join('\n              ')}${skippedLines(stack.skippedExamples)}
  n8n log     ${path.relative(process.cwd(), N8N_LOG)}

  Try it:
    curl -s ${webhook} -H 'content-type: application/json' -d '{"chat_id":"c1","text":"Hello"}'
    curl -s ${webhook} -F chat_id=c1 -F text='A photo' -F photo=@path/to/photo.png

  Make the emulator refuse, then send again:
    curl -s ${state} -d '{"balance": -1}'                  # No Balance (402)
    curl -s ${state} -d '{"channel_enabled": false}'       # Channel Off (424)
    curl -s ${state} -d '{"tokens": ["some-other-token"]}' # Invalid Token (401)
  and accept again:
    curl -s ${state} -d '{"balance": 100, "channel_enabled": true, "tokens": ["${emulatorToken}"]}'

  Ctrl-C stops n8n and the emulator.
`;
}

async function main() {
	requirePrerequisites('npm run dev', { n8nVersion: N8N_VERSION });
	mkdirSync(DEV_DIR, { recursive: true });
	console.log('Building the package ...');
	execFileSync(process.execPath, [path.join(ROOT, 'node_modules/gulp/bin/gulp.js'), 'build'], { cwd: ROOT, stdio: 'inherit' });
	const ports = await choosePorts({ n8n: 'N8N_PORT', emulator: 'SUVVY_EMULATOR_PORT' }, path.join(DEV_DIR, 'ports.json'));
	const onWaiting = installProgress();
	console.log(`Starting the Suvvy emulator (port ${ports.emulator}) and n8n (port ${ports.n8n}) ...`);
	const stack = await startStack({
		onWaiting,
		userFolder: path.join(DEV_DIR, 'n8n-home'),
		port: ports.n8n,
		emulatorPort: ports.emulator,
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
