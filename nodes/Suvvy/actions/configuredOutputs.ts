import type { INodeParameters } from 'n8n-workflow';

interface Output {
	type: 'main';
	displayName?: string;
}

/**
 * The node's outputs for the parameters it is set to, as n8n's Switch node computes its own. n8n runs
 * this function's source in the editor and the engine (versionDescription.ts), so it uses nothing
 * from outside it: Send's output names come in as `sendOutputNames`. A parameter left at its default
 * may be missing from a saved workflow, so each one falls back to its default.
 */
export function configuredOutputs(
	parameters: INodeParameters,
	sendOutputNames: string[],
): Output[] {
	const resource = parameters.resource || 'message';
	const operation = parameters.operation || 'send';
	const waits = operation === 'sendAndWait';
	if (resource !== 'message' || (operation !== 'send' && !waits)) return [{ type: 'main' }];
	if (parameters.errorHandling === 'useN8nErrorHandling') {
		return [{ type: 'main', displayName: waits ? 'Reply' : 'Success' }];
	}
	// Send and Wait's first output carries the reply (or that none came) where Send's says Sent.
	return sendOutputNames.map((displayName, index) => ({
		type: 'main',
		displayName: waits && index === 0 ? 'Reply' : displayName,
	}));
}
