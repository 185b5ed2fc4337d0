import nock from 'nock';
import type { ICredentialTestFunctions, ICredentialsDecrypted } from 'n8n-workflow';

import { suvvyApiTest } from '../../nodes/Suvvy/methods/credentialTest';
import { interceptHttp } from '../support/interceptHttp';

const BASE_URL = 'https://suvvy.test';
const TOKEN = 'dummy-channel-token-1';
const PATH = '/api/webhook/custom/message';

function credential(data: Record<string, string>): ICredentialsDecrypted {
	return { id: 'cred-1', name: 'Suvvy account', type: 'suvvyApi', data };
}

async function testCredential(data: Record<string, string> = { token: TOKEN, baseUrl: BASE_URL }) {
	return await suvvyApiTest.call({} as ICredentialTestFunctions, credential(data));
}

interceptHttp();

describe('the Suvvy API credential test', () => {
	test('passes when Suvvy accepts the token and refuses the probe as invalid (422)', async () => {
		nock(BASE_URL)
			.post(PATH)
			.reply(422, { detail: [{ loc: ['body', 'message_id'], msg: 'Field required' }] });
		await expect(testCredential()).resolves.toMatchObject({ status: 'OK' });
	});

	test('sends the token as a bearer header and a body Suvvy cannot accept as a message', async () => {
		let received: unknown;
		nock(BASE_URL)
			.post(PATH, (body: unknown) => {
				received = body;
				return true;
			})
			.matchHeader('authorization', `Bearer ${TOKEN}`)
			.reply(422, { detail: [] });
		await expect(testCredential()).resolves.toMatchObject({ status: 'OK' });
		expect(received).toStrictEqual({ api_version: 1 });
	});

	test.each([
		[401, { detail: 'Invalid token.', error_code: 'auth_invalid_token' }, 'invalid token'],
		[
			424,
			{ detail: 'Channel is disabled.', error_code: 'instance_channel_is_disabled' },
			'channel is disabled',
		],
		[
			402,
			{ detail: 'Your balance is below zero', error_code: 'user_balance_below_zero' },
			'balance below zero',
		],
	])('fails on %i, saying %j', async (status, body, phrase) => {
		nock(BASE_URL).post(PATH).reply(status, body);
		const result = await testCredential();
		expect(result.status).toBe('Error');
		expect(result.message).toContain(phrase);
	});

	test('fails when the base URL answers like something other than Suvvy', async () => {
		nock(BASE_URL).post(PATH).reply(404, '<html>Not Found</html>');
		const result = await testCredential();
		expect(result).toMatchObject({ status: 'Error' });
		expect(result.message).toContain('HTTP 404');
	});

	test('fails when a probe is accepted (200), since Suvvy must refuse it', async () => {
		nock(BASE_URL).post(PATH).reply(200, { message: 'Successful' });
		await expect(testCredential()).resolves.toMatchObject({ status: 'Error' });
	});

	test('fails with the cause when Suvvy cannot be reached', async () => {
		nock(BASE_URL).post(PATH).replyWithError('connect ECONNREFUSED 127.0.0.1:443');
		const result = await testCredential();
		expect(result.status).toBe('Error');
		expect(result.message).toContain('Could not reach Suvvy at https://suvvy.test');
	});

	test('uses the base URL of the credential, with or without a trailing slash', async () => {
		const scope = nock('http://127.0.0.1:8787').post(PATH).reply(422, { detail: [] });
		await expect(
			testCredential({ token: TOKEN, baseUrl: 'http://127.0.0.1:8787/' }),
		).resolves.toMatchObject({
			status: 'OK',
		});
		expect(scope.isDone()).toBe(true);
	});

	test('asks for a token before sending anything when it is empty', async () => {
		const result = await testCredential({ token: ' ', baseUrl: BASE_URL });
		expect(result).toStrictEqual({
			status: 'Error',
			message: 'Enter the token of your Suvvy custom channel',
		});
	});

	test('never repeats the token in its message', async () => {
		nock(BASE_URL)
			.post(PATH)
			.reply(401, { detail: `Invalid token ${TOKEN}` });
		const result = await testCredential();
		expect(result.message).not.toContain(TOKEN);
	});
});
