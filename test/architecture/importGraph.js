'use strict';
/**
 * The package's import graph, read from its TypeScript sources, and the rules it must keep. Every
 * import counts: `import … from`, `export … from`, a bare `import '…'`, `import('…')` and `require('…')`;
 * an `import()` or `require()` of anything but a literal path is itself a violation, since no rule
 * could be checked on it.
 *
 * The layers, bottom to top (paths under nodes/Suvvy/ unless they say otherwise). A file may import
 * its own layer and the ones below, never one above:
 *   0  compat/            what differs between n8n versions; imports nothing of the package
 *   1  suvvyApi/          what Suvvy's API defines (values, file types, refusals)
 *   2  transport/         the only code that speaks HTTP: Suvvy's API, downloads, addresses, base URL
 *   3  credentials/       (at the package root)
 *   4  actions/operation.ts, actions/context/   what any operation is and reads from n8n
 *   5  actions/<resource>/<operation>/<n>-<stage>/   an operation's stages; a stage imports only
 *                        earlier stages of its own operation (1-read < 2-check < … < 7-outputs)
 *   6  actions/<resource>/<operation>/*.ts        the operation itself
 *   7  actions/<resource>/*.ts                    a resource and its list of operations
 *   8  actions/router.ts, actions/nodeDescription.ts
 *   9  *.node.ts          the node classes
 * And three rules beside the order:
 *   - no file of one operation's folder imports a file of another operation's folder;
 *   - trigger/ (the Suvvy Trigger's own code) imports only trigger/ and layers 0–2;
 *   - only trigger/ and the node classes import trigger/.
 * No import cycle anywhere.
 */
const { readdirSync, readFileSync, statSync } = require('node:fs');
const path = require('node:path');

const STATIC = /^\s*(?:import|export)\b[^'";]*?\bfrom\s*['"]([^'"]+)['"]/gm;
const SIDE_EFFECT = /^\s*import\s*['"]([^'"]+)['"]/gm;
const CALL = /\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g;
const CALL_OF_ANYTHING_ELSE = /\b(?:import|require)\s*\(\s*(?!['"])([^)]*)\)/g;

/** What one source text imports: the paths it names, and the calls whose path cannot be read. */
function importsOf(text) {
	const named = [STATIC, SIDE_EFFECT, CALL].flatMap((pattern) =>
		[...text.matchAll(pattern)].map((match) => match[1]),
	);
	const unreadable = [...text.matchAll(CALL_OF_ANYTHING_ELSE)].map((match) => match[0]);
	return { named, unreadable };
}

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

/**
 * Every source file under `roots` and the package files it imports (packages from node_modules are
 * not part of the layers). Imports that cannot be followed are listed under the importing file.
 */
function importGraph(root, roots) {
	const graph = new Map();
	const unreadable = [];
	for (const file of roots.flatMap((dir) => sourceFiles(path.join(root, dir)))) {
		const found = importsOf(readFileSync(file, 'utf8'));
		const local = found.named.filter((specifier) => specifier.startsWith('.'));
		const imports = local.map((specifier) => path.relative(root, resolveImport(file, specifier)));
		graph.set(path.relative(root, file), [...new Set(imports)]);
		unreadable.push(...found.unreadable.map((call) => `${path.relative(root, file)}: ${call}`));
	}
	return { graph, unreadable };
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

const BOTTOM = { compat: 0, suvvyApi: 1, transport: 2 };

/**
 * Where a file stands: its layer (a stage's number counts in hundredths, so stages compare in order)
 * and its area, which the rules beside the order look at.
 */
function placeOf(file) {
	const parts = file.split(/[\\/]/);
	if (parts[0] === 'credentials') return { layer: 3, area: 'credentials' };
	const inNode = parts.slice(2);
	const [top] = inNode;
	if (inNode.length === 1) return { layer: 9, area: 'node' };
	if (top in BOTTOM) return { layer: BOTTOM[top], area: top };
	if (top === 'trigger') return { layer: 5, area: 'trigger' };
	if (top !== 'actions') throw new Error(`${file} is in no known layer`);
	if (inNode[1] === 'context' || (inNode.length === 2 && inNode[1] === 'operation.ts')) {
		return { layer: 4, area: 'shared' };
	}
	if (inNode.length === 2) return { layer: 8, area: 'node description' };
	if (inNode.length === 3) return { layer: 7, area: 'resource' };
	const operation = `operation ${inNode[1]}/${inNode[2]}`;
	if (inNode.length === 4) return { layer: 6, area: operation };
	const stage = /^(\d+)-/.exec(inNode[3]);
	if (!stage) throw new Error(`${file} is in an operation folder that is not a numbered stage`);
	return { layer: 5 + Number(stage[1]) / 100, area: operation };
}

/** The layer of a file (see placeOf). */
const layerOf = (file) => placeOf(file).layer;

const BELOW_THE_TRIGGER = new Set(['trigger', ...Object.keys(BOTTOM)]);

/** Why `file` must not import `imported`, or undefined when it may. */
function whyNot(file, imported) {
	const from = placeOf(file);
	const to = placeOf(imported);
	if (from.area === 'trigger' && !BELOW_THE_TRIGGER.has(to.area)) {
		return 'the trigger imports only trigger/, compat/, suvvyApi/ and transport/';
	}
	if (to.area === 'trigger' && from.area !== 'trigger' && from.area !== 'node') {
		return "only the trigger and the node classes import the trigger's code";
	}
	if (
		from.area.startsWith('operation ') &&
		to.area.startsWith('operation ') &&
		from.area !== to.area
	) {
		return "an operation imports nothing of another operation's folder";
	}
	if (to.layer > from.layer) return 'a lower layer imports a higher one, or a stage a later stage';
	return undefined;
}

/** Every import that breaks a rule, as "file → imported: why". */
function layerViolations(graph) {
	const found = [];
	for (const [file, imports] of graph) {
		for (const imported of imports) {
			const reason = whyNot(file, imported);
			if (reason) found.push(`${file} → ${imported}: ${reason}`);
		}
	}
	return found;
}

module.exports = { importGraph, importsOf, findCycles, layerViolations, layerOf };
