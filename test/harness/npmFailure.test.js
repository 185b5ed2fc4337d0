'use strict';
/**
 * The line the install scripts add when npm fails (scripts/lib/npmFailure.js), read from npm 11's
 * own output as it came on this machine for each way the registry refuses. test/harness/installCache
 * runs the real npm against a loopback registry for E404, EINTEGRITY and ETARGET end to end.
 */
const { mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');

const { describeNpmFailure, packageOfTarball } = require('../../scripts/lib/npmFailure');

const WHAT = 'Installing n8n 1.29.1 from dev/n8n-releases/1.29.1/package-lock.json';

const npmError = (...lines) => `${lines.map((line) => `npm error ${line}`.trimEnd()).join('\n')}\nnpm error A complete log of this run can be found in: /root/.npm/_logs/x-debug-0.log\n`;

describe('what the install scripts say when npm fails', () => {
	test("the registry has no version a range asks for (the issue's ETARGET)", () => {
		const output = npmError(
			'code ETARGET',
			'notarget No matching version found for @babel/helper-validator-identifier@^7.29.17.',
			"notarget In most cases you or one of your dependencies are requesting a package version that doesn't exist.",
		);
		expect(describeNpmFailure(WHAT, output)).toBe(`${WHAT} failed: the registry has no @babel/helper-validator-identifier@^7.29.17 (ETARGET)`);
	});

	test('no such package (E404 on a packument), as npm 11 and npm 10 put it', () => {
		const npm11 = npmError(
			'code E404',
			'404 Not Found - GET https://registry.npmjs.org/@babel%2fhelper-validator-identifier - Not found',
			'404',
			"404  The requested resource '@babel/helper-validator-identifier@7.29.17' could not be found or you do not have permission to access it.",
		);
		const npm10 = npmError('code E404', '404 Not Found - GET https://registry.npmjs.org/left-pad - Not found', '404', "404  'left-pad@^1.3.0' is not in this registry.");
		expect(describeNpmFailure(WHAT, npm11)).toBe(
			`${WHAT} failed: the registry has no @babel/helper-validator-identifier@7.29.17 (E404: GET https://registry.npmjs.org/@babel%2fhelper-validator-identifier)`,
		);
		expect(describeNpmFailure(WHAT, npm10)).toBe(`${WHAT} failed: the registry has no left-pad@^1.3.0 (E404: GET https://registry.npmjs.org/left-pad)`);
	});

	test('the registry did not answer: refused, unknown host, timed out', () => {
		const refused = npmError(
			'code ECONNREFUSED',
			'syscall connect',
			'errno ECONNREFUSED',
			'FetchError: request to http://127.0.0.1:1/left-pad/-/left-pad-1.3.0.tgz failed, reason: connect ECONNREFUSED 127.0.0.1:1',
			'    at ClientRequest.<anonymous> (/usr/lib/node_modules/npm/node_modules/minipass-fetch/lib/index.js:130:14)',
		);
		const unknownHost = npmError(
			'code ENOTFOUND',
			'syscall getaddrinfo',
			'errno ENOTFOUND',
			'network request to https://registry.example/@types/node/-/node-20.19.43.tgz failed, reason: getaddrinfo ENOTFOUND registry.example',
		);
		const timedOut = npmError('code FETCH_ERROR', 'errno FETCH_ERROR', 'network timeout at: https://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz');
		expect(describeNpmFailure(WHAT, refused)).toBe(
			`${WHAT} failed: the registry did not answer for left-pad@1.3.0 (ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:1, http://127.0.0.1:1/left-pad/-/left-pad-1.3.0.tgz)`,
		);
		expect(describeNpmFailure(WHAT, unknownHost)).toBe(
			`${WHAT} failed: the registry did not answer for @types/node@20.19.43 (ENOTFOUND: getaddrinfo ENOTFOUND registry.example, https://registry.example/@types/node/-/node-20.19.43.tgz)`,
		);
		expect(describeNpmFailure(WHAT, timedOut)).toBe(
			`${WHAT} failed: the registry did not answer for left-pad@1.3.0 (FETCH_ERROR: network timeout, https://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz)`,
		);
	});

	test('a checksum that does not match is traced to its package through the lock', () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'n8n-nodes-suvvy-npm-failure-'));
		try {
			const lock = path.join(dir, 'package-lock.json');
			const packages = { '': {}, 'node_modules/a/node_modules/@scope/b': { version: '2.0.0', integrity: 'sha512-WANTED==' } };
			writeFileSync(lock, JSON.stringify({ packages }));
			const output = npmError('code EINTEGRITY', 'sha512-WANTED== integrity checksum failed when using sha512: wanted sha512-WANTED== but got sha512-GOT==. (13 bytes)');
			expect(describeNpmFailure(WHAT, output, lock)).toBe(`${WHAT} failed: the file the registry sent for @scope/b@2.0.0 does not match the lock's checksum (EINTEGRITY: got sha512-GOT==)`);
			expect(describeNpmFailure(WHAT, output)).toBe(`${WHAT} failed: the file the registry sent for a package does not match the lock's checksum (EINTEGRITY: got sha512-GOT==)`);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	test('a lock out of step with its package.json, a native build that failed, anything else npm says, no code at all', () => {
		const other = npmError('code EACCES', 'syscall mkdir', 'path /cache/n8n-1.29.1', 'Error: EACCES: permission denied, mkdir \'/cache/n8n-1.29.1\'');
		const outOfSync = npmError('code EUSAGE', '', '`npm ci` can only install packages when your package.json and package-lock.json or npm-shrinkwrap.json are in sync.');
		const compile = npmError('code 1', 'path /cache/node_modules/sqlite3', 'command failed', 'command sh -c node-gyp rebuild');
		expect(describeNpmFailure(WHAT, outOfSync)).toBe(`${WHAT} failed: its package.json and package-lock.json are out of sync (EUSAGE)`);
		expect(describeNpmFailure('Compiling sqlite3', compile)).toBe('Compiling sqlite3 failed: a build script exited with 1 in /cache/node_modules/sqlite3');
		expect(describeNpmFailure(WHAT, other)).toBe(`${WHAT} failed: npm said: Error: EACCES: permission denied, mkdir '/cache/n8n-1.29.1' (EACCES)`);
		expect(describeNpmFailure(WHAT, 'Killed\n')).toBe(`${WHAT} failed: npm stopped without an error code; its output is above`);
	});

	test('a tarball URL names its package and version, scoped or not, on any registry path', () => {
		expect(packageOfTarball('https://registry.npmjs.org/@babel/helper-validator-identifier/-/helper-validator-identifier-7.29.17.tgz')).toBe(
			'@babel/helper-validator-identifier@7.29.17',
		);
		expect(packageOfTarball('https://mirror.example/npm/left-pad/-/left-pad-1.3.0-rc.1.tgz')).toBe('left-pad@1.3.0-rc.1');
		expect(packageOfTarball('https://registry.npmjs.org/left-pad')).toBeUndefined();
	});
});
