import { createRunExecutionData, LoggerProxy, type IDataObject, type IRun } from 'n8n-workflow';

import { assertNoLeaks, recordedLogLines, watchEngineLogs } from '../support/leakGuard';
import { TEST_TOKEN } from '../support/testSecrets';

/** The guard every engine test runs through must be able to fail, or it proves nothing. */
function runWithItem(json: IDataObject): IRun {
	const data = createRunExecutionData({});
	data.resultData.runData = {
		Suvvy: [
			{
				startTime: 0,
				executionTime: 0,
				executionIndex: 0,
				source: [],
				data: { main: [[{ json }]] },
			},
		],
	};
	return { data, mode: 'manual', startedAt: new Date(), status: 'success' } as unknown as IRun;
}

describe('the leak guard', () => {
	test('passes a clean run', () => {
		expect(() =>
			assertNoLeaks(runWithItem({ text: 'hello' }), ['aGVsbG8gd29ybGQgZnJvbSBhIGZpbGU=']),
		).not.toThrow();
	});

	test('catches the token in an item', () => {
		expect(() => assertNoLeaks(runWithItem({ header: `Bearer ${TEST_TOKEN}` }))).toThrow(
			"A test secret leaked into the run's items or errors",
		);
	});

	test("catches a file's base64 in an item", () => {
		const data = 'aGVsbG8gd29ybGQgZnJvbSBhIGZpbGU=';
		expect(() => assertNoLeaks(runWithItem({ attachment: data }), [data])).toThrow(
			'Base64 file data leaked into 1 output item(s)',
		);
	});

	test('records what the engine logs, metadata included', () => {
		watchEngineLogs();
		LoggerProxy.debug('Running node "Suvvy" finished with error', { error: new Error('boom') });
		expect(recordedLogLines().at(-1)).toContain('boom');
	});
});
