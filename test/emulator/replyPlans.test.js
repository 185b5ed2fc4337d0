'use strict';
/**
 * The ways the emulator answers a chat, as a conversation through Suvvy can go: at once, after a
 * delay, in several deliveries, not at all (an operator took over), signed by an operator, or before
 * the message's own answer, so the reply arrives before its sender can have parked.
 */
const { message, startReceiver, useEmulator } = require('../support/emulatorClient');

describe('Suvvy emulator: reply plans', () => {
	const { post, admin } = useEmulator();
	let receiver;
	beforeEach(async () => {
		receiver = await startReceiver();
		await admin('state', { webhook_url: receiver.url });
	});
	afterEach(() => receiver.close());

	const texts = () =>
		receiver.received.map(({ body }) => body.new_messages.map((entry) => entry.text));

	test('parts: the reply comes as that many deliveries, one text each, in order', async () => {
		await admin('reply-plan', { chat_id: 'c-parts', mode: 'parts', parts: 3 });
		await post(message({ chat_id: 'c-parts', text: 'Hi' }));
		await admin('idle');
		expect(texts()).toEqual([
			['Echo: Hi (part 1 of 3)'],
			['Echo: Hi (part 2 of 3)'],
			['Echo: Hi (part 3 of 3)'],
		]);
	});

	test('none: no reply at all, as when an operator takes the dialogue over', async () => {
		await admin('reply-plan', { chat_id: 'c-quiet', mode: 'none' });
		await post(message({ chat_id: 'c-quiet', text: 'Anyone?' }));
		// A reply that does come, in another chat, marks the moment the quiet one would have been sent.
		await post(message({ chat_id: 'c-marker', text: 'marker' }));
		await admin('idle');
		expect(receiver.received.map(({ body }) => body.chat_id)).toEqual(['c-marker']);
	});

	test('parts with overlap: the deliveries go out without waiting for each answer', async () => {
		const holding = await startReceiver({ holdAnswers: true });
		await admin('state', { webhook_url: holding.url });
		await admin('reply-plan', { chat_id: 'c-overlap', mode: 'parts', parts: 2, overlap: true });
		await post(message({ chat_id: 'c-overlap', text: 'Hi' }));
		// Both arrive while neither has been answered.
		await holding.arrived(2);
		expect(holding.received.map(({ body }) => body.new_messages[0].text)).toEqual([
			'Echo: Hi (part 1 of 2)',
			'Echo: Hi (part 2 of 2)',
		]);
		holding.answerHeld();
		await admin('idle');
		holding.close();
	});

	test('before_answer: the reply is delivered before the message is answered', async () => {
		await admin('reply-plan', { chat_id: 'c-early', mode: 'before_answer' });
		const answered = await post(message({ chat_id: 'c-early', text: 'Quick' }));
		expect(answered.status).toBe(200);
		expect(texts()).toEqual([['Echo: Quick']]);
	});

	test('before_answer: a released answer goes out while the reply is still being delivered', async () => {
		const holding = await startReceiver({ holdAnswers: true });
		await admin('state', { webhook_url: holding.url });
		await admin('reply-plan', { chat_id: 'c-held', mode: 'before_answer' });
		const events = [];
		const arrived = holding.arrived(1).then(() => events.push('reply arrived'));
		const answered = post(message({ chat_id: 'c-held', text: 'Hold on' })).then((response) => {
			events.push('message answered');
			return response;
		});
		await arrived;
		expect(await admin('release-answers', { chat_id: 'c-held' })).toEqual({ released: 1 });
		expect((await answered).status).toBe(200);
		expect(events).toEqual(['reply arrived', 'message answered']);
		// The reply's delivery is still open until the webhook answers it.
		holding.answerHeld();
		await admin('idle');
		expect((await admin('deliveries')).deliveries.at(-1)).toMatchObject({
			chat_id: 'c-held',
			delivered: true,
		});
		holding.close();
	});

	test('sender: an operator can sign the reply; times: the plan ends after that many messages', async () => {
		await admin('reply-plan', { chat_id: 'c-op', sender: 'employee', times: 1 });
		await post(message({ chat_id: 'c-op', text: 'one' }));
		await post(message({ chat_id: 'c-op', text: 'two' }));
		await admin('idle');
		expect(receiver.received.map(({ body }) => body.new_messages[0].message_sender)).toEqual([
			'employee',
			'ai',
		]);
	});

	test('an unknown mode is refused, naming the modes', async () => {
		expect(await admin('reply-plan', { chat_id: 'c', mode: 'sometimes' })).toEqual({
			detail: 'mode must be one of now, delay, parts, none, before_answer',
		});
	});
});
