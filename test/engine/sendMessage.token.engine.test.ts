/**
 * A token that a header cannot carry as typed. n8n's HTTP client used to drop such characters
 * silently (sending another token, which Suvvy refuses) or fail the request with a cryptic network
 * error that was retried, depending on the n8n line. Blank space at either end is left out, so a
 * token pasted with a line break after it works; anything else is refused before sending, on the
 * Invalid Token output, saying which character and where. Real loopback HTTP, so the header is
 * exactly what Node puts on the wire.
 */
import nock from 'nock';

import { testCredential } from '../support/credentialTest';
import { startFileServer, type FileServer } from '../support/fileServer';
import { runWorkflow, TEST_TOKEN } from '../support/runWorkflow';
import { OUTPUT, SEND } from '../support/sendOperation';
import { MESSAGE_PATH } from '../support/suvvyMock';

/** The Authorization header of every request that reached a stand-in. */
const received: Array<string | undefined> = [];

/** Stands in for Suvvy, answering every request alike and recording its Authorization header. */
async function standIn(status: number, body: unknown) {
	const server = await startFileServer();
	server.serve(MESSAGE_PATH, (request, response) => {
		const header = request.headers.authorization;
		received.push(Array.isArray(header) ? header[0] : header);
		response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
	});
	return server;
}

let suvvy: FileServer;
/** Answers as Suvvy does to a good token and the credential test's deliberately incomplete body. */
let suvvyForTests: FileServer;

beforeAll(async () => {
	nock.enableNetConnect('127.0.0.1');
	suvvy = await standIn(200, { message: 'Successful' });
	suvvyForTests = await standIn(422, {
		detail: [{ loc: ['body', 'message_id'], msg: 'Field required', type: 'missing' }],
	});
});
afterAll(async () => {
	await Promise.all([suvvy.close(), suvvyForTests.close()]);
	nock.restore();
});
beforeEach(() => {
	received.length = 0;
});

function send(token: string) {
	return runWorkflow({
		items: [{ json: {} }],
		parameters: { ...SEND, chatId: 'c-1', source: 's', text: 'Hi' },
		credentials: { token, baseUrl: suvvy.url },
	});
}

const half = TEST_TOKEN.length / 2;
/** The test token with `inside` in its middle. */
const spliced = (inside: string) =>
	`${TEST_TOKEN.slice(0, half)}${inside}${TEST_TOKEN.slice(half)}`;

const PASTED = [
	['a line break after it', `${TEST_TOKEN}\n`],
	['a Windows line break after it', `${TEST_TOKEN}\r\n`],
	['a space before it', ` ${TEST_TOKEN}`],
	['tabs and a no-break space around it', `\t${TEST_TOKEN}\u00a0\t`],
];

const UNSENDABLE = [
	['a line break inside', spliced('\n'), 'a line break'],
	['a NUL byte', spliced('\u0000'), 'a control character (U+0000)'],
	['DEL', spliced('\u007f'), 'a control character (U+007F)'],
	['a C1 control character', spliced('\u0085'), 'a control character (U+0085)'],
	['a zero-width space', spliced('\u200b'), 'U+200B, a character outside Latin-1'],
	['a euro sign', spliced('€'), 'U+20AC, a character outside Latin-1'],
	['an emoji', spliced('🔑'), 'U+1F511, a character outside Latin-1'],
];

describe('Send Message with a token pasted with blank space at either end', () => {
	test.each(PASTED)('%s: sent without it', async (_case, token) => {
		const { suvvyOutputs } = await send(token);
		expect(received).toStrictEqual([`Bearer ${TEST_TOKEN}`]);
		expect(suvvyOutputs[OUTPUT.sent]).toHaveLength(1);
	});
});

describe('Send Message with a token no HTTP header can carry', () => {
	test.each(UNSENDABLE)(
		'%s: nothing is sent; the item leaves by Invalid Token naming the character and where',
		async (_case, token, named) => {
			const { suvvyOutputs } = await send(token);
			expect(received).toStrictEqual([]);
			expect(suvvyOutputs.flat()).toHaveLength(1);
			const [item] = suvvyOutputs[OUTPUT.invalidToken];
			expect(item.json).toMatchObject({
				status: 401,
				status_code: 401,
				error_code: 'auth_invalid_token',
				found_locally: true,
			});
			expect(item.json.message).toBe(
				`Invalid Token (found before sending): The token contains ${named} at character ${half + 1}, which no HTTP header can carry: copy the token again from the custom channel settings in Suvvy. Check the token in the Suvvy API credential.`,
			);
			expect(item.json.attempts).toBeUndefined();
		},
	);

	test('an empty token is refused the same way, instead of failing as a network error', async () => {
		const { suvvyOutputs } = await send('  \n');
		expect(received).toStrictEqual([]);
		expect(suvvyOutputs[OUTPUT.invalidToken][0].json.message).toBe(
			'Invalid Token (found before sending): Enter the token of your Suvvy custom channel. Check the token in the Suvvy API credential.',
		);
	});
});

describe('Send Message with a token a header carries as typed', () => {
	test.each([
		['a Latin-1 letter', spliced('ø')],
		['a tab inside', spliced('\t')],
		['a space inside', spliced(' ')],
	])('%s: sent exactly as typed', async (_case, token) => {
		const { suvvyOutputs } = await send(token);
		expect(received).toStrictEqual([`Bearer ${token}`]);
		expect(suvvyOutputs[OUTPUT.sent]).toHaveLength(1);
	});
});

describe('the credential test with such a token', () => {
	test('passes for a token pasted with a line break after it, sending it without', async () => {
		const result = await testCredential({ token: `${TEST_TOKEN}\r\n`, baseUrl: suvvyForTests.url });
		expect(result).toStrictEqual({ status: 'OK', message: 'Connection successful!' });
		expect(received).toStrictEqual([`Bearer ${TEST_TOKEN}`]);
	});

	test.each(UNSENDABLE)(
		'%s: says which character and where, sending nothing',
		async (_case, token, named) => {
			const result = await testCredential({ token, baseUrl: suvvyForTests.url });
			expect(result.status).toBe('Error');
			expect(result.message).toContain(
				`The token contains ${named} at character ${half + 1}, which no HTTP header can carry`,
			);
			expect(received).toStrictEqual([]);
		},
	);
});
