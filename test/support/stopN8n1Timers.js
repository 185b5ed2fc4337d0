'use strict';
// Some n8n-core 1.x lines start SSHClientsManager, with a 60 s cleanup interval that holds the process
// open, on the first node they run. n8n stops it at shutdown; the 1.x test runs stop it after each file.
// Where the manager lives (or whether it exists) depends on the n8n-core under test, so it is looked up.
const path = require('node:path');
const { Container } = require('@n8n/di');

function sshClientsManager() {
	const core = process.env.N8N_MATRIX_CORE_DIR;
	const candidates = core
		? [path.join(core, 'dist/execution-engine/ssh-clients-manager')]
		: ['n8n-core-v1/dist/execution-engine/ssh-clients-manager'];
	for (const candidate of candidates) {
		try {
			return require(candidate).SSHClientsManager;
		} catch {
			// not in this n8n-core
		}
	}
	return undefined;
}

afterAll(() => {
	const SSHClientsManager = sshClientsManager();
	if (SSHClientsManager && Container.has(SSHClientsManager)) Container.get(SSHClientsManager).onShutdown();
});
