'use strict';
/**
 * The lock files of the real n8n releases (dev/n8n-releases/<version>/), which scripts/n8n.sh installs
 * from with `npm ci`: every release a command runs has one, and each would install that release on
 * another machine exactly as it did here (scripts/lib/releaseLock.js, which scripts/lock-n8n.sh
 * applies before writing one).
 */
const { existsSync, readdirSync, readFileSync } = require('node:fs');
const path = require('node:path');

const { lockProblems } = require('../../scripts/lib/releaseLock');

const ROOT = path.resolve(__dirname, '../..');
const RELEASES = path.join(ROOT, 'dev', 'n8n-releases');
const read = (file) => readFileSync(path.join(ROOT, file), 'utf8');

/** The n8n versions the project's commands install: the default, the npm scripts', the e2e tiers', CI's. */
function versionsRun() {
	const found = [
		...read('scripts/n8n.sh').matchAll(/N8N_VERSION:-(\d+\.\d+\.\d+)/g),
		...read('dev/harness/realN8n.js').matchAll(/N8N_VERSION \?\? '(\d+\.\d+\.\d+)'/g),
		...read('package.json').matchAll(/N8N_VERSION=(\d+\.\d+\.\d+)/g),
		...read('scripts/e2e-oldest.js').matchAll(/OLDEST = '(\d+\.\d+\.\d+)'/g),
	].map((match) => match[1]);
	if (existsSync(path.join(ROOT, '.ci/run'))) {
		const loop = /for version in ([\d. ]+); do N8N_VERSION=/.exec(read('.ci/run'));
		if (loop) found.push(...loop[1].trim().split(/\s+/));
	}
	return [...new Set(found)].sort();
}

const locked = () => readdirSync(RELEASES).filter((entry) => existsSync(path.join(RELEASES, entry, 'package-lock.json')));

describe('the lock files of the real n8n releases', () => {
	test('every release the commands run (dev, demo, bench, each e2e tier, CI) has one', () => {
		const versions = versionsRun();
		// The default, the 1.x tier and the oldest claimed, at the least: a renamed variable must not empty this.
		expect(versions.length).toBeGreaterThanOrEqual(3);
		for (const version of versions) expect(locked()).toContain(version);
	});

	describe.each(locked())('n8n %s', (version) => {
		const manifest = JSON.parse(readFileSync(path.join(RELEASES, version, 'package.json'), 'utf8'));
		const lock = JSON.parse(readFileSync(path.join(RELEASES, version, 'package-lock.json'), 'utf8'));

		test('its package.json asks for exactly that release, and the lock was made from that package.json', () => {
			expect(manifest.dependencies).toEqual({ n8n: version });
			expect(lock.name).toBe(manifest.name);
			expect(lock.packages[''].dependencies).toEqual(manifest.dependencies);
		});

		test('the lock installs anywhere: each package from the npm registry, with its checksum', () => {
			expect(lockProblems(lock, version)).toEqual([]);
		});

		test("its overrides hold in the tree: linkedom everywhere, and on 1.x the registry's xlsx in place of SheetJS's CDN", () => {
			const installed = (name) => Object.entries(lock.packages).filter(([where]) => where.endsWith(`node_modules/${name}`)).map(([, entry]) => entry.version);
			for (const [name, wanted] of Object.entries(manifest.overrides ?? {})) {
				for (const got of installed(name)) expect(`${name}@${got}`).toBe(`${name}@${wanted}`);
			}
			if (version.startsWith('1.')) expect(manifest.overrides).toMatchObject({ xlsx: '0.18.5' });
		});
	});
});
