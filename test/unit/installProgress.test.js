'use strict';
const { currentStep, installProgress } = require('../../dev/harness/installProgress');

/** 1 GB arrived, whatever the folder. */
const oneGigabyte = (_folder, done) => done(1024);

function recordingStream(isTTY) {
	const written = [];
	return { isTTY, written, write: (text) => written.push(text) };
}

describe('the first-run install progress', () => {
	test('reads the step the install scripts are in, and which cache folder it fills', () => {
		const stderr = [
			'Installing n8n 2.41.1 into /cache (first run only: a few minutes, about 3 GB) ...',
			'Using your npm settings, except: ignore-scripts (…)',
			'[step 1/3] Downloading n8n 2.41.1 and its packages',
			'[step 2/3] Compiling native module sqlite3 (1 of 2)',
		].join('\n');
		expect(currentStep(stderr)).toMatchObject({
			counter: '2/3',
			text: 'Compiling native module sqlite3 (1 of 2)',
			folder: undefined,
		});
		expect(currentStep('[step 1/3] Downloading n8n 2.41.1 and its packages\n')).toMatchObject({
			folder: 'n8n-2.41.1',
		});
		expect(currentStep('[step Node 24] Downloading Node 24.21.0 (about 190 MB)\n')).toMatchObject({
			folder: 'node-24.21.0',
		});
	});

	test('shows nothing while everything comes from the cache', () => {
		const stream = recordingStream(true);
		installProgress(stream, oneGigabyte)('');
		expect(stream.written).toEqual([]);
	});

	test('on a terminal, rewrites one line per step with the step, its time and the expected size', () => {
		const stream = recordingStream(true);
		const onWaiting = installProgress(stream, oneGigabyte);
		onWaiting('[step 1/3] Downloading n8n 2.41.1 and its packages\n');
		onWaiting('[step 1/3] Downloading n8n 2.41.1 and its packages\n[step 2/3] Compiling native module sqlite3 (1 of 2)\n');
		onWaiting.done();
		expect(stream.written[0]).toMatch(/^\r\[1\/3\] Downloading n8n 2\.41\.1 and its packages: 0m 00s, 1\.00 of about 2\.6 GB \(38 %\)/);
		// A new step starts on a new line.
		expect(stream.written[1]).toBe('\n');
		expect(stream.written[2]).toMatch(/^\r\[2\/3\] Compiling native module sqlite3 \(1 of 2\): 0m 00s\u001b\[K$/);
		expect(stream.written[3]).toBe('\n');
	});

	test('in a log, writes a line when a step begins rather than one a second', () => {
		const stream = recordingStream(false);
		const onWaiting = installProgress(stream, oneGigabyte);
		const first = '[step 1/3] Downloading n8n 1.123.81 and its packages\n';
		onWaiting(first);
		onWaiting(first);
		onWaiting(`${first}[step 3/3] Checking that n8n 1.123.81 starts\n`);
		expect(stream.written).toHaveLength(2);
		expect(stream.written[1]).toBe('[3/3] Checking that n8n 1.123.81 starts: 0m 00s\n');
	});
});
