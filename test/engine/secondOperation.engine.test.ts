/**
 * A second operation beside Send, added the way a contributor would: one more entry in Message's list
 * of operations (here by replacing that module for this file), and nothing else. The node under test
 * is the real Suvvy class with its real description and router, so a shortcut in Suvvy.node.ts that
 * bypassed the list (Send's outputs written in, Send called directly) fails here.
 */
import { Suvvy } from '../../nodes/Suvvy/Suvvy.node';
import { asN8nSeesIt } from '../support/asN8nSeesIt';
import { runWorkflow } from '../support/runWorkflow';

jest.mock('../../nodes/Suvvy/actions/message/Message.resource', () => {
	const actual = jest.requireActual('../../nodes/Suvvy/actions/message/Message.resource');
	const { send } = jest.requireActual('../../nodes/Suvvy/actions/message/send/send.operation');
	const { updateDisplayOptions } = jest.requireActual('n8n-workflow');
	/** What a second operation brings: its option, its parameters, and how it runs. */
	const ping = {
		option: { name: 'Ping', value: 'ping', description: 'Answer without sending', action: 'Ping' },
		properties: updateDisplayOptions({ show: { resource: ['message'], operation: ['ping'] } }, [
			{ displayName: 'Note', name: 'note', type: 'string', default: '' },
		]),
		async execute(this: import('n8n-workflow').IExecuteFunctions) {
			return [
				this.getInputData().map((_item, index) => ({
					json: { pinged: this.getNodeParameter('note', index) },
					pairedItem: { item: index },
				})),
			];
		},
	};
	return { ...actual, message: actual.messageResource([send, ping]) };
});

describe('a second operation in Message’s list', () => {
	const description = new Suvvy().description;

	test('appears in the Operation list after Send', () => {
		const operation = description.properties.find((property) => property.name === 'operation');
		expect(operation?.options?.map((option) => (option as { value: string }).value)).toEqual([
			'send',
			'ping',
		]);
	});

	test("starts with one plain output and none of Send's parameters", () => {
		const { outputs, shown } = asN8nSeesIt(description, {
			resource: 'message',
			operation: 'ping',
		});
		expect(outputs).toEqual([{ type: 'main' }]);
		expect(shown).toEqual(['resource', 'operation', 'note']);
	});

	test('leaves Send as it was', () => {
		const { outputs, shown } = asN8nSeesIt(description, { resource: 'message', operation: 'send' });
		expect(outputs).toHaveLength(7);
		expect(shown).not.toContain('note');
		expect(shown).toEqual(expect.arrayContaining(['chatId', 'errorHandling', 'options']));
	});

	test('runs in a real workflow, routed by the node itself', async () => {
		const { received } = await runWorkflow({
			items: [{ json: {} }, { json: {} }],
			parameters: { resource: 'message', operation: 'ping', note: 'hello' },
			outputCount: 1,
		});
		expect(received[0].map((item) => item.json)).toEqual([
			{ pinged: 'hello' },
			{ pinged: 'hello' },
		]);
	});
});
