import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import * as message from './message/Message.resource';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;

	switch (resource) {
		case 'message':
			switch (operation) {
				case 'send':
					return await message.send.execute.call(this);
				case 'sendAndWait':
					return await message.sendAndWait.execute.call(this);
			}
	}
	throw new NodeOperationError(
		this.getNode(),
		`The operation "${operation}" of "${resource}" is not supported`,
	);
}
