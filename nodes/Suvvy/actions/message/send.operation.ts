import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { createParameterReader } from '../shared/readParameter';
import { description } from './send/description';
import { messageIdResolver, readMessageIds, type ReadIds } from './send/messageIds';
import { interpretConfigurationError, type Outcome } from './send/outcome';
import { outputsFor, readOutputMode } from './send/outputs';
import { openSending, sendMessage } from './send/sendMessage';
import { sendInChatOrder, type ChatJob } from './send/sending/chatOrder';
import { createSendPacer } from './send/sending/pacer';

export { description };

/** Items whose chat ID did not resolve cannot be ordered against others, so each goes alone. */
function chatJobs(reads: ReadIds[]): ChatJob[] {
	return reads.map(({ ids }, index) => ({
		index,
		chat: ids.chat_id === null ? `item:${index}` : `chat:${ids.chat_id}`,
	}));
}

/** Enough to keep a handful of requests in flight per turn, few enough that each leaves promptly. */
const MESSAGES_PREPARED_PER_TURN = 4;

/**
 * Sends each input item as one message: read and check it, attach its files, write the body, send
 * it (retries, per-chat order, pacing, request memory), then route Suvvy's answer to its output.
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const mode = readOutputMode.call(this);
	const opened = await openSending.call(this);
	const readParameter = createParameterReader.call(this);
	const messageIdOf = messageIdResolver.call(this, readParameter);
	const reads = items.map((_item, itemIndex) =>
		readMessageIds(readParameter, itemIndex, messageIdOf),
	);
	// n8n's own error handling stops at the first refusal. Nothing after it may have been sent, so
	// in that mode messages go one at a time.
	const stopAtFailure = mode === 'useN8nErrorHandling' && !this.continueOnFail();
	if (!opened.ok) {
		const refused = reads.map(({ ids }, index) =>
			interpretConfigurationError(index, opened.connected, ids),
		);
		return outputsFor.call(this, refused, items, mode, stopAtFailure);
	}
	const { sending } = opened;
	const pace = createSendPacer(MESSAGES_PREPARED_PER_TURN);
	const outcomes = await sendInChatOrder(
		chatJobs(reads),
		async ({ index }) => {
			await pace();
			return await sendMessage.call(
				this,
				index,
				items[index],
				reads[index],
				readParameter,
				sending,
			);
		},
		{
			limit: stopAtFailure ? 1 : sending.options.maxParallelRequests,
			stopAfter: stopAtFailure ? (outcome) => outcome.output !== 'sent' : undefined,
		},
	);
	return outputsFor.call(this, outcomes as Outcome[], items, mode, stopAtFailure);
}
