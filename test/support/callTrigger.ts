/**
 * Calls the Suvvy Trigger's webhook function the way n8n's webhook server does: through n8n-core's
 * real WebhookContext, so parameters, credentials, HTTP downloads (nock) and binary storage are
 * n8n's own. Only the incoming request and outgoing response objects are stand-ins for Express.
 * Suvvy's answer is then what n8n would send: the trigger's own refusal; or, for items, what the
 * webhook function returned (`onReceived`, n8n 2.8 and newer, once the execution is stored) or what
 * the trigger's first step sends once n8n runs the stored execution (`responseNode`, older n8n),
 * run here on n8n-core's real engine.
 */
import { WorkflowExecute } from 'n8n-core';
import {
	Workflow,
	type IDataObject,
	type IExecuteResponsePromiseData,
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
import { createHooks, createWebhookFunctions, startRunExecutionData } from './engineCompat';
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
	/**
	 * The trigger's webhook secret, TEST_SECRET unless given; null for a trigger without a Suvvy
	 * Webhook Secret credential. Without `headers`, the request carries the secret as Suvvy sends it.
	 */
	secret?: string | null;
	/** Called the moment Suvvy is answered. */
	onAnswer?: (status: number | undefined) => void;
	/** The bytes n8n read, when they are not the body as JSON (n8n keeps them as `rawBody`). */
	rawBody?: Buffer;
	/** Which of the trigger's webhooks is called: Suvvy's ('default', unless given) or 'setup'. */
	webhook?: 'default' | 'setup';
	/** Where n8n serves webhooks from (the origin of the trigger's own URLs); n8n's default unless given. */
	n8nUrl?: string;
	/** The trigger node's static data as n8n loaded it for this request (kept in it, as n8n would save it). */
	staticData?: IDataObject;
	/** The trigger node's ID: another ID is another trigger, with a registry of its own in this process. */
	nodeId?: string;
	/** 'full': n8n's binary store fails every write, as on a full disk. */
	binaryStorage?: 'full';
	/** Called as the trigger's webhook function starts, and as it returns: what the trigger itself does. */
	around?: { start(): void; end(): void };
}

export interface TriggerResult {
	status: number | undefined;
	responseHeaders: Record<string, string>;
	responseBody: IDataObject | undefined;
	/** What the workflow would start with, or undefined when no execution starts. */
	items: INodeExecutionData[] | undefined;
	returned: IWebhookResponseData;
	/** How the trigger asked n8n to answer Suvvy (compat/answerMode.ts). */
	answerMode: string;
	/**
	 * Whether this n8n offers nodes its egress filter: with it, a host name is resolved and checked
	 * before connecting; without it, an https connection is checked where it went, and a plain http
	 * link by name is not fetched.
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

export class RecordingResponse {
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

	/** n8n's own answer: its status defaults to 200. */
	answer(status: number, body: IDataObject | undefined) {
		this.status(status);
		this.json(body ?? {});
	}
}

/**
 * What n8n 2.8 and newer send for an onReceived webhook that started an execution: the description's
 * `responseData` ('firstEntryJson' when it has none, sent as that string), else what the webhook
 * function returned.
 */
function onReceivedBody(
	description: IWebhookData['webhookDescription'],
	returned: IWebhookResponseData,
): IDataObject | undefined {
	const responseData = description.responseData ?? 'firstEntryJson';
	if (responseData === 'noData') return undefined;
	if (responseData) return responseData as unknown as IDataObject;
	return returned.webhookResponse as IDataObject | undefined;
}

/** Runs the stored execution's first step, the trigger, on n8n-core's engine, as n8n would. */
async function runFirstStep(
	workflow: Workflow,
	node: INode,
	items: INodeExecutionData[],
	additionalData: IWorkflowExecuteAdditionalData,
	onSendResponse: (response: IExecuteResponsePromiseData) => void,
): Promise<INodeExecutionData[]> {
	const workflowData = {
		id: workflow.id,
		name: workflow.name,
		nodes: [node],
		connections: {},
		active: true,
		settings: {},
	} as unknown as Parameters<typeof createHooks>[1];
	additionalData.hooks = createHooks('4712', workflowData, onSendResponse) as never;
	const run = await new WorkflowExecute(
		additionalData,
		'webhook',
		startRunExecutionData(node, items),
	).processRunExecutionData(workflow);
	return run.data.resultData.runData[node.name]?.[0]?.data?.main[0] ?? [];
}

/** Whether this n8n gives nodes a working egress filter (n8n 2.30 and newer; see route.ts). */
function offersEgressFilter(context: IWebhookFunctions): boolean {
	const helpers = context.helpers as {
		getSecureEgressFilter?: (policy: string) => { createSecureLookup?: unknown } | undefined;
	};
	return typeof helpers.getSecureEgressFilter?.('enforced')?.createSecureLookup === 'function';
}

export async function callTrigger(call: TriggerCall): Promise<TriggerResult> {
	const secret = call.secret === undefined ? TEST_SECRET : call.secret;
	const n8nUrl = call.n8nUrl ?? 'http://localhost:5678';
	await prepareBinaryData();
	watchEngineLogs();
	const node: INode = {
		id: call.nodeId ?? 'node-trigger',
		name: 'Suvvy Trigger',
		type: TRIGGER_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: call.parameters ?? {},
		webhookId: 'b3c1f0de-0000-4000-8000-00000000a11c',
		...(secret === null
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
		staticData: call.staticData ? { [`node:${node.name}`]: call.staticData } : undefined,
	});
	const response = new RecordingResponse(call.onAnswer);
	const asSuvvySends = secret === null ? {} : { authorization: `Bearer ${secret}` };
	const headers = { 'content-type': 'application/json', ...(call.headers ?? asSuvvySends) };
	const rawBody =
		call.rawBody ?? (call.body === undefined ? undefined : Buffer.from(JSON.stringify(call.body)));
	const additionalData = {
		credentialsHelper: new TestCredentialsHelper(
			{ suvvyWebhookApi: new SuvvyWebhookApi() },
			secret === null ? {} : { suvvyWebhookApi: { secret } },
		),
		httpRequest: {
			method: 'POST',
			body: call.body,
			rawBody,
			headers,
			query: {},
			params: {},
			contentType: headers['content-type'],
		},
		httpResponse: response,
		executionId: undefined,
		restApiUrl: `${n8nUrl}/rest`,
		instanceBaseUrl: `${n8nUrl}/`,
		webhookBaseUrl: `${n8nUrl}/webhook`,
		webhookWaitingBaseUrl: `${n8nUrl}/webhook-waiting`,
		webhookTestBaseUrl: `${n8nUrl}/webhook-test`,
		variables: {},
	} as unknown as IWorkflowExecuteAdditionalData;
	const webhookData: IWebhookData = {
		httpMethod: 'POST',
		node: node.name,
		path: call.webhook === 'setup' ? 'register' : 'webhook',
		webhookDescription: trigger.description.webhooks!.find(
			({ name }) => name === (call.webhook ?? 'default'),
		)!,
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
	if (call.binaryStorage === 'full') {
		context.helpers.prepareBinaryData = async () => {
			throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
		};
	}
	call.around?.start();
	const returned = await trigger.webhook.call(context);
	call.around?.end();
	const answerMode = String(webhookData.webhookDescription.responseMode);
	let items = returned.workflowData?.[0];
	if (!returned.noWebhookResponse) {
		if (items && answerMode === 'responseNode') {
			items = await runFirstStep(workflow, node, items, additionalData, (sent) =>
				response.answer(Number(sent.statusCode ?? 200), sent.body as IDataObject),
			);
		} else if (items) {
			response.answer(200, onReceivedBody(webhookData.webhookDescription, returned));
		} else {
			response.answer(200, returned.webhookResponse as IDataObject | undefined);
		}
	}
	assertNoLeaksInTrigger(response.body, returned.workflowData);
	return {
		status: response.statusCode,
		responseHeaders: response.headers,
		responseBody: response.body,
		items,
		returned,
		answerMode,
		offersEgressFilter: offersEgressFilter(context),
		bytesRead: read.bytes,
	};
}
