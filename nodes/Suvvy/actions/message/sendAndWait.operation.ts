import { randomUUID } from 'node:crypto';
import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { isRunningAsTool } from '../shared/toolMode';
import { createParameterReader } from '../shared/readParameter';
import { messageIdResolver, readMessageIds } from './send/messageIds';
import {
	interpretConfigurationError,
	interpretWaitNotRegistered,
	type Outcome,
} from './send/outcome';
import { outputsFor, readOutputMode } from './send/outputs';
import { openSending, prepareMessage, sendPrepared } from './send/sendMessage';
import { replyChannel } from './sendAndWait/channel';
import { description } from './sendAndWait/description';
import { registerWithTrigger } from './sendAndWait/registration';

export { description };

/** The registry keeps a wait a minute past its limit, as n8n resumes on its minute's check. */
const REGISTRY_MARGIN_MS = 2 * 60 * 1000;

interface ResumeUrlFunctions {
	getSignedResumeUrl?: (parameters?: Record<string, string>) => string;
	setSignatureValidationRequired?: () => void;
}

/** What only a node can be told before it is used wrongly: say it in the editor and the error. */
function refuseToWait(this: IExecuteFunctions, items: INodeExecutionData[]): void {
	const node = this.getNode();
	if (isRunningAsTool.call(this)) {
		throw new NodeOperationError(node, "Send and Wait for Reply cannot be an AI agent's tool", {
			description: "An agent's tool cannot wait; use Send, and the Suvvy Trigger for the reply.",
		});
	}
	if (items.length !== 1) {
		throw new NodeOperationError(
			node,
			`Send and Wait for Reply takes one item per execution, not ${items.length}`,
			{ description: 'n8n parks an execution once; send each message in an execution of its own.' },
		);
	}
	if (typeof (this as ResumeUrlFunctions).getSignedResumeUrl !== 'function') {
		throw new NodeOperationError(node, 'Send and Wait for Reply needs n8n 1.107 or newer', {
			description: 'This n8n cannot sign the URL that resumes a waiting execution.',
		});
	}
}

const ENDS_ON: Record<string, string[]> = {
	ai: ['ai'],
	employee: ['employee'],
	either: ['ai', 'employee'],
};

/**
 * Sends the item as Send does, then parks the execution until Suvvy's reply in that chat comes
 * through the Suvvy Trigger, or the wait's time is up. A message Suvvy (or a local check) refuses
 * leaves at once by its error output, and nothing waits.
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	refuseToWait.call(this, items);
	const mode = readOutputMode.call(this);
	const stopAtFailure = mode === 'useN8nErrorHandling' && !this.continueOnFail();
	const finish = (outcome: Outcome) => outputsFor.call(this, [outcome], items, mode, stopAtFailure);

	const readParameter = createParameterReader.call(this);
	const read = readMessageIds(readParameter, 0, messageIdResolver.call(this, readParameter));
	const opened = await openSending.call(this);
	if (!opened.ok) return finish(interpretConfigurationError(0, opened.connected, read.ids));
	const prepared = await prepareMessage.call(this, 0, items[0], read, readParameter);
	if ('outcome' in prepared) return finish(prepared.outcome);

	const chatId = String(read.ids.chat_id);
	const waitId = randomUUID();
	const waitMs = (this.getNodeParameter('waitMinutes', 0, 5) as number) * 60 * 1000;
	const resumeFunctions = this as ResumeUrlFunctions;
	const resumeUrl = resumeFunctions.getSignedResumeUrl!({ chat: chatId, wait: waitId });
	const channel = await replyChannel.call(this, resumeUrl);
	if (!channel.ok) return finish(interpretWaitNotRegistered(0, channel.problem, read.ids));
	// n8n 1.107 to 2.13 check the signature only when asked to.
	resumeFunctions.setSignatureValidationRequired?.();
	const registered = await registerWithTrigger.call(this, channel.channel, {
		chat_id: chatId,
		wait_id: waitId,
		resume_url: resumeUrl,
		expires_at: Date.now() + waitMs + REGISTRY_MARGIN_MS,
		end_on: ENDS_ON[this.getNodeParameter('endWaitOn', 0, 'either') as string] ?? ENDS_ON.either,
		gather_ms: (this.getNodeParameter('gatherSeconds', 0, 2) as number) * 1000,
		sent: { ...read.ids, ...prepared.sent },
	});
	if (!registered.ok) return finish(interpretWaitNotRegistered(0, registered.problem, read.ids));

	const outcome = await sendPrepared.call(this, 0, prepared, read, opened.sending);
	if (outcome.output !== 'sent') return finish(outcome);

	// What comes out if no reply comes in time: n8n then resumes the node with its input as it is.
	const noReply: INodeExecutionData = {
		json: {
			replied: false,
			reason: `No reply came within ${waitMs / 60_000} minute(s)`,
			chat_id: chatId,
			sent: outcome.json as IDataObject,
		},
		pairedItem: { item: 0 },
	};
	this.getExecuteData().data = { main: [[noReply]] };
	await this.putExecutionToWait(new Date(Date.now() + waitMs));
	return [[noReply]];
}
