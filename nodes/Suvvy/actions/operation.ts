import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

/**
 * What one operation brings to the node: its entry in the Operation list, its parameters (each
 * shown only for it), its outputs, and how it runs. The node's description and the router are built
 * from these, so adding an operation touches its own folder and its resource's list, nothing else.
 */
export interface OperationDefinition {
	option: INodePropertyOptions & { value: string; action: string };
	properties: INodeProperties[];
	/** An n8n expression body that evaluates to the outputs; one plain output when left out. */
	outputs?: string;
	execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]>;
}

export interface ResourceDefinition {
	option: { name: string; value: string };
	/** Its Operation parameter, written out: n8n's lint wants each default as a literal. */
	operationProperty: INodeProperties;
	operations: OperationDefinition[];
}
