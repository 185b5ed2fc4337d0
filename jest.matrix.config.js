// The engine and trigger tests against any published n8n-core, with the n8n-workflow and DI container
// that n8n-core pins (which is what the n8n release shipping it used: `npm view n8n@<v> dependencies`).
//
// Pick the engine with one of:
//   N8N_LINE=1.84        the devDependency alias `n8n-core-1.84` (package.json: "n8n-core-<line>");
//                        N8N_LINE=1 is the older alias `n8n-core-v1`, N8N_LINE=current n8n-core itself.
//                        n8n-core before 1.4x (N8N_LINE=1.29, 1.41) declares n8n-nodes-base as a peer,
//                        which npm cannot install from the registry alone; their aliases live in
//                        dev/old-engines, a project of its own (`npm ci --prefix dev/old-engines`)
//   N8N_CORE_PATH=<dir>  a directory holding an installed n8n-core (for bisecting without touching
//                        package.json: `npm i --prefix <tmp> --legacy-peer-deps n8n-core@<v>`)
// n8n-workflow and @n8n/di are resolved from that n8n-core's own location, so the node, the tests and
// the engine all load one copy of each. n8n-core releases before @n8n/di (up to 1.72) used typedi,
// whose Container has the same get/has/set, so `@n8n/di` maps to that typedi.
const fs = require('node:fs');
const path = require('node:path');

const base = require('./jest.config');

const OLD_ENGINES = path.join(__dirname, 'dev', 'old-engines');

function coreDirectory() {
	if (process.env.N8N_CORE_PATH) {
		const dir = process.env.N8N_CORE_PATH;
		const nested = path.join(dir, 'node_modules', 'n8n-core');
		return fs.existsSync(path.join(dir, 'package.json')) &&
			JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).name === 'n8n-core'
			? dir
			: nested;
	}
	const line = process.env.N8N_LINE;
	if (!line) throw new Error('Set N8N_LINE (alias n8n-core-<line>) or N8N_CORE_PATH');
	const alias = line === '1' ? 'n8n-core-v1' : line === 'current' ? 'n8n-core' : `n8n-core-${line}`;
	try {
		return path.dirname(require.resolve(`${alias}/package.json`, { paths: [__dirname, OLD_ENGINES] }));
	} catch {
		throw new Error(`No ${alias} in node_modules or dev/old-engines/node_modules (npm ci --prefix dev/old-engines)`);
	}
}

const core = coreDirectory();
const corePackage = JSON.parse(fs.readFileSync(path.join(core, 'package.json'), 'utf8'));
const fromCore = (name) => path.dirname(require.resolve(`${name}/package.json`, { paths: [core] }));
const versionOf = (dir) => JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version;

const workflow = fromCore('n8n-workflow');
const pinnedWorkflow = corePackage.dependencies?.['n8n-workflow'];
if (pinnedWorkflow && /^\d/.test(pinnedWorkflow) && versionOf(workflow) !== pinnedWorkflow) {
	throw new Error(
		`n8n-core ${corePackage.version} pins n8n-workflow ${pinnedWorkflow}, resolved ${versionOf(workflow)}`,
	);
}
const usesTypedi = !corePackage.dependencies?.['@n8n/di'];
const di = fromCore(usesTypedi ? 'typedi' : '@n8n/di');

process.env.N8N_MATRIX_CORE_DIR = core;
process.env.N8N_MATRIX_CORE = corePackage.version;
process.env.N8N_MATRIX_WORKFLOW = versionOf(workflow);
process.env.N8N_MATRIX_DI = `${usesTypedi ? 'typedi' : '@n8n/di'}@${versionOf(di)}`;

// n8n's server imports reflect-metadata before anything else; typedi (before @n8n/di, which imports it
// itself) needs it loaded before n8n-core's decorated services are defined.
const reflectMetadata = require.resolve('reflect-metadata', { paths: [core, __dirname] });

/** @type {import('jest').Config} */
module.exports = {
	...base,
	setupFiles: [...(base.setupFiles ?? []), reflectMetadata],
	displayName: `n8n-core ${corePackage.version} / n8n-workflow ${versionOf(workflow)} / ${process.env.N8N_MATRIX_DI}`,
	testMatch: ['<rootDir>/test/engine/**/*.test.ts', '<rootDir>/test/trigger/**/*.test.ts'],
	setupFilesAfterEnv: [...base.setupFilesAfterEnv, '<rootDir>/test/support/stopN8n1Timers.js'],
	// @langchain/core 1.1.0-1.1.7 (n8n-core 1.122.0, 2.0, 2.1) requires p-retry 7, which is ESM only.
	// Node >= 20.19 loads it with require(esm); Jest's module system cannot, so the harness turns it
	// (and its one dependency) into CommonJS: the same code, in the form Jest can load.
	transform: {
		...base.transform,
		'/node_modules/(p-retry|is-network-error)/.+\\.js$': [
			'ts-jest',
			{ tsconfig: { allowJs: true, module: 'commonjs', esModuleInterop: true }, isolatedModules: true },
		],
	},
	transformIgnorePatterns: ['/node_modules/(?!(p-retry|is-network-error)/)'],
	moduleNameMapper: {
		'^n8n-core$': core,
		'^n8n-core/(.*)$': `${core}/$1`,
		'^n8n-workflow$': workflow,
		'^n8n-workflow/(.*)$': `${workflow}/$1`,
		'^@n8n/di$': di,
	},
};
