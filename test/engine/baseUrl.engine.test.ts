/**
 * Threat: the token travelling where it must not. A base URL over plain http to another machine
 * would carry it in clear text; a query or a fragment would swallow the API path (and with a
 * fragment the request would still "succeed" somewhere else); another scheme is no API at all.
 * Such a credential sends nothing: every item says why, once, without retries.
 */
import nock from 'nock';

import { closedPort } from '../support/fileServer';
import { interceptHttp } from '../support/interceptHttp';
import { runWorkflow, TEST_TOKEN } from '../support/runWorkflow';

const SEND = { resource: 'message', operation: 'send', chatId: 'c-1', source: 's', text: 'Hi' };
const OTHER_ERROR = 6;

interceptHttp();

describe('Send Message with a base URL the token must not go to', () => {
	test.each([
		['http://suvvy.example.com', 'must use https://'],
		['ftp://api.suvvy.ai', 'must start with https:// (it starts with ftp://)'],
		['https://api.suvvy.ai?tenant=1', 'must not contain a query (?…) or a fragment (#…)'],
		['https://api.suvvy.ai/#/', 'must not contain a query (?…) or a fragment (#…)'],
	])(
		'%s: nothing is sent, and each item leaves by Other Error saying why',
		async (baseUrl, why) => {
			let requests = 0;
			nock(/.*/)
				.persist()
				.post(/.*/)
				.reply(() => {
					requests++;
					return [200, { message: 'Successful' }];
				});
			const { received, suvvyOutputs } = await runWorkflow({
				items: [{ json: {} }, { json: {} }],
				parameters: SEND,
				credentials: { token: TEST_TOKEN, baseUrl },
			});
			expect(requests).toBe(0);
			expect(suvvyOutputs.slice(0, OTHER_ERROR).flat()).toEqual([]);
			expect(received[OTHER_ERROR]).toHaveLength(2);
			const [first] = received[OTHER_ERROR];
			expect(first.json).toMatchObject({
				status: null,
				error_code: 'invalid_base_url',
				found_locally: true,
				chat_id: 'c-1',
			});
			expect(first.json.message).toContain(why);
			expect(first.json.message).toContain('Fix the Base URL in the Suvvy API credential.');
			expect(first.json.attempts).toBeUndefined();
		},
	);

	test("with n8n's error handling, the workflow stops with the same reason", async () => {
		const { run } = await runWorkflow({
			items: [{ json: {} }],
			parameters: { ...SEND, errorHandling: 'useN8nErrorHandling' },
			credentials: { token: TEST_TOKEN, baseUrl: 'http://suvvy.example.com' },
			outputCount: 1,
		});
		expect(run.data.resultData.error?.message).toContain('must use https://');
	});
});

describe('Send Message when Suvvy cannot be reached', () => {
	beforeAll(() => nock.enableNetConnect('127.0.0.1'));

	test('the Other Error item names the cause, not just "failed"', async () => {
		const port = await closedPort();
		const { received } = await runWorkflow({
			items: [{ json: {} }],
			parameters: { ...SEND, options: { retries: 0 } },
			credentials: { token: TEST_TOKEN, baseUrl: `http://127.0.0.1:${port}` },
		});
		expect(received[OTHER_ERROR][0].json).toMatchObject({
			error_code: 'network_error',
			detail: 'Could not reach Suvvy: connection refused (ECONNREFUSED)',
		});
	});
});
