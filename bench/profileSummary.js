#!/usr/bin/env node
'use strict';
/**
 * `node bench/profileSummary.js <file.cpuprofile> [--top N] [--during n8n-nodes-suvvy]`: where a CPU profile of n8n's main
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
	if (url.startsWith('node:')) return 'node (lib)';
	// The innermost package decides: the bench's n8n is cached under a folder named after this
	// package, so a path merely containing the name proves nothing.
	const packages = [...url.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)];
	if (packages.length) return packages[packages.length - 1][1];
	return url.includes('/n8n-nodes-suvvy/') ? 'n8n-nodes-suvvy' : url;
}

const ownerOfFrame = ({ callFrame }) => ownerOf(callFrame.url, callFrame.functionName);

/** Samples further apart than this in one owner's code belong to separate bursts of its work. */
const BURST_GAP_MS = 1000;

/**
 * The sample indexes of the last burst of work in `owner`'s code. n8n runs a package's code when it
 * loads it at start-up and then again when a workflow executes; with one contender per profile, the
 * last burst is its run, so start-up and set-up do not blur it.
 */
function spanOf(profile, owner) {
	const ownerById = new Map(profile.nodes.map((node) => [node.id, ownerOfFrame(node)]));
	let at = 0;
	const times = profile.samples.map((_id, index) => (at += (profile.timeDeltas[index] ?? 0) / 1000));
	const hits = profile.samples.flatMap((id, index) => (ownerById.get(id) === owner ? [index] : []));
	if (!hits.length) throw new Error(`No sample of the profile is in ${owner}'s code`);
	let first = hits.length - 1;
	while (first > 0 && times[hits[first]] - times[hits[first - 1]] <= BURST_GAP_MS) first--;
	return { first: hits[first], last: hits[hits.length - 1] };
}

/** Self time per node of the profile, in milliseconds, from its samples (within `span`) and their time deltas. */
function selfTimes(profile, span) {
	const byId = new Map(profile.nodes.map((node) => [node.id, { node, ms: 0 }]));
	profile.samples.forEach((id, index) => {
		if (span && (index < span.first || index > span.last)) return;
		const entry = byId.get(id);
		if (entry) entry.ms += (profile.timeDeltas[index] ?? 0) / 1000;
	});
	return [...byId.values()];
}

/** `during`: an owner whose last burst of work (spanOf) limits the summary; the whole profile without it. */
function summarise(profile, top = 15, during = undefined) {
	const entries = selfTimes(profile, during ? spanOf(profile, during) : undefined);
	const total = entries.reduce((sum, { ms }) => sum + ms, 0);
	const add = (map, key, ms) => map.set(key, (map.get(key) ?? 0) + ms);
	const owners = new Map();
	const functions = new Map();
	for (const { node, ms } of entries) {
		const { functionName, url, lineNumber } = node.callFrame;
		const owner = ownerOfFrame(node);
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
	const { values, positionals } = parseArgs({
		options: { top: { type: 'string', default: '15' }, during: { type: 'string' } },
		allowPositionals: true,
	});
	const summary = summarise(JSON.parse(readFileSync(positionals[0], 'utf8')), Number(values.top), values.during);
	const table = (rows) => rows.map(({ name, ms, percent }) => `| ${name} | ${ms} ms | ${percent} % |`).join('\n');
	console.log(`Total sampled: ${summary.total_ms} ms\n\n| By owner | self time | share |\n| --- | --- | --- |\n${table(summary.owners)}\n\n| By function | self time | share |\n| --- | --- | --- |\n${table(summary.functions)}`);
}
