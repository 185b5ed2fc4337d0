import { SECRETS } from './testSecrets';
import { recordedLogLines, runsWatchedSoFar } from './leakGuard';

/**
 * Registered for every test file: after a file's tests, no test secret may appear in any line the
 * engine logged. Runs of the engine always log, so a file that ran workflows must have lines to check.
 */
afterAll(() => {
	const lines = recordedLogLines();
	if (runsWatchedSoFar() > 0) expect(lines.length).toBeGreaterThan(0);
	const text = lines.join('\n');
	for (const secret of SECRETS) expect(text.includes(secret)).toBe(false);
});
