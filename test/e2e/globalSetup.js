'use strict';
// Before the e2e tier starts anything: Chromium for the editor tests, Redis and PostgreSQL for queue
// mode (not run on n8n 1.x), and room for the n8n cache on a first run. Then n8n is installed here,
// once, with the progress line dev and demo show: a cold install takes longer (12.6 minutes
// measured) than any test file's beforeAll may, and globalSetup has no timeout.
const { installProgress } = require('../../dev/harness/installProgress');
const { N8N_VERSION, IS_N8N_1, ensureN8n } = require('../../dev/harness/realN8n');
const { requirePrerequisites } = require('../../dev/harness/prerequisites');

module.exports = async function globalSetup() {
	requirePrerequisites('The e2e tier', {
		chromium: true,
		redis: !IS_N8N_1,
		postgres: !IS_N8N_1,
		n8nVersion: N8N_VERSION,
	});
	const onWaiting = installProgress();
	await ensureN8n({ onWaiting });
	onWaiting.done();
};
