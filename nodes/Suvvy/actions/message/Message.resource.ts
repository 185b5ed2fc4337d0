import type { OperationDefinition, ResourceDefinition } from '../operation';
import { send } from './send/send.operation';

/** A message in a Suvvy custom channel, with the given operations. */
export function messageResource(operations: OperationDefinition[]): ResourceDefinition {
	return {
		option: { name: 'Message', value: 'message' },
		operationProperty: {
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: ['message'] } },
			options: operations.map(({ option }) => option),
			default: 'send',
		},
		operations,
	};
}

/** A new operation of Message goes into this list, and nowhere else. */
export const message = messageResource([send]);
