'use strict';
// n8n-core 1.x starts SSHClientsManager, with a 60 s cleanup interval that holds the process open,
// on the first node it runs. n8n stops it at shutdown; the n8n 1.x test run stops it after each file.
const { Container } = require('@n8n/di');

afterAll(() => {
	const { SSHClientsManager } = require('n8n-core-v1/dist/execution-engine/ssh-clients-manager');
	if (Container.has(SSHClientsManager)) Container.get(SSHClientsManager).onShutdown();
});
