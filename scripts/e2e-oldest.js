#!/usr/bin/env node
'use strict';
/**
 * `npm run test:e2e:oldest`: the e2e essentials in a real n8n 1.29.1, the oldest release README
 * claims. It runs a selection of the e2e tier with jest, then fails unless every essential below ran
 * and passed: `jest -t` with a misspelled or renamed test name selects nothing and still exits 0.
 * Renaming one of these tests means updating it here.
 */
const { spawnSync } = require('node:child_process');
const { mkdtempSync, readFileSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');

const { OUTPUTS } = require('../dev/harness/workflowRuns');

const ROOT = path.resolve(__dirname, '..');
const OLDEST = '1.29.1';

/** What jest runs: the Send Message and reply-loop files whole, and the editor's first three tests. */
const FILES = ['sendMessage', 'replyLoop', 'editor'];
const SELECTION = ['Send Message in real n8n', 'the reply loop in real n8n', 'logs in', 'seven named outputs', 'opens the node'];

/** The tests that must have passed, by file and name, and what each proves on the oldest n8n. */
const ESSENTIALS = [
	{ covers: 'install: n8n loads the packed package as a community package', file: 'sendMessage', name: 'loads the package from its n8n section as a community package' },
	{ covers: 'the credential test passes with the good token', file: 'sendMessage', name: 'passes with the good token, and creates no message' },
	{ covers: 'the credential test fails with a wrong token, saying so', file: 'sendMessage', name: 'fails with a wrong token, saying so' },
	{ covers: 'send with a file: a multipart upload reaches Suvvy byte for byte', file: 'sendMessage', name: 'sends the exact bytes of a multipart upload, which n8n stored on disk, as base64 with the right file_type' },
	...OUTPUTS.map((output) => ({ covers: `every output: an item reaches ${output}`, file: 'sendMessage', name: new RegExp(`^routes .+ to ${output}, paired with its input item$`) })),
	{ covers: "the reply loop: Suvvy's reply starts the Suvvy Trigger with its text and file", file: 'replyLoop', name: 'with the right secret, the reply starts an execution holding its text and the downloaded file' },
	{ covers: 'the editor: logs in', file: 'editor', name: 'logs in with the owner account' },
	{ covers: 'the editor: the node on the canvas with its seven outputs', file: 'editor', name: 'shows the Suvvy node on the canvas with its seven named outputs' },
	{ covers: 'the editor opens the node and shows its parameters', file: 'editor', name: 'opens the node and shows every Send Message parameter' },
];

const matches = (name, title) => (typeof name === 'string' ? name === title : name.test(title));

/** What is wrong with a jest --json result, measured against ESSENTIALS; empty when all is well. */
function essentialProblems(results, essentials = ESSENTIALS) {
	const tests = results.testResults.flatMap((file) =>
		file.assertionResults.map((test) => ({ file: path.basename(file.name), title: test.title, status: test.status })),
	);
	const problems = essentials.flatMap(({ covers, file, name }) => {
		const found = tests.filter((test) => test.file.startsWith(`${file}.`) && matches(name, test.title));
		if (!found.length) return [`not run: ${covers} (${file}: "${name}")`];
		return found.filter((test) => test.status !== 'passed').map((test) => `${test.status}: ${covers} (${file}: "${test.title}")`);
	});
	const failed = tests.filter((test) => test.status === 'failed').map((test) => `failed: ${test.file}: "${test.title}"`);
	const fileErrors = results.testResults
		.filter((file) => file.status === 'failed' && file.assertionResults.length === 0)
		.map((file) => `could not run ${path.basename(file.name)}: ${(file.message ?? '').split('\n')[0]}`);
	return [...new Set([...fileErrors, ...problems, ...failed])];
}

function main() {
	const scratch = mkdtempSync(path.join(tmpdir(), 'n8n-nodes-suvvy-oldest-'));
	const output = path.join(scratch, 'results.json');
	try {
		const jest = spawnSync(
			process.execPath,
			[path.join(ROOT, 'node_modules/jest/bin/jest.js'), '-c', 'jest.e2e.config.js', ...FILES, '-t', SELECTION.join('|'), '--verbose', '--json', `--outputFile=${output}`],
			{ cwd: ROOT, env: { ...process.env, N8N_VERSION: OLDEST }, stdio: 'inherit' },
		);
		let problems;
		try {
			problems = essentialProblems(JSON.parse(readFileSync(output, 'utf8')));
		} catch (error) {
			problems = [`jest wrote no results (${error.message})`];
		}
		if (jest.status !== 0) problems.unshift(`jest exited with ${jest.status ?? jest.signal}`);
		if (problems.length) {
			console.error(`\nThe e2e essentials in real n8n ${OLDEST} did not all pass:\n  ${problems.join('\n  ')}`);
			process.exitCode = 1;
			return;
		}
		console.log(`\nThe e2e essentials passed in real n8n ${OLDEST}:\n  ${ESSENTIALS.map(({ covers }) => covers).join('\n  ')}`);
	} finally {
		rmSync(scratch, { recursive: true, force: true });
	}
}

if (require.main === module) main();

module.exports = { ESSENTIALS, essentialProblems };
