/**
 * Threat: a base URL that answers with a redirect. n8n follows redirects by default and sends the
 * request's headers on to another origin, so the token would travel there (in clear text when the
 * redirect points at http://), and a 307/308 would post the whole message, files included, a second
 * time. The node follows none: the item leaves by Other Error naming where the redirect pointed, and
 * nothing is sent anywhere else, nor sent again.
 */
import nock from 'nock';

import { base64Of, SAMPLE_FILES } from '../fixtures/files';
import { startFileServer, type FileServer } from '../support/fileServer';
import { interceptHttp } from '../support/interceptHttp';
import { runWorkflow, TEST_BASE_URL, TEST_TOKEN } from '../support/runWorkflow';
import { OUTPUT, SEND } from '../support/sendOperation';
import { MESSAGE_PATH } from '../support/suvvyMock';

interceptHttp();

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'];

/** Records every request that reaches `origin`, whatever its method or path. */
function watchOrigin(origin: string): string[] {
	const seen: string[] = [];
	const scope = nock(origin).persist();
	for (const method of METHODS) {
		scope.intercept(/.*/, method).reply((path) => {
			seen.push(`${method} ${path}`);
			return [200, { message: 'Successful' }];
		});
	}
	return seen;
}

/** The base URL answers every message with `status`, pointing at `location`. */
function redirectingSuvvy(status: number, location: string): string[] {
	const seen: string[] = [];
	nock(TEST_BASE_URL)
		.persist()
		.post(MESSAGE_PATH)
		.reply((path) => {
			seen.push(`POST ${path}`);
			return [status, '', { Location: location }];
		});
	return seen;
}

const TARGETS = [
	['another origin', 'https://elsewhere.test:8443/collect?key=abc', 'https://elsewhere.test:8443'],
	['http://', 'http://suvvy.test/collect?key=abc', 'http://suvvy.test'],
] as const;

const CASES = [301, 302, 303, 307, 308].flatMap((status) =>
	TARGETS.map(([name, location, origin]) => ({ status, name, location, origin })),
);

describe('Send Message when the base URL answers with a redirect', () => {
	test.each(CASES)(
		'a $status to $name is not followed: the item leaves by Other Error naming $origin, sent once',
		async ({ status, location, origin }) => {
			const base = redirectingSuvvy(status, location);
			const elsewhere = watchOrigin(origin);
			const { received, suvvyOutputs } = await runWorkflow({
				items: [
					{
						json: { chat: 'c-1' },
						files: {
							data: {
								base64: base64Of(SAMPLE_FILES.png),
								fileName: 'a.png',
								mimeType: 'image/png',
							},
						},
					},
				],
				parameters: { ...SEND, chatId: '={{ $json.chat }}', source: 's', text: 'Hi' },
			});

			expect(elsewhere).toStrictEqual([]);
			expect(base).toStrictEqual([`POST ${MESSAGE_PATH}`]);
			expect(suvvyOutputs.flat()).toHaveLength(1);
			const [item] = received[OUTPUT.otherError];
			expect(item.json).toMatchObject({
				status,
				error_code: 'redirect_refused',
				found_locally: false,
				chat_id: 'c-1',
				attempts: 1,
			});
			expect(item.json.message).toContain(`Other Error (HTTP ${status})`);
			expect(item.json.message).toContain(`a redirect to ${origin}.`);
			expect(item.json.message).not.toMatch(/collect|key=abc/);
			// The error item keeps its file, as every error item does, so a flow can resend it.
			expect(item.binary?.data).toBeDefined();
		},
	);

	test('a redirect without a Location still leaves by Other Error, saying it names no address', async () => {
		nock(TEST_BASE_URL).post(MESSAGE_PATH).reply(302, '');
		const { received } = await runWorkflow({
			items: [{ json: {} }],
			parameters: { ...SEND, chatId: 'c-1', source: 's', text: 'Hi' },
		});
		expect(received[OUTPUT.otherError][0].json).toMatchObject({
			status: 302,
			error_code: 'redirect_refused',
			attempts: 1,
		});
		expect(received[OUTPUT.otherError][0].json.message).toContain('names no web address');
	});
});

describe('over real loopback connections', () => {
	let base: FileServer;
	let elsewhere: FileServer;

	beforeAll(async () => {
		nock.enableNetConnect('127.0.0.1');
		[base, elsewhere] = await Promise.all([startFileServer(), startFileServer()]);
		elsewhere.serve('/collect', (_request, response) => {
			response
				.writeHead(200, { 'content-type': 'application/json' })
				.end('{"message":"Successful"}');
		});
	});
	afterAll(async () => {
		await Promise.all([base.close(), elsewhere.close()]);
	});

	test('a 307 to another port reaches nothing there, and the message is sent once', async () => {
		base.serve(MESSAGE_PATH, (_request, response) => {
			response.writeHead(307, { location: `${elsewhere.url}/collect` }).end();
		});
		const { received } = await runWorkflow({
			items: [{ json: {} }, { json: {} }],
			parameters: { ...SEND, chatId: 'c-1', source: 's', text: 'Hi' },
			credentials: { token: TEST_TOKEN, baseUrl: base.url },
		});
		expect(elsewhere.requests).toStrictEqual([]);
		expect(base.requests.map((request) => request.path)).toStrictEqual([
			MESSAGE_PATH,
			MESSAGE_PATH,
		]);
		expect(received[OUTPUT.otherError].map((item) => item.json.error_code)).toStrictEqual([
			'redirect_refused',
			'redirect_refused',
		]);
		expect(received[OUTPUT.otherError][0].json.message).toContain(
			`a redirect to ${elsewhere.url}.`,
		);
	});
});
