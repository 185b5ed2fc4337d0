/** The message ID Suvvy receives: the default one n8n's expression would make, or a mapped one. */
import nock from 'nock';

import { EXECUTION_ID, runWorkflow, WORKFLOW_ID } from '../support/runWorkflow';
import { mockSuvvy } from '../support/suvvyMock';
import { interceptHttp } from '../support/interceptHttp';
import { SEND } from '../support/sendOperation';

interceptHttp();

describe('Send Message in a real workflow', () => {
	test("the default message IDs are exactly what n8n's expression makes of the same template", async () => {
		const items = [
			{ json: { text: 'one' } },
			{ json: { text: 'two' } },
			{ json: { text: 'three' } },
		];
		const parameters = { ...SEND, chatId: 'c-1', source: 'Web form', text: '={{ $json.text }}' };
		const byDefault = mockSuvvy();
		await runWorkflow({ items, parameters });
		const defaultIds = byDefault.requests.map((request) => request.body.message_id);
		nock.cleanAll();
		// The same template written differently, so n8n evaluates it for every item. n8n before 1.64
		// has no $nodeId; the default puts the node's ID there, as the fallback here does.
		const byExpression = mockSuvvy();
		await runWorkflow({
			items,
			parameters: {
				...parameters,
				messageId:
					'=n8n-{{$workflow.id}}-{{$execution.id}}-{{$nodeId || "node-suvvy"}}-{{$runIndex}}-{{$itemIndex}}',
			},
		});
		const expressionIds = byExpression.requests.map((request) => request.body.message_id);
		expect(defaultIds).toStrictEqual(expressionIds);
		expect(defaultIds).toStrictEqual(
			[0, 1, 2].map((index) => `n8n-${WORKFLOW_ID}-${EXECUTION_ID}-node-suvvy-0-${index}`),
		);
	});

	test('a mapped message ID is sent as it is, and the same ID on retry', async () => {
		const suvvy = mockSuvvy();
		await runWorkflow({
			items: [{ json: { id: 'tg-5501' } }],
			parameters: { ...SEND, chatId: 'c', source: 's', text: 't', messageId: '={{ $json.id }}' },
		});
		expect(suvvy.requests[0].body.message_id).toBe('tg-5501');
	});
});
