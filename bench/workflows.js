'use strict';
/**
 * The benchmark workflows, one per case and contender. Each starts at a webhook (answering when the
 * run is done), builds the same items, and hands them to the contender: the Suvvy node, n8n's HTTP
 * Request node (after Extract From File for files), or a No-Op for the memory baseline.
 */
const { randomUUID } = require('node:crypto');

let position = 0;
const node = (name, type, typeVersion, parameters, extra = {}) => ({
	id: randomUUID(),
	name,
	type,
	typeVersion,
	position: [(position += 220), 0],
	parameters,
	...extra,
});

/** The Suvvy body, written out as HTTP Request users write it. */
function jsonBodyExpression(withFile, perExecution = false) {
	const attachments = withFile
		? `, attachments: [{ file_name: $('Files').item.binary.data.fileName, file_type: ${withFile === 'audio' ? "'audio'" : "'image'"}, data: $json.data }]`
		: '';
	const json = perExecution ? '$json.body' : '$json';
	const text = withFile ? '' : `, text: ${json}.text`;
	const chat = withFile ? "'file-' + $itemIndex" : `${json}.chat`;
	return `={{ JSON.stringify({ api_version: 1, message_id: 'http-' + $execution.id + '-' + $itemIndex, chat_id: ${chat}, source: 'bench', message_sender: 'customer'${text}${attachments} }) }}`;
}

function source(benchCase) {
	if (benchCase.files) {
		return [node('Files', 'n8n-nodes-base.readWriteFile', 1.1, { operation: 'read', fileSelector: benchCase.files, options: {} })];
	}
	return [node('Messages', 'n8n-nodes-base.splitOut', 1, { fieldToSplitOut: 'body.messages', options: {} })];
}

function contender(benchCase, kind, credentials) {
	if (kind === 'noop') return [node('Contender', 'n8n-nodes-base.noOp', 1, {})];
	if (kind === 'helperFloor') {
		return [
			node(
				'Contender',
				'n8n-nodes-suvvy-bench.helperFloor',
				1,
				{ url: `${credentials.emulatorUrl}/api/webhook/custom/message`, parallel: benchCase.parallel },
				{ credentials: { suvvyApi: { id: credentials.suvvy.id, name: credentials.suvvy.name } } },
			),
		];
	}
	if (kind === 'suvvy' || kind === 'suvvyDefault') {
		return [
			node(
				'Contender',
				'n8n-nodes-suvvy.suvvy',
				1,
				{
					resource: 'message',
					operation: 'send',
					chatId: benchCase.files ? "={{ 'file-' + $itemIndex }}" : `={{ $json${benchCase.perExecution ? '.body' : ''}.chat }}`,
					source: 'bench',
					text: benchCase.files ? '' : `={{ $json${benchCase.perExecution ? '.body' : ''}.text }}`,
					attachments: benchCase.files ? 'all' : 'none',
					additionalFields: {},
					// suvvyDefault: the same case at the node's default parallelism, for comparison.
					options: kind === 'suvvyDefault' ? {} : { maxParallelRequests: benchCase.parallel },
				},
				{ credentials: { suvvyApi: { id: credentials.suvvy.id, name: credentials.suvvy.name } } },
			),
		];
	}
	const nodes = [];
	if (benchCase.files) {
		const options = kind === 'httpEncoded' ? { encoding: 'utf8' } : {};
		nodes.push(node('Extract', 'n8n-nodes-base.extractFromFile', 1.1, { operation: 'binaryToPropery', options }));
	}
	nodes.push(
		node(
			'Contender',
			'n8n-nodes-base.httpRequest',
			4.2,
			{
				method: 'POST',
				url: `${credentials.emulatorUrl}/api/webhook/custom/message`,
				authentication: 'genericCredentialType',
				genericAuthType: 'httpHeaderAuth',
				sendBody: true,
				specifyBody: 'json',
				jsonBody: jsonBodyExpression(benchCase.files ? benchCase.fileType : false, benchCase.perExecution),
				options: {},
			},
			{ credentials: { httpHeaderAuth: { id: credentials.header.id, name: credentials.header.name } } },
		),
	);
	return nodes;
}

/**
 * One workflow: Webhook → source → contender node(s), in a line. A per-execution case (one message
 * per request, as a Telegram message or a form starts a workflow) has no source, and answers through
 * Respond to Webhook after the contender, as such workflows do.
 */
function benchWorkflow(benchCase, kind, credentials) {
	position = 0;
	const path = `bench-${benchCase.name}-${kind}`;
	const responseMode = benchCase.perExecution ? 'responseNode' : 'lastNode';
	const nodes = [
		node('Start', 'n8n-nodes-base.webhook', 2.1, { httpMethod: 'POST', path, responseMode, responseData: 'noData', options: {} }, { webhookId: randomUUID() }),
		...(benchCase.perExecution ? [] : source(benchCase)),
		...contender(benchCase, kind, credentials),
		...(benchCase.perExecution ? [node('Respond', 'n8n-nodes-base.respondToWebhook', 1.1, { respondWith: 'noData', options: {} })] : []),
	];
	const connections = {};
	for (let index = 0; index < nodes.length - 1; index++) {
		connections[nodes[index].name] = { main: [[{ node: nodes[index + 1].name, type: 'main', index: 0 }]] };
	}
	return { name: `Bench ${benchCase.name} ${kind}`, nodes, connections, settings: { executionOrder: 'v1' }, path };
}

module.exports = { benchWorkflow };
