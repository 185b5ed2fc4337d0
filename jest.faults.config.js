// The fault suite (`npm run test:faults`): thousands of messages through n8n's engine against the
// Suvvy emulator with injected faults. Same setup as the main suite, its own files, one at a time.
const base = require('./jest.config');

/** @type {import('jest').Config} */
module.exports = {
	...base,
	roots: ['<rootDir>/test/faults'],
	testMatch: ['**/*.faults.js'],
	maxWorkers: 1,
	testTimeout: 600000,
};
