'use strict';
/**
 * Validates a message body the way Suvvy's FastAPI/pydantic backend does, and describes each problem
 * as one entry of a 422 `detail` list: `{type, loc, msg, input}` with `loc` starting at "body".
 * Unknown fields are ignored, as pydantic does by default.
 */

const LINK_TYPES = ['user', 'chat', 'phone', 'lead', 'other'];
const SENDERS = ['customer', 'employee'];
const FILE_TYPES = ['image', 'audio'];

/** Inputs are echoed like pydantic does, but a base64 file is not worth echoing in full. */
function echo(value) {
	return typeof value === 'string' && value.length > 200 ? `${value.slice(0, 200)}…` : value;
}

function isObject(value) {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function choiceMessage(choices) {
	const quoted = choices.map((choice) => `'${choice}'`);
	return `Input should be ${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

function createChecker(issues) {
	const problem = (type, loc, msg, input) => issues.push({ type, loc, msg, input: echo(input) });
	const checker = {
		required(parent, key, loc) {
			if (parent[key] === undefined) {
				problem('missing', [...loc, key], 'Field required', parent);
				return false;
			}
			return true;
		},
		string(value, loc, { minLength = 0, nullable = false } = {}) {
			if (value === null && nullable) return true;
			if (typeof value !== 'string') {
				problem('string_type', loc, 'Input should be a valid string', value);
				return false;
			}
			if (value.length < minLength) {
				problem('string_too_short', loc, `String should have at least ${minLength} character`, value);
				return false;
			}
			return true;
		},
		choice(value, loc, choices) {
			if (!choices.includes(value)) problem('enum', loc, choiceMessage(choices), value);
		},
		object(value, loc) {
			if (isObject(value)) return true;
			problem('model_attributes_type', loc, 'Input should be a valid dictionary or object to extract fields from', value);
			return false;
		},
		problem,
	};
	return checker;
}

function checkAttachment(check, attachment, loc) {
	if (!check.object(attachment, loc)) return;
	for (const key of ['file_name', 'file_type', 'data']) {
		if (check.required(attachment, key, loc) && check.string(attachment[key], [...loc, key])) {
			if (key === 'file_type') check.choice(attachment.file_type, [...loc, key], FILE_TYPES);
		}
	}
}

function checkLink(check, link, loc) {
	if (!check.object(link, loc)) return;
	if (check.required(link, 'type', loc)) check.choice(link.type, [...loc, 'type'], LINK_TYPES);
	if (link.hint !== undefined) check.string(link.hint, [...loc, 'hint'], { nullable: true });
	if (check.required(link, 'url', loc)) check.string(link.url, [...loc, 'url']);
}

function checkPlaceholders(check, placeholders, loc) {
	if (!isObject(placeholders)) {
		check.problem('dict_type', loc, 'Input should be a valid dictionary', placeholders);
		return;
	}
	for (const [key, value] of Object.entries(placeholders)) check.string(value, [...loc, key]);
}

/** Returns the list of problems; an empty list means the body is valid. */
function validateBody(body) {
	const issues = [];
	const check = createChecker(issues);
	const loc = ['body'];
	if (!check.object(body, loc)) return issues;

	if (check.required(body, 'api_version', loc) && body.api_version !== 1) {
		check.problem('literal_error', ['body', 'api_version'], 'Input should be 1', body.api_version);
	}
	for (const key of ['message_id', 'chat_id', 'source']) {
		if (check.required(body, key, loc)) check.string(body[key], ['body', key]);
	}
	if (check.required(body, 'message_sender', loc)) {
		check.choice(body.message_sender, ['body', 'message_sender'], SENDERS);
	}
	for (const key of ['client_name', 'client_phone']) {
		if (body[key] !== undefined && body[key] !== null) check.string(body[key], ['body', key]);
	}
	if (body.text !== undefined && body.text !== null) check.string(body.text, ['body', 'text'], { minLength: 1 });
	if (body.attachments !== undefined && body.attachments !== null) {
		if (!Array.isArray(body.attachments)) {
			check.problem('list_type', ['body', 'attachments'], 'Input should be a valid list', body.attachments);
		} else {
			body.attachments.forEach((attachment, index) =>
				checkAttachment(check, attachment, ['body', 'attachments', index]),
			);
		}
	}
	if (body.link !== undefined && body.link !== null) checkLink(check, body.link, ['body', 'link']);
	if (body.placeholders !== undefined && body.placeholders !== null) {
		checkPlaceholders(check, body.placeholders, ['body', 'placeholders']);
	}

	const hasText = typeof body.text === 'string' && body.text.length > 0;
	const hasAttachments = Array.isArray(body.attachments) && body.attachments.length > 0;
	if (!issues.length && !hasText && !hasAttachments) {
		check.problem('value_error', ['body'], 'Value error, either text or attachments must be given', {});
	}
	return issues;
}

module.exports = { validateBody };
