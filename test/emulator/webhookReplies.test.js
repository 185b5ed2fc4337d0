'use strict';
/** The Suvvy emulator replies to a customer message like Suvvy's webhook, and sends a test request. */
const { PNG, message, attachment, startReceiver, useEmulator } = require('../support/emulatorClient');

describe('Suvvy emulator', () => {
	const { post, admin } = useEmulator();

	test('replies to a customer message with a new_messages event carrying the secret, and serves the file', async () => {
		const receiver = await startReceiver();
		try {
			await admin('state', { webhook_url: receiver.url, webhook_secret: 'dummy-webhook-secret' });
			await post(message({ chat_id: 'c-9', text: 'Send #document', attachments: [attachment(PNG)] }));
			await post(message({ chat_id: 'c-9', message_sender: 'employee', text: 'operator here' }));
			await admin('idle');
			expect(receiver.received).toHaveLength(1);
			const [{ headers, body }] = receiver.received;
			expect(headers.authorization).toBe('Bearer dummy-webhook-secret');
			expect(body.event_type).toBe('new_messages');
			expect(body.chat_id).toBe('c-9');
			expect(body.new_messages.map((entry) => entry.type)).toEqual(['text', 'image', 'document']);
			expect(body.new_messages[0]).toEqual({ type: 'text', message_sender: 'ai', text: 'Echo: Send #document' });
			const image = body.new_messages[1].file;
			expect(image).toMatchObject({ name: 'file.png', mime_type: 'image/png', size_bytes: PNG.length });
			const download = await fetch(image.url);
			expect(Buffer.from(await download.arrayBuffer()).equals(PNG)).toBe(true);
			const pdf = Buffer.from(await (await fetch(body.new_messages[2].file.url)).arrayBuffer());
			expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
			expect((await admin('deliveries')).deliveries[0]).toMatchObject({ status: 200, delivered: true });
		} finally {
			receiver.close();
		}
	});

	test('sends a test_request event on demand', async () => {
		const receiver = await startReceiver();
		try {
			await admin('state', { webhook_url: receiver.url });
			const delivery = await admin('test-request', {});
			expect(delivery).toMatchObject({ event_type: 'test_request', status: 200 });
			expect(receiver.received[0].body).toEqual({ event_type: 'test_request' });
			expect(receiver.received[0].headers.authorization).toBeUndefined();
		} finally {
			receiver.close();
		}
	});
});
