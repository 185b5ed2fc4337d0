#!/usr/bin/env node
'use strict';
/**
 * `node bench/profileSummary.js <file.cpuprofile> [--top N]`: where a CPU profile of n8n's main
 * process (N8N_CPU_PROF_DIR, see docs/benchmarks.md) spent its time, by owner (this package, n8n's
 * packages, other packages, Node itself, idle and garbage collection) and by function, so the page
 * can quote a profile instead of describing it from memory.
 */
const { readFileSync } = require('node:fs');
const { parseArgs } = require('node:util');

/** Who a sampled frame belongs to, read from its script's path. */
function ownerOf(url, functionName) {
	if (!url) {
		if (functionName === '(idle)' || functionName === '(program)' || functionName === '(garbage collector)') return functionName;
		return 'node (native)';
	}
	if (url.includes('n8n-nodes-suvvy')) return 'n8n-nodes-suvvy';
	if (url.startsWith('node:')) return 'node (lib)';
	const packages = [...url.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)];
	return packages.length ? packages[packages.length - 1][1] : url;
}

/** Self time per node of the profile, in milliseconds, from its samples and their time deltas. */
function selfTimes(profile) {
	const byId = new Map(profile.nodes.map((node) => [node.id, { node, ms: 0 }]));
	profile.samples.forEach((id, index) => {
		const entry = byId.get(id);
		if (entry) entry.ms += (profile.timeDeltas[index] ?? 0) / 1000;
	});
	return [...byId.values()];
}

function summarise(profile, top = 15) {
	const entries = selfTimes(profile);
	const total = entries.reduce((sum, { ms }) => sum + ms, 0);
	const add = (map, key, ms) => map.set(key, (map.get(key) ?? 0) + ms);
	const owners = new Map();
	const functions = new Map();
	for (const { node, ms } of entries) {
		const { functionName, url, lineNumber } = node.callFrame;
		const owner = ownerOf(url, functionName);
		add(owners, owner, ms);
		add(functions, `${functionName || '(anonymous)'} ${owner}${url ? `:${lineNumber + 1}` : ''}`, ms);
	}
	const rank = (map) =>
		[...map.entries()]
			.sort((a, b) => b[1] - a[1])
			.slice(0, top)
			.map(([name, ms]) => ({ name, ms: Math.round(ms), percent: Number(((ms / total) * 100).toFixed(1)) }));
	return { total_ms: Math.round(total), owners: rank(owners), functions: rank(functions) };
}

module.exports = { summarise, ownerOf };

if (require.main === module) {
	const { values, positionals } = parseArgs({ options: { top: { type: 'string', default: '15' } }, allowPositionals: true });
	const summary = summarise(JSON.parse(readFileSync(positionals[0], 'utf8')), Number(values.top));
	const table = (rows) => rows.map(({ name, ms, percent }) => `| ${name} | ${ms} ms | ${percent} % |`).join('\n');
	console.log(`Total sampled: ${summary.total_ms} ms\n\n| By owner | self time | share |\n| --- | --- | --- |\n${table(summary.owners)}\n\n| By function | self time | share |\n| --- | --- | --- |\n${table(summary.functions)}`);
}
