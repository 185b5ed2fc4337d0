'use strict';
/**
 * How the harness fits an example to an older n8n: lowered node versions read every parameter the
 * example sets, and an example this n8n cannot run as written is left out, saying what it lacks.
 * The descriptions are cut down from the type files of real n8n 1.27.2, 1.29.1 and 1.41.1.
 */
const { fitToThisN8n, unheldFields } = require('../../dev/harness/exampleFit');

const WEBHOOK_1 = [
	{ name: 'httpMethod', type: 'options', options: [{ value: 'GET' }, { value: 'POST' }] },
	{ name: 'path', type: 'string' },
	{ name: 'responseMode', type: 'options', options: [{ value: 'onReceived' }, { value: 'lastNode' }, { value: 'responseNode' }] },
	{ name: 'options', type: 'collection' },
];
const WEBHOOK_2 = [{ name: 'multipleMethods', type: 'boolean' }, ...WEBHOOK_1];
/** Set 3 to 3.3 in one description, as n8n 1.29.1 ships it: `assignments` from 3.3 on. */
const SET_3 = [
	{ name: 'mode', type: 'options', options: [{ value: 'manual' }, { value: 'raw' }] },
	{ name: 'fields', type: 'fixedCollection', displayOptions: { show: { '@version': [3, 3.1, 3.2], mode: ['manual'] } } },
	{ name: 'assignments', type: 'assignmentCollection', displayOptions: { hide: { '@version': [3, 3.1, 3.2] }, show: { mode: ['manual'] } } },
	{ name: 'includeOtherFields', type: 'boolean', displayOptions: { hide: { '@version': [3, 3.1, 3.2] } } },
	{ name: 'options', type: 'collection' },
];

const types = (entries) => new Map(entries.map(([name, versions, properties]) => [name, versions.map((version) => ({ version, properties }))]));

const webhook = { name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2.1, parameters: { httpMethod: 'POST', path: 'suvvy-message', responseMode: 'lastNode', options: {} } };
const set = { name: 'On Sent', type: 'n8n-nodes-base.set', typeVersion: 3.4, parameters: { assignments: { assignments: [] }, includeOtherFields: true, options: {} } };
const example = (...nodes) => ({ name: 'Example', nodes, connections: {} });
const versionsOf = (fitted) => fitted.workflow.nodes.map((node) => `${node.type}@${node.typeVersion}`);

describe('an example fitted to the n8n under test', () => {
	test('keeps the node versions it ships where this n8n has them', () => {
		const fitted = fitToThisN8n(example(webhook, set), types([['n8n-nodes-base.webhook', [1, 1.1, 2, 2.1], WEBHOOK_2], ['n8n-nodes-base.set', [3.3, 3.4], SET_3]]));
		expect(fitted.lowered).toBe(false);
		expect(fitted.workflow.nodes).toEqual([webhook, set]);
	});

	test('lowers a node to the newest older version that reads its parameters (n8n 1.41.1: Webhook 2, Set 3.3)', () => {
		const n8n141 = types([['n8n-nodes-base.webhook', [1, 1.1, 2], WEBHOOK_2], ['n8n-nodes-base.set', [3, 3.1, 3.2, 3.3], SET_3]]);
		const fitted = fitToThisN8n(example(webhook, set), n8n141);
		expect(fitted.lowered).toBe(true);
		expect(versionsOf(fitted)).toEqual(['n8n-nodes-base.webhook@2', 'n8n-nodes-base.set@3.3']);
	});

	test('takes an older major when this n8n has nothing newer (n8n 1.29.1: Webhook 1.1, which reads its method, path and response mode)', () => {
		const n8n129 = types([['n8n-nodes-base.webhook', [1, 1.1], WEBHOOK_1], ['n8n-nodes-base.set', [3, 3.1, 3.2, 3.3], SET_3]]);
		expect(versionsOf(fitToThisN8n(example(webhook, set), n8n129))).toEqual(['n8n-nodes-base.webhook@1.1', 'n8n-nodes-base.set@3.3']);
	});

	test('leaves the example out rather than run a Set node whose version would drop its fields (n8n 1.27.2: Set up to 3.2)', () => {
		const n8n127 = types([['n8n-nodes-base.webhook', [1, 1.1], WEBHOOK_1], ['n8n-nodes-base.set', [3, 3.1, 3.2], SET_3]]);
		expect(fitToThisN8n(example(webhook, set), n8n127)).toEqual({
			missing: ['n8n-nodes-base.set@3.4 (its 3.2 does not read assignments, includeOtherFields)'],
		});
	});

	test('does not lower to a version that lacks a fixed choice the example makes', () => {
		const streaming = { ...webhook, parameters: { ...webhook.parameters, responseMode: 'streaming' } };
		expect(fitToThisN8n(example(streaming), types([['n8n-nodes-base.webhook', [1, 1.1, 2], WEBHOOK_2]]))).toEqual({
			missing: ['n8n-nodes-base.webhook@2.1 (its 2 does not read responseMode)'],
		});
	});

	test('leaves out an example whose node type this n8n lacks', () => {
		const tool = { name: 'Hand over to Suvvy', type: 'n8n-nodes-suvvy.suvvyTool', typeVersion: 1, parameters: {} };
		expect(fitToThisN8n(example(tool), types([]))).toEqual({ missing: ['n8n-nodes-suvvy.suvvyTool@1'] });
	});

	test('leaves out an example whose credential cannot hold the field pointing it at the emulator (Telegram before n8n 1.49)', () => {
		const telegram = { name: 'Telegram Message', type: 'n8n-nodes-base.telegramTrigger', typeVersion: 1.1, parameters: {}, credentials: { telegramApi: { id: '1', name: 'Telegram bot' } } };
		const unheld = unheldFields(['accessToken'], { accessToken: 'token', baseUrl: 'http://127.0.0.1:1/telegram' });
		expect(unheld).toEqual(['baseUrl']);
		const nodeTypes = types([['n8n-nodes-base.telegramTrigger', [1, 1.1], []]]);
		expect(fitToThisN8n(example(telegram), nodeTypes, { telegramApi: { unheld } })).toEqual({ missing: ['baseUrl in its telegramApi credential'] });
		expect(fitToThisN8n(example(telegram), nodeTypes, { telegramApi: { unheld: [] } }).workflow.nodes).toEqual([telegram]);
	});

	test('reads version conditions written as tests ({_cnd: {gte}}), as newer n8n writes them', () => {
		const conditional = [{ name: 'assignments', type: 'assignmentCollection', displayOptions: { show: { '@version': [{ _cnd: { gte: 3.3 } }] } } }];
		const node = { ...set, parameters: { assignments: { assignments: [] } } };
		expect(versionsOf(fitToThisN8n(example(node), types([['n8n-nodes-base.set', [3.2, 3.3], conditional]])))).toEqual(['n8n-nodes-base.set@3.3']);
		expect(fitToThisN8n(example(node), types([['n8n-nodes-base.set', [3.2], conditional]]))).toEqual({
			missing: ['n8n-nodes-base.set@3.4 (its 3.2 does not read assignments)'],
		});
	});
});
