'use strict';
const { missingPrerequisites } = require('../../dev/harness/prerequisites');

const probe = (overrides = {}) => ({
	hasChromium: () => true,
	hasRedis: () => true,
	hasPostgres: () => true,
	freeMegabytes: () => 100_000,
	...overrides,
});

describe('what the e2e tier, the benchmarks and dev need before they start', () => {
	test('nothing is missing when everything is there', () => {
		expect(missingPrerequisites({ chromium: true, redis: true, postgres: true }, probe())).toEqual([]);
	});

	test('names every missing Debian package and the one command that installs them', () => {
		const [problem] = missingPrerequisites(
			{ chromium: true, redis: true, postgres: true },
			probe({ hasChromium: () => false, hasPostgres: () => false }),
		);
		expect(problem).toMatch(/^Missing chromium, postgresql \(Debian packages\)\. Install with:\n {2}/);
		expect(problem).toMatch(/apt-get install -y chromium postgresql$/);
	});

	test('asks only for what the command uses', () => {
		const missing = probe({ hasRedis: () => false, hasPostgres: () => false });
		expect(missingPrerequisites({ chromium: true }, missing)).toEqual([]);
	});

	test('on a first run, says how much room the n8n cache needs when its disk is short', () => {
		const [problem] = missingPrerequisites(
			{ n8nVersion: '0.0.0-never-installed' },
			probe({ freeMegabytes: () => 1024 }),
		);
		expect(problem).toMatch(/needs about 3\.4 GB; its disk has 1\.0 GB free/);
		expect(problem).toMatch(/XDG_CACHE_HOME=\/path\/with\/room npm run/);
		expect(missingPrerequisites({ n8nVersion: '0.0.0-never-installed' }, probe())).toEqual([]);
	});
});
