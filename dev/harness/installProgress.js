'use strict';
/**
 * A one-line progress display for the first run, when n8n and Node 24 are installed into the cache
 * (minutes, about 3 GB): which step it is in (downloading, compiling native modules, checking), how
 * long that step has taken, and while downloading how much has arrived of what is expected. The
 * scripts' other lines (what is installed where, which of the user's npm settings the install
 * overrides, that it waits for another command's install) are shown once each, as they come.
 */
const { execFile } = require('node:child_process');
const { homedir } = require('node:os');
const path = require('node:path');

const CACHE = path.join(process.env.XDG_CACHE_HOME ?? path.join(homedir(), '.cache'), 'n8n-nodes-suvvy');

/** What each install weighed when measured on this project's machines, in MB (installed from the locks in dev/n8n-releases). */
const EXPECTED_MB = { 'n8n-2.41.1': 2700, 'n8n-1.123.81': 1700, 'n8n-1.29.1': 1000, 'node-24.21.0': 190 };

const STEP_LINE = /^\[step ([^\]]+)\] (.+)$/;

/** The complete lines the scripts wrote that are not `[step …]` lines, in order. */
function notes(stderr) {
	return stderr
		.split('\n')
		.slice(0, -1)
		.filter((line) => line.trim() && !STEP_LINE.test(line));
}

/** The last `[step …] …` line the install scripts printed, and the folder it fills. */
function currentStep(stderr) {
	const steps = [...stderr.matchAll(new RegExp(STEP_LINE.source, 'gm'))];
	if (!steps.length) return undefined;
	const [, counter, text] = steps[steps.length - 1];
	const version = /Downloading (?:n8n|Node) (\S+)/.exec(text)?.[1];
	const folder = !version ? undefined : text.includes('Node') ? `node-${version}` : `n8n-${version}`;
	return { key: `${counter} ${text}`, counter, text, folder };
}

const clock = (ms) => {
	const seconds = Math.round(ms / 1000);
	return `${Math.floor(seconds / 60)}m ${String(seconds % 60).padStart(2, '0')}s`;
};

/** Megabytes in a cache folder, by `du`; calls back with undefined when it cannot tell. */
function duMegabytes(folder, done) {
	execFile('du', ['-sm', path.join(CACHE, folder)], (error, stdout) => {
		done(error ? undefined : Number(stdout.split('\t')[0]));
	});
}

function installProgress(stream = process.stderr, sizeOf = duMegabytes) {
	let step;
	let stepStarted = Date.now();
	let megabytes = 0;
	let measuring = false;
	// On a terminal: a progress line is drawn and not yet ended by a newline.
	let lineOpen = false;
	let stepLogged = false;
	let lastLogged = 0;
	const noted = new Set();
	const measure = (folder) => {
		if (measuring) return;
		measuring = true;
		sizeOf(folder, (measured) => {
			measuring = false;
			if (measured) megabytes = measured;
		});
	};
	const showNotes = (stderrSoFar) => {
		for (const line of notes(stderrSoFar)) {
			if (noted.has(line)) continue;
			noted.add(line);
			// In place of the progress line, which the step below draws again under it.
			stream.write(lineOpen ? `\r\u001b[K${line}\n` : `${line}\n`);
			lineOpen = false;
		}
	};
	const onWaiting = (stderrSoFar) => {
		// Nothing to show when everything is cached: the scripts print only while installing.
		showNotes(stderrSoFar);
		const latest = currentStep(stderrSoFar);
		if (!latest) return;
		if (latest.key !== step?.key) {
			if (lineOpen) stream.write('\n');
			lineOpen = false;
			step = latest;
			stepStarted = Date.now();
			megabytes = 0;
			stepLogged = false;
		}
		let size = '';
		if (step.folder) {
			measure(step.folder);
			const expected = EXPECTED_MB[step.folder];
			const arrived = (megabytes / 1024).toFixed(2);
			size = expected
				? `, ${arrived} of about ${(expected / 1024).toFixed(1)} GB (${Math.min(99, Math.round((100 * megabytes) / expected))} %)`
				: `, ${arrived} GB so far`;
		}
		const line = `[${step.counter}] ${step.text}: ${clock(Date.now() - stepStarted)}${size}`;
		if (stream.isTTY) {
			stream.write(`\r${line}\u001b[K`);
			lineOpen = true;
		}
		// A log (CI) gets a line when a step begins and every 15 s, not one per second.
		else if (!stepLogged || Date.now() - lastLogged >= 15_000) {
			stream.write(`${line}\n`);
			lastLogged = Date.now();
			stepLogged = true;
		}
	};
	onWaiting.done = () => {
		if (lineOpen) stream.write('\n');
		lineOpen = false;
	};
	return onWaiting;
}

module.exports = { installProgress, currentStep };
