'use strict';
/**
 * The way the code is laid out, as rules that fail when broken (importGraph.js lists them): the
 * layers from compat/ up to the node classes, stages in their numbered order, operations apart from
 * each other, the trigger on its own, and no import cycle anywhere.
 */
const path = require('node:path');

const { findCycles, importGraph, importsOf, layerOf, layerViolations } = require('./importGraph');

const ROOT = path.resolve(__dirname, '../..');
const NODE = 'nodes/Suvvy';
const SEND = `${NODE}/actions/message/send`;
const PING = `${NODE}/actions/message/ping`;

describe('the package imports downward only, and never in a circle', () => {
	const { graph, unreadable } = importGraph(ROOT, ['nodes', 'credentials']);

	test('every source file is read, and every import in it could be followed', () => {
		expect(graph.get(`${NODE}/Suvvy.node.ts`)).toEqual(
			expect.arrayContaining([`${NODE}/actions/router.ts`]),
		);
		expect(graph.size).toBeGreaterThan(40);
		expect(unreadable).toEqual([]);
	});

	test('no import cycles', () => {
		expect(findCycles(graph)).toEqual([]);
	});

	test('every import keeps the layer rules', () => {
		expect(layerViolations(graph)).toEqual([]);
	});

	test('there is no helpers/ folder', () => {
		expect(
			[...graph.keys()].filter((file) => file.includes(`${path.sep}helpers${path.sep}`)),
		).toEqual([]);
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

	test('reads every kind of import, and names the ones it cannot follow', () => {
		const source = [
			"import type { A } from './a';",
			"import {\n\tB,\n\tC,\n} from '../b';",
			"export { D } from './d';",
			"export * from './e';",
			"import './side-effect';",
			"const f = await import('./dynamic');",
			"const g = require('./required');",
			"import { sleep } from 'n8n-workflow';",
			'const h = await import(name);',
		].join('\n');
		expect(importsOf(source)).toEqual({
			named: expect.arrayContaining([
				'./a',
				'../b',
				'./d',
				'./e',
				'./side-effect',
				'./dynamic',
				'./required',
				'n8n-workflow',
			]),
			unreadable: ['import(name)'],
		});
		expect(importsOf(source).named).toHaveLength(8);
	});

	test.each([
		['a stage imports a later stage', `${SEND}/2-check/rules.ts`, `${SEND}/6-answer/outcome.ts`],
		[
			'transport imports an operation',
			`${NODE}/transport/postMessage.ts`,
			`${SEND}/send.operation.ts`,
		],
		['suvvyApi imports transport', `${NODE}/suvvyApi/fileTypes.ts`, `${NODE}/transport/baseUrl.ts`],
		[
			'compat imports suvvyApi',
			`${NODE}/compat/mainConnection.ts`,
			`${NODE}/suvvyApi/fileTypes.ts`,
		],
		[
			'the context imports a stage',
			`${NODE}/actions/context/text.ts`,
			`${SEND}/1-read/messageIds.ts`,
		],
		[
			'the trigger imports a Send stage',
			`${NODE}/trigger/receiveReply.ts`,
			`${SEND}/1-read/text.ts`,
		],
		[
			'the trigger imports an operation',
			`${NODE}/trigger/receiveReply.ts`,
			`${SEND}/send.operation.ts`,
		],
		[
			'the trigger imports the shared context',
			`${NODE}/trigger/respond.ts`,
			`${NODE}/actions/context/text.ts`,
		],
		[
			'the trigger imports a credential',
			`${NODE}/trigger/respond.ts`,
			'credentials/SuvvyApi.credentials.ts',
		],
		['an operation imports the trigger', `${SEND}/send.operation.ts`, `${NODE}/trigger/respond.ts`],
		[
			'a resource imports the trigger',
			`${NODE}/actions/message/Message.resource.ts`,
			`${NODE}/trigger/respond.ts`,
		],
		[
			"an operation's stage imports another operation's stage",
			`${PING}/1-read/ping.ts`,
			`${SEND}/1-read/messageIds.ts`,
		],
		[
			'an operation imports another operation',
			`${PING}/ping.operation.ts`,
			`${SEND}/send.operation.ts`,
		],
	])('refuses an import where %s', (_case, file, imported) => {
		expect(layerViolations(new Map([[file, [imported]]]))).toEqual([
			expect.stringMatching(new RegExp(`^${file} → ${imported}: `)),
		]);
	});

	test.each([
		[
			'transport imports suvvyApi',
			`${NODE}/transport/postMessage.ts`,
			`${NODE}/suvvyApi/fileTypes.ts`,
		],
		[
			'the trigger imports transport',
			`${NODE}/trigger/attachReplyFiles.ts`,
			`${NODE}/transport/download.ts`,
		],
		[
			'the trigger imports compat',
			`${NODE}/trigger/respond.ts`,
			`${NODE}/compat/mainConnection.ts`,
		],
		[
			'a credential imports compat (its icon)',
			'credentials/SuvvyApi.credentials.ts',
			`${NODE}/compat/themedIcon.ts`,
		],
		[
			'a credential imports transport',
			'credentials/SuvvyApi.credentials.ts',
			`${NODE}/transport/baseUrl.ts`,
		],
		[
			'a stage imports an earlier one',
			`${SEND}/6-answer/outcome.ts`,
			`${SEND}/1-read/messageIds.ts`,
		],
		[
			'a stage imports the shared context',
			`${SEND}/1-read/messageIds.ts`,
			`${NODE}/actions/context/text.ts`,
		],
		[
			'the trigger node imports the trigger',
			`${NODE}/SuvvyTrigger.node.ts`,
			`${NODE}/trigger/respond.ts`,
		],
	])('allows an import where %s', (_case, file, imported) => {
		expect(layerViolations(new Map([[file, [imported]]]))).toEqual([]);
	});

	test('orders the layers as the code is meant to read', () => {
		const order = [
			`${NODE}/compat/mainConnection.ts`,
			`${NODE}/suvvyApi/fileTypes.ts`,
			`${NODE}/transport/download.ts`,
			'credentials/SuvvyApi.credentials.ts',
			`${NODE}/actions/context/text.ts`,
			`${SEND}/1-read/messageIds.ts`,
			`${SEND}/7-outputs/shapeOutputs.ts`,
			`${SEND}/send.operation.ts`,
			`${NODE}/actions/message/Message.resource.ts`,
			`${NODE}/actions/router.ts`,
			`${NODE}/Suvvy.node.ts`,
		].map(layerOf);
		expect(order).toEqual([...order].sort((a, b) => a - b));
		expect(new Set(order).size).toBe(order.length);
	});
});
