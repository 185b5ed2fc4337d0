'use strict';
/**
 * What `npm publish` would ship, read from `npm pack --dry-run` after the build: only the built
 * nodes and credentials with their icons and codex files, the README, the licence and package.json;
 * none of the development files beside them, such as the lock files of the real n8n releases.
 */
const { execFileSync } = require('node:child_process');
const { existsSync, readdirSync, readFileSync } = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../..');
const TOP_LEVEL_FILES = ['LICENSE', 'README.md', 'package.json'];

function packed() {
	const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
		cwd: ROOT,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'ignore'],
	});
	const [tarball] = JSON.parse(output);
	return { ...tarball, paths: tarball.files.map((file) => file.path).sort() };
}

describe('the published tarball', () => {
	let tarball;
	beforeAll(() => {
		tarball = packed();
		process.stdout.write(
			`\n  tarball ${tarball.filename}: ${(tarball.size / 1024).toFixed(1)} kB packed, ` +
				`${(tarball.unpackedSize / 1024).toFixed(1)} kB unpacked, ${tarball.entryCount} files\n`,
		);
	});

	test('holds dist/, README, LICENSE and package.json and nothing else', () => {
		const elsewhere = tarball.paths.filter(
			(file) => !file.startsWith('dist/') && !TOP_LEVEL_FILES.includes(file),
		);

		expect(elsewhere).toStrictEqual([]);
		for (const file of TOP_LEVEL_FILES) expect(tarball.paths).toContain(file);
	});

	test('carries no lock file of a real n8n release, which the repository holds beside the scripts that install them', () => {
		const releases = path.join(ROOT, 'dev', 'n8n-releases');
		const locks = readdirSync(releases)
			.map((version) => `dev/n8n-releases/${version}/package-lock.json`)
			.filter((file) => existsSync(path.join(ROOT, file)));
		// The three releases the e2e tiers run, at the least: otherwise this would check nothing.
		expect(locks.length).toBeGreaterThanOrEqual(3);

		expect(tarball.paths.filter((file) => file.startsWith('dev/') || path.basename(file) === 'package-lock.json')).toStrictEqual([]);
		// Nor under another name (a build step copying one into dist/): no packed file reads like a lock.
		const lockLike = tarball.paths.filter((file) => readFileSync(path.join(ROOT, file), 'utf8').includes('"lockfileVersion"'));
		expect(lockLike).toStrictEqual([]);
	});

	test('ships every node and credential the n8n section names, with icons and codex files', () => {
		const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).n8n;
		const expected = [
			...manifest.nodes,
			...manifest.credentials,
			'dist/nodes/Suvvy/suvvy.svg',
			'dist/nodes/Suvvy/suvvy.dark.svg',
			'dist/nodes/Suvvy/Suvvy.node.json',
			'dist/nodes/Suvvy/SuvvyTrigger.node.json',
		];

		for (const file of expected) expect(tarball.paths).toContain(file);
	});

	test("ships Send Message's output schema where n8n's editor looks for it, as the engine tests check it", () => {
		const schema = 'nodes/Suvvy/__schema__/v1.0.0/message/send.json';
		expect(tarball.paths).toContain(`dist/${schema}`);
		const packed = JSON.parse(readFileSync(path.join(ROOT, 'dist', schema), 'utf8'));
		// n8n's editor shows a schema only when it is an object with properties.
		expect(packed.type).toBe('object');
		expect(Object.keys(packed.properties).length).toBeGreaterThan(0);
		// test/engine/outputSchema.engine.test.ts holds real items against the source file.
		expect(packed).toStrictEqual(JSON.parse(readFileSync(path.join(ROOT, schema), 'utf8')));
	});

	test('carries no test code, fixtures or tooling, not even as a source map', () => {
		const outsideNodesAndCredentials = tarball.paths.filter(
			(file) =>
				file.startsWith('dist/') &&
				!file.startsWith('dist/nodes/') &&
				!file.startsWith('dist/credentials/'),
		);
		const mapSources = tarball.paths
			.filter((file) => file.endsWith('.map'))
			.flatMap((file) => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')).sources);

		expect(outsideNodesAndCredentials).toStrictEqual([]);
		expect(mapSources.length).toBeGreaterThan(0);
		expect(mapSources.filter((source) => !/^(\.\.\/)+(nodes|credentials)\//.test(source))).toStrictEqual([]);
	});

	test('points every documentation link (codex files, credentials) into the repository package.json names', () => {
		const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
		const repository = manifest.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
		expect(manifest.homepage.startsWith(repository)).toBe(true);
		const codexLinks = tarball.paths
			.filter((file) => file.endsWith('.node.json'))
			.flatMap((file) => Object.values(JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')).resources).flat())
			.map((resource) => resource.url);
		const credentialLinks = manifest.n8n.credentials.map((file) => {
			const exported = require(path.join(ROOT, file));
			return new (Object.values(exported)[0])().documentationUrl;
		});

		expect(codexLinks.length).toBe(4);
		for (const link of [...codexLinks, ...credentialLinks]) expect(link.startsWith(`${repository}#`)).toBe(true);
	});
});
