'use strict';
/** Turns the bench samples into bench/results/<date>.json, docs/benchmarks.md and its chart. */
const { existsSync, mkdirSync, readFileSync, writeFileSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const LABELS = {
	suvvy: ['suvvy_node', 'Suvvy node'],
	http: ['http_request', 'HTTP Request pipeline'],
	httpEncoded: ['http_request_file_encoding', 'HTTP Request pipeline, File Encoding set'],
	noop: ['noop_baseline', 'No-Op (memory baseline)'],
	suvvyDefault: ['suvvy_node_default_parallelism', 'Suvvy node, default parallelism'],
	helperFloor: ['helper_floor', "n8n's HTTP helper alone, prepared bodies"],
	bareSequential: ['bare_client_sequential', 'bare client, sequential'],
	bareConcurrent: ['bare_client_concurrent', 'bare client, same concurrency'],
};

const median = (values) => {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const round = (value, digits = 1) => Number(value.toFixed(digits));
const per = (samples, reduce) => Object.fromEntries(Object.entries(samples).map(([kind, values]) => [LABELS[kind][0], round(reduce(values))]));

const mb = (bytes) => bytes / 1024 / 1024;

/** One message per execution: throughput and latency of each workflow, and the ratios between them. */
function summariseBurst({ benchCase, samples }) {
	const of = (kind, field) => median(samples[kind].map((sample) => sample[field]));
	const perContender = (field, digits) => Object.fromEntries(Object.keys(samples).map((kind) => [LABELS[kind][0], round(of(kind, field), digits)]));
	return {
		name: benchCase.name,
		requests: benchCase.requests,
		concurrency: benchCase.concurrency,
		executions_per_second: perContender('executions_per_second', 1),
		p50_ms: perContender('p50_ms', 1),
		p99_ms: perContender('p99_ms', 1),
		ratio_vs_http_request: round(of('suvvy', 'executions_per_second') / of('http', 'executions_per_second'), 2),
		ratio_vs_noop_floor: round(of('suvvy', 'executions_per_second') / of('noop', 'executions_per_second'), 2),
	};
}

function summarise(result) {
	if (result.benchCase.perExecution) return summariseBurst(result);
	const { benchCase, samples, peaks } = result;
	const medians = Object.fromEntries(Object.entries(samples).map(([kind, values]) => [kind, median(values)]));
	const pipeline = benchCase.files ? medians.httpEncoded : medians.http;
	const entry = {
		name: benchCase.name,
		items: benchCase.messages?.length ?? benchCase.items ?? (benchCase.fileType === 'audio' ? 1 : 100),
		node_max_parallel_requests: benchCase.parallel,
		server_latency_ms: benchCase.latencyMs,
		median_ms: per(samples, median),
		min_ms: per(samples, (values) => Math.min(...values)),
		max_ms: per(samples, (values) => Math.max(...values)),
	};
	if (pipeline !== undefined) entry.ratio_vs_http_request = round(pipeline / medians.suvvy, 2);
	if (medians.bareConcurrent !== undefined) {
		entry.ratio_vs_bare_client = round(medians.bareConcurrent / medians.suvvy, 2);
		entry.ratio_vs_bare_client_sequential = round(medians.bareSequential / medians.suvvy, 2);
	}
	if (medians.helperFloor !== undefined) entry.ratio_vs_helper_floor = round(medians.helperFloor / medians.suvvy, 2);
	if (medians.suvvyDefault !== undefined) {
		entry.seconds = round(medians.suvvy / 1000, 2);
		entry.seconds_at_default_parallelism = round(medians.suvvyDefault / 1000, 2);
		entry.time_vs_default_parallelism = round(medians.suvvy / medians.suvvyDefault, 2);
	}
	if (benchCase.files && medians.http !== undefined) entry.ratio_vs_http_request_default_options = round(medians.http / medians.suvvy, 2);
	if (benchCase.latencyMs) {
		const ideal = (entry.items / benchCase.parallel) * benchCase.latencyMs;
		entry.ideal_ms = ideal;
		entry.over_ideal_percent = round(((medians.suvvy - ideal) / ideal) * 100);
	}
	if (benchCase.memory) {
		entry.peak_rss_rise_mb = Object.fromEntries(Object.entries(peaks).map(([kind, values]) => [LABELS[kind][0], round(mb(median(values)))]));
		entry.peak_rss_over_baseline_mb = round(mb(median(peaks.suvvy) - median(peaks.noop)));
		if (peaks.httpEncoded) entry.peak_rss_over_baseline_mb_http_request = round(mb(median(peaks.httpEncoded) - median(peaks.noop)));
	}
	return entry;
}

function machine() {
	const cpus = os.cpus();
	return { cpus: cpus.length, cpu_model: cpus[0]?.model ?? 'unknown', memory_gb: round(os.totalmem() / 1024 ** 3), os: `${os.type()} ${os.release()}`, bench_node: process.version };
}

function chart(cases) {
	const kinds = ['suvvy', 'http', 'httpEncoded', 'bareSequential', 'bareConcurrent'];
	const colours = { suvvy: '#6d28d9', http: '#9ca3af', httpEncoded: '#6b7280', bareSequential: '#10b981', bareConcurrent: '#059669' };
	const rowHeight = 16;
	const width = 760;
	const labelWidth = 250;
	let y = 30;
	const parts = [];
	for (const entry of cases) {
		parts.push(`<text x="10" y="${y}" font-weight="bold">${entry.name}</text>`);
		y += 8;
		const values = kinds.map((kind) => [kind, entry.median_ms[LABELS[kind][0]]]).filter(([, value]) => value !== undefined);
		const max = Math.max(...values.map(([, value]) => value));
		for (const [kind, value] of values) {
			const barWidth = Math.max(1, ((width - labelWidth - 90) * value) / max);
			parts.push(`<text x="20" y="${y + 12}">${LABELS[kind][1]}</text>`);
			parts.push(`<rect x="${labelWidth}" y="${y + 2}" width="${barWidth.toFixed(1)}" height="${rowHeight - 4}" fill="${colours[kind]}"/>`);
			parts.push(`<text x="${labelWidth + barWidth + 6}" y="${y + 12}">${value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${Math.round(value)} ms`}</text>`);
			y += rowHeight;
		}
		y += 18;
	}
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${y}" font-family="sans-serif" font-size="12"><rect width="100%" height="100%" fill="white"/><text x="10" y="16" font-size="13">Median time per case (shorter is better; bars scaled per case)</text>${parts.join('')}</svg>\n`;
}

function seconds(ms) {
	return ms === undefined ? '–' : `${(ms / 1000).toFixed(2)} s`;
}

/** The batch cases measured against HTTP Request and the bare client. */
const classicCases = (cases) => cases.filter((entry) => entry.ratio_vs_bare_client !== undefined);

function newCaseSections(result) {
	const byName = Object.fromEntries(result.cases.map((entry) => [entry.name, entry]));
	const parts = [];
	const floor = byName['text-1000-helper-floor'];
	if (floor) {
		parts.push(`## Against n8n's own HTTP helper

\`text-1000-helper-floor\`: the same 1 000 text messages, and beside the node a bench-only node
([\`bench/helperFloor\`](../bench/helperFloor/HelperFloor.node.js), never published) that posts the
bodies, prepared in advance, through \`httpRequestWithAuthentication\` with the decrypted credential at
the same concurrency, and does nothing else. It is the fastest a community node can send inside n8n,
since the rules give it no other way to speak HTTP.

| Suvvy node | helper floor | ratio vs helper floor (floor ÷ node) |
| --- | --- | --- |
| ${seconds(floor.median_ms.suvvy_node)} | ${seconds(floor.median_ms.helper_floor)} | ${floor.ratio_vs_helper_floor} |
`);
	}
	const audio = byName['audio-60x15mb-parallel100'];
	if (audio) {
		parts.push(`## Memory at 100 parallel requests

\`audio-60x15mb-parallel100\`: 60 voice notes of 15 MB in one execution, *Max Parallel Requests* 100,
against the same case at the default parallelism (5). Before the node bounded the bodies in flight by
*Memory for Requests* (64 MB), the same 60 files at 100 parallel, sent through n8n's engine in a test
(not this bench), raised memory by about 1.2 GB.

| | at 100 parallel | at the default parallelism | time ratio |
| --- | --- | --- | --- |
| time | ${audio.seconds} s | ${audio.seconds_at_default_parallelism} s | ${audio.time_vs_default_parallelism} |
| peak RSS over the No-Op baseline | ${audio.peak_rss_over_baseline_mb} MB | | |
`);
	}
	const burst = byName['webhook-burst'];
	if (burst) {
		const row = (key, label) => `| ${label} | ${burst.executions_per_second[key]} | ${burst.p50_ms[key]} ms | ${burst.p99_ms[key]} ms |`;
		parts.push(`## One message per execution

\`webhook-burst\`: what most workflows do. A production Webhook trigger (answering through Respond to
Webhook) starts one execution per message, which sends one text message; ${burst.requests} requests,
${burst.concurrency} at a time, through n8n's own webhook endpoint, each execution saved as n8n saves them by
default. The same workflow with the HTTP Request node sending the same body, and with a No-Op in the
sender's place (n8n's own floor for this shape).

| Workflow | executions/s | p50 | p99 |
| --- | --- | --- | --- |
${row('suvvy_node', 'Suvvy node')}
${row('http_request', 'HTTP Request node')}
${row('noop_baseline', 'No-Op (n8n alone)')}

ratio vs HTTP Request (executions/s): ${burst.ratio_vs_http_request}; ratio vs the No-Op floor: ${burst.ratio_vs_noop_floor}.
The ceiling for any sender in this shape is the No-Op itself: ${round(burst.executions_per_second.noop_baseline / burst.executions_per_second.http_request, 2)} × HTTP Request in this run (see below).
`);
	}
	return parts.join('\n');
}


const ANALYSIS_BEGIN = '<!-- analysis: written by hand, kept as it is when the bench rewrites this page -->';
const ANALYSIS_END = '<!-- /analysis -->';
const ANALYSIS_PLACEHOLDER = `${ANALYSIS_BEGIN}\n## Where the time and memory go\n\nNot written yet for these results.\n${ANALYSIS_END}`;

/**
 * The analysis (profiles, what was tried, why a goal is missed) is written by a person for a given
 * run, and says which; a rerun rewrites the measured parts of the page around it and leaves it alone,
 * so the page never prints yesterday's explanation as if it had been derived from today's figures.
 */
function keptAnalysis(page) {
	if (!existsSync(page)) return ANALYSIS_PLACEHOLDER;
	const text = readFileSync(page, 'utf8');
	const begin = text.indexOf(ANALYSIS_BEGIN);
	const end = text.indexOf(ANALYSIS_END);
	return begin === -1 || end < begin ? ANALYSIS_PLACEHOLDER : text.slice(begin, end + ANALYSIS_END.length);
}

function markdown(result, analysis = ANALYSIS_PLACEHOLDER) {
	const rows = classicCases(result.cases).map((entry) => {
		const m = entry.median_ms;
		return `| ${entry.name} | ${seconds(m.suvvy_node)} | ${seconds(m.http_request)} | ${seconds(m.http_request_file_encoding)} | ${seconds(m.bare_client_sequential)} | ${seconds(m.bare_client_concurrent)} | ${entry.ratio_vs_http_request} | ${entry.ratio_vs_bare_client} |`;
	});
	const ranges = result.cases.filter((entry) => entry.min_ms).map((entry) => `| ${entry.name} | ${Object.keys(entry.median_ms).map((key) => `${key} ${seconds(entry.min_ms[key])}–${seconds(entry.max_ms[key])}`).join('; ')} |`);
	const audio = result.cases.find((entry) => entry.peak_rss_over_baseline_mb !== undefined);
	const latency = result.cases.find((entry) => entry.ideal_ms);
	return `# Benchmarks

Measured with \`npm run bench\` on ${result.date}: the Suvvy node against n8n's HTTP Request node (plus
Extract From File for files) and a bare keep-alive Node client, in a real n8n ${result.versions.n8n}, with the
Suvvy emulator as Suvvy in a process of its own. ${result.repetitions} repetitions, contenders alternating;
medians below, min and max further down and in [\`${result.file}\`](../${result.file}).

![Median times per case](images/benchmarks.svg)

| Case | Suvvy node | HTTP Request | HTTP Request, File Encoding set | bare client, sequential | bare client, same concurrency | ratio vs HTTP Request | ratio vs bare client |
| --- | --- | --- | --- | --- | --- | --- | --- |
${rows.join('\n')}

- Node times are n8n's own \`executionTime\` of the node (for the pipeline, Extract From File plus HTTP
  Request); the item source before them (Split Out, Read Files from Disk) is the same for both and not
  counted. The bare client's time is wall time to send bodies prepared in advance.
- **ratio vs HTTP Request** = pipeline time ÷ Suvvy node time (above 1: the node is faster); for files
  against the pipeline with File Encoding set, the fast way to use it.
- **ratio vs bare client** = bare client time ÷ node time, the bare client sending at the node's
  concurrency (*Max Parallel Requests*, default 5; 50 in \`text-1000-latency\`). It is reported, no
  longer a goal: n8n builds a new HTTP agent, so a new connection, for every request a node makes, and
  a community node can neither pass an agent of its own nor use Node's \`http\`, so no node inside n8n
  reaches a keep-alive client. The goal is measured against n8n's own HTTP helper instead
  (\`text-1000-helper-floor\` below).
${latency ? `- \`text-1000-latency\`: the server answers after 50 ms; 200 chats; the node at 50 parallel requests. Ideal: ${latency.ideal_ms} ms; the node took ${seconds(latency.median_ms.suvvy_node)} (${latency.over_ideal_percent} % over).` : ''}
${audio ? `- Memory, \`audio-15mb\`: n8n's main process rose ${audio.peak_rss_over_baseline_mb} MB higher with the node than with a No-Op in its place (HTTP Request pipeline with File Encoding set: ${audio.peak_rss_over_baseline_mb_http_request} MB). Each of these runs has a fresh n8n to itself (a long-lived one reuses pages earlier runs freed, and hides what a run allocates); RSS is sampled from /proc every 5 ms, and a run's rise is its peak minus the RSS just before it.` : ''}

${newCaseSections(result)}
## Goals

| Case | Goal | Measured |
| --- | --- | --- |
${goalRows(result).join('\n')}

${analysis}

## Min and max

| Case | min–max |
| --- | --- |
${ranges.join('\n')}

## Machine and versions

${result.machine.cpus} × ${result.machine.cpu_model}, ${result.machine.memory_gb} GB, ${result.machine.os}; a shared, noisy
machine, so read ratios, not absolute times. n8n ${result.versions.n8n} on its Node 24; the bench and the bare
client on ${result.machine.bench_node}; n8n-nodes-suvvy ${result.versions.package}.

## Rerun

\`\`\`sh
npm install
npm run bench                 # all cases, 3 repetitions (about 35 minutes once n8n is cached)
npm run bench -- --reps 5 --cases text-1000,audio-15mb,webhook-burst
\`\`\`

It writes \`bench/results/<date>.json\` and this page.
`;
}

function goalRows(result) {
	const byName = Object.fromEntries(result.cases.map((entry) => [entry.name, entry]));
	const rows = [];
	const row = (name, goal, measured, met) => rows.push(`| ${name} | ${goal} | ${measured} ${met ? '(met)' : '(**missed**)'} |`);
	const text = byName['text-1000'];
	if (text) row('text-1000', 'ratio vs HTTP Request ≥ 2', text.ratio_vs_http_request, text.ratio_vs_http_request >= 2);
	const floor = byName['text-1000-helper-floor'];
	if (floor) row('text-1000-helper-floor', "ratio vs n8n's HTTP helper alone ≥ 0.8", floor.ratio_vs_helper_floor, floor.ratio_vs_helper_floor >= 0.8);
	const latency = byName['text-1000-latency'];
	if (latency) row('text-1000-latency', `within 20 % of ${latency.ideal_ms} ms`, `${latency.over_ideal_percent} % over`, latency.over_ideal_percent <= 20);
	const image = byName['image-100x100kb'];
	if (image) row('image-100x100kb', 'ratio vs HTTP Request ≥ 1.5', image.ratio_vs_http_request, image.ratio_vs_http_request >= 1.5);
	const audio = byName['audio-15mb'];
	if (audio) {
		row('audio-15mb', 'ratio vs bare client ≥ 0.5', audio.ratio_vs_bare_client, audio.ratio_vs_bare_client >= 0.5);
		row('audio-15mb', 'peak memory ≤ 45 MB over baseline', `${audio.peak_rss_over_baseline_mb} MB`, audio.peak_rss_over_baseline_mb <= 45);
	}
	const wide = byName['audio-60x15mb-parallel100'];
	if (wide) {
		row('audio-60x15mb-parallel100', 'peak memory ≤ 150 MB over baseline', `${wide.peak_rss_over_baseline_mb} MB`, wide.peak_rss_over_baseline_mb <= 150);
		row('audio-60x15mb-parallel100', 'time ≤ 1.2 × the default parallelism', `${wide.time_vs_default_parallelism} ×`, wide.time_vs_default_parallelism <= 1.2);
	}
	const burst = byName['webhook-burst'];
	if (burst) {
		row('webhook-burst', 'executions/s ≥ 1.2 × HTTP Request', burst.ratio_vs_http_request, burst.ratio_vs_http_request >= 1.2);
		row('webhook-burst', 'executions/s ≥ 0.8 × the No-Op floor', burst.ratio_vs_noop_floor, burst.ratio_vs_noop_floor >= 0.8);
	}
	return rows;
}

/** A run of only some cases replaces those cases in the day's results and keeps the others. */
function mergeWithEarlier(json, cases) {
	if (!existsSync(json)) return cases;
	const earlier = JSON.parse(readFileSync(json, 'utf8')).cases ?? [];
	const fresh = new Set(cases.map((entry) => entry.name));
	const order = ['text-1000', 'text-1000-latency', 'image-100x100kb', 'audio-15mb', 'text-1000-helper-floor', 'audio-60x15mb-parallel100', 'webhook-burst'];
	return [...earlier.filter((entry) => !fresh.has(entry.name)), ...cases].sort(
		(a, b) => order.indexOf(a.name) - order.indexOf(b.name),
	);
}

function writeReport(results, { n8nVersion, reps }) {
	const date = new Date().toISOString().slice(0, 10);
	const file = `bench/results/${date}.json`;
	const json = path.join(ROOT, file);
	const result = {
		date,
		file,
		repetitions: reps,
		versions: { n8n: n8nVersion, package: require('../package.json').version },
		machine: machine(),
		cases: mergeWithEarlier(json, results.map(summarise)),
	};
	mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
	mkdirSync(path.join(ROOT, 'docs/images'), { recursive: true });
	writeFileSync(json, `${JSON.stringify(result, null, 2)}\n`);
	writeFileSync(path.join(ROOT, 'docs/images/benchmarks.svg'), chart(classicCases(result.cases)));
	const md = path.join(ROOT, 'docs/benchmarks.md');
	writeFileSync(md, markdown(result, keptAnalysis(md)));
	return { json, markdown: md, summary: goalRows(result).join('\n') };
}

module.exports = { writeReport, summarise, median, markdown, keptAnalysis };

// `node bench/report.js bench/results/<date>.json` renders docs/benchmarks.md again from saved results.
if (require.main === module) {
	const result = JSON.parse(require('node:fs').readFileSync(process.argv[2], 'utf8'));
	writeFileSync(path.join(ROOT, 'docs/images/benchmarks.svg'), chart(classicCases(result.cases)));
	const md = path.join(ROOT, 'docs/benchmarks.md');
	writeFileSync(md, markdown(result, keptAnalysis(md)));
	console.log(goalRows(result).join('\n'));
}
