/** A body that is not a delivery Suvvy would send gets a 4xx with the reason and starts nothing. */
import {
	MAX_ENTRIES_PER_LIST,
	MAX_FIELDS_PER_OBJECT,
	MAX_NESTING,
} from '../../nodes/Suvvy/replies/bodyShape';
import { MAX_MESSAGES_PER_DELIVERY } from '../../nodes/Suvvy/replies/parseDelivery';
import { callTrigger, TEST_SECRET } from '../support/callTrigger';
import { delivery, text } from '../support/replyDelivery';

describe('Suvvy Trigger: receiving a reply', () => {
	describe('malformed bodies get a 4xx with the reason and start nothing', () => {
		const message = text('x');
		test.each([
			['a string', 'hello', 400, 'The body must be a JSON object with an "event_type"'],
			['a list', [message], 400, 'The body must be a JSON object with an "event_type"'],
			['null', null, 400, 'The body must be a JSON object with an "event_type"'],
			[
				'no event_type',
				{ new_messages: [message] },
				400,
				'"event_type" must be a non-empty string',
			],
			['a numeric event_type', { event_type: 5 }, 400, '"event_type" must be a non-empty string'],
			[
				'new_messages missing',
				{ event_type: 'new_messages' },
				400,
				'"new_messages" must be a list of messages',
			],
			[
				'new_messages an object',
				{ event_type: 'new_messages', new_messages: {} },
				400,
				'"new_messages" must be a list of messages',
			],
			['a message that is a string', delivery(['hi']), 400, 'new_messages[0] is not an object'],
			[
				'a message without type',
				delivery([{ message_sender: 'ai' }]),
				400,
				'new_messages[0].type must be a string',
			],
			[
				'a message without sender',
				delivery([{ type: 'text' }]),
				400,
				'new_messages[0].message_sender must be a string',
			],
			[
				'a numeric text',
				delivery([message, { ...message, text: 5 }]),
				400,
				'new_messages[1].text must be a string',
			],
			[
				'a file without url',
				delivery([{ ...message, file: { name: 'a' } }]),
				400,
				'new_messages[0].file.url must be a string',
			],
			[
				'a file size in words',
				delivery([{ ...message, file: { url: 'https://x', size_bytes: 'big' } }]),
				400,
				'new_messages[0].file.size_bytes must be a number',
			],
			[
				'an object chat_id',
				delivery([message], { chat_id: { id: 1 } }),
				400,
				'"chat_id" must be a string',
			],
			[
				'too many messages',
				delivery(Array(MAX_MESSAGES_PER_DELIVERY + 1).fill(message)),
				413,
				`"new_messages" holds ${MAX_MESSAGES_PER_DELIVERY + 1} messages; at most ${MAX_MESSAGES_PER_DELIVERY} are accepted`,
			],
		])('%s', async (_case, body, status, reason) => {
			const result = await callTrigger({ body });
			expect(result.status).toBe(status);
			expect(result.responseBody).toEqual({ received: false, reason });
			expect(result.items).toBeUndefined();
		});
	});

	describe('bodies past the bounds of any real delivery get a 4xx with the reason and start nothing', () => {
		const message = text('x');
		const fields = (count: number) =>
			Object.fromEntries(Array.from({ length: count }, (_, index) => [`extra_${index}`, index]));
		const nested = (levels: number): unknown =>
			levels === 0 ? 'deep' : { inner: nested(levels - 1) };
		test.each([
			[
				`a delivery with more than ${MAX_FIELDS_PER_OBJECT} fields`,
				delivery([message], fields(MAX_FIELDS_PER_OBJECT - 2)),
				413,
				`An object in the body has more than ${MAX_FIELDS_PER_OBJECT} fields`,
			],
			[
				`a message with more than ${MAX_FIELDS_PER_OBJECT} fields`,
				delivery([{ ...message, ...fields(MAX_FIELDS_PER_OBJECT) }]),
				413,
				`An object in the body has more than ${MAX_FIELDS_PER_OBJECT} fields`,
			],
			[
				`a field nested deeper than ${MAX_NESTING} levels`,
				delivery([message], { context: nested(MAX_NESTING) }),
				400,
				`The body is nested deeper than ${MAX_NESTING} levels`,
			],
			[
				`a list of more than ${MAX_ENTRIES_PER_LIST} entries in a field Suvvy does not document`,
				delivery([message], { history: Array(MAX_ENTRIES_PER_LIST + 1).fill(0) }),
				413,
				`A list in the body has more than ${MAX_ENTRIES_PER_LIST} entries`,
			],
		])('%s', async (_case, body, status, reason) => {
			const result = await callTrigger({ body });
			expect(result).toMatchObject({ status, responseBody: { received: false, reason } });
			expect(result.items).toBeUndefined();
		});

		test('right at the bounds, a delivery is taken whole', async () => {
			const body = delivery([{ ...message, ...fields(MAX_FIELDS_PER_OBJECT - 3) }], {
				...fields(MAX_FIELDS_PER_OBJECT - 4),
				context: nested(MAX_NESTING - 1),
			});
			const result = await callTrigger({ body, parameters: { output: 'delivery' } });
			expect(result.status).toBe(200);
			expect(result.items?.[0].json.context).toEqual(nested(MAX_NESTING - 1));
		});

		test('a body not sent as JSON is refused with 415', async () => {
			const result = await callTrigger({
				body: 'event_type=new_messages',
				rawBody: Buffer.from('event_type=new_messages'),
				headers: {
					'content-type': 'application/x-www-form-urlencoded',
					authorization: `Bearer ${TEST_SECRET}`,
				},
			});
			expect(result).toMatchObject({
				status: 415,
				responseBody: {
					received: false,
					reason: 'The body must be JSON, sent with Content-Type: application/json',
				},
			});
		});
	});
});
