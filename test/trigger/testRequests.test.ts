/** Suvvy's test requests and unknown event types: acknowledged, and passed on when asked. */
import { callTrigger } from '../support/callTrigger';

describe('Suvvy Trigger: receiving a reply', () => {
	describe('test requests and unknown events', () => {
		test('a test_request is acknowledged and starts nothing by default', async () => {
			const result = await callTrigger({ body: { event_type: 'test_request' } });
			expect(result).toMatchObject({
				status: 200,
				responseBody: { received: true, ignored: 'test_request' },
				items: undefined,
			});
		});

		test('Include Test Requests starts the workflow with it', async () => {
			const result = await callTrigger({
				body: { event_type: 'test_request' },
				parameters: { options: { includeTestRequests: true } },
			});
			expect(result.items?.map((item) => item.json)).toEqual([{ event_type: 'test_request' }]);
		});

		test('an unknown event type is acknowledged and ignored, or passed on when asked', async () => {
			const body = { event_type: 'chat_closed', chat_id: 'c' };
			expect((await callTrigger({ body })).items).toBeUndefined();
			const included = await callTrigger({
				body,
				parameters: { options: { includeUnknownEvents: true } },
			});
			expect(included.items?.[0].json).toEqual(body);
		});
	});
});
