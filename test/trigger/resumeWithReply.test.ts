/**
 * A waiting Send and Wait takes the reply the Suvvy Trigger hands it: only with the webhook secret,
 * and only for the chat and wait n8n signed into its resume URL, so no reply resumes another chat's
 * execution. It goes on with the reply's messages as the trigger would give them, files fetched
 * under the trigger's rules, paired to its one input item, with what was sent.
 */
import { callResume } from '../support/callResume';
import { file } from '../support/fileServer';
import { delivery, text } from '../support/replyDelivery';
import { FROM_LOOPBACK, useFileServer } from '../support/useFileServer';

const files = useFileServer();
const sent = { chat_id: 'chat-r', message_id: 'm-1', text: 'Is it in stock?' };
const query = { chat: 'chat-r', wait: 'wait-r', signature: 'signed-by-n8n' };

const forwarded = (deliveries: unknown[], extra: object = {}) => ({
	chat_id: 'chat-r',
	wait_id: 'wait-r',
	sent,
	deliveries,
	files: { download: true, allowPrivateNetwork: FROM_LOOPBACK.allowPrivateNetworkDownloads },
	...extra,
});

describe('Send and Wait for Reply: taking the reply', () => {
	test('one item for the reply: every message, their text joined, what was sent, paired to the input', async () => {
		const result = await callResume({
			body: forwarded([
				delivery([text('Yes, we have it.')], { chat_id: 'chat-r' }),
				delivery([text('In blue and red.')], { chat_id: 'chat-r' }),
			]),
			query,
		});
		expect(result.webhookResponse).toEqual({ resumed: true, wait_id: 'wait-r' });
		expect(result.items).toHaveLength(1);
		expect(result.items?.[0]).toMatchObject({
			json: {
				replied: true,
				chat_id: 'chat-r',
				text: 'Yes, we have it.\n\nIn blue and red.',
				new_messages: [
					expect.objectContaining({ text: 'Yes, we have it.', message_index: 0 }),
					expect.objectContaining({ text: 'In blue and red.', message_index: 1 }),
				],
				sent,
			},
			pairedItem: { item: 0 },
		});
	});

	test("one item per message, as the Suvvy Trigger gives them, files downloaded under the trigger's rules", async () => {
		files.serve('/reply.png', file(Buffer.from('png-bytes'), 'image/png'));
		const image = {
			type: 'image',
			message_sender: 'ai',
			file: { name: 'reply.png', url: `${files.url}/reply.png` },
		};
		const result = await callResume({
			body: forwarded([delivery([text('Here it is'), image], { chat_id: 'chat-r' })]),
			query,
			parameters: { replyOutput: 'message' },
		});
		expect(
			result.items?.map((item) => [item.json.type, item.json.replied, item.pairedItem]),
		).toEqual([
			['text', true, { item: 0 }],
			['image', true, { item: 0 }],
		]);
		expect(result.items?.[1].binary?.data).toMatchObject({
			fileName: 'reply.png',
			mimeType: 'image/png',
		});
	});

	test('without private network downloads in the settings, a loopback link is not fetched: the item says why', async () => {
		const image = {
			type: 'image',
			message_sender: 'ai',
			file: { name: 'x.png', url: `${files.url}/reply.png` },
		};
		const result = await callResume({
			body: forwarded([delivery([image], { chat_id: 'chat-r' })], { files: { download: true } }),
			query,
			parameters: { replyOutput: 'message' },
		});
		expect(result.items?.[0].json.file_error).toMatch(
			/^Not downloaded: refused by the trigger's network policy/,
		);
		expect(files.requests).toEqual([]);
	});

	test.each([
		['without the webhook secret', { authorization: 'Bearer not-the-secret' }, 401],
		['for another chat than the one signed', { query: { ...query, chat: 'chat-other' } }, 403],
		['for another wait than the one signed', { query: { ...query, wait: 'wait-other' } }, 403],
	])('a reply %s is refused and the execution waits on', async (_case, call, status) => {
		const result = await callResume({
			body: forwarded([delivery([text('hi')], { chat_id: 'chat-r' })]),
			query,
			...call,
		});
		expect(result.status).toBe(status);
		expect(result.responseBody).toMatchObject({ resumed: false });
		expect(result.items).toBeUndefined();
	});

	test('a hand-over holding no delivery of messages is refused and the execution waits on', async () => {
		const result = await callResume({ body: forwarded([{ event_type: 'test_request' }]), query });
		expect(result).toMatchObject({ status: 400, items: undefined });
	});
});
