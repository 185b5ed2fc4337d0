'use strict';
/**
 * The install scripts' own logic (scripts/n8n.sh, lock-n8n.sh, n8n-node.sh, registry-node.sh), run
 * from a copy of scripts/ beside a dev/n8n-releases/ of the test's own, so it runs in a second:
 * which Node a release gets from its engines.node, that a release installs only from its lock and
 * again when the lock changes, and that two commands started together on a cold cache share one
 * install (all with `npm` replaced by a stand-in on PATH); and, with the real npm against a registry
 * on loopback that refuses, that the scripts say which package of which release failed. What npm
 * installs from the real registry is the e2e tier's business.
 */
const { execFileSync, spawn } = require('node:child_process');
const { createHash } = require('node:crypto');
const { once } = require('node:events');
const { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } = require('node:fs');
const { createServer } = require('node:http');
const { readFile, writeFile } = require('node:fs/promises');
const { tmpdir } = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../..');

/**
 * npm as the scripts call it. `view` answers FAKE_ENGINES; `install --prefix` places a Node binary
 * that reports its version; `ci` (the n8n cache) needs the release's package.json and lock beside
 * it, writes a runnable n8n entry and the native modules, and with FAKE_HOLD set tells the test it
 * started (the `started` pipe) and holds until released.
 */
const FAKE_NPM = `#!/usr/bin/env bash
echo "$*" >>"$FAKE_LOG"
case "$1" in
	view) echo "$FAKE_ENGINES" ;;
	rebuild) ;;
	install)
		prefix="$3"; last="\${@: -1}"; version="\${last#node@}"
		mkdir -p "$prefix/node_modules/node/bin"
		printf '#!/usr/bin/env bash\\n[[ "$1" == --version ]] && echo v%s && exit 0\\nexec "%s" "$@"\\n' "$version" "$REAL_NODE" >"$prefix/node_modules/node/bin/node"
		chmod +x "$prefix/node_modules/node/bin/node" ;;
	ci)
		[[ -f package.json && -f package-lock.json ]] || { echo "npm error code EUSAGE"; exit 1; }
		mkdir -p node_modules/n8n/bin node_modules/sqlite3 node_modules/isolated-vm
		echo "console.log('fake n8n')" >node_modules/n8n/bin/n8n
		echo "" >node_modules/sqlite3/index.js
		echo "" >node_modules/isolated-vm/index.js
		if [[ -n "$FAKE_HOLD" ]]; then
			echo started >"$FAKE_DIR/started"
			read -r _ <"$FAKE_DIR/release"
		fi ;;
esac
`;

/**
 * A release folder as scripts/lock-n8n.sh writes it: a package.json asking for `dependencies` with
 * `overrides`, and a lock that installs the `locked` packages (name → version) at the top level.
 */
function releaseFolder(repo, version, options = {}) {
	const { locked = { n8n: version }, dependencies = locked, overrides = { linkedom: '0.18.13' }, integrity = () => 'sha512-AAAA' } = options;
	const folder = path.join(repo, 'dev', 'n8n-releases', version);
	mkdirSync(folder, { recursive: true });
	const manifest = { name: `n8n-${version}`, private: true, dependencies, overrides };
	const lock = {
		name: manifest.name,
		lockfileVersion: 3,
		requires: true,
		packages: {
			'': { name: manifest.name, dependencies },
			...Object.fromEntries(
				Object.entries(locked).map(([name, at]) => [`node_modules/${name}`, { version: at, resolved: registryTarball(name, at), integrity: integrity(name, at) }]),
			),
		},
	};
	writeFileSync(path.join(folder, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
	writeFileSync(path.join(folder, 'package-lock.json'), `${JSON.stringify(lock, null, 2)}\n`);
	return folder;
}

/** Where the npm registry keeps a package's tarball, as a lock names it. */
function registryTarball(name, version, registry = 'https://registry.npmjs.org/') {
	return `${registry}${name}/-/${name.split('/').pop()}-${version}.tgz`;
}

function sandbox() {
	const dir = mkdtempSync(path.join(tmpdir(), 'n8n-nodes-suvvy-cache-test-'));
	const bin = path.join(dir, 'bin');
	// The scripts find dev/n8n-releases/ and semver (node_modules) beside their own folder.
	const repo = path.join(dir, 'repo');
	cpSync(path.join(ROOT, 'scripts'), path.join(repo, 'scripts'), { recursive: true });
	mkdirSync(path.join(repo, 'dev', 'n8n-releases'), { recursive: true });
	symlinkSync(path.join(ROOT, 'node_modules'), path.join(repo, 'node_modules'));
	mkdirSync(bin);
	writeFileSync(path.join(bin, 'npm'), FAKE_NPM);
	chmodSync(path.join(bin, 'npm'), 0o755);
	// The machine's Node, from the same folder, so the scripts' own PATH changes still find this npm.
	symlinkSync(process.execPath, path.join(bin, 'node'));
	execFileSync('mkfifo', [path.join(dir, 'started'), path.join(dir, 'release')]);
	const cache = path.join(dir, 'cache', 'n8n-nodes-suvvy');
	const env = (extra) => ({
		...process.env,
		PATH: `${bin}:${process.env.PATH}`,
		XDG_CACHE_HOME: path.join(dir, 'cache'),
		FAKE_DIR: dir,
		FAKE_LOG: path.join(dir, 'npm.log'),
		REAL_NODE: process.execPath,
		...extra,
	});
	/**
	 * The real npm, against the registry at `registry` with a cache of its own (so nothing comes from
	 * the user's), and the engines.node of `version` already read (n8n-node.sh asks no registry).
	 */
	const realNpmEnv = (registry, version, extra) => {
		if (version) {
			mkdirSync(cache, { recursive: true });
			writeFileSync(path.join(cache, `n8n-${version}.engines-node`), '>=18.10\n');
		}
		return {
			...process.env,
			XDG_CACHE_HOME: path.join(dir, 'cache'),
			npm_config_registry: registry,
			npm_config_cache: path.join(dir, 'npm-cache'),
			npm_config_fetch_retries: '0',
			npm_config_update_notifier: 'false',
			...extra,
		};
	};
	const npmCalls = () => (existsSync(path.join(dir, 'npm.log')) ? readFileSync(path.join(dir, 'npm.log'), 'utf8').trim().split('\n') : []);
	return { dir, bin, repo, env, realNpmEnv, npmCalls, cache, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A registry on loopback: `routes` maps a request path to [status, body]; anything else is 404, as
 * the npm registry answers for what it does not have. `requests` lists the paths asked for.
 */
async function loopbackRegistry(routes) {
	const requests = [];
	const server = createServer((request, response) => {
		requests.push(request.url);
		const [status, body] = routes[request.url] ?? [404, { error: 'Not found' }];
		response.writeHead(status, { 'content-type': typeof body === 'string' ? 'application/octet-stream' : 'application/json' });
		response.end(typeof body === 'string' ? body : JSON.stringify(body));
	});
	server.listen(0, '127.0.0.1');
	await once(server, 'listening');
	const url = `http://127.0.0.1:${server.address().port}/`;
	return { url, requests, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** A packument as the registry serves it: each version's dependencies, its tarball on `tarballHost`. */
function packument(name, versions, tarballHost = 'https://registry.npmjs.org/') {
	const integrity = (version) => `sha512-${createHash('sha512').update(`${name}@${version}`).digest('base64')}`;
	const latest = Object.keys(versions).pop();
	return {
		name,
		'dist-tags': { latest },
		versions: Object.fromEntries(
			Object.entries(versions).map(([version, dependencies]) => [
				version,
				{ name, version, dependencies, engines: { node: '>=18.10' }, dist: { tarball: registryTarball(name, version, tarballHost), integrity: integrity(version) } },
			]),
		),
	};
}

function run(repo, script, env, args = []) {
	// Its own process group, so a test that fails while npm holds can stop the script and its npm.
	const child = spawn(path.join(repo, 'scripts', script), args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
	const out = { stdout: '', stderr: '' };
	child.stdout.on('data', (chunk) => (out.stdout += chunk));
	const stderrListeners = [];
	child.stderr.on('data', (chunk) => {
		out.stderr += chunk;
		for (const listener of stderrListeners) listener();
	});
	const exited = once(child, 'close').then(([code]) => ({ code, ...out }));
	/** Resolves once the script's stderr contains `text`. */
	const says = (text) =>
		new Promise((resolve) => {
			const check = () => out.stderr.includes(text) && resolve();
			stderrListeners.push(check);
			check();
		});
	return { child, exited, says };
}

describe('the install cache', () => {
	let box;
	const running = [];
	beforeEach(() => {
		box = sandbox();
	});
	afterEach(() => {
		for (const { child } of running.splice(0)) {
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {
				// already gone
			}
		}
		box.remove();
	});
	const start = (script, extra, args) => startWith(script, box.env(extra), args);
	const startWith = (script, env, args) => {
		const started = run(box.repo, script, env, args);
		running.push(started);
		return started;
	};

	describe("a real n8n release runs on the Node its engines.node asks for", () => {
		test("the machine's own Node when it satisfies the range, read from the registry once and kept beside the install", async () => {
			const first = await start('n8n-node.sh', { N8N_VERSION: '1.0.0-test', FAKE_ENGINES: '>=18.10' }).exited;
			expect(first).toMatchObject({ code: 0, stdout: `${path.join(box.bin, 'node')}\n` });
			expect(readFileSync(path.join(box.cache, 'n8n-1.0.0-test.engines-node'), 'utf8')).toBe('>=18.10\n');
			await start('n8n-node.sh', { N8N_VERSION: '1.0.0-test', FAKE_ENGINES: 'not asked again' }).exited;
			expect(box.npmCalls()).toEqual(['view n8n@1.0.0-test engines.node']);
		});

		test('otherwise a Node from the registry that satisfies it, installed into the cache', async () => {
			const { code, stdout } = await start('n8n-node.sh', { N8N_VERSION: '9.0.0-test', FAKE_ENGINES: '>=99.0.0', NODE24_VERSION: '99.0.0' }).exited;
			expect(code).toBe(0);
			expect(stdout).toBe(`${path.join(box.cache, 'node-99.0.0', 'node_modules', 'node', 'bin', 'node')}\n`);
			expect(box.npmCalls()[1]).toMatch(/^install --prefix \S+node-99\.0\.0 .*node@99\.0\.0$/);
		});

		test('and stops naming the range when neither does', async () => {
			const { code, stderr } = await start('n8n-node.sh', { N8N_VERSION: '9.0.0-test', FAKE_ENGINES: '<1' }).exited;
			expect(code).toBe(1);
			expect(stderr).toMatch(/^n8n 9\.0\.0-test needs Node <1: neither this machine's v\S+ nor \S+ \(scripts\/n8n-node\.sh\) satisfies it$/m);
		});
	});

	describe('a real n8n release installs from the lock committed for it', () => {
		test('with npm ci on its package.json and lock, then builds its native modules, and leaves them be while the lock is the same', async () => {
			const release = releaseFolder(box.repo, '1.0.0-test');
			const env = { N8N_VERSION: '1.0.0-test', FAKE_ENGINES: '>=18.10' };
			const first = await start('n8n.sh', env).exited;
			expect(first).toMatchObject({ code: 0, stdout: `${path.join(box.cache, 'n8n-1.0.0-test', 'node_modules', 'n8n', 'bin', 'n8n')}\n` });
			expect(box.npmCalls().slice(1)).toEqual(['ci --no-audit --no-fund --ignore-scripts --loglevel=error', 'rebuild sqlite3 --ignore-scripts=false --loglevel=error']);
			for (const file of ['package.json', 'package-lock.json']) {
				expect(readFileSync(path.join(box.cache, 'n8n-1.0.0-test', file), 'utf8')).toBe(readFileSync(path.join(release, file), 'utf8'));
			}
			// What the user sees: from which lock, where to, and which of their npm settings it overrides.
			expect(first.stderr).toMatch(/^Installing n8n 1\.0\.0-test from dev\/n8n-releases\/1\.0\.0-test\/package-lock\.json into \S+ /m);
			expect(first.stderr).toMatch(/^Using your npm settings, except: ignore-scripts .*$/m);
			expect(first.stderr).toMatch(/^\[step 1\/3\] Downloading n8n 1\.0\.0-test and the 1 packages its lock names$/m);

			const again = await start('n8n.sh', env).exited;
			expect(again).toMatchObject({ code: 0, stderr: '' });
			expect(box.npmCalls()).toHaveLength(3);
		});

		test('and installs again once the lock is refreshed', async () => {
			const env = { N8N_VERSION: '1.0.0-test', FAKE_ENGINES: '>=18.10' };
			releaseFolder(box.repo, '1.0.0-test');
			await start('n8n.sh', env).exited;
			releaseFolder(box.repo, '1.0.0-test', { integrity: () => 'sha512-BBBB' });
			const refreshed = await start('n8n.sh', env).exited;
			expect(refreshed.code).toBe(0);
			expect(refreshed.stderr).toContain('Installing n8n 1.0.0-test');
			expect(box.npmCalls().filter((call) => call.startsWith('ci'))).toHaveLength(2);
			expect(readFileSync(path.join(box.cache, 'n8n-1.0.0-test', 'package-lock.json'), 'utf8')).toContain('sha512-BBBB');
		});

		test('a release with no lock is not installed: it names the releases locked and the command that locks another', async () => {
			releaseFolder(box.repo, '1.0.0-test');
			const { code, stdout, stderr } = await start('n8n.sh', { N8N_VERSION: '1.1.0-test' }).exited;
			expect(code).toBe(1);
			expect(stdout).toBe('');
			expect(stderr).toBe(
				'n8n 1.1.0-test has no lock file in dev/n8n-releases/1.1.0-test/ (locked: 1.0.0-test).\n' +
					'To install another release, resolve a lock for it first: scripts/lock-n8n.sh 1.1.0-test\n',
			);
			expect(box.npmCalls()).toEqual([]);
		});
	});

	test('two commands started together on a cold cache: the second waits for the first install and uses it', async () => {
		releaseFolder(box.repo, '1.0.0-test');
		const env = { N8N_VERSION: '1.0.0-test', FAKE_ENGINES: '>=18.10', FAKE_HOLD: '1' };
		const first = start('n8n.sh', env);
		await readFile(path.join(box.dir, 'started'));
		const second = start('n8n.sh', env);
		await second.says('Another command is installing n8n 1.0.0-test');
		await writeFile(path.join(box.dir, 'release'), 'go\n');
		const [a, b] = await Promise.all([first.exited, second.exited]);

		const entry = `${path.join(box.cache, 'n8n-1.0.0-test', 'node_modules', 'n8n', 'bin', 'n8n')}\n`;
		expect(a).toMatchObject({ code: 0, stdout: entry });
		expect(b).toMatchObject({ code: 0, stdout: entry });
		expect(box.npmCalls().filter((call) => call.startsWith('ci'))).toHaveLength(1);
		expect(b.stderr).not.toContain('Installing n8n');
	});

	describe('when the registry refuses, the real npm says why and the script says which package of which release', () => {
		let registry;
		afterEach(async () => {
			await registry?.close();
			registry = undefined;
		});
		const babel = '@babel/helper-validator-identifier';

		test('npm ci of a lock naming a version the registry does not have (E404)', async () => {
			registry = await loopbackRegistry({});
			releaseFolder(box.repo, '0.0.1-test', { locked: { [babel]: '7.29.17' } });
			const { code, stdout, stderr } = await startWith('n8n.sh', box.realNpmEnv(registry.url, '0.0.1-test', { N8N_VERSION: '0.0.1-test' })).exited;

			expect(code).toBe(1);
			expect(stdout).toBe('');
			// npm's own lines are shown as they came, then the one that says what failed.
			expect(stderr).toMatch(/^npm error code E404$/m);
			const tarball = registryTarball(babel, '7.29.17', registry.url);
			expect(stderr.trimEnd().split('\n').pop()).toBe(
				`Installing n8n 0.0.1-test from dev/n8n-releases/0.0.1-test/package-lock.json failed: the registry has no ${babel}@7.29.17 (E404: GET ${tarball})`,
			);
			expect(registry.requests).toContain(new URL(tarball).pathname);
			expect(existsSync(path.join(box.cache, 'n8n-0.0.1-test', '.installed'))).toBe(false);
		});

		test('npm ci when what the registry sends is not the file the lock names (EINTEGRITY)', async () => {
			const tarball = registryTarball(babel, '7.29.17');
			registry = await loopbackRegistry({ [new URL(tarball).pathname]: [200, 'not the locked file'] });
			const integrity = () => `sha512-${createHash('sha512').update('the locked file').digest('base64')}`;
			releaseFolder(box.repo, '0.0.1-test', { locked: { [babel]: '7.29.17' }, integrity });
			const { code, stderr } = await startWith('n8n.sh', box.realNpmEnv(registry.url, '0.0.1-test', { N8N_VERSION: '0.0.1-test' })).exited;

			expect(code).toBe(1);
			expect(stderr).toMatch(/^npm error code EINTEGRITY$/m);
			const got = createHash('sha512').update('not the locked file').digest('base64');
			expect(stderr.trimEnd().split('\n').pop()).toBe(
				`Installing n8n 0.0.1-test from dev/n8n-releases/0.0.1-test/package-lock.json failed: the file the registry sent for ${babel}@7.29.17 does not match the lock's checksum (EINTEGRITY: got sha512-${got})`,
			);
		});

		test('resolving a fresh lock while the registry lacks a version a package asks for (ETARGET): the old lock stays', async () => {
			registry = await loopbackRegistry({
				'/n8n': [200, packument('n8n', { '1.0.0-test': { [babel]: '^7.29.17' } })],
				'/@babel%2fhelper-validator-identifier': [200, packument(babel, { '7.28.5': {} })],
			});
			const release = releaseFolder(box.repo, '1.0.0-test');
			const before = ['package.json', 'package-lock.json'].map((file) => readFileSync(path.join(release, file), 'utf8'));
			const { code, stderr } = await startWith('lock-n8n.sh', box.realNpmEnv(registry.url, '1.0.0-test'), ['1.0.0-test']).exited;

			expect(code).toBe(1);
			expect(stderr).toMatch(/^npm error code ETARGET$/m);
			expect(stderr).toContain(`\nResolving a lock for n8n 1.0.0-test failed: the registry has no ${babel}@^7.29.17 (ETARGET)\n`);
			expect(stderr.trimEnd().split('\n').pop()).toBe('No new lock for n8n 1.0.0-test (any previous one is unchanged)');
			expect(['package.json', 'package-lock.json'].map((file) => readFileSync(path.join(release, file), 'utf8'))).toEqual(before);
		});
	});

	describe('scripts/lock-n8n.sh <version> resolves a fresh lock into dev/n8n-releases/<version>/', () => {
		let registry;
		afterEach(async () => {
			await registry?.close();
			registry = undefined;
		});

		test('for a release not locked before: a package.json with the usual overrides and a lock of registry URLs with checksums, whatever the user\'s omit-lockfile-registry-resolved says', async () => {
			registry = await loopbackRegistry({
				'/n8n': [200, packument('n8n', { '1.0.0-test': { 'left-pad': '^1.3.0' }, '1.1.0-test': {} })],
				'/left-pad': [200, packument('left-pad', { '1.2.0': {}, '1.3.0': {} })],
			});
			const env = box.realNpmEnv(registry.url, undefined, { npm_config_omit_lockfile_registry_resolved: 'true' });
			const { code, stderr } = await startWith('lock-n8n.sh', env, ['1.0.0-test']).exited;

			expect({ code, stderr }).toMatchObject({ code: 0, stderr: expect.stringMatching(/^\[step lock\] Resolving n8n 1\.0\.0-test and its packages from the registry$/m) });
			expect(stderr.trimEnd().split('\n').pop()).toBe(
				'Wrote dev/n8n-releases/1.0.0-test/package-lock.json: 2 packages, all from https://registry.npmjs.org/ with checksums; a new lock',
			);
			const release = path.join(box.repo, 'dev', 'n8n-releases', '1.0.0-test');
			// n8n 1.x: xlsx from the registry in place of SheetJS's CDN (dev/n8n-releases/README.md).
			expect(JSON.parse(readFileSync(path.join(release, 'package.json'), 'utf8'))).toEqual({
				name: 'n8n-1.0.0-test',
				private: true,
				dependencies: { n8n: '1.0.0-test' },
				overrides: { linkedom: '0.18.13', xlsx: '0.18.5' },
			});
			const { packages } = JSON.parse(readFileSync(path.join(release, 'package-lock.json'), 'utf8'));
			expect(packages['node_modules/n8n']).toMatchObject({ version: '1.0.0-test', resolved: registryTarball('n8n', '1.0.0-test'), integrity: expect.stringMatching(/^sha512-/) });
			expect(packages['node_modules/left-pad']).toMatchObject({ version: '1.3.0', resolved: registryTarball('left-pad', '1.3.0') });
			// npm view (engines.node, for the Node to resolve on) and the two packuments, each from the registry.
			expect(registry.requests).toEqual(expect.arrayContaining(['/n8n', '/left-pad']));
		});

		test('refreshing one keeps its package.json and says how the tree moved', async () => {
			registry = await loopbackRegistry({
				'/n8n': [200, packument('n8n', { '2.0.0-test': { 'left-pad': '^1.2.0' } })],
				'/left-pad': [200, packument('left-pad', { '1.2.0': {}, '1.3.0': {} })],
			});
			// Locked while left-pad 1.2.0 was the newest; an override of its own, which the refresh keeps.
			const release = releaseFolder(box.repo, '2.0.0-test', {
				locked: { n8n: '2.0.0-test', 'left-pad': '1.2.0' },
				dependencies: { n8n: '2.0.0-test' },
				overrides: { linkedom: '0.18.13', 'is-number': '7.0.0' },
			});
			const manifest = readFileSync(path.join(release, 'package.json'), 'utf8');
			const { code, stderr } = await startWith('lock-n8n.sh', box.realNpmEnv(registry.url), ['2.0.0-test']).exited;

			expect(code).toBe(0);
			expect(stderr.trimEnd().split('\n').pop()).toBe(
				'Wrote dev/n8n-releases/2.0.0-test/package-lock.json: 2 packages, all from https://registry.npmjs.org/ with checksums; against the previous lock: 1 changed version, 0 added, 0 removed',
			);
			expect(readFileSync(path.join(release, 'package.json'), 'utf8')).toBe(manifest);
		});

		test('refuses a lock that would not install elsewhere: a package from outside the npm registry (a mirror, a CDN)', async () => {
			registry = await loopbackRegistry({
				'/n8n': [200, packument('n8n', { '1.0.0-test': { 'left-pad': '1.3.0' } })],
				'/left-pad': [200, packument('left-pad', { '1.3.0': {} }, 'https://cdn.example.com/')],
			});
			const { code, stderr } = await startWith('lock-n8n.sh', box.realNpmEnv(registry.url), ['1.0.0-test']).exited;

			expect(code).toBe(1);
			expect(stderr).toContain(
				'The lock resolved for n8n 1.0.0-test cannot be committed:\n  left-pad@1.3.0 comes from https://cdn.example.com/left-pad/-/left-pad-1.3.0.tgz, outside https://registry.npmjs.org/\n',
			);
			expect(existsSync(path.join(box.repo, 'dev', 'n8n-releases', '1.0.0-test'))).toBe(false);
		});

		test('takes exact versions only', async () => {
			const { code, stderr } = await start('lock-n8n.sh', {}, ['^1.29']).exited;
			expect(code).toBe(1);
			expect(stderr).toContain("Not an exact n8n version: '^1.29' (e.g. 1.29.1)\n");
			expect(box.npmCalls()).toEqual([]);
		});
	});
});
