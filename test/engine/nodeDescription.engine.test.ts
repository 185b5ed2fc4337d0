/**
 * The node as n8n sees it: the outputs n8n computes from the node's description, and which
 * parameters it shows. The outputs come from configuredOutputs, evaluated by n8n itself.
 */
import { OUTPUT_NAMES } from '../../nodes/Suvvy/actions/message/send/outputs';
import { Suvvy } from '../../nodes/Suvvy/Suvvy.node';
import { asN8nSeesIt, outputNames } from '../support/asN8nSeesIt';

describe('the Suvvy node as n8n describes it', () => {
	const description = new Suvvy().description;

	test('Send has its seven named outputs, and Error Handling and Options, with no parameter set', () => {
		const { outputs, shown } = asN8nSeesIt(description, {});
		expect(outputNames(outputs)).toEqual(OUTPUT_NAMES);
		expect(shown).toEqual(expect.arrayContaining(['chatId', 'errorHandling', 'options']));
	});

	test("Send has one output with n8n's error handling", () => {
		const { outputs } = asN8nSeesIt(description, { errorHandling: 'useN8nErrorHandling' });
		expect(outputNames(outputs)).toEqual(['Success']);
	});
});
