/**
 * The Suvvy API credential's test ("Test" in the editor), run through n8n-core's RoutingNode and
 * HTTP helper as n8n's server runs it. It must tell Suvvy's answers apart, and must never follow a
 * redirect: the token would go wherever the redirect points.
 */
import nock from 'nock';

import { testCredential } from '../support/credentialTest';
import { interceptHttp } from '../support/interceptHttp';
import { TEST_BASE_URL, TEST_TOKEN } from '../support/runWorkflow';
import { MESSAGE_PATH } from '../support/suvvyMock';

interceptHttp();

/** What Suvvy answers a good token with the test's incomplete body. */
const MISSING_FIELDS = {
	detail: [{ loc: ['body', 'message_id'], msg: 'Field required', type: 'missing' }],
};

const NOT_SUVVY = /^The base URL answered, but not as Suvvy does: .*redirects are never followed/;

function suvvyAnswers(status: number, body: unknown, headers: Record<string, string> = {}) {
	const requests: string[] = [];
	nock(TEST_BASE_URL)
		.persist()
		.post(MESSAGE_PATH)
		.reply(function () {
			requests.push(String(this.req.headers.authorization));
			return [status, body as string, headers];
		});
	return requests;
}

/** Everything any request to `origin` would get: Suvvy's answer to a good token. */
function watchOrigin(origin: string): string[] {
	const seen: string[] = [];
	const scope = nock(origin).persist();
	for (const method of ['GET', 'POST', 'PUT']) {
		scope.intercept(/.*/, method).reply((path) => {
			seen.push(`${method} ${path}`);
			return [422, MISSING_FIELDS];
		});
	}
	return seen;
}

const credentials = { token: TEST_TOKEN, baseUrl: TEST_BASE_URL };

describe('the Suvvy API credential test', () => {
	test('passes when the base URL answers as Suvvy does to a good token', async () => {
		const requests = suvvyAnswers(422, MISSING_FIELDS);
		expect(await testCredential(credentials)).toStrictEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		expect(requests).toStrictEqual([`Bearer ${TEST_TOKEN}`]);
	});

	test('says the token is invalid when Suvvy answers 401', async () => {
		suvvyAnswers(401, {
			detail: 'Invalid token.',
			status_code: 401,
			error_code: 'auth_invalid_token',
		});
		const result = await testCredential(credentials);
		expect(result.message).toMatch(/^Suvvy rejected the token: invalid token/);
	});

	test.each(
		[301, 302, 303, 307, 308].flatMap((status) => [
			[status, 'https://elsewhere.test:8443/api/webhook/custom/message'] as const,
			[status, 'http://suvvy.test/api/webhook/custom/message'] as const,
		]),
	)(
		'a base URL answering %i to %s fails as not Suvvy, and the token goes nowhere else',
		async (status, location) => {
			const base = suvvyAnswers(status, '', { Location: location });
			const elsewhere = watchOrigin(new URL(location).origin);
			const result = await testCredential(credentials);
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(NOT_SUVVY);
			expect(elsewhere).toStrictEqual([]);
			expect(base).toHaveLength(1);
		},
	);
});
