'use strict';
/**
 * The install scripts' own logic (scripts/n8n.sh, n8n-node.sh, registry-node.sh) with `npm` replaced
 * by a stand-in on PATH, so it runs in a second: which Node a release gets from its engines.node, and
 * that two commands started together on a cold cache share one install. What npm itself installs is
 * the e2e tier's business.
 */
const { execFileSync, spawn } = require('node:child_process');
const { once } = require('node:events');
const { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } = require('node:fs');
const { readFile, writeFile } = require('node:fs/promises');
const { tmpdir } = require('node:os');
const path = require('node:path');

const SCRIPTS = path.resolve(__dirname, '../../scripts');

/**
 * npm as the scripts call it. `view` answers FAKE_ENGINES; `install --prefix` places a Node binary
 * that reports its version; a plain `install` (the n8n cache) writes a runnable n8n entry and the
 * native modules, then tells the test it started (the `started` pipe) and holds until released.
 */
const FAKE_NPM = `#!/usr/bin/env bash
echo "$*" >>"$FAKE_LOG"
case "$1" in
	view) echo "$FAKE_ENGINES" ;;
	rebuild) ;;
	install)
		if [[ "$*" == *--prefix* ]]; then
			prefix="$3"; last="\${@: -1}"; version="\${last#node@}"
			mkdir -p "$prefix/node_modules/node/bin"
			printf '#!/usr/bin/env bash\\n[[ "$1" == --version ]] && echo v%s && exit 0\\nexec "%s" "$@"\\n' "$version" "$REAL_NODE" >"$prefix/node_modules/node/bin/node"
			chmod +x "$prefix/node_modules/node/bin/node"
		else
			mkdir -p node_modules/n8n/bin node_modules/sqlite3 node_modules/isolated-vm
			echo "console.log('fake n8n')" >node_modules/n8n/bin/n8n
			echo "" >node_modules/sqlite3/index.js
			echo "" >node_modules/isolated-vm/index.js
			echo started >"$FAKE_DIR/started"
			read -r _ <"$FAKE_DIR/release"
		fi ;;
esac
`;

function sandbox() {
	const dir = mkdtempSync(path.join(tmpdir(), 'n8n-nodes-suvvy-cache-test-'));
	const bin = path.join(dir, 'bin');
	execFileSync('mkdir', ['-p', bin]);
	writeFileSync(path.join(bin, 'npm'), FAKE_NPM);
	chmodSync(path.join(bin, 'npm'), 0o755);
	// The machine's Node, from the same folder, so the scripts' own PATH changes still find this npm.
	symlinkSync(process.execPath, path.join(bin, 'node'));
	execFileSync('mkfifo', [path.join(dir, 'started'), path.join(dir, 'release')]);
	const env = (extra) => ({
		...process.env,
		PATH: `${bin}:${process.env.PATH}`,
		XDG_CACHE_HOME: path.join(dir, 'cache'),
		FAKE_DIR: dir,
		FAKE_LOG: path.join(dir, 'npm.log'),
		REAL_NODE: process.execPath,
		...extra,
	});
	const npmCalls = () => (existsSync(path.join(dir, 'npm.log')) ? readFileSync(path.join(dir, 'npm.log'), 'utf8').trim().split('\n') : []);
	return { dir, bin, env, npmCalls, cache: path.join(dir, 'cache', 'n8n-nodes-suvvy'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

function run(script, env) {
	// Its own process group, so a test that fails while npm holds can stop the script and its npm.
	const child = spawn(path.join(SCRIPTS, script), { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
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
	const start = (script, extra) => {
		const started = run(script, box.env(extra));
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

	test('two commands started together on a cold cache: the second waits for the first install and uses it', async () => {
		const env = { N8N_VERSION: '1.0.0-test', FAKE_ENGINES: '>=18.10' };
		const first = start('n8n.sh', env);
		await readFile(path.join(box.dir, 'started'));
		const second = start('n8n.sh', env);
		await second.says('Another command is installing n8n 1.0.0-test');
		await writeFile(path.join(box.dir, 'release'), 'go\n');
		const [a, b] = await Promise.all([first.exited, second.exited]);

		const entry = `${path.join(box.cache, 'n8n-1.0.0-test', 'node_modules', 'n8n', 'bin', 'n8n')}\n`;
		expect(a).toMatchObject({ code: 0, stdout: entry });
		expect(b).toMatchObject({ code: 0, stdout: entry });
		expect(box.npmCalls().filter((call) => call.startsWith('install'))).toHaveLength(1);
		// What the user sees of the install: where, and which of their npm settings it overrides.
		expect(a.stderr).toMatch(/^Using your npm settings, except: ignore-scripts .*$/m);
		expect(b.stderr).not.toContain('Installing n8n');
	});
});
