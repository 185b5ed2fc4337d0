'use strict';
/** The goals each case is held to, as rows of docs/benchmarks.md that say met or missed. */

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

module.exports = { goalRows };
