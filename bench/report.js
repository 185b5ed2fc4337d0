'use strict';
/** Turns the bench samples into bench/results/<date>.json, docs/benchmarks.md and its chart. */
const { mkdirSync, writeFileSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const LABELS = {
	suvvy: ['suvvy_node', 'Suvvy node'],
	http: ['http_request', 'HTTP Request pipeline'],
	httpEncoded: ['http_request_file_encoding', 'HTTP Request pipeline, File Encoding set'],
	noop: ['noop_baseline', 'No-Op (memory baseline)'],
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

function summarise({ benchCase, samples, peaks }) {
	const medians = Object.fromEntries(Object.entries(samples).map(([kind, values]) => [kind, median(values)]));
	const pipeline = benchCase.files ? medians.httpEncoded : medians.http;
	const entry = {
		name: benchCase.name,
		items: benchCase.messages?.length ?? (benchCase.fileType === 'audio' ? 1 : 100),
		node_max_parallel_requests: benchCase.parallel,
		server_latency_ms: benchCase.latencyMs,
		median_ms: per(samples, median),
		min_ms: per(samples, (values) => Math.min(...values)),
		max_ms: per(samples, (values) => Math.max(...values)),
		ratio_vs_http_request: round(pipeline / medians.suvvy, 2),
		ratio_vs_bare_client: round(medians.bareConcurrent / medians.suvvy, 2),
		ratio_vs_bare_client_sequential: round(medians.bareSequential / medians.suvvy, 2),
	};
	if (benchCase.files) entry.ratio_vs_http_request_default_options = round(medians.http / medians.suvvy, 2);
	if (benchCase.latencyMs) {
		const ideal = (entry.items / benchCase.parallel) * benchCase.latencyMs;
		entry.ideal_ms = ideal;
		entry.over_ideal_percent = round(((medians.suvvy - ideal) / ideal) * 100);
	}
	if (benchCase.memory) {
		const mb = (bytes) => bytes / 1024 / 1024;
		entry.peak_rss_rise_mb = Object.fromEntries(Object.entries(peaks).map(([kind, values]) => [LABELS[kind][0], round(mb(median(values)))]));
		entry.peak_rss_over_baseline_mb = round(mb(median(peaks.suvvy) - median(peaks.noop)));
		entry.peak_rss_over_baseline_mb_http_request = round(mb(median(peaks.httpEncoded) - median(peaks.noop)));
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

function markdown(result) {
	const rows = result.cases.map((entry) => {
		const m = entry.median_ms;
		return `| ${entry.name} | ${seconds(m.suvvy_node)} | ${seconds(m.http_request)} | ${seconds(m.http_request_file_encoding)} | ${seconds(m.bare_client_sequential)} | ${seconds(m.bare_client_concurrent)} | ${entry.ratio_vs_http_request} | ${entry.ratio_vs_bare_client} |`;
	});
	const ranges = result.cases.map((entry) => `| ${entry.name} | ${Object.keys(entry.median_ms).map((key) => `${key} ${seconds(entry.min_ms[key])}–${seconds(entry.max_ms[key])}`).join('; ')} |`);
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
  concurrency (*Max Parallel Requests*, default 5; 50 in \`text-1000-latency\`).
${latency ? `- \`text-1000-latency\`: the server answers after 50 ms; 200 chats; the node at 50 parallel requests. Ideal: ${latency.ideal_ms} ms; the node took ${seconds(latency.median_ms.suvvy_node)} (${latency.over_ideal_percent} % over).` : ''}
${audio ? `- Memory, \`audio-15mb\`: n8n's main process rose ${audio.peak_rss_over_baseline_mb} MB higher with the node than with a No-Op in its place (HTTP Request pipeline with File Encoding set: ${audio.peak_rss_over_baseline_mb_http_request} MB). RSS is sampled from /proc every 5 ms; each run's rise is its peak minus the RSS just before it, because n8n's resident size drifts by hundreds of MB between runs.` : ''}

## Goals

| Case | Goal | Measured |
| --- | --- | --- |
${goalRows(result).join('\n')}

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
npm run bench                 # all cases, 3 repetitions (about 10 minutes once n8n is cached)
npm run bench -- --reps 5 --cases text-1000,audio-15mb
\`\`\`

It writes \`bench/results/<date>.json\` and this page.
`;
}

function goalRows(result) {
	const byName = Object.fromEntries(result.cases.map((entry) => [entry.name, entry]));
	const rows = [];
	const row = (name, goal, measured, met) => rows.push(`| ${name} | ${goal} | ${measured} ${met ? '(met)' : '(**missed**)'} |`);
	const text = byName['text-1000'];
	if (text) {
		row('text-1000', 'ratio vs HTTP Request ≥ 2', text.ratio_vs_http_request, text.ratio_vs_http_request >= 2);
		row('text-1000', 'ratio vs bare client ≥ 0.5', text.ratio_vs_bare_client, text.ratio_vs_bare_client >= 0.5);
	}
	const latency = byName['text-1000-latency'];
	if (latency) row('text-1000-latency', `within 20 % of ${latency.ideal_ms} ms`, `${latency.over_ideal_percent} % over`, latency.over_ideal_percent <= 20);
	const image = byName['image-100x100kb'];
	if (image) row('image-100x100kb', 'ratio vs HTTP Request ≥ 1.5', image.ratio_vs_http_request, image.ratio_vs_http_request >= 1.5);
	const audio = byName['audio-15mb'];
	if (audio) {
		row('audio-15mb', 'ratio vs bare client ≥ 0.5', audio.ratio_vs_bare_client, audio.ratio_vs_bare_client >= 0.5);
		row('audio-15mb', 'peak memory ≤ 45 MB over baseline', `${audio.peak_rss_over_baseline_mb} MB`, audio.peak_rss_over_baseline_mb <= 45);
	}
	return rows;
}

function writeReport(results, { n8nVersion, reps }) {
	const date = new Date().toISOString().slice(0, 10);
	const file = `bench/results/${date}.json`;
	const result = {
		date,
		file,
		repetitions: reps,
		versions: { n8n: n8nVersion, package: require('../package.json').version },
		machine: machine(),
		cases: results.map(summarise),
	};
	mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
	mkdirSync(path.join(ROOT, 'docs/images'), { recursive: true });
	const json = path.join(ROOT, file);
	writeFileSync(json, `${JSON.stringify(result, null, 2)}\n`);
	writeFileSync(path.join(ROOT, 'docs/images/benchmarks.svg'), chart(result.cases));
	const md = path.join(ROOT, 'docs/benchmarks.md');
	writeFileSync(md, markdown(result));
	return { json, markdown: md, summary: goalRows(result).join('\n') };
}

module.exports = { writeReport, summarise, median };
