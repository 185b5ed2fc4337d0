import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { buildMessageBody } from '../../helpers/buildMessageBody';
import { collectAttachments } from '../../helpers/collectAttachments';
import {
	isRunningAsTool,
	ROUTE_TO_OUTPUTS,
	USE_N8N_ERROR_HANDLING,
} from '../../helpers/errorHandling';
import { interpretAnswer, interpretLocalFailure } from '../../helpers/interpretAnswer';
import { issue, LocalFailure } from '../../helpers/localFailure';
import type { MessageIdentity, Outcome } from '../../helpers/outcome';
import { readMessageInput } from '../../helpers/readMessageInput';
import { apiErrorFor, shapeOutputs, type OutputMode } from '../../helpers/shapeOutputs';
import { validateContent, validateFields } from '../../helpers/validateMessage';
import { postMessage } from '../../transport';
import { sendProperties } from './send.properties';

export const description: INodeProperties[] = sendProperties;

interface SuvvyCredentials {
	baseUrl?: string;
}

/** The IDs as far as they resolve, so even an item whose parameters fail says which message it was. */
function readIdentity(context: IExecuteFunctions, itemIndex: number): MessageIdentity {
	const read = (name: string): string | null => {
		try {
			const value = context.getNodeParameter(name, itemIndex, '') as unknown;
			return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
		} catch {
			return null;
		}
	};
	return { message_id: read('messageId'), chat_id: read('chatId') };
}

/** Anything unexpected while preparing an item (an expression that fails, say) is a local 422. */
function asLocalFailure(error: unknown): LocalFailure {
	if (error instanceof LocalFailure) return error;
	const message = error instanceof Error ? error.message : String(error);
	return LocalFailure.validation([issue([], message, 'parameter_error')]);
}

async function sendItem(
	this: IExecuteFunctions,
	itemIndex: number,
	item: INodeExecutionData,
	baseUrl: string | undefined,
): Promise<Outcome> {
	const identity = readIdentity(this, itemIndex);
	let body: IDataObject;
	let summaries: IDataObject[];
	try {
		const input = readMessageInput.call(this, itemIndex);
		const fieldIssues = validateFields(input);
		if (fieldIssues.length)
			return interpretLocalFailure(itemIndex, LocalFailure.validation(fieldIssues), identity);

		const collected = await collectAttachments.call(this, itemIndex, item, input);
		const contentIssues = validateContent(input, collected.attachments.length);
		if (contentIssues.length)
			return interpretLocalFailure(itemIndex, LocalFailure.validation(contentIssues), identity);

		body = buildMessageBody(input, collected.attachments);
		summaries = collected.summaries as unknown as IDataObject[];
	} catch (error) {
		return interpretLocalFailure(itemIndex, asLocalFailure(error), identity);
	}
	const answer = await postMessage.call(this, baseUrl, JSON.stringify(body));
	return interpretAnswer(itemIndex, answer, identity, summaries);
}

function outputMode(context: IExecuteFunctions): OutputMode {
	if (isRunningAsTool(context)) return 'tool';
	const errorHandling = context.getNodeParameter('errorHandling', 0, ROUTE_TO_OUTPUTS);
	return errorHandling === USE_N8N_ERROR_HANDLING ? 'useN8nErrorHandling' : 'routeToOutputs';
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const mode = outputMode(this);
	const { baseUrl } = await this.getCredentials<SuvvyCredentials>('suvvyApi');

	const outcomes: Outcome[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const outcome = await sendItem.call(this, itemIndex, items[itemIndex], baseUrl);
		if (mode === 'useN8nErrorHandling' && outcome.branch !== 'sent' && !this.continueOnFail()) {
			throw apiErrorFor(this, outcome);
		}
		outcomes.push(outcome);
	}
	return shapeOutputs(outcomes, items, mode);
}
