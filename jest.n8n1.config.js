// The engine and trigger tests once more, against n8n 1.x: n8n-core 1.x (devDependency alias
// `n8n-core-v1`) with the n8n-workflow and @n8n/di it was released with, so nodes, tests and engine
// all load one copy of each.
const path = require('node:path');

const base = require('./jest.config');

const core = path.dirname(require.resolve('n8n-core-v1/package.json'));
const fromCore = (name) => path.dirname(require.resolve(`${name}/package.json`, { paths: [core] }));

/** @type {import('jest').Config} */
module.exports = {
	...base,
	displayName: 'n8n 1.x',
	testMatch: ['<rootDir>/test/engine/**/*.test.ts', '<rootDir>/test/trigger/**/*.test.ts'],
	setupFilesAfterEnv: [...base.setupFilesAfterEnv, '<rootDir>/test/support/stopN8n1Timers.js'],
	moduleNameMapper: {
		'^n8n-core$': core,
		'^n8n-core/(.*)$': `${core}/$1`,
		'^n8n-workflow$': fromCore('n8n-workflow'),
		'^@n8n/di$': fromCore('@n8n/di'),
	},
};
