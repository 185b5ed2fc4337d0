#!/usr/bin/env node
/**
 * `npm run scan`: the checks of n8n's community-package scanner (@n8n/scan-community-package) that
 * can run before publishing. The scanner's own `analyzePackage` lints, with inline eslint-disable
 * comments ignored, (1) the sources it would fetch from the attested GitHub commit and (2) the
 * unpacked tarball as npm would publish it. Its provenance check and the download of the published
 * version need the package on npm and only run after publishing.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The tarball leg lints what the scanner lints in a downloaded package: compiled JS and package.json. */
const TARBALL_FILE_PATTERNS = ['**/*.js', 'package.json'];

function unpackTarball(scratch) {
	execFileSync(process.execPath, [path.join(ROOT, 'node_modules/gulp/bin/gulp.js'), 'build'], {
		cwd: ROOT,
		stdio: 'ignore',
	});
	const [packed] = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', scratch], {
			cwd: ROOT,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore'],
		}),
	);
	const directory = path.join(scratch, 'package');
	mkdirSync(directory);
	execFileSync('tar', ['-xzf', path.join(scratch, packed.filename), '-C', directory, '--strip-components=1']);
	return { directory, label: `${packed.name}@${packed.version}` };
}

function report(name, result) {
	console.log(`${result.passed ? '✅' : '❌'} ${name}${result.message ? `: ${result.message}` : ''}`);
	if (result.details) console.log(result.details);
	return result.passed;
}

const scratch = mkdtempSync(path.join(tmpdir(), 'n8n-nodes-suvvy-scan-'));
try {
	const tarball = unpackTarball(scratch);
	const sources = await analyzePackage(ROOT, SOURCE_FILE_PATTERNS);
	const packed = await analyzePackage(tarball.directory, TARBALL_FILE_PATTERNS);
	const passed = [
		report(`sources (${SOURCE_FILE_PATTERNS.join(', ')})`, sources),
		report(`tarball ${tarball.label} (${TARBALL_FILE_PATTERNS.join(', ')})`, packed),
	].every(Boolean);
	console.log('Not run here: the provenance check, which needs the version published from GitHub Actions.');
	process.exitCode = passed ? 0 : 1;
} finally {
	rmSync(scratch, { recursive: true, force: true });
}
