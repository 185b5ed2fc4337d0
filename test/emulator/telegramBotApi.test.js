'use strict';
/** The Suvvy emulator stands in for the Telegram Bot API, for the Telegram example. */
const { startReceiver, useEmulator } = require('../support/emulatorClient');

describe('Suvvy emulator', () => {
	const { emulator, admin } = useEmulator();

	describe("the Telegram Bot API stand-in (for the Telegram example)", () => {
		const bot = (method, body) =>
			fetch(`${emulator.url}/telegram/bot123:test/${method}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(body),
			}).then(async (response) => ({ status: response.status, body: await response.json() }));

		test('keeps the webhook a Telegram Trigger registers, and forgets it when deleted', async () => {
			expect(await bot('setWebhook', { url: 'http://127.0.0.1:1/hook', secret_token: 'wf_node' })).toEqual({ status: 200, body: { ok: true, result: true } });
			expect((await bot('getWebhookInfo', {})).body.result.url).toBe('http://127.0.0.1:1/hook');
			await bot('deleteWebhook', {});
			expect((await bot('getWebhookInfo', {})).body.result.url).toBe('');
		});

		test('records what the Telegram node sends, and refuses a message without text', async () => {
			const sent = await bot('sendMessage', { chat_id: '42', text: 'Hi' });
			expect(sent.body).toMatchObject({ ok: true, result: { chat: { id: 42 }, text: 'Hi' } });
			expect((await bot('sendMessage', { chat_id: '42' })).status).toBe(400);
			expect((await bot('getUpdates', {})).status).toBe(404);
			expect((await admin('telegram/sent')).sent).toEqual([{ chat_id: '42', text: 'Hi' }]);
		});

		test("delivers an update to the registered webhook with Telegram's secret header", async () => {
			const receiver = await startReceiver();
			try {
				await bot('setWebhook', { url: receiver.url, secret_token: 'wf_node' });
				const delivered = await admin('telegram/updates', { update_id: 1, message: { text: 'Hello' } });
				expect(delivered.status).toBe(200);
				expect(receiver.received).toHaveLength(1);
				expect(receiver.received[0].headers['x-telegram-bot-api-secret-token']).toBe('wf_node');
				expect(receiver.received[0].body).toEqual({ update_id: 1, message: { text: 'Hello' } });
			} finally {
				receiver.close();
			}
		});
	});
});
