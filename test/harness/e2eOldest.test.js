'use strict';
/** npm run test:e2e:oldest fails unless every essential test ran and passed, whatever jest's exit code says. */
const { ESSENTIALS, essentialProblems } = require('../../scripts/e2e-oldest');

/** A jest --json result holding one passed test per essential, as a run where all went well. */
function allPassed() {
	const files = {};
	for (const { file, name } of ESSENTIALS) {
		const title = typeof name === 'string' ? name : name.source.replace(/^\^routes \.\+ to /, 'routes a case to ').replace(/\$$/, '');
		(files[file] ??= []).push({ title, status: 'passed' });
	}
	return {
		testResults: Object.entries(files).map(([file, assertionResults]) => ({ name: `/repo/test/e2e/${file}.e2e.js`, status: 'passed', assertionResults })),
	};
}

describe('the check after the e2e essentials run in the oldest n8n', () => {
	test('passes when every essential ran and passed: install, credential test, a file, every output, the reply loop, the editor', () => {
		expect(essentialProblems(allPassed())).toEqual([]);
		const covered = ESSENTIALS.map(({ covers }) => covers).join('\n');
		for (const part of ['install', 'credential test', 'a multipart upload', 'every output: an item reaches Other Error', 'reply loop', 'editor opens the node']) {
			expect(covered).toContain(part);
		}
	});

	test('names an essential that did not run, as after a typo or a renamed test', () => {
		const results = allPassed();
		const editor = results.testResults.find((file) => file.name.endsWith('editor.e2e.js'));
		editor.assertionResults = editor.assertionResults.filter((test) => !test.title.startsWith('opens the node'));
		expect(essentialProblems(results)).toEqual([
			'not run: the editor opens the node and shows its parameters (editor: "opens the node and shows every Send Message parameter")',
		]);
	});

	test('names one that was skipped or failed, and any other test that failed', () => {
		const results = allPassed();
		const [sendMessage] = results.testResults;
		sendMessage.assertionResults.find((test) => test.title.includes('to No Balance')).status = 'pending';
		sendMessage.assertionResults.push({ title: 'a batch of items leaves by their own outputs', status: 'failed' });
		expect(essentialProblems(results)).toEqual([
			'pending: every output: an item reaches No Balance (sendMessage: "routes a case to No Balance, paired with its input item")',
			'failed: sendMessage.e2e.js: "a batch of items leaves by their own outputs"',
		]);
	});

	test('names a file that could not run at all', () => {
		const results = allPassed();
		results.testResults[2] = { name: '/repo/test/e2e/editor.e2e.js', status: 'failed', message: 'Cannot find module playwright-core\nstack', assertionResults: [] };
		expect(essentialProblems(results)).toEqual(expect.arrayContaining(['could not run editor.e2e.js: Cannot find module playwright-core']));
	});
});
