/**
 * A node that reads its one parameter for every item twice: through the operations' parameter
 * reader and through n8n's own `getNodeParameter`, so a test can hold the two side by side. Like the
 * nodes of testNodes.ts it is never a tool.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeTypeDescription,
} from 'n8n-workflow';

import { createParameterReader } from '../../nodes/Suvvy/actions/shared/readParameter';
import { MAIN } from './engineCompat';

function outcomeOf(read: () => unknown): IDataObject {
	try {
		return { value: read() as IDataObject['value'] };
	} catch (error) {
		return { threw: error instanceof Error ? error.message : String(error) };
	}
}

export class ParameterProbe {
	description: INodeTypeDescription = {
		displayName: 'Parameter Probe',
		name: 'test.parameterProbe',
		group: ['transform'],
		version: 1,
		description: 'Reads a parameter two ways',
		defaults: { name: 'Parameter Probe' },
		inputs: [MAIN],
		outputs: [MAIN],
		properties: [
			{ displayName: 'Value', name: 'value', type: 'string', default: '' },
			{
				displayName: 'Fields',
				name: 'fields',
				type: 'collection',
				default: {},
				options: [{ displayName: 'Note', name: 'note', type: 'string', default: '' }],
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const read = createParameterReader.call(this);
		const items = this.getInputData().map((_item, index) => ({
			json: {
				value: {
					reader: outcomeOf(() => read('value', index, '')),
					n8n: outcomeOf(() => this.getNodeParameter('value', index, '')),
				},
				fields: {
					reader: outcomeOf(() => read('fields', index, {})),
					n8n: outcomeOf(() => this.getNodeParameter('fields', index, {})),
				},
			},
			pairedItem: { item: index },
		}));
		return [items];
	}
}
