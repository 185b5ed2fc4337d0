import type { IDataObject } from 'n8n-workflow';

import { ACCEPTED_FILES_IN_WORDS } from '../../../suvvy/fileTypes';
import { LocalFailure } from '../../../suvvy/localFailure';
import type { Refusal } from '../../../transport/connection';
import type { SuvvyAnswer } from '../../../transport/postMessage';
import type { SendResult } from './sending/retries';
import type { MessageIds } from './messageIds';
import { type OutputKey, displayNameOf, errorOutputForStatus } from './outputs';

const GAVE_UP_BECAUSE = {
	retries: 'no retries left',
	timeLimit: 'the retry time limit would have been passed',
	cancelled: 'the execution was cancelled',
};

/** Adds the attempt count to what an item carries, and says why a transient failure was given up. */
export function withAttempts(outcome: Outcome, result: SendResult): Outcome {
	const json = { ...outcome.json, attempts: result.attempts };
	if (!result.gaveUp || (result.attempts === 1 && result.gaveUp === 'retries')) {
		return { ...outcome, json };
	}
	const plural = result.attempts === 1 ? 'attempt' : 'attempts';
	const summary = `${outcome.summary} Gave up after ${result.attempts} ${plural}: ${GAVE_UP_BECAUSE[result.gaveUp]}.`;
	return { ...outcome, summary, json: { ...json, message: summary } };
}

/** How one input item ended: the output it leaves by and the json it carries there. */
export interface Outcome {
	itemIndex: number;
	output: OutputKey;
	json: IDataObject;
	/** One sentence for people and agents: what happened and, for errors, what to do. */
	summary: string;
	status: number | null;
}

interface FastApiIssue {
	loc?: unknown;
	msg?: unknown;
}

function describeIssue(entry: FastApiIssue): string {
	const path = Array.isArray(entry.loc)
		? entry.loc.filter((part) => part !== 'body').join('.')
		: '';
	const message = typeof entry.msg === 'string' ? entry.msg : JSON.stringify(entry);
	return path ? `${path}: ${message}` : message;
}

/** Suvvy's `detail` is a sentence, or for 422 a FastAPI list of issues; either reads as one line. */
function describeDetail(detail: unknown): string {
	if (typeof detail === 'string') return detail;
	if (Array.isArray(detail)) {
		return detail
			.map((entry) =>
				typeof entry === 'object' && entry !== null ? describeIssue(entry) : String(entry),
			)
			.join('; ');
	}
	return detail === undefined ? '' : JSON.stringify(detail);
}

/** Details come from Suvvy or from the node's own checks; advice follows them as a new sentence. */
function asSentence(text: string): string {
	return /[.!?'"]$/.test(text) ? text : `${text}.`;
}

const ADVICE: Partial<Record<OutputKey, string>> = {
	invalidToken: 'Check the token in the Suvvy API credential.',
	noBalance: 'Top up the Suvvy balance, then resend.',
	badFile: `Send ${ACCEPTED_FILES_IN_WORDS}.`,
	validationError: 'Fix the fields named above, then resend.',
	channelOff: 'Turn the custom channel on in the Suvvy dashboard.',
};

const BODY_PREVIEW_LENGTH = 200;

function errorOutcome(
	itemIndex: number,
	output: OutputKey,
	status: number | null,
	fields: IDataObject,
	identity: MessageIds,
	foundLocally: boolean,
): Outcome {
	const detail = asSentence(describeDetail(fields.detail));
	// A problem found before sending never reached Suvvy, so no HTTP status is claimed for it.
	const where = foundLocally
		? ' (found before sending)'
		: status === null
			? ''
			: ` (HTTP ${status})`;
	const advice = ADVICE[output] ? ` ${ADVICE[output]}` : '';
	const summary = `${displayNameOf(output)}${where}: ${detail}${advice}`;
	return {
		itemIndex,
		output,
		status,
		summary,
		json: { status, ...fields, message: summary, ...identity, found_locally: foundLocally },
	};
}

/** Suvvy's error body passes through whole; its FastAPI 422 carries no error_code, so one is named. */
function suvvyErrorFields(status: number, body: IDataObject, output: OutputKey): IDataObject {
	return {
		...body,
		error_code:
			typeof body.error_code === 'string'
				? body.error_code
				: output === 'validationError'
					? 'validation_error'
					: 'unexpected_status',
		detail: body.detail ?? `Suvvy answered HTTP ${status}`,
	};
}

/**
 * A redirect is not followed (it would take the token and the message with it), so the message was
 * not delivered; the item names where the base URL pointed, which is all a user needs to judge it.
 */
function redirectDetail(target: string | undefined): string {
	if (!target) {
		return 'Not delivered: the base URL answered with a redirect that names no web address, and the node follows no redirect. Check the Base URL in the Suvvy API credential';
	}
	return `Not delivered: the base URL answered with a redirect to ${target}. The node follows no redirect, so neither the token nor the message went there. If the Suvvy API really lives at ${target}, set that as the Base URL in the Suvvy API credential`;
}

/** Reads Suvvy's answer to one message and decides which output the item leaves by. */
export function interpretAnswer(
	itemIndex: number,
	answer: SuvvyAnswer,
	identity: MessageIds,
	attachments: IDataObject[],
	sent: IDataObject = {},
): Outcome {
	if (answer.kind === 'unreachable') {
		const fields = {
			error_code: 'network_error',
			detail: `Could not reach Suvvy: ${answer.cause}`,
		};
		return errorOutcome(itemIndex, 'otherError', null, fields, identity, false);
	}
	if (answer.kind === 'redirected') {
		const fields = { error_code: 'redirect_refused', detail: redirectDetail(answer.target) };
		return errorOutcome(itemIndex, 'otherError', answer.status, fields, identity, false);
	}
	const { status, body } = answer;
	const isObject = typeof body === 'object' && body !== null && !Array.isArray(body);
	if (!answer.bodyIsJson || !isObject) {
		const preview = String(typeof body === 'string' ? body : JSON.stringify(body)).slice(
			0,
			BODY_PREVIEW_LENGTH,
		);
		const fields = {
			error_code: 'invalid_response',
			detail: `Suvvy answered HTTP ${status} with a body that is not a JSON object: ${preview || '(empty)'}`,
		};
		return errorOutcome(itemIndex, 'otherError', status, fields, identity, false);
	}
	if (status >= 200 && status < 300) {
		return {
			itemIndex,
			output: 'sent',
			status,
			summary: `Sent message ${identity.message_id} to chat ${identity.chat_id}`,
			json: { ...identity, ...sent, status, response: body as IDataObject, attachments },
		};
	}
	const output = errorOutputForStatus(status);
	return errorOutcome(
		itemIndex,
		output,
		status,
		suvvyErrorFields(status, body as IDataObject, output),
		identity,
		false,
	);
}

/** A problem found before sending leaves by the output Suvvy's own answer would have used. */
export function interpretLocalFailure(
	itemIndex: number,
	failure: LocalFailure,
	identity: MessageIds,
): Outcome {
	const output = errorOutputForStatus(failure.status);
	return errorOutcome(itemIndex, output, failure.status, failure.body, identity, true);
}

/**
 * A credential the node must not send with: nothing is sent. A base URL that would leak the token is
 * no answer of Suvvy's (Other Error); a token no header can carry leaves by Invalid Token, as the
 * 401 Suvvy would have given whatever reached it instead.
 */
export function interpretConfigurationError(
	itemIndex: number,
	refusal: Refusal,
	identity: MessageIds,
): Outcome {
	if (refusal.field === 'token') {
		return interpretLocalFailure(itemIndex, LocalFailure.invalidToken(refusal.reason), identity);
	}
	const fields = {
		error_code: 'invalid_base_url',
		detail: `${refusal.reason}. Fix the Base URL in the Suvvy API credential.`,
	};
	return errorOutcome(itemIndex, 'otherError', null, fields, identity, true);
}

/** A message still waiting to be sent when the execution was cancelled: it never left. */
export function interpretCancelled(itemIndex: number, identity: MessageIds): Outcome {
	const fields = {
		error_code: 'execution_cancelled',
		detail: 'Not sent: the execution was cancelled while this message waited its turn',
	};
	return errorOutcome(itemIndex, 'otherError', null, fields, identity, true);
}

/** A message not sent because its reply could not be awaited: the wait was never registered. */
export function interpretWaitNotRegistered(
	itemIndex: number,
	problem: string,
	identity: MessageIds,
): Outcome {
	const fields = { error_code: 'wait_not_registered', detail: `Not sent: ${problem}` };
	return errorOutcome(itemIndex, 'otherError', null, fields, identity, true);
}
