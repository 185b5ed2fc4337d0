'use strict';
/**
 * A one-line progress display for the first run, when n8n and Node 24 are installed into the cache
 * (minutes, about 3 GB): elapsed time and how much has arrived so far, rewritten in place.
 */
const { execFile } = require('node:child_process');
const path = require('node:path');

const CACHE = path.join(process.env.XDG_CACHE_HOME ?? path.join(require('node:os').homedir(), '.cache'), 'n8n-nodes-suvvy');

function installProgress(stream = process.stderr) {
	const started = Date.now();
	let megabytes = 0;
	let measuring = false;
	let shown = false;
	const measure = () => {
		if (measuring) return;
		measuring = true;
		execFile('du', ['-sm', CACHE], (error, stdout) => {
			measuring = false;
			if (!error) megabytes = Number(stdout.split('\t')[0]) || megabytes;
		});
	};
	const onWaiting = (stderrSoFar) => {
		// Nothing to show when everything is cached: the scripts print only while installing.
		if (!stderrSoFar.includes('Installing')) return;
		measure();
		const seconds = Math.round((Date.now() - started) / 1000);
		const elapsed = `${Math.floor(seconds / 60)}m ${String(seconds % 60).padStart(2, '0')}s`;
		const size = megabytes ? `, ${(megabytes / 1024).toFixed(2)} GB so far` : '';
		const line = `Installing n8n and Node 24 into ${CACHE} (first run only, a few minutes): ${elapsed}${size}`;
		stream.write(stream.isTTY ? `\r${line}\u001b[K` : seconds % 15 === 0 ? `${line}\n` : '');
		shown = true;
	};
	onWaiting.done = () => {
		if (shown && stream.isTTY) stream.write('\n');
	};
	return onWaiting;
}

module.exports = { installProgress };
