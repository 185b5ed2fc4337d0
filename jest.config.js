// n8n-core reads its user folder (settings, encryption key, binary data) from N8N_USER_FOLDER at import
// time, so every test run gets a fresh temporary one before any test file loads n8n-core.
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');

process.env.N8N_USER_FOLDER = mkdtempSync(path.join(tmpdir(), 'n8n-nodes-suvvy-test-'));
// The engine logs every error a test provokes on purpose; tests assert on them instead.
process.env.N8N_LOG_LEVEL ??= 'silent';

/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts', '**/*.test.js'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }],
	},
	globalTeardown: '<rootDir>/test/support/globalTeardown.js',
	// Every test file also checks that no test secret reached a log line (see test/support/leakGuard.ts).
	setupFilesAfterEnv: ['<rootDir>/test/support/noSecretsInLogs.ts'],
	testTimeout: 30000,
};
