'use strict';
/**
 * What the e2e tier, the benchmarks, `npm run dev` and `npm run demo` need beyond npm packages, checked
 * before they start anything: Debian's Chromium, Redis and PostgreSQL where a command uses them, and
 * room for the n8n cache on a first run. A missing one stops the command with the command to run.
 */
const { accessSync, constants, existsSync, readdirSync, statSync, statfsSync } = require('node:fs');
const { homedir } = require('node:os');
const path = require('node:path');

const CACHE = path.join(
	process.env.XDG_CACHE_HOME ?? path.join(homedir(), '.cache'),
	'n8n-nodes-suvvy',
);
/** What a first install takes, with room to spare (measured: 2.9 GB for 2.x, 1.8 GB for 1.x). */
const NEEDED_MB = { 2: 3500, 1: 2300 };

function isExecutableFile(file) {
	try {
		accessSync(file, constants.X_OK);
		return statSync(file).isFile();
	} catch {
		return false;
	}
}

/** Where `program` is on the PATH, as a shell would find it; undefined when it is not. */
function onPath(program, env = process.env) {
	return (env.PATH ?? '')
		.split(path.delimiter)
		.filter(Boolean)
		.map((directory) => path.join(directory, program))
		.find(isExecutableFile);
}

/**
 * The browser the editor tests launch, and the one this check looks for: CHROMIUM_PATH when set
 * (CI points it at Google Chrome), otherwise the `chromium` on the PATH.
 */
const chromiumPath = (env = process.env) => env.CHROMIUM_PATH || onPath('chromium', env);

const hasPostgres = () => {
	const root = '/usr/lib/postgresql';
	return (
		existsSync(root) &&
		readdirSync(root).some((major) => existsSync(path.join(root, major, 'bin', 'postgres')))
	);
};

/** The nearest existing folder, to ask its disk how much room it has. */
function existingAncestor(folder) {
	let current = folder;
	while (!existsSync(current)) current = path.dirname(current);
	return current;
}

function freeMegabytes(folder) {
	const { bavail, bsize } = statfsSync(existingAncestor(folder));
	return Math.floor((bavail * bsize) / 1024 / 1024);
}

/** What this machine has, as the checks below ask it. */
function systemProbe(env = process.env) {
	return {
		hasChromium: () => {
			const found = chromiumPath(env);
			return found !== undefined && isExecutableFile(found);
		},
		chromiumSetting: () => env.CHROMIUM_PATH,
		hasRedis: () => Boolean(onPath('redis-server', env)),
		hasPostgres,
		freeMegabytes,
	};
}

/**
 * The problems that stop the given needs, each with its remedy; empty when all is there.
 * @param {{ chromium?: boolean, redis?: boolean, postgres?: boolean, n8nVersion?: string }} needs
 */
function missingPrerequisites(needs, probe = systemProbe()) {
	const packages = [];
	const problems = [];
	const chromiumSetting = probe.chromiumSetting?.();
	if (needs.chromium && !probe.hasChromium()) {
		if (chromiumSetting) {
			problems.push(
				`CHROMIUM_PATH is ${chromiumSetting}, which is not an executable file. Point it at Chromium or Google Chrome, or unset it to use the chromium on the PATH.`,
			);
		} else packages.push('chromium');
	}
	if (needs.redis && !probe.hasRedis()) packages.push('redis-server');
	if (needs.postgres && !probe.hasPostgres()) packages.push('postgresql');
	if (packages.length) {
		const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
		problems.unshift(
			`Missing ${packages.join(', ')} (Debian packages). Install with:\n  ${sudo}apt-get update && ${sudo}apt-get install -y ${packages.join(' ')}`,
		);
	}
	if (needs.n8nVersion && !existsSync(path.join(CACHE, `n8n-${needs.n8nVersion}`, '.installed'))) {
		const needed = NEEDED_MB[needs.n8nVersion.split('.')[0]] ?? NEEDED_MB[2];
		const free = probe.freeMegabytes(CACHE);
		if (free < needed) {
			problems.push(
				`The first run installs n8n ${needs.n8nVersion} into ${CACHE}, which needs about ${(needed / 1024).toFixed(1)} GB; its disk has ${(free / 1024).toFixed(1)} GB free. Free some space there, or put the cache on a disk with room:\n  XDG_CACHE_HOME=/path/with/room npm run …`,
			);
		}
	}
	return problems;
}

/** Throws, naming every missing piece and its remedy, before a command starts anything. */
function requirePrerequisites(command, needs) {
	const problems = missingPrerequisites(needs);
	if (problems.length) throw new Error(`${command} cannot start:\n\n${problems.join('\n\n')}\n`);
}

module.exports = { chromiumPath, missingPrerequisites, requirePrerequisites, systemProbe };
