/** Answers Suvvy's page never describes, played by the emulator for one chat. */
import type { Case } from './corpusCase';

export const ANSWER_CASES: Case[] = [
	{
		name: 'an HTML 502 page',
		answer: {
			status: 502,
			body: '<html><body><h1>502 Bad Gateway</h1></body></html>',
			content_type: 'text/html',
		},
		expect: 'Other Error',
		errorCode: 'invalid_response',
	},
	{
		name: 'an empty 200',
		answer: { status: 200, body: '' },
		expect: 'Other Error',
		errorCode: 'invalid_response',
	},
	{
		name: 'a 200 with malformed JSON',
		answer: { status: 200, body: '{"message": "Succ' },
		expect: 'Other Error',
		errorCode: 'invalid_response',
	},
	{
		name: 'a 200 with an unexpected JSON object (documented: Sent)',
		answer: { status: 200, body: { ok: true } },
		expect: 'Sent',
	},
	{
		name: 'a 200 with a JSON list',
		answer: { status: 200, body: [] },
		expect: 'Other Error',
		errorCode: 'invalid_response',
	},
	{
		name: 'a connection reset in the middle of the answer',
		answer: { reset_mid_answer: true },
		expect: 'Other Error',
		errorCode: 'network_error',
	},
	{
		name: 'a 404',
		answer: { status: 404, body: { detail: 'Not Found' } },
		expect: 'Other Error',
		errorCode: 'unexpected_status',
	},
	{
		name: 'a 422 the node did not foresee',
		answer: {
			status: 422,
			body: { detail: [{ loc: ['body', 'text'], msg: 'too long', type: 'string_too_long' }] },
		},
		expect: 'Validation Error',
		foundLocally: false,
	},
];
