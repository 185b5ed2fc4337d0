'use strict';
/** The benchmark report computes what the issue defines: medians, min/max, the two ratios, memory. */
const { median, summarise } = require('../../bench/report');

describe('the benchmark report', () => {
	test('takes the median of odd and even counts', () => {
		expect(median([3, 1, 2])).toBe(2);
		expect(median([4, 1, 3, 2])).toBe(2.5);
	});

	test('text cases: ratio vs HTTP Request is pipeline ÷ node, ratio vs bare client is bare ÷ node', () => {
		const entry = summarise({
			benchCase: { name: 'text-1000', messages: new Array(1000), parallel: 5, latencyMs: 0 },
			samples: { suvvy: [1000, 1200, 1100], http: [3000, 2000, 2600], bareSequential: [300, 320, 310], bareConcurrent: [150, 160, 155] },
			peaks: {},
		});
		expect(entry.median_ms).toEqual({ suvvy_node: 1100, http_request: 2600, bare_client_sequential: 310, bare_client_concurrent: 155 });
		expect(entry.min_ms.suvvy_node).toBe(1000);
		expect(entry.max_ms.http_request).toBe(3000);
		expect(entry.ratio_vs_http_request).toBe(2.36);
		expect(entry.ratio_vs_bare_client).toBe(0.14);
		expect(entry.ratio_vs_bare_client_sequential).toBe(0.28);
	});

	test('file cases compare with the pipeline that has File Encoding set, and report memory over the No-Op', () => {
		const mb = 1024 * 1024;
		const entry = summarise({
			benchCase: { name: 'audio-15mb', files: 'x', fileType: 'audio', parallel: 5, latencyMs: 0, memory: true },
			samples: { suvvy: [400], http: [6000], httpEncoded: [800], noop: [10], bareSequential: [200], bareConcurrent: [200] },
			peaks: { suvvy: [300 * mb], httpEncoded: [400 * mb], http: [500 * mb], noop: [260 * mb] },
		});
		expect(entry.ratio_vs_http_request).toBe(2);
		expect(entry.ratio_vs_http_request_default_options).toBe(15);
		expect(entry.peak_rss_over_baseline_mb).toBe(40);
		expect(entry.peak_rss_over_baseline_mb_http_request).toBe(140);
	});

	test('the latency case is measured against the ideal', () => {
		const entry = summarise({
			benchCase: { name: 'text-1000-latency', messages: new Array(1000), parallel: 50, latencyMs: 50 },
			samples: { suvvy: [1150], http: [2000], bareSequential: [52000], bareConcurrent: [1020] },
			peaks: {},
		});
		expect(entry.ideal_ms).toBe(1000);
		expect(entry.over_ideal_percent).toBe(15);
	});
});

describe('the benchmark report of the new cases', () => {
	test('the helper floor: the floor time ÷ the node time', () => {
		const entry = summarise({
			benchCase: { name: 'text-1000-helper-floor', messages: new Array(1000), parallel: 5, latencyMs: 0 },
			samples: { suvvy: [500, 600, 550], helperFloor: [440, 450, 460] },
			peaks: {},
		});
		expect(entry.ratio_vs_helper_floor).toBe(0.82);
		expect(entry.ratio_vs_http_request).toBeUndefined();
		expect(entry.ratio_vs_bare_client).toBeUndefined();
	});

	test('many large files at 100 parallel: seconds, the time against the default parallelism, memory over the No-Op', () => {
		const mb = 1024 * 1024;
		const entry = summarise({
			benchCase: { name: 'audio-60x15mb-parallel100', files: 'x', fileType: 'audio', items: 60, parallel: 100, latencyMs: 0, memory: true },
			samples: { suvvy: [12_000, 11_000, 13_000], suvvyDefault: [10_000, 10_500, 11_500] },
			peaks: { suvvy: [400 * mb], noop: [300 * mb] },
		});
		expect(entry).toMatchObject({ items: 60, seconds: 12, seconds_at_default_parallelism: 10.5, time_vs_default_parallelism: 1.14, peak_rss_over_baseline_mb: 100 });
		expect(entry.peak_rss_over_baseline_mb_http_request).toBeUndefined();
	});

	test('one message per execution: executions per second, latencies, and both ratios', () => {
		const sample = (eps, p50, p99) => ({ executions_per_second: eps, p50_ms: p50, p99_ms: p99 });
		const entry = summarise({
			benchCase: { name: 'webhook-burst', perExecution: true, requests: 500, concurrency: 20 },
			samples: {
				suvvy: [sample(90, 200, 400), sample(100, 190, 380), sample(95, 210, 390)],
				http: [sample(70, 260, 500), sample(75, 250, 520), sample(80, 240, 480)],
				noop: [sample(110, 170, 300), sample(120, 160, 320), sample(115, 165, 310)],
			},
			peaks: {},
		});
		expect(entry.executions_per_second).toEqual({ suvvy_node: 95, http_request: 75, noop_baseline: 115 });
		expect(entry.p50_ms.suvvy_node).toBe(200);
		expect(entry.p99_ms.http_request).toBe(500);
		expect(entry.ratio_vs_http_request).toBe(1.27);
		expect(entry.ratio_vs_noop_floor).toBe(0.83);
	});
});

describe('the benchmarks page', () => {
	const { markdown, keptAnalysis } = require('../../bench/report');
	const { mkdtempSync, writeFileSync } = require('node:fs');
	const os = require('node:os');
	const path = require('node:path');
	const result = {
		date: '2026-12-01',
		file: 'bench/results/2026-12-01.json',
		repetitions: 1,
		versions: { n8n: '2.41.1', package: '0.1.0' },
		machine: { cpus: 2, cpu_model: 'cpu', memory_gb: 24, os: 'Linux', bench_node: 'v20' },
		cases: [],
	};

	test('a rerun keeps the analysis written by hand, word for word, and rewrites the figures around it', () => {
		const page = path.join(mkdtempSync(path.join(os.tmpdir(), 'bench-page-')), 'benchmarks.md');
		const analysis = '<!-- analysis: written by hand, kept as it is when the bench rewrites this page -->\n## Where the time and memory go\n\nProfiled on 2026-11-30: 42 % in the helper.\n<!-- /analysis -->';
		writeFileSync(page, `# Benchmarks\n\nold figures\n\n${analysis}\n\nold tail\n`);
		const rewritten = markdown(result, keptAnalysis(page));
		expect(rewritten).toContain(analysis);
		expect(rewritten).toContain('Measured with `npm run bench` on 2026-12-01');
		expect(rewritten).not.toContain('old figures');
	});

	test('a page without a written analysis says so instead of inventing one', () => {
		const page = path.join(mkdtempSync(path.join(os.tmpdir(), 'bench-page-')), 'benchmarks.md');
		expect(markdown(result, keptAnalysis(page))).toContain('Not written yet for these results.');
	});
});
