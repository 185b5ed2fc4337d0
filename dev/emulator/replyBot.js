'use strict';
/**
 * Answers customer messages the way Suvvy's custom channel delivers a reply: a POST of a
 * `new_messages` event to the channel's webhook URL, with `Authorization: Bearer <secret>` when a
 * secret is set, given up after 20 seconds. The bot is an echo: it repeats the text, sends each file
 * back as a link the emulator serves, and adds a PDF document when the text asks for "#document".
 * Employee messages get no answer, as Suvvy's bot pauses when an operator writes.
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

	function repliesTo(record) {
		const text = record.body.text;
		const messages = [];
		const files = record.attachments.length;
		messages.push({
			type: 'text',
			message_sender: 'ai',
			text: text ? `Echo: ${text}` : `Got ${files} file${files === 1 ? '' : 's'}, thank you.`,
		});
		for (const attachment of record.attachments) {
			const stored = channel.files.get(attachment.file_id);
			messages.push(fileMessage(attachment.file_type, { id: attachment.file_id, ...stored }));
		}
		if (text?.includes('#document')) {
			const file = { name: 'reply.pdf', mimeType: 'application/pdf', bytes: samplePdf(text.slice(0, 60)) };
			messages.push(fileMessage('document', { id: storeFile(channel, file), ...file }));
		}
		return messages;
	}

	async function deliver(event) {
		const url = channel.webhook.url;
		const started = Date.now();
		const delivery = { at: new Date(started).toISOString(), url, event_type: event.event_type, chat_id: event.chat_id };
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

	return {
		deliver,
		/** Called for every newly accepted message. */
		answer(record) {
			if (!channel.repliesEnabled || !channel.webhook.url) return;
			if (record.body.message_sender !== 'customer') return;
			enqueue(record.chat_id, async () => {
				await delay(channel.replyDelayMs);
				await deliver({ event_type: 'new_messages', chat_id: record.chat_id, new_messages: repliesTo(record) });
			});
		},
		/** Resolves once every queued reply has been attempted. */
		async idle() {
			while (queues.size) await Promise.allSettled([...queues.values()]);
		},
		busy: () => queues.size > 0,
	};
}

module.exports = { createReplyBot, samplePdf };
