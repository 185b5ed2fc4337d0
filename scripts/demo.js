#!/usr/bin/env node
'use strict';
/**
 * `npm run demo`: the dev setup, headless. Builds the package, starts the Suvvy emulator and a real
 * n8n with the example workflows, plays one scenario per output of the Suvvy node, prints what the
 * emulator received and which output each item left by, and exits 0 only when all is as expected.
 */
const { execFileSync } = require('node:child_process');
const path = require('node:path');

const { installProgress } = require('../dev/harness/installProgress');
const { BATCH, SCENARIOS } = require('../dev/harness/scenarios');
const { startStack } = require('../dev/harness/stack');
const { emulatorAdmin, playBatch, playScenario } = require('../dev/harness/workflowRuns');
const { requirePrerequisites } = require('../dev/harness/prerequisites');
const { N8N_VERSION } = require('../dev/harness/realN8n');

const ROOT = path.resolve(__dirname, '..');

function describeReceived(messages) {
	if (!messages.length) return 'nothing (not stored)';
	return messages
		.map((message) => {
			const files = message.attachments.map((file) => `${file.file_name} (${file.mime_type}, ${file.size_bytes} B)`);
			return [`"${message.body.text ?? ''}"`, ...files].join(' + ');
		})
		.join('; ');
}

/** A customer message with a photo goes out; Suvvy's reply must come back through the Suvvy Trigger. */
async function replyLoop(stack) {
	const replies = stack.workflows['suvvy-replies'];
	const seen = new Set((await stack.api.executions(replies.id)).map((execution) => execution.id));
	await playScenario(stack, SCENARIOS.find((scenario) => scenario.title.includes('uploaded')));
	await emulatorAdmin(stack, 'idle');
	const execution = await stack.api.nextExecution(replies.id, seen, 20_000);
	const items = execution.data.resultData.runData['Suvvy Trigger'][0].data.main[0];
	const text = items.find((item) => item.json.type === 'text')?.json.text;
	const photo = items.find((item) => item.json.type === 'image');
	const ok = text === 'Echo: Here is the broken part' && photo?.binary?.data?.fileName === 'photo.png';
	console.log(`${ok ? 'ok  ' : 'FAIL'} the reply comes back through the Suvvy Trigger`);
	for (const item of items) {
		const file = item.binary?.data ? ` (downloaded: ${item.binary.data.fileName}, ${item.binary.data.mimeType})` : '';
		console.log(`     ${item.json.message_sender} ${item.json.type}: ${item.json.text ?? item.json.file?.name}${file}`);
	}
	return ok;
}

async function main() {
	requirePrerequisites('npm run demo', { n8nVersion: N8N_VERSION });
	console.log('Building the package ...');
	execFileSync(process.execPath, [path.join(ROOT, 'node_modules/gulp/bin/gulp.js'), 'build'], { cwd: ROOT, stdio: 'ignore' });
	const onWaiting = installProgress();
	console.log('Starting the Suvvy emulator and n8n ...');
	const stack = await startStack({ onWaiting });
	onWaiting.done();
	let failures = 0;
	try {
		console.log(`n8n ${stack.installation.version} at ${stack.n8n.url}, emulator at ${stack.emulator.url}\n`);
		for (const scenario of SCENARIOS) {
			const { taken, messages } = await playScenario(stack, scenario);
			const outputs = taken.map((route) => route.output);
			const ok = outputs.length === 1 && outputs[0] === scenario.output && taken[0].pairedItem?.item === 0 && messages.length === (scenario.stored ?? 0);
			if (!ok) failures++;
			console.log(`${ok ? 'ok  ' : 'FAIL'} ${scenario.title}`);
			console.log(`     left by: ${outputs.join(', ') || 'no output'} (expected ${scenario.output})`);
			if (taken[0] && scenario.output !== 'Sent') console.log(`     says:    ${taken[0].json.message}`);
			console.log(`     emulator received: ${describeReceived(messages)}`);
		}
		const batch = await playBatch(stack, BATCH);
		const batchOk = JSON.stringify(batch.taken) === JSON.stringify(BATCH.expected) && JSON.stringify(batch.messages.map((message) => message.body.text)) === JSON.stringify(BATCH.storedTexts);
		if (!batchOk) failures++;
		console.log(`${batchOk ? 'ok  ' : 'FAIL'} a batch of ${BATCH.messages.length} messages in one execution`);
		for (const route of batch.taken) console.log(`     input item ${route.pairedItem.item} (chat ${route.chat}) left by ${route.output}`);
		console.log(`     emulator received: ${describeReceived(batch.messages)}`);
		if (!(await replyLoop(stack))) failures++;
	} finally {
		await stack.stop();
	}
	console.log(failures ? `\n${failures} scenario(s) did not go as expected.` : '\nEvery scenario went as expected.');
	process.exitCode = failures ? 1 : 0;
}

main().catch((error) => {
	console.error(`\ndemo failed: ${error.stack ?? error}`);
	process.exitCode = 1;
});
