/**
 * Calls the Suvvy node's webhook function the way n8n does when a request comes for a waiting Send
 * and Wait: through n8n-core's real WebhookContext, the query of its signed resume URL included.
 */
import {
	Workflow,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type IWebhookData,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { SuvvyWebhookApi } from '../../credentials/SuvvyWebhookApi.credentials';
import { Suvvy } from '../../nodes/Suvvy/Suvvy.node';
import { RecordingResponse } from './callTrigger';
import { TestCredentialsHelper } from './credentialsHelper';
import { createWebhookFunctions } from './engineCompat';
import { TestNodeTypes } from './nodeTypes';
import { prepareBinaryData, SUVVY_TYPE } from './runWorkflow';
import { TEST_SECRET } from './testSecrets';

export interface ResumeCall {
	body: IDataObject;
	/** The query of the resume URL: the chat and wait n8n signed into it. */
	query: Record<string, string>;
	authorization?: string;
	parameters?: IDataObject;
}

export interface ResumeResult {
	status: number | undefined;
	responseBody: IDataObject | undefined;
	/** What the waiting execution goes on with, or undefined when it waits on. */
	items: INodeExecutionData[] | undefined;
	webhookResponse: unknown;
}

export async function callResume(call: ResumeCall): Promise<ResumeResult> {
	await prepareBinaryData();
	const node: INode = {
		id: 'node-suvvy',
		name: 'Suvvy',
		type: SUVVY_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: { resource: 'message', operation: 'sendAndWait', ...call.parameters },
		credentials: {
			suvvyApi: { id: 'cred-1', name: 'Suvvy account' },
			suvvyWebhookApi: { id: 'cred-2', name: 'Suvvy webhook' },
		},
	};
	const suvvy = new Suvvy();
	const workflow = new Workflow({
		id: 'wfSuvvyWaits01',
		name: 'Send and Wait test',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes: new TestNodeTypes({ [SUVVY_TYPE]: suvvy }),
		settings: {},
	});
	const response = new RecordingResponse();
	const headers = {
		'content-type': 'application/json',
		authorization: call.authorization ?? `Bearer ${TEST_SECRET}`,
	};
	const additionalData = {
		credentialsHelper: new TestCredentialsHelper(
			{ suvvyWebhookApi: new SuvvyWebhookApi() },
			{
				suvvyWebhookApi: {
					secret: TEST_SECRET,
					webhookUrl: 'http://localhost:5678/webhook/x/webhook',
				},
			},
		),
		httpRequest: {
			method: 'POST',
			body: call.body,
			rawBody: Buffer.from(JSON.stringify(call.body)),
			headers,
			query: call.query,
			params: {},
			contentType: 'application/json',
		},
		httpResponse: response,
		executionId: '4711',
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
		path: node.id,
		webhookDescription: suvvy.description.webhooks![0],
		workflowId: workflow.id,
		workflowExecuteAdditionalData: additionalData,
	};
	const context = createWebhookFunctions(
		workflow,
		workflow.getNode(node.name) as INode,
		additionalData,
		webhookData,
	);
	const returned = await suvvy.webhook.call(context);
	return {
		status: response.statusCode,
		responseBody: response.body,
		items: returned.workflowData?.[0],
		webhookResponse: returned.webhookResponse,
	};
}
