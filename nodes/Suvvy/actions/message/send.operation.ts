import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { collectAttachments } from '../../helpers/collectAttachments';
import { readDeliveryOptions, type DeliveryOptions } from '../../helpers/deliveryOptions';
import {
	isRunningAsTool,
	ROUTE_TO_OUTPUTS,
	USE_N8N_ERROR_HANDLING,
} from '../../helpers/errorHandling';
import { messageIdResolver } from '../../helpers/defaultMessageId';
import {
	interpretAnswer,
	interpretConfigurationError,
	interpretLocalFailure,
} from '../../helpers/interpretAnswer';
import { issue, LocalFailure } from '../../helpers/localFailure';
import type { MessageIdentity, Outcome } from '../../helpers/outcome';
import { createParameterReader, type ReadParameter } from '../../helpers/parameterReader';
import { readMessageInput, type PreResolved } from '../../helpers/readMessageInput';
import { sendInChatOrder, type ChatJob } from '../../helpers/sendInChatOrder';
import { createSendPacer } from '../../helpers/sendPacer';
import { serializeMessageBody } from '../../helpers/serializeMessageBody';
import { sendWithRetries, withAttempts } from '../../helpers/sendWithRetries';
import { apiErrorFor, shapeOutputs, type OutputMode } from '../../helpers/shapeOutputs';
import { validateContent, validateFields } from '../../helpers/validateMessage';
import type { SuvvyConnection } from '../../transport';
import { checkBaseUrl, messageUrl } from '../../transport/baseUrl';
import { sendProperties } from './send.properties';

export const description: INodeProperties[] = sendProperties;

/** Where to send, or why nothing can be sent: a base URL the token must not go to. */
async function connect(
	context: IExecuteFunctions,
): Promise<{ ok: true; connection: SuvvyConnection } | { ok: false; reason: string }> {
	const data = await context.getCredentials('suvvyApi');
	const base = checkBaseUrl(data.baseUrl);
	if (!base.ok) return base;
	const { id, name } = context.getNode().credentials?.suvvyApi ?? { id: null, name: '' };
	return {
		ok: true,
		connection: {
			url: messageUrl(base.baseUrl),
			credential: { id: id ?? '', name, type: 'suvvyApi', data },
		},
	};
}

/**
 * The IDs as far as they resolve, so even an item whose parameters fail says which message it was.
 * Their raw values are kept, so the message is built without resolving the expressions again.
 */
function readIdentity(
	readParameter: ReadParameter,
	itemIndex: number,
	messageIdOf: (itemIndex: number) => unknown,
): ResolvedIdentity {
	const resolved: PreResolved = {};
	const read = (name: keyof PreResolved, resolve: () => unknown): string | null => {
		try {
			const value = resolve();
			resolved[name] = value;
			return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
		} catch {
			return null;
		}
	};
	return {
		identity: {
			message_id: read('messageId', () => messageIdOf(itemIndex)),
			chat_id: read('chatId', () => readParameter('chatId', itemIndex, '')),
		},
		resolved,
	};
}

interface ResolvedIdentity {
	identity: MessageIdentity;
	resolved: PreResolved;
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
	{ identity, resolved }: ResolvedIdentity,
	readParameter: ReadParameter,
	connection: SuvvyConnection,
	options: DeliveryOptions,
): Promise<Outcome> {
	let body: Buffer;
	let summaries: IDataObject[];
	try {
		const input = readMessageInput(readParameter, itemIndex, resolved);
		const fieldIssues = validateFields(input);
		if (fieldIssues.length)
			return interpretLocalFailure(itemIndex, LocalFailure.validation(fieldIssues), identity);

		const collected = await collectAttachments.call(this, itemIndex, item, input);
		const contentIssues = validateContent(input, collected.attachments.length);
		if (contentIssues.length)
			return interpretLocalFailure(itemIndex, LocalFailure.validation(contentIssues), identity);

		body = await serializeMessageBody(input, collected.attachments);
		summaries = collected.summaries as unknown as IDataObject[];
	} catch (error) {
		return interpretLocalFailure(itemIndex, asLocalFailure(error), identity);
	}
	const delivery = await sendWithRetries.call(this, connection, body, options);
	return withAttempts(interpretAnswer(itemIndex, delivery.answer, identity, summaries), delivery);
}

function outputMode(context: IExecuteFunctions): OutputMode {
	if (isRunningAsTool(context)) return 'tool';
	const errorHandling = context.getNodeParameter('errorHandling', 0, ROUTE_TO_OUTPUTS);
	return errorHandling === USE_N8N_ERROR_HANDLING ? 'useN8nErrorHandling' : 'routeToOutputs';
}

/** Items whose chat ID did not resolve cannot be ordered against others, so each goes alone. */
function chatJobs(identities: ResolvedIdentity[]): ChatJob[] {
	return identities.map(({ identity }, index) => ({
		index,
		chat: identity.chat_id === null ? `item:${index}` : `chat:${identity.chat_id}`,
	}));
}

/** Enough to keep a handful of requests in flight per turn, few enough that each leaves promptly. */
const MESSAGES_PREPARED_PER_TURN = 4;

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const mode = outputMode(this);
	const options = readDeliveryOptions(this);
	const connected = await connect(this);
	const pace = createSendPacer(MESSAGES_PREPARED_PER_TURN);
	const readParameter = createParameterReader(this);
	const messageIdOf = messageIdResolver(this, readParameter);
	const identities = items.map((_item, itemIndex) =>
		readIdentity(readParameter, itemIndex, messageIdOf),
	);
	// n8n's own error handling stops at the first refusal. Nothing after it may have been sent, so
	// in that mode messages go one at a time.
	const stopAtFailure = mode === 'useN8nErrorHandling' && !this.continueOnFail();

	const outcomes = connected.ok
		? await sendInChatOrder(
				chatJobs(identities),
				async ({ index }) => {
					await pace();
					return await sendItem.call(
						this,
						index,
						items[index],
						identities[index],
						readParameter,
						connected.connection,
						options,
					);
				},
				{
					limit: stopAtFailure ? 1 : options.maxParallelRequests,
					stopAfter: stopAtFailure ? (outcome) => outcome.branch !== 'sent' : undefined,
				},
			)
		: identities.map(({ identity }, index) =>
				interpretConfigurationError(index, connected.reason, identity),
			);
	if (stopAtFailure) {
		const failed = outcomes.find((outcome) => outcome && outcome.branch !== 'sent');
		if (failed) throw apiErrorFor(this, failed);
	}
	return shapeOutputs(outcomes as Outcome[], items, mode);
}
