'use strict';
/**
 * What the harness needs to know of the engine a test runs on that n8n does not say itself, and one
 * turn of the event loop. (JavaScript: the community-node lint keeps Node's modules and timers out of
 * the TypeScript tests.)
 */
const { readFileSync } = require('node:fs');
const path = require('node:path');

/** The version of the n8n-workflow the calling test file loads (the matrix maps it per line). */
function workflowVersion(resolve) {
	let folder = path.dirname(resolve('n8n-workflow'));
	while (path.basename(folder) !== 'n8n-workflow') folder = path.dirname(folder);
	return JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')).version;
}

/** Resolves once every step that is ready has run: one turn of the event loop, no timer involved. */
function nextTurn() {
	return new Promise((resolve) => setImmediate(resolve));
}

module.exports = { workflowVersion, nextTurn };
