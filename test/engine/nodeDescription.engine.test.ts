/**
 * The node as n8n sees it: the outputs it computes from the node's description, and which parameters
 * it shows. The class takes both from its resource list through one function, so a second operation
 * (test/engine/secondOperation.engine.test.ts) changes the node by that list alone.
 */
import { BRANCHES } from '../../nodes/Suvvy/actions/message/send/6-answer/branches';
import { describeResources } from '../../nodes/Suvvy/actions/nodeDescription';
import { RESOURCES } from '../../nodes/Suvvy/actions/router';
import { Suvvy } from '../../nodes/Suvvy/Suvvy.node';
import { asN8nSeesIt, outputNames } from '../support/asN8nSeesIt';

describe('the Suvvy node as n8n describes it', () => {
	const description = new Suvvy().description;

	test('takes its outputs and parameters from its resource list, and nothing else', () => {
		const { outputs, properties } = describeResources(RESOURCES);
		expect(description.outputs).toEqual(outputs);
		expect(description.properties).toEqual(properties);
	});

	test('Send has its seven named outputs, and Error Handling and Options, with no parameter set', () => {
		const { outputs, shown } = asN8nSeesIt(description, {});
		expect(outputNames(outputs)).toEqual(BRANCHES.map(({ displayName }) => displayName));
		expect(shown).toEqual(expect.arrayContaining(['chatId', 'errorHandling', 'options']));
	});

	test("Send has one output with n8n's error handling", () => {
		const { outputs } = asN8nSeesIt(description, { errorHandling: 'useN8nErrorHandling' });
		expect(outputNames(outputs)).toEqual(['Success']);
	});
});
