'use strict';
/** Samples a process's resident memory from /proc while something runs, and keeps the peak. */
const { readFileSync } = require('node:fs');

function rssBytes(pid) {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const match = /VmRSS:\s+(\d+) kB/.exec(status);
	return match ? Number(match[1]) * 1024 : 0;
}

/**
 * The rise of resident memory while `task` runs: its peak minus the RSS just before it started. n8n's
 * RSS drifts by hundreds of MB between runs (heap growth, lazy GC), so absolute peaks of different
 * runs cannot be compared; rises can.
 */
async function peakRssDuring(pid, task, everyMs = 5) {
	const before = rssBytes(pid);
	let peak = before;
	const timer = setInterval(() => {
		peak = Math.max(peak, rssBytes(pid));
	}, everyMs);
	try {
		const result = await task();
		peak = Math.max(peak, rssBytes(pid));
		return { result, peakBytes: peak, riseBytes: peak - before };
	} finally {
		clearInterval(timer);
	}
}

module.exports = { peakRssDuring, rssBytes };
