/**
 * Runs the Suvvy API credential's test on n8n's real engine, as n8n's server does (its
 * CredentialsTester lives in the `n8n` package, not in n8n-core): a node whose only property routes
 * the test's request, run by n8n-core's RoutingNode with the credential's `authenticate` and n8n's
 * own HTTP helper, then the test's rules read from the answer's body. The verdict follows the
 * server's; only a failed request reads differently (the engine wraps the error the server reads
 * directly, so a refused connection reads as n8n's sentence rather than its bare code).
 */
import type { ICredentialDataDecryptedObject, INodeTypeDescription } from 'n8n-workflow';

import { SuvvyApi } from '../../credentials/SuvvyApi.credentials';
import { MAIN } from './engineCompat';
import { runWorkflow } from './runWorkflow';

const credentialType = new SuvvyApi();

/** The node n8n's server builds around a credential's test request (it copies n8n's No Op node). */
class CredentialTestNode {
	description: INodeTypeDescription = {
		displayName: 'Temp Node',
		name: 'test.credentialTest',
		group: ['transform'],
		version: 1,
		description: "Sends a credential's test request",
		defaults: { name: 'Temp Node' },
		inputs: [MAIN],
		outputs: [MAIN],
		credentials: [{ name: credentialType.name, required: true }],
		properties: [
			{
				displayName: 'Temp',
				name: 'temp',
				type: 'string',
				default: '',
				routing: { request: credentialType.test.request },
			},
		],
	};
}

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

interface FailedRequest {
	message?: unknown;
	cause?: { code?: unknown; response?: { status?: number; statusText?: string } };
}

/** `lodash.get` for the rules' dotted keys, such as `detail.0.loc`. */
function valueAt(json: unknown, key: string): unknown {
	return key.split('.').reduce<unknown>((value, step) => {
		if (typeof value !== 'object' || value === null) return undefined;
		return (value as Record<string, unknown>)[step];
	}, json);
}

export async function testCredential(
	credentials: ICredentialDataDecryptedObject,
): Promise<CredentialTestResult> {
	const { run, suvvyOutputs } = await runWorkflow({
		items: [{ json: {} }],
		parameters: {},
		credentials,
		node: new CredentialTestNode(),
		suvvyType: 'test.credentialTest',
		outputCount: 1,
	});
	const error = run.data.resultData.error as FailedRequest | undefined;
	const rules = credentialType.test.rules ?? [];
	if (error) {
		const response = error.cause?.response;
		if (response) {
			for (const rule of rules) {
				if (rule.type === 'responseCode' && rule.properties.value === response.status) {
					return { status: 'Error', message: rule.properties.message };
				}
			}
			const status = response.status ?? 0;
			if (status < 199 || status > 299) {
				return {
					status: 'Error',
					message: response.statusText || `Received HTTP status code: ${status}`,
				};
			}
		} else if (error.cause?.code) {
			return { status: 'Error', message: String(error.cause.code) };
		}
		return { status: 'Error', message: String(error.message) };
	}
	const json = suvvyOutputs[0]?.[0]?.json;
	for (const rule of rules) {
		if (
			rule.type === 'responseSuccessBody' &&
			valueAt(json, rule.properties.key) === rule.properties.value
		) {
			return { status: 'Error', message: rule.properties.message };
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}
