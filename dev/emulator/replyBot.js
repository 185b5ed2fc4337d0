'use strict';
/**
 * Answers customer messages the way Suvvy's custom channel delivers a reply: a POST of a
 * `new_messages` event to the channel's webhook URL, with `Authorization: Bearer <secret>` when a
 * secret is set, given up after 20 seconds. The bot is an echo: it repeats the text, sends each file
 * back as a link the emulator serves, and adds a PDF document when the text asks for "#document".
 * Employee messages get no answer, as Suvvy's bot pauses when an operator writes. A chat's reply
 * plan (admin `reply-plan`) changes how its next messages are answered: see replyPlan().
 */
const { count, storeFile } = require('./channel');
const { delay } = require('./httpKit');

const DELIVERY_TIMEOUT_MS = 20_000;

/** A small, valid one-page PDF, so a "document" reply has a real file behind its link. */
function samplePdf(text) {
	const content = `BT /F1 12 Tf 40 100 Td (${text.replace(/[()\\]/g, '')}) Tj ET`;
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 144] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
		`<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
	];
	let pdf = '%PDF-1.4\n';
	const offsets = objects.map((object, index) => {
		const offset = pdf.length;
		pdf += `${index + 1} 0 obj\n${object}\nendobj\n`;
		return offset;
	});
	const xref = pdf.length;
	pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
	pdf += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
	pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return Buffer.from(pdf, 'latin1');
}

const PLAN_MODES = ['now', 'delay', 'parts', 'none', 'before_answer'];

/**
 * How the next message of a chat is answered, from the plan set for it: `now` (after the channel's
 * reply delay, the default), `delay` (after `delay_ms`), `parts` (`parts` deliveries of one text
 * each, `gap_ms` apart), `none` (no reply at all, as when an operator takes the dialogue over), or
 * `before_answer` (the reply's delivery starts before the message's own 200 goes out, which waits
 * until that delivery ends or the answer is released over the admin endpoint, so a test can hold the
 * sender before it parks). `overlap` sends the parts `gap_ms` apart without waiting for each answer,
 * as a sender that does not wait for the webhook would. `sender` ("ai" or "employee") signs the
 * reply; `times` ends the plan after that many messages.
 */
function normalisePlan(plan) {
	const mode = plan.mode ?? 'now';
	if (!PLAN_MODES.includes(mode)) throw new Error(`mode must be one of ${PLAN_MODES.join(', ')}`);
	return {
		mode,
		delay_ms: Number(plan.delay_ms ?? 0),
		parts: Math.max(1, Math.floor(Number(plan.parts ?? 1))),
		gap_ms: Number(plan.gap_ms ?? 0),
		overlap: plan.overlap === true,
		sender: plan.sender === 'employee' ? 'employee' : 'ai',
		times: plan.times === undefined ? undefined : Number(plan.times),
	};
}

/** The plan for this chat's next message, used up by it when it has `times`. */
function takePlan(channel, chatId) {
	const plan = channel.replyPlans.get(chatId);
	if (!plan)
		return {
			mode: 'now',
			delay_ms: channel.replyDelayMs,
			parts: 1,
			gap_ms: 0,
			overlap: false,
			sender: 'ai',
		};
	if (plan.times !== undefined && --plan.times <= 0) channel.replyPlans.delete(chatId);
	return plan;
}

function createReplyBot(emulator) {
	const { channel } = emulator;
	// Replies of one chat leave in the order the messages came in.
	const queues = new Map();

	function fileMessage(type, file) {
		return {
			type,
			message_sender: 'ai',
			file: {
				name: file.name,
				url: `${emulator.url}/files/${file.id}/${encodeURIComponent(file.name)}`,
				size_bytes: file.bytes.length,
				mime_type: file.mimeType,
			},
		};
	}

	function repliesTo(record, sender = 'ai') {
		const text = record.body.text;
		const messages = [];
		const files = record.attachments.length;
		messages.push({
			type: 'text',
			message_sender: sender,
			text: text ? `Echo: ${text}` : `Got ${files} file${files === 1 ? '' : 's'}, thank you.`,
		});
		for (const attachment of record.attachments) {
			const stored = channel.files.get(attachment.file_id);
			messages.push(fileMessage(attachment.file_type, { id: attachment.file_id, ...stored }));
		}
		if (text?.includes('#document')) {
			const file = {
				name: 'reply.pdf',
				mimeType: 'application/pdf',
				bytes: samplePdf(text.slice(0, 60)),
			};
			messages.push(fileMessage('document', { id: storeFile(channel, file), ...file }));
		}
		return messages;
	}

	async function deliver(event) {
		const url = channel.webhook.url;
		const started = Date.now();
		const delivery = {
			at: new Date(started).toISOString(),
			url,
			event_type: event.event_type,
			chat_id: event.chat_id,
		};
		const headers = { 'content-type': 'application/json' };
		if (channel.webhook.secret) headers.authorization = `Bearer ${channel.webhook.secret}`;
		try {
			const response = await fetch(url, {
				method: 'POST',
				headers,
				body: JSON.stringify(event),
				signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
			});
			delivery.status = response.status;
			delivery.response = (await response.text()).slice(0, 500);
			delivery.delivered = response.ok;
		} catch (error) {
			delivery.delivered = false;
			delivery.error = error.cause?.code ?? error.name ?? String(error);
		}
		delivery.duration_ms = Date.now() - started;
		channel.deliveries.push(delivery);
		count(channel.stats, 'deliveries');
		emulator.log(`reply ${event.event_type} → ${url}: ${delivery.status ?? delivery.error}`);
		return delivery;
	}

	function enqueue(chatId, task) {
		const previous = queues.get(chatId) ?? Promise.resolve();
		const next = previous.then(task, task);
		queues.set(chatId, next);
		next.finally(() => queues.get(chatId) === next && queues.delete(chatId));
		return next;
	}

	/** The deliveries a plan makes of one message's replies: all at once, or one text per part. */
	function deliveriesOf(record, plan) {
		const messages = repliesTo(record, plan.sender);
		if (plan.mode !== 'parts') return [messages];
		return Array.from({ length: plan.parts }, (_unused, part) => [
			{ ...messages[0], text: `${messages[0].text} (part ${part + 1} of ${plan.parts})` },
		]);
	}

	async function play(record, plan) {
		const deliveries = deliveriesOf(record, plan);
		const started = [];
		for (const [index, messages] of deliveries.entries()) {
			if (index > 0) await delay(plan.gap_ms);
			const delivery = deliver({
				event_type: 'new_messages',
				chat_id: record.chat_id,
				new_messages: messages,
			});
			started.push(delivery);
			if (!plan.overlap) await delivery;
		}
		await Promise.all(started);
	}

	// Held answers of before_answer messages, by chat: each resolves when released.
	const held = new Map();

	function holdAnswer(chatId) {
		let release;
		const released = new Promise((resolve) => (release = resolve));
		held.set(chatId, [...(held.get(chatId) ?? []), release]);
		return {
			released,
			forget: () =>
				held.set(
					chatId,
					(held.get(chatId) ?? []).filter((one) => one !== release),
				),
		};
	}

	return {
		deliver,
		/**
		 * Called for every newly accepted message, before its 200 goes out: resolves at once, or for
		 * a `before_answer` plan once the reply's delivery has ended or the answer is released.
		 */
		async answer(record) {
			if (!channel.repliesEnabled || !channel.webhook.url) return;
			if (record.body.message_sender !== 'customer') return;
			const plan = takePlan(channel, record.chat_id);
			if (plan.mode === 'none') return;
			if (plan.mode === 'before_answer') {
				const hold = holdAnswer(record.chat_id);
				await Promise.race([enqueue(record.chat_id, () => play(record, plan)), hold.released]);
				hold.forget();
				return;
			}
			enqueue(record.chat_id, async () => {
				await delay(plan.mode === 'delay' ? plan.delay_ms : channel.replyDelayMs);
				await play(record, plan);
			});
		},
		/** Lets the held answers of a chat's before_answer messages go out; how many there were. */
		releaseAnswers(chatId) {
			const releases = held.get(chatId) ?? [];
			held.delete(chatId);
			for (const release of releases) release();
			return releases.length;
		},
		/** Resolves once every queued reply has been attempted. */
		async idle() {
			while (queues.size) await Promise.allSettled([...queues.values()]);
		},
		busy: () => queues.size > 0,
	};
}

module.exports = { createReplyBot, normalisePlan, samplePdf };
