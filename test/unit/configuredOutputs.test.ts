/** The node's outputs as a function of its parameters: what n8n evaluates in the editor and engine. */
import { configuredOutputs } from '../../nodes/Suvvy/actions/configuredOutputs';

const NAMES = ['Sent', 'Invalid Token', 'Other Error'];

describe("the Suvvy node's outputs", () => {
	test("Send's named outputs, with the parameters at their defaults (missing from a saved workflow)", () => {
		expect(configuredOutputs({}, NAMES)).toEqual([
			{ type: 'main', displayName: 'Sent' },
			{ type: 'main', displayName: 'Invalid Token' },
			{ type: 'main', displayName: 'Other Error' },
		]);
		expect(configuredOutputs({ resource: 'message', operation: 'send' }, NAMES)).toHaveLength(3);
	});

	test("one Success output when Send uses n8n's error handling", () => {
		expect(configuredOutputs({ errorHandling: 'useN8nErrorHandling' }, NAMES)).toEqual([
			{ type: 'main', displayName: 'Success' },
		]);
	});

	test('one plain output for any other operation', () => {
		expect(configuredOutputs({ resource: 'message', operation: 'ping' }, NAMES)).toEqual([
			{ type: 'main' },
		]);
	});
});
