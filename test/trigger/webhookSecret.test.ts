/** The webhook secret: the right one starts the workflow, any other is refused with 401. */
import { callTrigger, TEST_SECRET } from '../support/callTrigger';
import { delivery, text } from '../support/replyDelivery';

describe('Suvvy Trigger: receiving a reply', () => {
	describe('the webhook secret', () => {
		const body = delivery([text('Hello!')]);

		test('the right secret starts the workflow', async () => {
			const result = await callTrigger({
				body,
				secret: TEST_SECRET,
				headers: { authorization: `Bearer ${TEST_SECRET}` },
			});
			expect(result.status).toBe(200);
			expect(result.items).toHaveLength(1);
		});

		test.each([
			['a wrong secret', { authorization: 'Bearer not-the-secret' }],
			['a secret with one character more', { authorization: `Bearer ${TEST_SECRET}x` }],
			['the secret without "Bearer"', { authorization: TEST_SECRET }],
			['no Authorization header', {}],
		])('%s is refused with 401 and starts nothing', async (_case, headers) => {
			const result = await callTrigger({ body, secret: TEST_SECRET, headers });
			expect(result.status).toBe(401);
			expect(result.responseHeaders['www-authenticate']).toBe('Bearer');
			expect(result.responseBody).toEqual({
				received: false,
				reason: 'Missing or wrong webhook secret',
			});
			expect(result.items).toBeUndefined();
			expect(JSON.stringify(result.responseBody)).not.toContain(TEST_SECRET);
		});

		test('an empty secret in the credential refuses every delivery, however it is presented', async () => {
			for (const authorization of [undefined, 'Bearer ', 'Bearer']) {
				const result = await callTrigger({
					body,
					secret: '',
					headers: authorization === undefined ? {} : { authorization },
				});
				expect(result.status).toBe(401);
				expect(result.items).toBeUndefined();
			}
		});

		test('without a credential, every delivery is refused with 401, saying what to set up', async () => {
			const result = await callTrigger({ body, secret: null });
			expect(result.status).toBe(401);
			expect(result.items).toBeUndefined();
			expect(result.responseBody?.reason).toBe(
				'The Suvvy Trigger accepts only deliveries that carry its webhook secret, and it has none. In the Suvvy dashboard, set a Webhook Secret on the custom channel; in n8n, give this trigger a Suvvy Webhook Secret credential holding the same secret. To accept deliveries without a secret, turn on its option Accept Deliveries Without a Secret.',
			);
		});

		test('without a credential, Accept Deliveries Without a Secret lets deliveries in with no Authorization header', async () => {
			const result = await callTrigger({
				body,
				secret: null,
				parameters: { options: { acceptWithoutSecret: true } },
			});
			expect(result.status).toBe(200);
			expect(result.items).toHaveLength(1);
		});
	});
});
