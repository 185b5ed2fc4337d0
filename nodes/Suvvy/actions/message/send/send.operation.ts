/**
 * Send Message. Each item goes through the stages in the numbered folders beside this file:
 *   1-read     parameters → the message's IDs and input
 *   2-check    Suvvy's rules that need no file
 *   3-attach   binary fields → files to send (type, size), and something to show: text or a file
 *   4-body     input + files → the JSON body, files streamed into it
 *   5-deliver  retries, per-chat order, pacing, the memory budget of bodies in flight
 *   6-answer   Suvvy's answer (or a local refusal) → the outcome and its output
 *   7-outputs  outcomes → the node's outputs
 * What another operation would need too lives outside them: the parameter reader and the text rule
 * (actions/context/), the credential and base URL (transport/connection.ts).
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { issue, LocalFailure } from '../../../suvvyApi/localFailure';
import { connect, type SuvvyConnection } from '../../../transport/connection';
import { createParameterReader, type ReadParameter } from '../../context/readParameter';
import type { OperationDefinition } from '../../operation';
import { messageIdResolver } from './1-read/defaultMessageId';
import { readMessageIds, type ReadIds } from './1-read/messageIds';
import { readMessageInput } from './1-read/messageInput';
import { validateFields } from './2-check/messageRules';
import { collectAttachments } from './3-attach/collectAttachments';
import { sentFields } from './4-body/buildMessageBody';
import { planMessageBody, type BodyPlan } from './4-body/serializeMessageBody';
import { createByteBudget, type ByteBudget } from './5-deliver/byteBudget';
import { readDeliveryOptions, type DeliveryOptions } from './5-deliver/deliveryOptions';
import { sendInChatOrder, type ChatJob } from './5-deliver/sendInChatOrder';
import { createSendPacer } from './5-deliver/sendPacer';
import { sendWithRetries } from './5-deliver/sendWithRetries';
import { withAttempts } from './6-answer/attempts';
import {
	interpretAnswer,
	interpretCancelled,
	interpretConfigurationError,
	interpretLocalFailure,
} from './6-answer/interpretAnswer';
import type { Outcome } from './6-answer/outcome';
import { readOutputMode, SEND_OUTPUTS, type OutputMode } from './7-outputs/errorHandling';
import { apiErrorFor, shapeOutputs } from './7-outputs/shapeOutputs';
import { sendProperties } from './send.properties';

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
interface Delivery {
	connection: SuvvyConnection;
	options: DeliveryOptions;
	budget: ByteBudget;
	/** The execution's cancel signal, where n8n offers one. */
	cancelled: AbortSignal | undefined;
}

async function sendItem(
	this: IExecuteFunctions,
	itemIndex: number,
	item: INodeExecutionData,
	read: ReadIds,
	readParameter: ReadParameter,
	{ connection, options, budget, cancelled }: Delivery,
): Promise<Outcome> {
	const prepared = await prepare.call(this, itemIndex, item, read, readParameter);
	if ('outcome' in prepared) return prepared.outcome;
	const { plan, summaries, sent } = prepared;
	// The body exists from being written until its last attempt is answered.
	const release = await budget.reserve(plan.size, cancelled);
	if (!release) return interpretCancelled(itemIndex, read.ids);
	try {
		let body: Buffer;
		try {
			body = await plan.write();
		} catch (error) {
			return interpretLocalFailure(itemIndex, asLocalFailure(error), read.ids);
		}
		const delivery = await sendWithRetries.call(this, connection, body, options);
		const outcome = interpretAnswer(itemIndex, delivery.answer, read.ids, summaries, sent);
		return withAttempts(outcome, delivery);
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
	const failed = stopAtFailure && outcomes.find((outcome) => outcome && outcome.branch !== 'sent');
	if (failed) throw apiErrorFor.call(this, failed);
	return shapeOutputs(outcomes, items, mode);
}

async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const mode = readOutputMode.call(this);
	const options = readDeliveryOptions.call(this);
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

	const delivery: Delivery = {
		connection: connected.connection,
		options,
		budget: createByteBudget(options.requestMemoryBytes),
		// Messages still waiting for their turn when the execution is cancelled are not sent at all.
		cancelled: this.getExecutionCancelSignal?.(),
	};
	const pace = createSendPacer(MESSAGES_PREPARED_PER_TURN);
	const outcomes = await sendInChatOrder(
		chatJobs(reads),
		async ({ index }) => {
			await pace();
			return await sendItem.call(this, index, items[index], reads[index], readParameter, delivery);
		},
		{
			limit: stopAtFailure ? 1 : options.maxParallelRequests,
			stopAfter: stopAtFailure ? (outcome) => outcome.branch !== 'sent' : undefined,
		},
	);
	return outputsOf.call(this, outcomes as Outcome[], items, mode, stopAtFailure);
}

export const send: OperationDefinition = {
	option: {
		name: 'Send',
		value: 'send',
		description: "Send a customer's or an employee's message into a Suvvy custom channel",
		action: 'Send a message',
	},
	properties: sendProperties,
	outputs: SEND_OUTPUTS,
	execute,
};
