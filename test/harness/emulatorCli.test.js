'use strict';
/** `npm run emulator`: which port it listens on, and that it says so. */
const { spawn } = require('node:child_process');
const { once } = require('node:events');
const path = require('node:path');

const { freePort } = require('../../dev/harness/freePort');

const CLI = path.resolve(__dirname, '../../dev/emulator/cli.js');

/** Starts the CLI and resolves with the URL it prints first, and the running child. */
async function startCli(args, env) {
	const child = spawn(process.execPath, [CLI, '--quiet', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
	let stderr = '';
	child.stderr.on('data', (text) => (stderr += text));
	const exited = once(child, 'exit').then(([code]) => {
		throw new Error(`the emulator exited (${code}) before listening: ${stderr}`);
	});
	const [chunk] = await Promise.race([once(child.stdout, 'data'), exited]);
	// Stopped later by the test, on purpose.
	exited.catch(() => {});
	const url = /^Suvvy emulator listening on (http:\/\/127\.0\.0\.1:(\d+)) /.exec(chunk.toString());
	return { child, url: url?.[1], port: Number(url?.[2]) };
}

const withoutPortSetting = () => {
	const env = { ...process.env };
	delete env.SUVVY_EMULATOR_PORT;
	return env;
};

describe('npm run emulator', () => {
	const children = [];
	afterEach(async () => {
		for (const child of children.splice(0)) {
			const exited = once(child, 'exit');
			child.kill('SIGTERM');
			await exited;
		}
	});
	const start = async (args, env) => {
		const started = await startCli(args, env);
		children.push(started.child);
		return started;
	};

	test('with no port set, listens on a free loopback port, never a fixed one, and prints it', async () => {
		const first = await start([], withoutPortSetting());
		const second = await start([], withoutPortSetting());
		expect(first.port).toBeGreaterThan(0);
		expect(second.port).not.toBe(first.port);
		const state = await fetch(`${first.url}/__emulator/state`);
		expect(state.status).toBe(200);
	});

	test('SUVVY_EMULATOR_PORT fixes the port, and --port wins over it', async () => {
		const [fromEnv, fromFlag] = [await freePort(), await freePort()];
		await expect(start([], { ...withoutPortSetting(), SUVVY_EMULATOR_PORT: String(fromEnv) })).resolves.toMatchObject({ port: fromEnv });
		await expect(start(['--port', String(fromFlag)], { ...withoutPortSetting(), SUVVY_EMULATOR_PORT: String(fromEnv) })).resolves.toMatchObject({ port: fromFlag });
	});
});
