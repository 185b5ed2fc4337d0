/**
 * What Send Message puts in Suvvy's body, one message per item with expressions resolved against
 * each item, and what the Sent item carries for downstream nodes.
 */
import { base64Of, SAMPLE_FILES } from '../fixtures/files';
import { EXECUTION_ID, runWorkflow, WORKFLOW_ID } from '../support/runWorkflow';
import { mockSuvvy } from '../support/suvvyMock';
import { interceptHttp } from '../support/interceptHttp';
import { OUTPUT, SEND } from '../support/sendOperation';

interceptHttp();

describe('Send Message in a real workflow', () => {
	test('sends one message per item, resolving expressions against each item', async () => {
		const suvvy = mockSuvvy();
		const { received } = await runWorkflow({
			items: [
				{ json: { chat: 101, name: 'Ann', question: 'Price?' } },
				{ json: { chat: 102, name: 'Bob', question: 'Delivery?' } },
			],
			parameters: {
				...SEND,
				chatId: '={{ $json.chat }}',
				source: '=Web form: {{ $json.name }}',
				text: '={{ $json.question }}',
				additionalFields: { clientName: '={{ $json.name }}' },
			},
		});

		expect(suvvy.requests.map((request) => request.body)).toStrictEqual([
			{
				api_version: 1,
				message_id: `n8n-${WORKFLOW_ID}-${EXECUTION_ID}-node-suvvy-0-0`,
				chat_id: '101',
				text: 'Price?',
				source: 'Web form: Ann',
				message_sender: 'customer',
				client_name: 'Ann',
			},
			{
				api_version: 1,
				message_id: `n8n-${WORKFLOW_ID}-${EXECUTION_ID}-node-suvvy-0-1`,
				chat_id: '102',
				text: 'Delivery?',
				source: 'Web form: Bob',
				message_sender: 'customer',
				client_name: 'Bob',
			},
		]);
		expect(received[OUTPUT.sent].map((item) => item.json.chat_id)).toStrictEqual(['101', '102']);
	});

	test('sends link and placeholders from key/value pairs merged over the JSON alternative', async () => {
		const suvvy = mockSuvvy();
		await runWorkflow({
			items: [{ json: { deal: 77 } }],
			parameters: {
				...SEND,
				chatId: 'c',
				source: 's',
				text: 't',
				messageSender: 'employee',
				additionalFields: {
					clientPhone: '+44312345678',
					link: {
						details: { type: 'lead', hint: '', url: '=https://crm.test/deals/{{ $json.deal }}' },
					},
					placeholdersJson: '{"plan": "basic", "deal": "json"}',
					placeholders: { placeholder: [{ key: 'deal', value: '={{ String($json.deal) }}' }] },
				},
			},
		});
		expect(suvvy.requests[0].body).toMatchObject({
			message_sender: 'employee',
			client_phone: '+44312345678',
			link: { type: 'lead', hint: null, url: 'https://crm.test/deals/77' },
			placeholders: { plan: 'basic', deal: '77' },
		});
	});
});

describe('a Sent item', () => {
	test('carries what was sent, for downstream nodes to map, and never the base64 of its files', async () => {
		mockSuvvy();
		const { received } = await runWorkflow({
			items: [
				{
					json: { chat: 'c-9' },
					files: {
						data: {
							base64: base64Of(SAMPLE_FILES.png),
							fileName: 'part.png',
							mimeType: 'image/png',
						},
					},
				},
			],
			parameters: {
				...SEND,
				chatId: '={{ $json.chat }}',
				messageId: 'm-9',
				source: 'Web form: Ann',
				messageSender: 'employee',
				text: 'Here is the part',
				additionalFields: {
					clientName: 'Ann',
					clientPhone: '+44312345678',
					link: { details: { type: 'lead', hint: '', url: 'https://crm.example.com/42' } },
					placeholders: { placeholder: [{ key: 'plan', value: 'premium' }] },
				},
			},
		});
		const [sent] = received[OUTPUT.sent];
		expect(sent.json).toStrictEqual({
			message_id: 'm-9',
			chat_id: 'c-9',
			text: 'Here is the part',
			source: 'Web form: Ann',
			placeholders: { plan: 'premium' },
			link: { type: 'lead', hint: null, url: 'https://crm.example.com/42' },
			message_sender: 'employee',
			client_name: 'Ann',
			client_phone: '+44312345678',
			status: 200,
			response: { message: 'Successful' },
			attachments: [
				{
					file_name: 'part.png',
					file_type: 'image',
					mime_type: 'image/png',
					bytes: SAMPLE_FILES.png.length,
				},
			],
			attempts: 1,
		});
	});
});
