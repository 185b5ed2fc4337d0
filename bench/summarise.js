'use strict';
/** Reduces a case's samples to its entry in bench/results/<date>.json: medians, min/max, ratios, memory. */

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

/** The batch cases measured against HTTP Request and the bare client. */
const classicCases = (cases) => cases.filter((entry) => entry.ratio_vs_bare_client !== undefined);

module.exports = { LABELS, median, round, summarise, classicCases };
