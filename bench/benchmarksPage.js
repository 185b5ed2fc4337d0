'use strict';
/** docs/benchmarks.md: the measured tables around the hand-written analysis, which a rerun keeps. */
const { existsSync, readFileSync } = require('node:fs');

const { goalRows } = require('./goals');
const { classicCases, round } = require('./summarise');

function seconds(ms) {
	return ms === undefined ? '–' : `${(ms / 1000).toFixed(2)} s`;
}

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

module.exports = { markdown, keptAnalysis };
