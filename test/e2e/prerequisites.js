'use strict';
// Before the e2e tier starts anything: Chromium for the editor tests, Redis and PostgreSQL for queue
// mode (not run on n8n 1.x), and room for the n8n cache on a first run.
const { N8N_VERSION, IS_N8N_1 } = require('../../dev/harness/realN8n');
const { requirePrerequisites } = require('../../dev/harness/prerequisites');

module.exports = async function checkPrerequisites() {
	requirePrerequisites('The e2e tier', {
		chromium: true,
		redis: !IS_N8N_1,
		postgres: !IS_N8N_1,
		n8nVersion: N8N_VERSION,
	});
};
