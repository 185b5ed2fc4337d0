/**
 * Suvvy never retries a delivery it got a 2xx for, so the 2xx must come only once the reply is in a
 * stored execution, and nothing after the answer may lose the delivery. n8n 2.8 and newer answer an
 * onReceived webhook only after storing its execution; older n8n answers first, so there the trigger
 * answers from its own first step, which n8n runs only once the execution is stored.
 */
import { SuvvyTrigger } from '../../nodes/Suvvy/SuvvyTrigger.node';
import { callTrigger } from '../support/callTrigger';
import { workflowVersion } from '../support/engineVersions';
import { delivery, text } from '../support/replyDelivery';
import { FROM_LOOPBACK, useFileServer } from '../support/useFileServer';
import { file } from '../support/fileServer';

const files = useFileServer();

describe('Suvvy Trigger: Suvvy gets its 2xx only for a reply held in a stored execution', () => {
	// The n8n-workflow the nodes load here: the compatibility matrix maps it to each line's own.
	const version = workflowVersion(require.resolve);
	const [major, minor] = version.split('.').map(Number);
	const storesFirst = major > 2 || (major === 2 && minor >= 8);

	test(`on this n8n (n8n-workflow ${version}), the answer comes ${storesFirst ? 'from n8n once it stored the execution' : "from the trigger's first step"}`, () => {
		const [webhook] = new SuvvyTrigger().description.webhooks ?? [];
		expect(webhook.responseMode).toBe(storesFirst ? 'onReceived' : 'responseNode');
	});

	test('the answer counts the messages the stored items hold, whichever step gives it', async () => {
		const perMessage = await callTrigger({ body: delivery([text('a'), text('b'), text('c')]) });
		expect(perMessage.responseBody).toEqual({ received: true, messages: 3 });
		expect(perMessage.items).toHaveLength(3);
		const perDelivery = await callTrigger({
			body: delivery([text('a'), text('b')]),
			parameters: { output: 'delivery' },
		});
		expect(perDelivery.responseBody).toEqual({ received: true, messages: 2 });
		expect(perDelivery.items).toHaveLength(1);
	});

	test('the files are fetched before Suvvy is answered, and the items passed on unchanged', async () => {
		const events: string[] = [];
		files.serve('/before.png', (request, response) => {
			events.push('downloaded');
			file(Buffer.from('png bytes'), 'image/png')(request, response);
		});
		const image = {
			type: 'image',
			message_sender: 'ai',
			file: { name: 'before.png', url: `${files.url}/before.png` },
		};
		const result = await callTrigger({
			body: delivery([image, text('caption')]),
			parameters: { options: FROM_LOOPBACK },
			onAnswer: (status) => events.push(`answered ${status}`),
		});
		expect(events).toEqual(['downloaded', 'answered 200']);
		expect(result.items?.map((item) => Object.keys(item.binary ?? {}))).toEqual([['data'], []]);
		expect(result.items?.[1].json.text).toBe('caption');
	});

	test('a file n8n cannot store (a full disk) costs only that file: the messages come out, with the reason', async () => {
		files.serve('/full-disk.png', file(Buffer.from('png bytes'), 'image/png'));
		const image = {
			type: 'image',
			message_sender: 'ai',
			file: { name: 'full-disk.png', url: `${files.url}/full-disk.png` },
		};
		const result = await callTrigger({
			body: delivery([image, text('still here')]),
			parameters: { options: FROM_LOOPBACK },
			binaryStorage: 'full',
		});
		expect(result.status).toBe(200);
		expect(result.items?.[0].json.file_error).toBe(
			'Downloaded, but n8n could not store the file: ENOSPC: no space left on device, write',
		);
		expect(result.items?.[0].json.file).toEqual(image.file);
		expect(result.items?.[1].json.text).toBe('still here');
	});

	test('anything that fails unexpectedly is answered 500, so Suvvy records the delivery as failed', async () => {
		// A filter saved in a shape the node does not expect, as a hand-edited workflow could hold.
		const result = await callTrigger({
			body: delivery([text('hello')]),
			parameters: { messageTypes: 5 as unknown as string[] },
		});
		expect(result.status).toBe(500);
		expect(result.responseBody).toEqual({
			received: false,
			reason: "The Suvvy Trigger could not process this delivery; see n8n's log",
		});
		expect(result.items).toBeUndefined();
	});
});
