import {
	isTransient,
	retryDelayMs,
} from '../../nodes/Suvvy/actions/message/send/sending/retryPolicy';
import { parseRetryAfter } from '../../nodes/Suvvy/transport/retryAfter';
import type { SuvvyAnswer } from '../../nodes/Suvvy/transport/postMessage';

const answered = (status: number, retryAfterMs?: number): SuvvyAnswer => ({
	kind: 'answered',
	status,
	body: {},
	bodyIsJson: true,
	...(retryAfterMs === undefined ? {} : { retryAfterMs }),
});

describe('what is retried', () => {
	test.each([429, 500, 502, 503, 504])('a %i is transient', (status) => {
		expect(isTransient(answered(status))).toBe(true);
	});

	test('a network error or timeout is transient', () => {
		expect(isTransient({ kind: 'unreachable', cause: 'timeout of 1000ms exceeded' })).toBe(true);
	});

	test.each([200, 400, 401, 402, 404, 409, 415, 422, 424])('a %i is final', (status) => {
		expect(isTransient(answered(status))).toBe(false);
	});

	test.each([301, 302, 303, 307, 308])(
		'a %i redirect is final: it would only point away again',
		(status) => {
			expect(isTransient({ kind: 'redirected', status, target: 'https://elsewhere.test' })).toBe(
				false,
			);
		},
	);
});

describe('how long to wait', () => {
	test("Suvvy's Retry-After wins over backoff", () => {
		expect(retryDelayMs(1, answered(429, 7000))).toBe(7000);
	});

	test('backoff doubles per attempt, half fixed and half random, and is capped at 30 s', () => {
		expect(retryDelayMs(1, answered(503), () => 0)).toBe(250);
		expect(retryDelayMs(1, answered(503), () => 1)).toBe(500);
		expect(retryDelayMs(3, answered(503), () => 0)).toBe(1000);
		expect(retryDelayMs(3, answered(503), () => 1)).toBe(2000);
		expect(retryDelayMs(20, answered(503), () => 1)).toBe(30_000);
	});
});

describe('reading Retry-After', () => {
	test('in seconds', () => {
		expect(parseRetryAfter('3')).toBe(3000);
		expect(parseRetryAfter(' 0 ')).toBe(0);
	});

	test('as an HTTP date', () => {
		const now = Date.parse('Sun, 22 Nov 2026 10:00:00 GMT');
		expect(parseRetryAfter('Sun, 22 Nov 2026 10:00:05 GMT', now)).toBe(5000);
		expect(parseRetryAfter('Sun, 22 Nov 2026 09:00:00 GMT', now)).toBe(0);
	});

	test.each([undefined, '', 'soon', '-5', ['3']])('ignores %p', (header) => {
		expect(parseRetryAfter(header)).toBeUndefined();
	});
});
