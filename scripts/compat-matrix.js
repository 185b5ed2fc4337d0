#!/usr/bin/env node
/**
 * Runs the engine and trigger tests (jest.matrix.config.js) against several n8n-core / n8n-workflow
 * pairs, one jest process at a time, and prints one line per pair, then one line per distinct cause
 * of failure with how many tests it failed.
 *
 *   node scripts/compat-matrix.js 1.78 1.122 2.0 2.41          # package.json aliases n8n-core-<line>
 *   node scripts/compat-matrix.js /path/to/dir/with/n8n-core     # an out-of-tree install (bisecting)
 *
 * MATRIX_SKIP: a test-name regex to leave out (a test that fails on every line for reasons of its own);
 * MATRIX_OUT: a directory to keep each jest JSON report in.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.join(__dirname, '..');
const targets = process.argv.slice(2);
if (!targets.length) {
	console.error('usage: compat-matrix.js <line|core dir>...');
	process.exit(2);
}
const outDir = process.env.MATRIX_OUT ?? fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-matrix-'));
fs.mkdirSync(outDir, { recursive: true });

const firstLines = (text, count) =>
	`${text ?? ''}`
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => line && !line.startsWith('at '))
		.slice(0, count)
		.join(' | ')
		.slice(0, 400);

/** The first stack frame in the project's own code (node or harness), to tell the two apart. */
const whereIn = (text) => {
	const frame = `${text ?? ''}`
		.split('\n')
		.map((line) => line.trim())
		.find((line) => line.startsWith('at ') && line.includes(root) && !line.includes('node_modules'));
	return frame ? ` @ ${frame.replace(`${root}/`, '').replace(/^at /, '')}` : '';
};

/**
 * An out-of-tree install is named by the n8n-core version it holds (the directory may be the n8n-core
 * itself, as scripts/install-n8n-core.sh prints it, or the folder it was installed into).
 */
function labelOf(target) {
	for (const dir of [target, path.join(target, 'node_modules', 'n8n-core')]) {
		try {
			const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
			if (pkg.name === 'n8n-core') return `n8n-core@${pkg.version}`;
		} catch {
			// not this one
		}
	}
	return path.basename(target);
}

let failingTargets = 0;
for (const target of targets) {
	const isPath = target.includes('/');
	const env = { ...process.env, ...(isPath ? { N8N_CORE_PATH: target } : { N8N_LINE: target }) };
	const label = isPath ? labelOf(target) : target;
	const report = path.join(outDir, `${label}.json`);
	fs.rmSync(report, { force: true });
	const args = ['jest', '-c', 'jest.matrix.config.js', '--maxWorkers=1', '--forceExit', '--json'];
	args.push('--outputFile', report);
	if (process.env.MATRIX_SKIP) args.push('-t', `^(?!.*(${process.env.MATRIX_SKIP}))`);
	const started = Date.now();
	const run = spawnSync('npx', args, { cwd: root, env, encoding: 'utf8' });
	const seconds = Math.round((Date.now() - started) / 1000);
	if (!fs.existsSync(report)) {
		failingTargets++;
		console.log(`${label}\tCONFIG-ERROR\t${seconds}s\t${firstLines(run.stderr, 3)}`);
		continue;
	}
	const result = JSON.parse(fs.readFileSync(report, 'utf8'));
	const versions = run.stderr.match(/n8n-core \S+ \/ n8n-workflow \S+ \/ \S+/)?.[0] ?? '';
	const failed = [];
	for (const suite of result.testResults) {
		const file = path.relative(root, suite.name);
		const failedTests = suite.assertionResults.filter((a) => a.status === 'failed');
		if (suite.status === 'failed' && !failedTests.length) {
			failed.push({ test: file, message: `suite failed: ${firstLines(suite.message, 3)}` });
		}
		for (const assertion of failedTests) {
			failed.push({
				test: `${file} › ${assertion.fullName}`,
				message: `${firstLines(assertion.failureMessages[0], 2)}${whereIn(assertion.failureMessages[0])}`,
			});
		}
	}
	if (failed.length) failingTargets++;
	const counts = `${result.numPassedTests} passed, ${result.numFailedTests} failed, ${result.numPendingTests} skipped`;
	console.log(`${label}\t${failed.length ? 'FAIL' : 'PASS'}\t${counts}\t${seconds}s\t${versions}`);
	const causes = new Map();
	for (const { test, message } of failed) {
		const entry = causes.get(message) ?? { count: 0, test };
		entry.count++;
		causes.set(message, entry);
	}
	for (const [message, { count, test }] of causes) console.log(`    ${count}× ${message}  [e.g. ${test}]`);
}
process.exit(failingTargets ? 1 : 0);
