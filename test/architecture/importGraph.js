'use strict';
/**
 * The package's import graph, read from its TypeScript sources, and the two rules it must keep: no
 * cycles, and no import from a lower layer to a higher one. Layers, bottom to top:
 *   0  contracts and facts: suvvyApi/ (what Suvvy's API defines), transport/ (the only HTTP),
 *      compat/ (what differs between n8n versions), actions/operation.ts (what an operation is)
 *   1  credentials/
 *   2  an operation's stages, in their numbered order: 1-read < 2-check < … < 7-outputs
 *   3  an operation (its folder's own files: *.operation.ts, *.properties.ts)
 *   4  a resource (its list of operations)
 *   5  the router and the node's description
 *   3  the trigger's own folder (it only uses layer 0)
 *   6  the node classes
 */
const { readdirSync, readFileSync, statSync } = require('node:fs');
const path = require('node:path');

const IMPORT = /^\s*(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]/gm;

function sourceFiles(directory) {
	return readdirSync(directory).flatMap((name) => {
		const full = path.join(directory, name);
		if (statSync(full).isDirectory()) return sourceFiles(full);
		return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [full] : [];
	});
}

function resolveImport(from, specifier) {
	const base = path.resolve(path.dirname(from), specifier);
	for (const candidate of [`${base}.ts`, path.join(base, 'index.ts')]) {
		try {
			if (statSync(candidate).isFile()) return candidate;
		} catch {
			// not this one
		}
	}
	throw new Error(`${from} imports ${specifier}, which does not exist`);
}

/** Every source file under `roots` and the source files it imports. */
function importGraph(root, roots) {
	const graph = new Map();
	for (const file of roots.flatMap((dir) => sourceFiles(path.join(root, dir)))) {
		const text = readFileSync(file, 'utf8');
		const imports = [...text.matchAll(IMPORT)].map((match) => resolveImport(file, match[1]));
		graph.set(path.relative(root, file), imports.map((imported) => path.relative(root, imported)));
	}
	return graph;
}

/** Each cycle once, as the list of files around it. */
function findCycles(graph) {
	const cycles = [];
	const state = new Map();
	const stack = [];
	const visit = (file) => {
		state.set(file, 'open');
		stack.push(file);
		for (const next of graph.get(file) ?? []) {
			if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
			else if (!state.has(next)) visit(next);
		}
		stack.pop();
		state.set(file, 'done');
	};
	for (const file of graph.keys()) if (!state.has(file)) visit(file);
	return cycles;
}

/** The layer of a file, and for a stage its number, so stages compare in order. */
function layerOf(file) {
	const parts = file.split(path.sep);
	if (parts[0] === 'credentials') return 1;
	const inNode = parts.slice(2);
	if (inNode.length === 1) return 6;
	const [top] = inNode;
	if (top === 'suvvyApi' || top === 'transport' || top === 'compat') return 0;
	if (top === 'trigger') return 3;
	if (top !== 'actions') throw new Error(`${file} is in no known layer`);
	if (inNode.length === 2) return inNode[1] === 'operation.ts' ? 0 : 5;
	if (inNode.length === 3) return 4;
	if (inNode.length === 4) return 3;
	const stage = /^(\d+)-/.exec(inNode[3]);
	if (!stage) throw new Error(`${file} is in an operation folder that is not a numbered stage`);
	return 2 + Number(stage[1]) / 100;
}

/** Imports that point up the layers (a later stage counts as higher than an earlier one). */
function upwardImports(graph, layer = layerOf) {
	const found = [];
	for (const [file, imports] of graph) {
		for (const imported of imports) {
			if (layer(imported) > layer(file)) found.push(`${file} → ${imported}`);
		}
	}
	return found;
}

module.exports = { importGraph, findCycles, upwardImports, layerOf };
