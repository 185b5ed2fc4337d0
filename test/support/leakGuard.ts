import { LoggerProxy, type INodeExecutionData, type IRun } from 'n8n-workflow';

import { SECRETS } from './testSecrets';

/**
 * Watches the engine-level tests for leaks: every log line n8n's engine writes is recorded (at every
 * level, whatever N8N_LOG_LEVEL says), and every run's items and errors are searched for the test
 * secrets and for the base64 of the files that went in.
 */
const logLines: string[] = [];
let runsWatched = 0;

function describeMeta(meta: unknown): string {
	const seen = new WeakSet<object>();
	return JSON.stringify(meta, (_key, value: unknown) => {
		if (value instanceof Error) {
			return { ...value, name: value.name, message: value.message, stack: value.stack };
		}
		if (typeof value === 'object' && value !== null) {
			if (seen.has(value)) return '[circular]';
			seen.add(value);
		}
		return typeof value === 'bigint' ? String(value) : value;
	});
}

function record(level: string) {
	return (message: string, meta?: unknown) => {
		logLines.push(`${level} ${message} ${meta === undefined ? '' : describeMeta(meta)}`);
	};
}

const recorder = {
	error: record('error'),
	warn: record('warn'),
	info: record('info'),
	debug: record('debug'),
	verbose: record('verbose'),
} as unknown as Parameters<typeof LoggerProxy.init>[0];

/**
 * Points n8n's logger proxy at the recorder. Call it right before a run: n8n-core's own Logger takes
 * the proxy over whenever the container creates it.
 */
export function watchEngineLogs(): void {
	LoggerProxy.init(recorder);
}

export function recordedLogLines(): string[] {
	return logLines;
}

/** Engine runs checked so far in this test file (trigger calls run no engine, so log nothing). */
export function runsWatchedSoFar(): number {
	return runsWatched;
}

function leaksIn(text: string, needles: string[]): string[] {
	return needles.filter((needle) => needle && text.includes(needle));
}

/** Throws when a secret appears in any node's items or in the run's error, or file data in items. */
export function assertNoLeaks(run: IRun, attachmentsBase64: string[] = []): void {
	runsWatched++;
	const items: INodeExecutionData[] = Object.values(run.data.resultData.runData).flatMap((runs) =>
		runs.flatMap((task) => (task.data?.main ?? []).flatMap((output) => output ?? [])),
	);
	const itemText = describeMeta(items.map((item) => item.json));
	const errorText = describeMeta([
		run.data.resultData.error,
		...Object.values(run.data.resultData.runData).flatMap((runs) => runs.map((task) => task.error)),
	]);
	const secrets = leaksIn(itemText + errorText, SECRETS);
	if (secrets.length) throw new Error(`A test secret leaked into the run's items or errors`);
	const files = leaksIn(
		itemText,
		attachmentsBase64.filter((data) => data.length >= 16),
	);
	if (files.length) throw new Error(`Base64 file data leaked into ${files.length} output item(s)`);
}

/** The same for what a trigger answered and handed to the workflow. */
export function assertNoLeaksInTrigger(response: unknown, items: unknown): void {
	if (leaksIn(describeMeta([response, items]), SECRETS).length) {
		throw new Error("A test secret leaked into the trigger's answer or items");
	}
}
