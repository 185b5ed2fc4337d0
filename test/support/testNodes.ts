/**
 * Two tiny nodes the engine tests wire around Suvvy: one that emits the items a test describes
 * (files stored through n8n's own binary service), and one that receives a Suvvy output. Test nodes
 * are never tools: they leave `usableAsTool` out, which the community lint only allows for classes
 * not declared as `implements INodeType`; the node registry (TestNodeTypes) still checks their shape.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeTypeDescription,
} from 'n8n-workflow';

import { MAIN } from './engineCompat';

export interface FixtureFile {
	base64: string;
	fileName?: string;
	mimeType?: string;
}

export interface FixtureItem {
	json: IDataObject;
	files?: Record<string, FixtureFile>;
}

export const FIXTURE_ITEMS_TYPE = 'test.fixtureItems';
export const RECEIVER_TYPE = 'test.receiver';

export class FixtureItems {
	description: INodeTypeDescription = {
		displayName: 'Fixture Items',
		name: FIXTURE_ITEMS_TYPE,
		group: ['input'],
		version: 1,
		description: 'Emits the items of a test',
		defaults: { name: 'Fixture Items' },
		inputs: [MAIN],
		outputs: [MAIN],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const raw = this.getNodeParameter('items', 0) as string | FixtureItem[];
		const fixtures = (typeof raw === 'string' ? JSON.parse(raw) : raw) as FixtureItem[];
		const items: INodeExecutionData[] = [];
		for (const fixture of fixtures) {
			// Every fixture item comes from the one start item.
			const item: INodeExecutionData = { json: fixture.json, pairedItem: { item: 0 } };
			for (const [field, file] of Object.entries(fixture.files ?? {})) {
				item.binary ??= {};
				item.binary[field] = await this.helpers.prepareBinaryData(
					Buffer.from(file.base64, 'base64'),
					file.fileName,
					file.mimeType,
				);
			}
			items.push(item);
		}
		return [items];
	}
}

export class Receiver {
	description: INodeTypeDescription = {
		displayName: 'Receiver',
		name: RECEIVER_TYPE,
		group: ['output'],
		version: 1,
		description: 'Passes its input through',
		defaults: { name: 'Receiver' },
		inputs: [MAIN],
		outputs: [MAIN],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}
