/**
 * What the harness needs from n8n-core and n8n-workflow, found by feature detection, so the engine and
 * trigger tests run on every n8n line the compatibility matrix tries (jest.matrix.config.js). Only the
 * harness adapts here; the Suvvy nodes get exactly the engine of the line under test.
 *
 *  - run data:  `createRunExecutionData` (n8n-workflow ≥ 1.11x) or the plain object it builds;
 *  - hooks:     n8n-core's `ExecutionLifecycleHooks` (≥ 1.8x) or n8n-workflow's `WorkflowHooks`;
 *  - webhooks:  n8n-core's `WebhookContext` class (≥ 1.7x) or `NodeExecuteFunctions.getExecuteWebhookFunctions`;
 *  - binary data: `BinaryDataService.init()` reads its own config (≥ 1.9x) or takes one as argument;
 *  - expressions: n8n-workflow before 1.11x evaluates with riot `tmpl` until the server switches to
 *    `tournament` (the server's default, N8N_EXPRESSION_EVALUATOR), so the harness switches too;
 *  - run status: WorkflowExecute before 1.8x leaves a failed run's status at 'running' and the server
 *    derives 'error' from `resultData.error` (`determineFinalExecutionStatus`); the harness does the same.
 */
import { Container } from '@n8n/di';
import * as core from 'n8n-core';
import * as workflowModule from 'n8n-workflow';
import type {
	IExecuteResponsePromiseData,
	INode,
	INodeExecutionData,
	IRun,
	IRunExecutionData,
	IWebhookData,
	IWebhookFunctions,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	Workflow,
} from 'n8n-workflow';

type AnyRecord = Record<string, unknown>;
type Constructor = new (...args: unknown[]) => AnyRecord;

const coreExports = core as unknown as AnyRecord;
const workflowExports = workflowModule as unknown as AnyRecord;

/** The main connection type; n8n-workflow before 1.83 has no NodeConnectionTypes, only the string. */
export const MAIN: 'main' = workflowModule.NodeConnectionTypes?.Main ?? 'main';

const evaluatorProxy = workflowExports.ExpressionEvaluatorProxy as
	| { setEvaluator?: (type: string) => void }
	| undefined;
if (typeof evaluatorProxy?.setEvaluator === 'function') evaluatorProxy.setEvaluator('tournament');

/** The status n8n's server records for a run, whatever the engine line left in `run.status`. */
export function finalStatus(run: IRun): IRun {
	if (run.status === 'running' || run.status === undefined) {
		run.status = run.data.resultData.error ? 'error' : run.finished ? 'success' : run.status;
	}
	return run;
}

/** n8n-core's BinaryDataService, started once; older lines take their config as an argument. */
export async function initBinaryData(): Promise<void> {
	const service = Container.get(core.BinaryDataService) as unknown as {
		init: (config?: unknown) => Promise<void>;
	};
	if (service.init.length === 0) return await service.init();
	// n8n-core before 1.9x: the config n8n's server passed, with its defaults (binary data in memory,
	// the file store available, kept in the user folder's .n8n/binaryData).
	const { n8nFolder } = Container.get(core.InstanceSettings) as unknown as { n8nFolder: string };
	return await service.init({
		mode: 'default',
		availableModes: ['filesystem'],
		localStoragePath: `${n8nFolder}/binaryData`,
	});
}

/** A run that starts at `startNode` with `items` (one empty item unless given). */
export function startRunExecutionData(
	startNode: INode,
	items: INodeExecutionData[] = [{ json: {} }],
): IRunExecutionData {
	const nodeExecutionStack = [{ node: startNode, data: { main: [items] }, source: null }];
	const create = workflowExports.createRunExecutionData as
		| ((data: unknown) => IRunExecutionData)
		| undefined;
	if (typeof create === 'function') return create({ executionData: { nodeExecutionStack } });
	return {
		startData: {},
		resultData: { runData: {}, pinData: {} },
		executionData: {
			contextData: {},
			nodeExecutionStack,
			metadata: {},
			waitingExecution: {},
			waitingExecutionSource: {},
		},
	} as unknown as IRunExecutionData;
}

/**
 * The execution's lifecycle hooks: none, or one for `sendResponse` (what a node's answer to the
 * webhook request that started the execution goes through). The tests read the run n8n returns.
 */
export function createHooks(
	executionId: string,
	workflowData: IWorkflowBase,
	onSendResponse?: (response: IExecuteResponsePromiseData) => void,
): unknown {
	const LifecycleHooks = coreExports.ExecutionLifecycleHooks as Constructor | undefined;
	if (LifecycleHooks) {
		const hooks = new LifecycleHooks('manual', executionId, workflowData) as {
			addHandler: (name: string, handler: unknown) => void;
		};
		if (onSendResponse) hooks.addHandler('sendResponse', onSendResponse);
		return hooks;
	}
	const WorkflowHooks = workflowExports.WorkflowHooks as Constructor;
	const handlers = onSendResponse ? { sendResponse: [onSendResponse] } : {};
	return new WorkflowHooks(handlers, 'manual', executionId, workflowData);
}

/** What n8n hands a trigger's `webhook` method as `this`. */
export function createWebhookFunctions(
	workflow: Workflow,
	node: INode,
	additionalData: IWorkflowExecuteAdditionalData,
	webhookData: IWebhookData,
): IWebhookFunctions {
	const WebhookContext = coreExports.WebhookContext as Constructor | undefined;
	if (WebhookContext) {
		return new WebhookContext(
			workflow,
			node,
			additionalData,
			'webhook',
			webhookData,
			[],
			null,
		) as unknown as IWebhookFunctions;
	}
	const functions = coreExports.NodeExecuteFunctions as {
		getExecuteWebhookFunctions: (...args: unknown[]) => IWebhookFunctions;
	};
	return functions.getExecuteWebhookFunctions(
		workflow,
		node,
		additionalData,
		'webhook',
		webhookData,
	);
}

/** Whether this engine signs resume URLs, which Send and Wait for Reply needs (n8n-core 1.106 and newer). */
export const SIGNS_RESUME_URLS = (() => {
	const ExecuteContext = coreExports.ExecuteContext as { prototype?: object } | undefined;
	return (
		typeof ExecuteContext?.prototype === 'object' &&
		'getSignedResumeUrl' in ExecuteContext.prototype
	);
})();
