import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { issue, LocalFailure } from '../../../suvvy/localFailure';
import { connect, type Connected, type SuvvyConnection } from '../../../transport/connection';
import type { ReadParameter } from '../../shared/readParameter';
import { collectAttachments } from './attachments';
import { planMessageBody, sentFields, type BodyPlan } from './body';
import { readMessageInput, validateFields } from './input';
import type { ReadIds } from './messageIds';
import {
	interpretAnswer,
	interpretCancelled,
	interpretLocalFailure,
	withAttempts,
	type Outcome,
} from './outcome';
import { createRequestMemory, type RequestMemory } from './sending/requestMemory';
import { sendWithRetries } from './sending/retries';
import { readSendOptions, type SendOptions } from './sending/sendOptions';

/** Anything unexpected while preparing an item (an expression that fails, say) is a local 422. */
function asLocalFailure(error: unknown): LocalFailure {
	if (error instanceof LocalFailure) return error;
	const message = error instanceof Error ? error.message : String(error);
	return LocalFailure.validation([issue([], message, 'parameter_error')]);
}

export interface Prepared {
	plan: BodyPlan;
	summaries: IDataObject[];
	sent: IDataObject;
}

/** Read, check and attach one item, and plan its body; a problem found on the way is its outcome. */
export async function prepareMessage(
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
export interface Sending {
	connection: SuvvyConnection;
	options: SendOptions;
	memory: RequestMemory;
	/** The execution's cancel signal, where n8n offers one. */
	cancelled: AbortSignal | undefined;
}

/** The connection, options and memory of one execution's messages, or why there is no connection. */
export async function openSending(
	this: IExecuteFunctions,
): Promise<
	{ ok: true; sending: Sending } | { ok: false; connected: Exclude<Connected, { ok: true }> }
> {
	const options = readSendOptions.call(this);
	const connected = await connect.call(this);
	if (!connected.ok) return { ok: false, connected };
	return {
		ok: true,
		sending: {
			connection: connected.connection,
			options,
			memory: createRequestMemory(options.requestMemoryBytes),
			// Messages still waiting for their turn when the execution is cancelled are not sent at all.
			cancelled: this.getExecutionCancelSignal?.(),
		},
	};
}

/** Sends a prepared message, retries included, and reads Suvvy's answer. */
export async function sendPrepared(
	this: IExecuteFunctions,
	itemIndex: number,
	{ plan, summaries, sent }: Prepared,
	read: ReadIds,
	{ connection, options, memory, cancelled }: Sending,
): Promise<Outcome> {
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

/** One item as one message: prepared, then sent. */
export async function sendMessage(
	this: IExecuteFunctions,
	itemIndex: number,
	item: INodeExecutionData,
	read: ReadIds,
	readParameter: ReadParameter,
	sending: Sending,
): Promise<Outcome> {
	const prepared = await prepareMessage.call(this, itemIndex, item, read, readParameter);
	if ('outcome' in prepared) return prepared.outcome;
	return await sendPrepared.call(this, itemIndex, prepared, read, sending);
}
