'use strict';
/** The profile summary quoted by docs/benchmarks.md adds up self time by owner and by function. */
const { ownerOf, summarise } = require('../../bench/profileSummary');

const frame = (id, functionName, url, children = []) => ({
	id,
	callFrame: { functionName, url, lineNumber: 9, columnNumber: 0, scriptId: String(id) },
	children,
});

/** This package's buildBody (2), axios's request (3) and `fourth` under the root, sampled as given. */
const profileOf = (fourth, samples, timeDeltas) => ({
	nodes: [
		frame(1, '(root)', '', [2, 3, 4]),
		frame(2, 'buildBody', 'file:///n/node_modules/n8n-nodes-suvvy/dist/a.js'),
		frame(3, 'request', 'file:///n/node_modules/axios/lib/a.js'),
		fourth,
	],
	samples,
	timeDeltas,
});

describe('the CPU profile summary', () => {
	test("names each frame's owner: this package, the innermost package, Node, or the engine's own states", () => {
		expect(ownerOf('file:///x/node_modules/n8n-nodes-suvvy/dist/nodes/Suvvy/a.js', 'f')).toBe('n8n-nodes-suvvy');
		expect(ownerOf('file:///x/node_modules/n8n/node_modules/@n8n/backend-network/dist/a.js', 'f')).toBe('@n8n/backend-network');
		expect(ownerOf('file:///root/.cache/n8n-nodes-suvvy/n8n-2.41.1/node_modules/n8n-core/dist/a.js', 'f')).toBe('n8n-core');
		expect(ownerOf('file:///work/n8n-nodes-suvvy/dist/nodes/Suvvy/a.js', 'f')).toBe('n8n-nodes-suvvy');
		expect(ownerOf('node:internal/streams/writable', 'write')).toBe('node (lib)');
		expect(ownerOf('', '(garbage collector)')).toBe('(garbage collector)');
		expect(ownerOf('', 'writev')).toBe('node (native)');
	});

	test('self time is the sum of the time deltas of the samples that landed on a frame', () => {
		const profile = profileOf(frame(4, '(idle)', ''), [2, 3, 3, 4, 2], [1000, 2000, 3000, 4000, 10000]);
		const summary = summarise(profile);
		expect(summary.total_ms).toBe(20);
		expect(summary.owners).toEqual([
			{ name: 'n8n-nodes-suvvy', ms: 11, percent: 55 },
			{ name: 'axios', ms: 5, percent: 25 },
			{ name: '(idle)', ms: 4, percent: 20 },
			{ name: 'node (native)', ms: 0, percent: 0 },
		]);
		expect(summary.functions[0]).toEqual({ name: 'buildBody n8n-nodes-suvvy:10', ms: 11, percent: 55 });
	});

	test("--during keeps only the last burst of work in that owner's code (n8n's start-up loads it too)", () => {
		// 2 at start-up, then 1.5 s of start-up, then the run: 2, 3, 2; then shutting down.
		const profile = profileOf(
			frame(4, 'startUp', 'file:///n/node_modules/n8n/dist/a.js'),
			[2, 4, 2, 3, 2, 4],
			[3000, 1500000, 1000, 2000, 1000, 70000],
		);
		const summary = summarise(profile, 15, 'n8n-nodes-suvvy');
		expect(summary.total_ms).toBe(4);
		const owners = Object.fromEntries(summary.owners.map(({ name, ms }) => [name, ms]));
		expect(owners).toEqual({ 'n8n-nodes-suvvy': 2, axios: 2, n8n: 0, 'node (native)': 0 });
		expect(() => summarise(profile, 15, 'zod')).toThrow("No sample of the profile is in zod's code");
	});
});
