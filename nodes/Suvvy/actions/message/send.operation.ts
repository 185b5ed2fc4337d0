import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { issue, LocalFailure } from '../../suvvy/localFailure';
import { connect, type SuvvyConnection } from '../../transport/connection';
import { createParameterReader, type ReadParameter } from '../shared/readParameter';
import { collectAttachments } from './send/attachments';
import { planMessageBody, sentFields, type BodyPlan } from './send/body';
import { description } from './send/description';
import { readMessageInput, validateFields } from './send/input';
import { messageIdResolver, readMessageIds, type ReadIds } from './send/messageIds';
import {
	interpretAnswer,
	interpretCancelled,
	interpretConfigurationError,
	interpretLocalFailure,
	withAttempts,
	type Outcome,
} from './send/outcome';
import { apiErrorFor, readOutputMode, shapeOutputs, type OutputMode } from './send/outputs';
import { sendInChatOrder, type ChatJob } from './send/sending/chatOrder';
import { createSendPacer } from './send/sending/pacer';
import { createRequestMemory, type RequestMemory } from './send/sending/requestMemory';
import { sendWithRetries } from './send/sending/retries';
import { readSendOptions, type SendOptions } from './send/sending/sendOptions';

export { description };

/** Anything unexpected while preparing an item (an expression that fails, say) is a local 422. */
function asLocalFailure(error: unknown): LocalFailure {
	if (error instanceof LocalFailure) return error;
	const message = error instanceof Error ? error.message : String(error);
	return LocalFailure.validation([issue([], message, 'parameter_error')]);
}

interface Prepared {
	plan: BodyPlan;
	summaries: IDataObject[];
	sent: IDataObject;
}

/** Read, check and attach one item, and plan its body; a problem found on the way is its outcome. */
async function prepare(
	this: IExecuteFunctions,
	itemIndex: number,
	item: INodeExecutionData,
	read: ReadIds,
	readParameter: ReadParameter,
): Promise<Prepared | { outcome: Outcome }> {
	const refused = (failure: LocalFailure) => ({
		outcome: interpretLocalFailure(itemIndex, failure, read.ids),
	});
	try {
		const input = readMessageInput(readParameter, itemIndex, read);
		const fieldIssues = validateFields(input);
		if (fieldIssues.length) return refused(LocalFailure.validation(fieldIssues));

		const collected = await collectAttachments.call(this, itemIndex, item, input);
		const plan = planMessageBody(input, collected.attachments);
		const summaries = collected.summaries as unknown as IDataObject[];
		return { plan, summaries, sent: sentFields(input) };
	} catch (error) {
		return refused(asLocalFailure(error));
	}
}

/** What every message of one execution is sent with. */
interface Sending {
	connection: SuvvyConnection;
	options: SendOptions;
	memory: RequestMemory;
	/** The execution's cancel signal, where n8n offers one. */
	cancelled: AbortSignal | undefined;
}

async function sendItem(
	this: IExecuteFunctions,
	itemIndex: number,
	item: INodeExecutionData,
	read: ReadIds,
	readParameter: ReadParameter,
	{ connection, options, memory, cancelled }: Sending,
): Promise<Outcome> {
	const prepared = await prepare.call(this, itemIndex, item, read, readParameter);
	if ('outcome' in prepared) return prepared.outcome;
	const { plan, summaries, sent } = prepared;
	// The body exists from being written until its last attempt is answered.
	const release = await memory.reserve(plan.size, cancelled);
	if (!release) return interpretCancelled(itemIndex, read.ids);
	try {
		let body: Buffer;
		try {
			body = await plan.write();
		} catch (error) {
			return interpretLocalFailure(itemIndex, asLocalFailure(error), read.ids);
		}
		const result = await sendWithRetries.call(this, connection, body, options);
		const outcome = interpretAnswer(itemIndex, result.answer, read.ids, summaries, sent);
		return withAttempts(outcome, result);
	} finally {
		release();
	}
}

/** Items whose chat ID did not resolve cannot be ordered against others, so each goes alone. */
function chatJobs(reads: ReadIds[]): ChatJob[] {
	return reads.map(({ ids }, index) => ({
		index,
		chat: ids.chat_id === null ? `item:${index}` : `chat:${ids.chat_id}`,
	}));
}

/** Enough to keep a handful of requests in flight per turn, few enough that each leaves promptly. */
const MESSAGES_PREPARED_PER_TURN = 4;

/** Each outcome on its output; with n8n's own error handling, the first refusal fails the node. */
function outputsOf(
	this: IExecuteFunctions,
	outcomes: Outcome[],
	items: INodeExecutionData[],
	mode: OutputMode,
	stopAtFailure: boolean,
): INodeExecutionData[][] {
	const failed = stopAtFailure && outcomes.find((outcome) => outcome && outcome.output !== 'sent');
	if (failed) throw apiErrorFor.call(this, failed);
	return shapeOutputs(outcomes, items, mode);
}

/**
 * Sends each input item as one message: read and check it, attach its files, write the body, send
 * it (retries, per-chat order, pacing, request memory), then route Suvvy's answer to its output.
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const mode = readOutputMode.call(this);
	const options = readSendOptions.call(this);
	const connected = await connect.call(this);
	const readParameter = createParameterReader.call(this);
	const messageIdOf = messageIdResolver.call(this, readParameter);
	const reads = items.map((_item, itemIndex) =>
		readMessageIds(readParameter, itemIndex, messageIdOf),
	);
	// n8n's own error handling stops at the first refusal. Nothing after it may have been sent, so
	// in that mode messages go one at a time.
	const stopAtFailure = mode === 'useN8nErrorHandling' && !this.continueOnFail();
	if (!connected.ok) {
		const refused = reads.map(({ ids }, index) =>
			interpretConfigurationError(index, connected, ids),
		);
		return outputsOf.call(this, refused, items, mode, stopAtFailure);
	}

	const sending: Sending = {
		connection: connected.connection,
		options,
		memory: createRequestMemory(options.requestMemoryBytes),
		// Messages still waiting for their turn when the execution is cancelled are not sent at all.
		cancelled: this.getExecutionCancelSignal?.(),
	};
	const pace = createSendPacer(MESSAGES_PREPARED_PER_TURN);
	const outcomes = await sendInChatOrder(
		chatJobs(reads),
		async ({ index }) => {
			await pace();
			return await sendItem.call(this, index, items[index], reads[index], readParameter, sending);
		},
		{
			limit: stopAtFailure ? 1 : options.maxParallelRequests,
			stopAfter: stopAtFailure ? (outcome) => outcome.output !== 'sent' : undefined,
		},
	);
	return outputsOf.call(this, outcomes as Outcome[], items, mode, stopAtFailure);
}
