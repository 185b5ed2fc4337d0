#!/usr/bin/env node
'use strict';
/**
 * Runs the Suvvy emulator from the command line, on a free loopback port unless --port or
 * SUVVY_EMULATOR_PORT fixes one; it prints its URL:
 *   node dev/emulator/cli.js --token my-token --webhook-url http://127.0.0.1:5678/webhook/…
 * `--help` lists every flag. Settings can also be changed while it runs: POST /__emulator/state.
 */
const { parseArgs } = require('node:util');

const { FAULT_KINDS } = require('./faults');
const { startEmulator, DEFAULT_TOKEN } = require('./index');

const FLAGS = {
	port: { type: 'string', help: 'port on 127.0.0.1 (default: SUVVY_EMULATOR_PORT, else a free one)' },
	token: { type: 'string', multiple: true, help: `a token the channel accepts (repeatable; default ${DEFAULT_TOKEN})` },
	'channel-disabled': { type: 'boolean', default: false, help: 'answer 424 Channel is disabled' },
	balance: { type: 'string', default: '100', help: 'account balance; below zero answers 402' },
	'webhook-url': { type: 'string', help: 'where replies (new_messages events) are POSTed' },
	'webhook-secret': { type: 'string', help: 'sent as Authorization: Bearer <secret> with each reply' },
	'no-replies': { type: 'boolean', default: false, help: 'accept messages but never reply' },
	'reply-delay-ms': { type: 'string', default: '50', help: 'wait before replying' },
	'latency-ms': { type: 'string', default: '0', help: 'added to every message answer' },
	seed: { type: 'string', default: '1', help: 'seed for fault injection' },
	'fault-rate': { type: 'string', default: '0', help: 'share of message requests that fail, 0..1' },
	'fault-kinds': { type: 'string', default: FAULT_KINDS.join(','), help: `which faults: ${FAULT_KINDS.join(', ')}` },
	'retry-after': { type: 'string', default: '1', help: 'Retry-After seconds sent with a 429' },
	'slow-ms': { type: 'string', default: '5000', help: 'how long a "slow" fault holds the answer' },
	quiet: { type: 'boolean', default: false, help: 'no log line per request' },
	help: { type: 'boolean', default: false, help: 'show this help' },
};

function number(name, text) {
	const value = Number(text);
	if (!Number.isFinite(value)) throw new Error(`--${name} must be a number, got "${text}"`);
	return value;
}

function usage() {
	const lines = Object.entries(FLAGS).map(([name, flag]) => `  --${name.padEnd(17)} ${flag.help}`);
	return `Suvvy emulator: a local stand-in for Suvvy's custom channel\n\n${lines.join('\n')}\n`;
}

async function main() {
	const { values } = parseArgs({ options: FLAGS, strict: true });
	if (values.help) return process.stdout.write(usage());
	const log = values.quiet ? undefined : (line) => console.log(`[suvvy-emulator] ${line}`);
	const emulator = await startEmulator({
		port: number('port', values.port ?? process.env.SUVVY_EMULATOR_PORT ?? '0'),
		tokens: values.token,
		channelEnabled: !values['channel-disabled'],
		balance: number('balance', values.balance),
		webhookUrl: values['webhook-url'],
		webhookSecret: values['webhook-secret'],
		repliesEnabled: !values['no-replies'],
		replyDelayMs: number('reply-delay-ms', values['reply-delay-ms']),
		latencyMs: number('latency-ms', values['latency-ms']),
		seed: values.seed,
		faults: {
			rate: number('fault-rate', values['fault-rate']),
			kinds: values['fault-kinds'].split(',').filter(Boolean),
			retry_after_seconds: number('retry-after', values['retry-after']),
			slow_ms: number('slow-ms', values['slow-ms']),
		},
		log,
	});
	console.log(`Suvvy emulator listening on ${emulator.url} (admin: ${emulator.url}/__emulator/state)`);
	const stop = () => emulator.close().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error) => {
	console.error(`suvvy-emulator: ${error.message}\n\n${usage()}`);
	process.exit(2);
});
