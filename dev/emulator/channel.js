'use strict';
/**
 * One Suvvy custom channel as the emulator keeps it: who may post (tokens), whether it is on, the
 * balance, where replies go, the faults to inject, and everything it accepted.
 */
const { createHash, randomUUID } = require('node:crypto');

const { normaliseFaults } = require('./faults');

const DEFAULT_TOKEN = 'dummy-suvvy-emulator-token';

function createChannel(options = {}) {
	const channel = {
		tokens: new Set(options.tokens?.length ? options.tokens : [DEFAULT_TOKEN]),
		enabled: options.channelEnabled ?? true,
		balance: options.balance ?? 100,
		webhook: { url: options.webhookUrl ?? '', secret: options.webhookSecret ?? '' },
		repliesEnabled: options.repliesEnabled ?? true,
		replyDelayMs: options.replyDelayMs ?? 50,
		latencyMs: options.latencyMs ?? 0,
		seed: String(options.seed ?? 1),
		faults: normaliseFaults(options.faults ?? {}),
		messages: [],
		byMessageId: new Map(),
		files: new Map(),
		attempts: new Map(),
		scripted: new Map(),
		replyPlans: new Map(),
		deliveries: [],
		stats: newStats(),
	};
	return channel;
}

function newStats() {
	return { requests: 0, accepted: 0, duplicates: 0, answered: {}, faults: {}, deliveries: 0, in_flight: 0, max_in_flight: 0, bytes_in_flight: 0, max_bytes_in_flight: 0 };
}

function count(table, key) {
	table[key] = (table[key] ?? 0) + 1;
}

/** Which attempt this is for a message ID: 1 the first time it is seen, 2 the next, … */
function nextAttempt(channel, key) {
	const attempt = (channel.attempts.get(key) ?? 0) + 1;
	channel.attempts.set(key, attempt);
	return attempt;
}

function storeFile(channel, { name, mimeType, bytes }) {
	const id = randomUUID();
	channel.files.set(id, { name, mimeType, bytes });
	return id;
}

/** Keeps an accepted message; attachments are kept decoded, with a digest to compare bytes by. */
function storeMessage(channel, body, files) {
	const attachments = files.map((file) => ({
		file_name: file.name,
		file_type: file.fileType,
		mime_type: file.mimeType,
		size_bytes: file.bytes.length,
		sha256: createHash('sha256').update(file.bytes).digest('hex'),
		file_id: storeFile(channel, file),
	}));
	const record = {
		seq: channel.messages.length + 1,
		received_at: new Date().toISOString(),
		message_id: body.message_id,
		chat_id: body.chat_id,
		body: { ...body, attachments: body.attachments?.map(({ data: _data, ...rest }) => rest) },
		attachments,
	};
	channel.messages.push(record);
	channel.byMessageId.set(body.message_id, record);
	return record;
}

function resetRecords(channel) {
	channel.messages = [];
	channel.byMessageId.clear();
	channel.files.clear();
	channel.attempts.clear();
	channel.scripted.clear();
	channel.replyPlans.clear();
	channel.deliveries = [];
	channel.stats = newStats();
}

/** What the admin endpoint shows of the channel's settings. */
function describeChannel(channel) {
	return {
		tokens: [...channel.tokens],
		channel_enabled: channel.enabled,
		balance: channel.balance,
		webhook_url: channel.webhook.url,
		webhook_secret_set: Boolean(channel.webhook.secret),
		replies_enabled: channel.repliesEnabled,
		reply_delay_ms: channel.replyDelayMs,
		latency_ms: channel.latencyMs,
		seed: channel.seed,
		faults: channel.faults,
	};
}

/** Applies a partial update from the admin endpoint, in the same snake_case it shows. */
function updateChannel(channel, patch) {
	if (patch.tokens !== undefined) {
		if (!Array.isArray(patch.tokens) || patch.tokens.some((token) => typeof token !== 'string')) {
			throw new Error('tokens must be a list of strings');
		}
		channel.tokens = new Set(patch.tokens);
	}
	if (patch.channel_enabled !== undefined) channel.enabled = Boolean(patch.channel_enabled);
	if (patch.balance !== undefined) channel.balance = Number(patch.balance);
	if (patch.webhook_url !== undefined) channel.webhook.url = String(patch.webhook_url);
	if (patch.webhook_secret !== undefined) channel.webhook.secret = String(patch.webhook_secret);
	if (patch.replies_enabled !== undefined) channel.repliesEnabled = Boolean(patch.replies_enabled);
	if (patch.reply_delay_ms !== undefined) channel.replyDelayMs = Number(patch.reply_delay_ms);
	if (patch.latency_ms !== undefined) channel.latencyMs = Number(patch.latency_ms);
	if (patch.seed !== undefined) channel.seed = String(patch.seed);
	if (patch.faults !== undefined) channel.faults = normaliseFaults(patch.faults);
}

module.exports = {
	DEFAULT_TOKEN,
	createChannel,
	count,
	nextAttempt,
	storeFile,
	storeMessage,
	resetRecords,
	describeChannel,
	updateChannel,
};
