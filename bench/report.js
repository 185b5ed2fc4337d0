'use strict';
/**
 * Turns the bench samples into bench/results/<date>.json, docs/benchmarks.md and its chart: the entry
 * bench/run.js and the tests require. The parts: summarise.js (a case's figures), goals.js,
 * benchmarksPage.js (the page) and benchmarksChart.js (the chart).
 */
const { existsSync, mkdirSync, readFileSync, writeFileSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { chart } = require('./benchmarksChart');
const { keptAnalysis, markdown } = require('./benchmarksPage');
const { goalRows } = require('./goals');
const { classicCases, median, round, summarise } = require('./summarise');

const ROOT = path.resolve(__dirname, '..');

function machine() {
	const cpus = os.cpus();
	return { cpus: cpus.length, cpu_model: cpus[0]?.model ?? 'unknown', memory_gb: round(os.totalmem() / 1024 ** 3), os: `${os.type()} ${os.release()}`, bench_node: process.version };
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

/** docs/benchmarks.md (its hand-written analysis kept) and its chart, from a day's results; returns the page's path. */
function writePages(result) {
	mkdirSync(path.join(ROOT, 'docs/images'), { recursive: true });
	writeFileSync(path.join(ROOT, 'docs/images/benchmarks.svg'), chart(classicCases(result.cases)));
	const md = path.join(ROOT, 'docs/benchmarks.md');
	writeFileSync(md, markdown(result, keptAnalysis(md)));
	return md;
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
	writeFileSync(json, `${JSON.stringify(result, null, 2)}\n`);
	return { json, markdown: writePages(result), summary: goalRows(result).join('\n') };
}

module.exports = { writeReport, summarise, median, markdown, keptAnalysis };

// `node bench/report.js bench/results/<date>.json` renders docs/benchmarks.md again from saved results.
if (require.main === module) {
	const result = JSON.parse(readFileSync(process.argv[2], 'utf8'));
	writePages(result);
	console.log(goalRows(result).join('\n'));
}
