import {
	interpretAnswer,
	interpretLocalFailure,
} from '../../nodes/Suvvy/actions/message/send/outcome';
import { issue, LocalFailure } from '../../nodes/Suvvy/suvvy/localFailure';

const identity = { message_id: 'msg-1', chat_id: 'chat-1' };
const answered = (status: number, body: unknown) => ({
	kind: 'answered' as const,
	status,
	body,
	bodyIsJson: true,
});

describe("reading Suvvy's answer", () => {
	test("a 200 is Sent, with Suvvy's response and the attachment summary", () => {
		const summary = [{ file_name: 'a.png', file_type: 'image', mime_type: 'image/png', bytes: 3 }];
		const outcome = interpretAnswer(0, answered(200, { message: 'Successful' }), identity, summary);
		expect(outcome.output).toBe('sent');
		expect(outcome.json).toStrictEqual({
			message_id: 'msg-1',
			chat_id: 'chat-1',
			status: 200,
			response: { message: 'Successful' },
			attachments: summary,
		});
	});

	test.each([
		[
			401,
			'invalidToken',
			{ detail: 'Invalid token.', status_code: 401, error_code: 'auth_invalid_token' },
		],
		[
			402,
			'noBalance',
			{
				detail: 'Your balance is below zero',
				status_code: 402,
				error_code: 'user_balance_below_zero',
			},
		],
		[
			415,
			'badFile',
			{
				detail: 'File type is not supported or invalid.',
				status_code: 415,
				error_code: 'file_invalid_type',
				allowed_mime_types: ['image/png'],
			},
		],
		[
			424,
			'channelOff',
			{
				detail: 'Channel is disabled.',
				status_code: 424,
				error_code: 'instance_channel_is_disabled',
			},
		],
	])("a %i goes to %s with Suvvy's error body", (status, branch, body) => {
		const outcome = interpretAnswer(3, answered(status, body), identity, []);
		expect(outcome.output).toBe(branch);
		expect(outcome.itemIndex).toBe(3);
		expect(outcome.json).toMatchObject({ ...body, status, ...identity, found_locally: false });
		expect(outcome.json.message).toContain(`HTTP ${status}`);
	});

	test("a 422 goes to Validation Error, naming the fields of FastAPI's detail", () => {
		const detail = [{ loc: ['body', 'chat_id'], msg: 'Field required', type: 'missing' }];
		const outcome = interpretAnswer(0, answered(422, { detail }), identity, []);
		expect(outcome.output).toBe('validationError');
		expect(outcome.json).toMatchObject({ status: 422, error_code: 'validation_error', detail });
		expect(outcome.summary).toBe(
			'Validation Error (HTTP 422): chat_id: Field required. Fix the fields named above, then resend.',
		);
	});

	test.each([400, 404, 409, 429, 500, 502, 503])('a %i goes to Other Error', (status) => {
		const outcome = interpretAnswer(0, answered(status, { detail: 'nope' }), identity, []);
		expect(outcome.output).toBe('otherError');
		expect(outcome.json).toMatchObject({ status, error_code: 'unexpected_status', detail: 'nope' });
	});

	test('an HTML page goes to Other Error, with the start of the page', () => {
		const answer = {
			kind: 'answered' as const,
			status: 502,
			body: '<html>Bad Gateway</html>',
			bodyIsJson: false,
		};
		const outcome = interpretAnswer(0, answer, identity, []);
		expect(outcome.output).toBe('otherError');
		expect(outcome.json).toMatchObject({ status: 502, error_code: 'invalid_response' });
		expect(outcome.json.detail).toContain('<html>Bad Gateway</html>');
	});

	test('a 200 whose body is not a JSON object goes to Other Error', () => {
		const empty = interpretAnswer(
			0,
			{ kind: 'answered', status: 200, body: '', bodyIsJson: false },
			identity,
			[],
		);
		const list = interpretAnswer(0, answered(200, ['x']), identity, []);
		expect([empty.output, list.output]).toStrictEqual(['otherError', 'otherError']);
		expect(empty.json.detail).toContain('(empty)');
	});

	test('a network failure goes to Other Error with its cause and no status', () => {
		const outcome = interpretAnswer(
			0,
			{ kind: 'unreachable', cause: 'connect ECONNREFUSED' },
			identity,
			[],
		);
		expect(outcome.output).toBe('otherError');
		expect(outcome.json).toMatchObject({ status: null, error_code: 'network_error' });
		expect(outcome.json.detail).toContain('ECONNREFUSED');
	});

	test('a redirect goes to Other Error with its status, naming where it pointed', () => {
		const outcome = interpretAnswer(
			0,
			{ kind: 'redirected', status: 307, target: 'https://elsewhere.test:8443' },
			identity,
			[],
		);
		expect(outcome.output).toBe('otherError');
		expect(outcome.json).toMatchObject({
			status: 307,
			error_code: 'redirect_refused',
			found_locally: false,
			...identity,
		});
		expect(outcome.summary).toBe(
			'Other Error (HTTP 307): Not delivered: the base URL answered with a redirect to https://elsewhere.test:8443. The node follows no redirect, so neither the token nor the message went there. If the Suvvy API really lives at https://elsewhere.test:8443, set that as the Base URL in the Suvvy API credential.',
		);
	});

	test('a redirect that names no web address still says it was a redirect', () => {
		const outcome = interpretAnswer(0, { kind: 'redirected', status: 300 }, identity, []);
		expect(outcome.json).toMatchObject({ status: 300, error_code: 'redirect_refused' });
		expect(outcome.summary).toContain('a redirect that names no web address');
	});

	test('no error item has a json made only of error, message or details', () => {
		const outcome = interpretAnswer(0, answered(500, {}), { message_id: null, chat_id: null }, []);
		const keys = Object.keys(outcome.json);
		expect(keys.some((key) => !['error', 'message', 'details'].includes(key))).toBe(true);
	});
});

describe('problems found before sending', () => {
	test('leave by the branch of the status Suvvy would have answered, marked as found locally', () => {
		const unsupported = interpretLocalFailure(
			1,
			LocalFailure.badFile('a.pdf', 'application/pdf'),
			identity,
		);
		expect(unsupported.output).toBe('badFile');
		expect(unsupported.json).toMatchObject({
			status: 415,
			status_code: 415,
			error_code: 'file_invalid_type',
			found_locally: true,
			...identity,
		});
		expect(unsupported.json.allowed_mime_types).toHaveLength(11);

		const invalid = interpretLocalFailure(1, LocalFailure.validation([]), identity);
		expect(invalid.output).toBe('validationError');
		expect(invalid.json).toMatchObject({ status: 422, status_code: 422, found_locally: true });
	});

	test('say they were found before sending instead of claiming an HTTP status', () => {
		const failure = LocalFailure.validation([issue(['text'], 'Text is required')]);
		const outcome = interpretLocalFailure(0, failure, identity);
		expect(outcome.summary).toBe(
			'Validation Error (found before sending): text: Text is required. Fix the fields named above, then resend.',
		);
	});
});
