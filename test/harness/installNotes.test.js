'use strict';
/** What the install scripts say besides their steps reaches the user of dev, demo, bench and the e2e tier. */
const { installProgress } = require('../../dev/harness/installProgress');

const noSize = (_folder, done) => done(undefined);

function recordingStream(isTTY) {
	const written = [];
	return { isTTY, written, write: (text) => written.push(text) };
}

const INSTALLING = 'Installing n8n 2.41.1 into /cache/n8n-2.41.1 (first run only: a few minutes, about 3 GB) ...';
const SETTINGS = 'Using your npm settings, except: ignore-scripts (…), nodedir (…), the project folder npm passes on (…)';

describe("the install scripts' own lines during the first run", () => {
	test('in a log, each is shown once, in order, and a line still being written waits until it ends', () => {
		const stream = recordingStream(false);
		const onWaiting = installProgress(stream, noSize);
		onWaiting(`${INSTALLING}\nUsing your npm`);
		onWaiting(`${INSTALLING}\n${SETTINGS}\n[step 1/3] Downloading n8n 2.41.1 and its packages\n`);
		onWaiting(`${INSTALLING}\n${SETTINGS}\n[step 1/3] Downloading n8n 2.41.1 and its packages\n`);
		expect(stream.written).toEqual([`${INSTALLING}\n`, `${SETTINGS}\n`, expect.stringMatching(/^\[1\/3\] Downloading/)]);
	});

	test('on a terminal, one that comes while the progress line is drawn replaces it, and the progress line comes back below', () => {
		const stream = recordingStream(true);
		const onWaiting = installProgress(stream, noSize);
		const step = '[step Node 24] Downloading Node 24.21.0 (about 190 MB)\n';
		onWaiting(step);
		onWaiting(`${step}Another command is installing n8n 2.41.1 into /cache/n8n-2.41.1; waiting for it to finish ...\n`);
		onWaiting.done();
		expect(stream.written).toEqual([
			expect.stringMatching(/^\r\[Node 24\] Downloading Node 24\.21\.0/),
			'\r\u001b[KAnother command is installing n8n 2.41.1 into /cache/n8n-2.41.1; waiting for it to finish ...\n',
			expect.stringMatching(/^\r\[Node 24\] Downloading Node 24\.21\.0/),
			'\n',
		]);
	});
});
