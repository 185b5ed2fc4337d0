/** One item per message of a delivery: chat, event, sender, text; the filters; fields Suvvy adds. */
import { callTrigger } from '../support/callTrigger';
import { delivery, text } from '../support/replyDelivery';

describe('Suvvy Trigger: receiving a reply', () => {
	test('answers 200 with the items in hand and starts one item per message, with chat, event, sender and text', async () => {
		const result = await callTrigger({
			body: delivery([text('Hello!'), text('Anything else?', 'employee')]),
		});
		expect(result.status).toBe(200);
		expect(result.responseBody).toEqual({ received: true, messages: 2 });
		// The trigger does not answer itself: n8n does, with the execution holding the items stored.
		expect(result.returned.noWebhookResponse).toBeUndefined();
		expect(result.items?.map((item) => item.json)).toEqual([
			{
				event_type: 'new_messages',
				chat_id: 'chat-7',
				message_index: 0,
				type: 'text',
				message_sender: 'ai',
				text: 'Hello!',
			},
			{
				event_type: 'new_messages',
				chat_id: 'chat-7',
				message_index: 1,
				type: 'text',
				message_sender: 'employee',
				text: 'Anything else?',
			},
		]);
	});

	test('filters by sender and by message type; a type Suvvy adds later still passes', async () => {
		const body = delivery([
			text('bot'),
			text('operator', 'employee'),
			{ type: 'sticker', message_sender: 'ai' },
		]);
		const result = await callTrigger({
			body,
			parameters: { senders: ['ai'], messageTypes: ['text'], downloadFiles: false },
		});
		expect(result.items?.map((item) => item.json.type)).toEqual(['text', 'sticker']);
		expect(result.items?.map((item) => item.json.message_index)).toEqual([0, 2]);
	});

	test('acknowledges a delivery that no message passes, and starts nothing', async () => {
		const result = await callTrigger({
			body: delivery([text('operator', 'employee')]),
			parameters: { senders: ['ai'] },
		});
		expect(result.status).toBe(200);
		expect(result.responseBody).toEqual({
			received: true,
			ignored: 'no message passes the filters',
		});
		expect(result.items).toBeUndefined();
	});

	test('passes through fields Suvvy adds later, and works without a chat_id', async () => {
		const message = { ...text('hi'), reply_to: 'm-1' };
		const result = await callTrigger({
			body: { event_type: 'new_messages', new_messages: [message], channel: 'custom' },
		});
		expect(result.items?.[0].json).toEqual({
			event_type: 'new_messages',
			channel: 'custom',
			message_index: 0,
			type: 'text',
			message_sender: 'ai',
			text: 'hi',
			reply_to: 'm-1',
		});
	});
});
