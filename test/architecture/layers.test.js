'use strict';
/**
 * The way the code is laid out, as a rule that fails when broken: transport ← stages ← operation ←
 * router ← node, stages in their numbered order, and no import cycle anywhere.
 */
const path = require('node:path');

const { findCycles, importGraph, layerOf, upwardImports } = require('./importGraph');

const ROOT = path.resolve(__dirname, '../..');

describe('the package imports downward only, and never in a circle', () => {
	const graph = importGraph(ROOT, ['nodes', 'credentials']);

	test('every source file is read', () => {
		expect(graph.get('nodes/Suvvy/Suvvy.node.ts')).toEqual(
			expect.arrayContaining(['nodes/Suvvy/actions/router.ts']),
		);
		expect(graph.size).toBeGreaterThan(40);
	});

	test('no import cycles', () => {
		expect(findCycles(graph)).toEqual([]);
	});

	test('no import from a lower layer to a higher one, nor from an earlier stage to a later one', () => {
		expect(upwardImports(graph)).toEqual([]);
	});

	test('there is no helpers/ folder', () => {
		expect([...graph.keys()].filter((file) => file.includes(`${path.sep}helpers${path.sep}`))).toEqual([]);
	});
});

describe('the layout check itself', () => {
	test('finds a cycle', () => {
		const graph = new Map([
			['a.ts', ['b.ts']],
			['b.ts', ['c.ts']],
			['c.ts', ['a.ts']],
		]);
		expect(findCycles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
	});

	test('finds a stage that imports a later stage, and transport importing an operation', () => {
		const send = 'nodes/Suvvy/actions/message/send';
		const graph = new Map([
			[`${send}/2-check/rules.ts`, [`${send}/6-answer/outcome.ts`]],
			['nodes/Suvvy/transport/postMessage.ts', [`${send}/send.operation.ts`]],
			[`${send}/6-answer/outcome.ts`, [`${send}/1-read/text.ts`]],
		]);
		expect(upwardImports(graph)).toEqual([
			`${send}/2-check/rules.ts → ${send}/6-answer/outcome.ts`,
			`nodes/Suvvy/transport/postMessage.ts → ${send}/send.operation.ts`,
		]);
	});

	test('orders the layers as the code is meant to read', () => {
		const send = 'nodes/Suvvy/actions/message/send';
		const order = [
			'nodes/Suvvy/transport/download.ts',
			'credentials/SuvvyApi.credentials.ts',
			`${send}/1-read/text.ts`,
			`${send}/7-outputs/shapeOutputs.ts`,
			`${send}/send.operation.ts`,
			'nodes/Suvvy/actions/message/Message.resource.ts',
			'nodes/Suvvy/actions/router.ts',
			'nodes/Suvvy/Suvvy.node.ts',
		].map(layerOf);
		expect(order).toEqual([...order].sort((a, b) => a - b));
		expect(new Set(order).size).toBe(order.length);
	});
});
