'use strict';
/**
 * One real stack (emulator + n8n + examples) per e2e file, started before its tests, stopped after.
 * n8n is already installed by globalSetup.js, so the time allowed here is for starting it.
 */
const { startStack } = require('../../dev/harness/stack');

function useStack(options = {}) {
	const holder = {};
	beforeAll(async () => {
		Object.assign(holder, await startStack(options));
	}, 600_000);
	afterAll(async () => {
		if (holder.stop) await holder.stop();
	}, 60_000);
	return holder;
}

module.exports = { useStack };
