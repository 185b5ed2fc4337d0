'use strict';
/** The e2e tier checks for the very browser its editor tests launch. */
const { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');

const { chromiumPath, missingPrerequisites, systemProbe } = require('../../dev/harness/prerequisites');

describe('which Chromium the editor tests use, and the check before the e2e tier starts', () => {
	let dir;
	const file = (relative, mode) => {
		const full = path.join(dir, relative);
		mkdirSync(path.dirname(full), { recursive: true });
		writeFileSync(full, '#!/bin/sh\n');
		chmodSync(full, mode);
		return full;
	};
	beforeEach(() => {
		dir = mkdtempSync(path.join(tmpdir(), 'n8n-nodes-suvvy-chromium-'));
	});
	afterEach(() => rmSync(dir, { recursive: true, force: true }));

	test('without CHROMIUM_PATH: the first executable chromium on the PATH, which the check then finds', () => {
		file('first/chromium', 0o644);
		const found = file('second/chromium', 0o755);
		const env = { PATH: [path.join(dir, 'first'), path.join(dir, 'second')].join(path.delimiter) };
		expect(chromiumPath(env)).toBe(found);
		expect(missingPrerequisites({ chromium: true }, systemProbe(env))).toEqual([]);
	});

	test('CHROMIUM_PATH wins over the PATH', () => {
		const chrome = file('google-chrome', 0o755);
		file('bin/chromium', 0o755);
		const env = { CHROMIUM_PATH: chrome, PATH: path.join(dir, 'bin') };
		expect(chromiumPath(env)).toBe(chrome);
		expect(missingPrerequisites({ chromium: true }, systemProbe(env))).toEqual([]);
	});

	test('no chromium on the PATH: the check asks for the Debian package', () => {
		const env = { PATH: path.join(dir, 'empty') };
		expect(chromiumPath(env)).toBeUndefined();
		const [problem] = missingPrerequisites({ chromium: true }, systemProbe(env));
		expect(problem).toMatch(/^Missing chromium \(Debian packages\)\. Install with:\n.*apt-get install -y chromium$/);
	});

	test('CHROMIUM_PATH pointing at nothing runnable: the check names the setting, not a package', () => {
		file('bin/chromium', 0o755);
		const env = { CHROMIUM_PATH: path.join(dir, 'no-such-browser'), PATH: path.join(dir, 'bin') };
		expect(missingPrerequisites({ chromium: true }, systemProbe(env))).toEqual([
			`CHROMIUM_PATH is ${env.CHROMIUM_PATH}, which is not an executable file. Point it at Chromium or Google Chrome, or unset it to use the chromium on the PATH.`,
		]);
	});
});
