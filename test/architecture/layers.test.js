'use strict';
/**
 * The package imports downward only, and never in a circle: layerRules.js holds the rules, ESLint
 * reads the imports (every form, as TypeScript parses them).
 */
const { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const path = require('node:path');
const { ESLint } = require('eslint');

const ROOT = path.resolve(__dirname, '../..');
const LAYER_RULES = require('./layerRules');

const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: LAYER_RULES });

/** The TypeScript sources below `folder` (ESLint's own file search needs ES modules, which jest lacks). */
const sourcesIn = (folder) =>
	readdirSync(path.join(ROOT, folder), { recursive: true })
		.filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'))
		.map((name) => path.join(ROOT, folder, name));

async function brokenRules(files) {
	const broken = [];
	for (const filePath of files) {
		const [result] = await eslint.lintText(readFileSync(filePath, 'utf8'), { filePath });
		for (const { line, message } of result.messages)
			broken.push(`${path.relative(ROOT, filePath)}:${line} ${message}`);
	}
	return broken;
}

describe('the package imports downward only, and never in a circle', () => {
	test('every import of nodes/ and credentials/ keeps the layer rules, and none closes a cycle', async () => {
		const files = [...sourcesIn('nodes'), ...sourcesIn('credentials')];
		expect(files.length).toBeGreaterThan(40);
		expect(await brokenRules(files)).toEqual([]);
	}, 60_000);

	test.each([
		['transport/ importing the router', 'nodes/Suvvy/transport/upward.ts', '../actions/router'],
		[
			'the trigger importing transport/',
			'nodes/Suvvy/trigger/sideways.ts',
			'../transport/postMessage',
		],
		[
			"an operation's part importing its operation",
			'nodes/Suvvy/actions/message/send/up.ts',
			'../send.operation',
		],
		[
			'suvvy/ importing anything of the package',
			'nodes/Suvvy/suvvy/up.ts',
			'../compat/mainConnection',
		],
	])(
		'the rules are live: %s is reported',
		async (_case, file, specifier) => {
			const source = `import * as anything from '${specifier}';\nexport const x = anything;\n`;
			const [result] = await eslint.lintText(source, { filePath: path.join(ROOT, file) });
			expect(result.messages.map(({ ruleId }) => ruleId)).toEqual(['no-restricted-imports']);
		},
		60_000,
	);

	test('the rules are live: an import cycle is reported', async () => {
		// Two files that import each other, written beside the tests for as long as this test runs.
		const folder = mkdtempSync(path.join(__dirname, 'cycle-'));
		try {
			writeFileSync(
				path.join(folder, 'a.ts'),
				"import { b } from './b';\nexport const a = () => b;\n",
			);
			writeFileSync(
				path.join(folder, 'b.ts'),
				"import { a } from './a';\nexport const b = () => a;\n",
			);
			const broken = await brokenRules([path.join(folder, 'a.ts')]);
			expect(broken).toEqual([expect.stringMatching(/a\.ts:1 Dependency cycle detected/)]);
		} finally {
			rmSync(folder, { recursive: true, force: true });
		}
	}, 60_000);
});
