/**
 * Runs a real workflow on n8n-core's engine: Fixture Items → Suvvy → one Receiver per output.
 * Only HTTP is fake (nock); parameters, expressions, binary storage and routing are n8n's own.
 */
import { WorkflowExecute } from 'n8n-core';
import {
	Workflow,
	type ICredentialDataDecryptedObject,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type IConnections,
	type IRun,
	type IWorkflowBase,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { SuvvyApi } from '../../credentials/SuvvyApi.credentials';
import { SuvvyWebhookApi } from '../../credentials/SuvvyWebhookApi.credentials';
import { Suvvy } from '../../nodes/Suvvy/Suvvy.node';
import { TestCredentialsHelper } from './credentialsHelper';
import { createHooks, finalStatus, initBinaryData, startRunExecutionData } from './engineCompat';
import { assertNoLeaks, watchEngineLogs } from './leakGuard';
import { TestNodeTypes } from './nodeTypes';
import { TEST_TOKEN } from './testSecrets';

export { TEST_TOKEN };
import {
	FIXTURE_ITEMS_TYPE,
	FixtureItems,
	RECEIVER_TYPE,
	Receiver,
	type FixtureItem,
} from './testNodes';

export const SUVVY_TYPE = 'n8n-nodes-suvvy.suvvy';
export const WORKFLOW_ID = 'wfSuvvyTest00001';
export const EXECUTION_ID = '4711';

export interface WorkflowRun {
	run: IRun;
	/** The items of each Suvvy output, in output order. */
	suvvyOutputs: INodeExecutionData[][];
	/** What each Receiver got, keyed by the output index it hangs off. */
	received: Record<number, INodeExecutionData[]>;
}

export interface RunOptions {
	items: FixtureItem[];
	parameters: INodeParameters;
	credentials?: ICredentialDataDecryptedObject;
	nodeSettings?: Partial<INode>;
	/** How many Suvvy outputs get a Receiver; 7 unless the node runs with one output. */
	outputCount?: number;
	/** n8n gives a node used as an agent's tool a type ending in "Tool". */
	suvvyType?: string;
	/** The node in Suvvy's place; the Suvvy node unless a test probes a helper on its own. */
	node?: INodeType;
	/** Called once the execution has started, with what cancels it (as n8n's Stop button does). */
	onStarted?: (execution: { cancel(): void }) => void;
	/** The Suvvy Webhook Secret credential, for Send and Wait for Reply. */
	webhookCredential?: ICredentialDataDecryptedObject;
	/** Where this n8n serves its webhooks and resume URLs; http://localhost:5678 unless told. */
	n8nUrl?: string;
}

let binaryDataReady: Promise<void> | undefined;

/** n8n keeps binary data on disk by default; the store lives in the test run's user folder. */
export function prepareBinaryData(): Promise<void> {
	binaryDataReady ??= initBinaryData();
	return binaryDataReady;
}

export const TEST_BASE_URL = 'https://suvvy.test';

function buildWorkflowData(options: RunOptions): IWorkflowBase {
	const outputCount = options.outputCount ?? 7;
	const nodes: INode[] = [
		{
			id: 'node-fixture',
			name: 'Fixture Items',
			type: FIXTURE_ITEMS_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters: { items: JSON.stringify(options.items) },
		},
		{
			id: 'node-suvvy',
			name: 'Suvvy',
			type: options.suvvyType ?? SUVVY_TYPE,
			typeVersion: 1,
			position: [200, 0],
			parameters: options.parameters,
			credentials: {
				suvvyApi: { id: 'cred-1', name: 'Suvvy account' },
				...(options.webhookCredential
					? { suvvyWebhookApi: { id: 'cred-2', name: 'Suvvy webhook' } }
					: {}),
			},
			...withLegacyContinueOnFail(options.nodeSettings),
		},
	];
	const connections: IConnections = {
		'Fixture Items': { main: [[{ node: 'Suvvy', type: 'main', index: 0 }]] },
		Suvvy: { main: [] },
	};
	for (let output = 0; output < outputCount; output++) {
		const name = `Receiver ${output}`;
		nodes.push({
			id: `node-receiver-${output}`,
			name,
			type: RECEIVER_TYPE,
			typeVersion: 1,
			position: [400, output * 100],
			parameters: {},
		});
		connections.Suvvy.main[output] = [{ node: name, type: 'main', index: 0 }];
	}
	return {
		id: WORKFLOW_ID,
		name: 'Suvvy engine test',
		active: false,
		activeVersionId: null,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
		nodes,
		connections,
		settings: {},
	};
}

/**
 * n8n before the On Error setting (n8n-core 1.14 still) knew only the Continue On Fail flag; later
 * lines read On Error first and fall back to the flag, so old workflows keep working. A test's On
 * Error is also written as the flag, the setting an editor of the older lines saved.
 */
function withLegacyContinueOnFail(settings: Partial<INode> | undefined): Partial<INode> | undefined {
	if (settings?.onError === undefined || settings.continueOnFail !== undefined) return settings;
	return { ...settings, continueOnFail: settings.onError !== 'stopWorkflow' };
}

export async function runWorkflow(options: RunOptions): Promise<WorkflowRun> {
	await prepareBinaryData();
	watchEngineLogs();
	const workflowData = buildWorkflowData(options);
	const workflow = new Workflow({
		id: workflowData.id,
		name: workflowData.name,
		nodes: workflowData.nodes,
		connections: workflowData.connections,
		active: false,
		nodeTypes: new TestNodeTypes({
			[FIXTURE_ITEMS_TYPE]: new FixtureItems(),
			[RECEIVER_TYPE]: new Receiver(),
			[options.suvvyType ?? SUVVY_TYPE]: options.node ?? new Suvvy(),
		}),
		settings: {},
	});

	const hooks = createHooks(EXECUTION_ID, workflowData);
	const credentials = options.credentials ?? { token: TEST_TOKEN, baseUrl: TEST_BASE_URL };
	const n8nUrl = options.n8nUrl ?? 'http://localhost:5678';
	const additionalData = {
		credentialsHelper: new TestCredentialsHelper(
			{ suvvyApi: new SuvvyApi(), suvvyWebhookApi: new SuvvyWebhookApi() },
			{
				suvvyApi: credentials,
				...(options.webhookCredential ? { suvvyWebhookApi: options.webhookCredential } : {}),
			},
		),
		hooks,
		executionId: EXECUTION_ID,
		currentNodeExecutionIndex: 0,
		restApiUrl: `${n8nUrl}/rest`,
		instanceBaseUrl: `${n8nUrl}/`,
		formWaitingBaseUrl: `${n8nUrl}/form-waiting`,
		webhookBaseUrl: `${n8nUrl}/webhook`,
		webhookWaitingBaseUrl: `${n8nUrl}/webhook-waiting`,
		webhookTestBaseUrl: `${n8nUrl}/webhook-test`,
		variables: {},
	} as unknown as IWorkflowExecuteAdditionalData;

	const startNode = workflow.getNode('Fixture Items') as INode;
	const runExecutionData = startRunExecutionData(startNode);
	const execution = new WorkflowExecute(
		additionalData,
		'manual',
		runExecutionData,
	).processRunExecutionData(workflow);
	options.onStarted?.({ cancel: () => execution.cancel() });
	const run = finalStatus(await execution);

	assertNoLeaks(
		run,
		options.items.flatMap((item) => Object.values(item.files ?? {}).map((file) => file.base64)),
	);
	const suvvyRun = run.data.resultData.runData.Suvvy?.[0];
	const suvvyOutputs = (suvvyRun?.data?.main ?? []).map((items) => items ?? []);
	const received: Record<number, INodeExecutionData[]> = {};
	for (let output = 0; output < (options.outputCount ?? 7); output++) {
		const receiverRun = run.data.resultData.runData[`Receiver ${output}`]?.[0];
		received[output] = receiverRun?.data?.main[0] ?? [];
	}
	return { run, suvvyOutputs, received };
}
