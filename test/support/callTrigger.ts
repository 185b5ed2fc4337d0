/**
 * Calls the Suvvy Trigger's webhook function the way n8n's webhook server does: through n8n-core's
 * real WebhookContext, so parameters, credentials, HTTP downloads (nock) and binary storage are
 * n8n's own. Only the incoming request and outgoing response objects are stand-ins for Express.
 */
import {
	Workflow,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type IWebhookData,
	type IWebhookFunctions,
	type IWebhookResponseData,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { SuvvyWebhookApi } from '../../credentials/SuvvyWebhookApi.credentials';
import { SuvvyTrigger } from '../../nodes/Suvvy/SuvvyTrigger.node';
import { TestCredentialsHelper } from './credentialsHelper';
import { createWebhookFunctions } from './engineCompat';
import { assertNoLeaksInTrigger, watchEngineLogs } from './leakGuard';
import { TestNodeTypes } from './nodeTypes';
import { prepareBinaryData } from './runWorkflow';
import { TEST_SECRET } from './testSecrets';

export { TEST_SECRET };

export const TRIGGER_TYPE = 'n8n-nodes-suvvy.suvvyTrigger';

export interface TriggerCall {
	body: unknown;
	headers?: Record<string, string>;
	parameters?: INodeParameters;
	/** The webhook secret credential; leave it out for a trigger without one. */
	secret?: string;
	/** Called the moment the trigger answers the request, before it returns. */
	onAnswer?: (status: number | undefined) => void;
}

export interface TriggerResult {
	status: number | undefined;
	responseHeaders: Record<string, string>;
	responseBody: IDataObject | undefined;
	/** What the workflow would start with, or undefined when no execution starts. */
	items: INodeExecutionData[] | undefined;
	returned: IWebhookResponseData;
	/**
	 * Whether this n8n offers nodes its egress filter (n8n 2.x): with it, a host name is resolved and
	 * checked before connecting; without it (n8n 1.x), the connection itself is checked.
	 */
	offersEgressFilter: boolean;
	/** Bytes the trigger read from the answers to its downloads, kept or not. */
	bytesRead: number;
}

interface StreamedAnswer {
	body?: AsyncIterable<Buffer>;
}

/**
 * Counts what the node reads from each streamed answer n8n's HTTP helper gives it: what a download
 * cost, whatever the server sent into a connection the node then closed.
 */
function countBytesRead(helpers: IWebhookFunctions['helpers']) {
	const counter = { bytes: 0 };
	const request = helpers.httpRequest.bind(helpers);
	helpers.httpRequest = async (options) => {
		const answer = (await request(options)) as StreamedAnswer;
		const body = answer?.body;
		if (options.encoding === 'stream' && body && Symbol.asyncIterator in body) {
			const chunks = body[Symbol.asyncIterator].bind(body);
			body[Symbol.asyncIterator] = async function* () {
				for await (const chunk of { [Symbol.asyncIterator]: chunks }) {
					counter.bytes += chunk.length;
					yield chunk;
				}
			};
		}
		return answer;
	};
	return counter;
}

class RecordingResponse {
	constructor(private readonly onAnswer?: (status: number | undefined) => void) {}

	statusCode: number | undefined;
	headers: Record<string, string> = {};
	body: IDataObject | undefined;

	status(code: number) {
		this.statusCode = code;
		return this;
	}

	setHeader(name: string, value: string) {
		this.headers[name.toLowerCase()] = value;
		return this;
	}

	json(body: IDataObject) {
		this.body = body;
		this.onAnswer?.(this.statusCode);
		return this;
	}
}

export async function callTrigger(call: TriggerCall): Promise<TriggerResult> {
	await prepareBinaryData();
	watchEngineLogs();
	const node: INode = {
		id: 'node-trigger',
		name: 'Suvvy Trigger',
		type: TRIGGER_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: call.parameters ?? {},
		webhookId: 'b3c1f0de-0000-4000-8000-00000000a11c',
		...(call.secret === undefined
			? {}
			: { credentials: { suvvyWebhookApi: { id: 'cred-secret', name: 'Suvvy webhook' } } }),
	};
	const trigger = new SuvvyTrigger();
	const workflow = new Workflow({
		id: 'wfSuvvyTrigger01',
		name: 'Suvvy Trigger test',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes: new TestNodeTypes({ [TRIGGER_TYPE]: trigger }),
		settings: {},
	});
	const response = new RecordingResponse(call.onAnswer);
	const headers = { 'content-type': 'application/json', ...call.headers };
	const additionalData = {
		credentialsHelper: new TestCredentialsHelper(
			{ suvvyWebhookApi: new SuvvyWebhookApi() },
			call.secret === undefined ? {} : { suvvyWebhookApi: { secret: call.secret } },
		),
		httpRequest: {
			method: 'POST',
			body: call.body,
			headers,
			query: {},
			params: {},
			contentType: headers['content-type'],
		},
		httpResponse: response,
		executionId: undefined,
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		variables: {},
	} as unknown as IWorkflowExecuteAdditionalData;
	const webhookData: IWebhookData = {
		httpMethod: 'POST',
		node: node.name,
		path: 'webhook',
		webhookDescription: trigger.description.webhooks![0],
		workflowId: workflow.id,
		workflowExecuteAdditionalData: additionalData,
		webhookId: node.webhookId,
	};
	const context = createWebhookFunctions(
		workflow,
		workflow.getNode(node.name) as INode,
		additionalData,
		webhookData,
	);
	const read = countBytesRead(context.helpers);
	const returned = await trigger.webhook.call(context);
	assertNoLeaksInTrigger(response.body, returned.workflowData);
	return {
		status: response.statusCode,
		responseHeaders: response.headers,
		responseBody: response.body,
		items: returned.workflowData?.[0],
		returned,
		offersEgressFilter:
			typeof (context.helpers as { getSecureEgressFilter?: unknown }).getSecureEgressFilter ===
			'function',
		bytesRead: read.bytes,
	};
}
