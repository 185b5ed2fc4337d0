// The e2e tier: a real n8n (installed into a cache on first use), the Suvvy emulator and Chromium.
// Files run one after another; each starts and stops its own n8n.
/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.js'],
	maxWorkers: 1,
	globalSetup: '<rootDir>/test/e2e/globalSetup.js',
	testTimeout: 120000,
};
