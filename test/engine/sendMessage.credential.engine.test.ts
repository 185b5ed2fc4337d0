/** The credential: its token and base URL reach Suvvy, and the token reaches nothing else. */
import nock from 'nock';

import { runWorkflow, TEST_TOKEN } from '../support/runWorkflow';
import { mockSuvvy } from '../support/suvvyMock';
import { interceptHttp } from '../support/interceptHttp';
import { SEND } from '../support/sendOperation';

interceptHttp();

describe('Send Message in a real workflow', () => {
	test('authenticates with the credential token as a bearer header, at the credential base URL', async () => {
		const suvvy = mockSuvvy();
		await runWorkflow({
			items: [{ json: {} }],
			parameters: { ...SEND, chatId: 'c', source: 's', text: 't' },
		});
		expect(suvvy.requests.map((request) => request.authorization)).toStrictEqual([
			`Bearer ${TEST_TOKEN}`,
		]);

		const local = nock('http://127.0.0.1:8787')
			.post('/api/webhook/custom/message')
			.reply(200, { message: 'Successful' });
		await runWorkflow({
			items: [{ json: {} }],
			parameters: { ...SEND, chatId: 'c', source: 's', text: 't' },
			credentials: { token: TEST_TOKEN, baseUrl: 'http://127.0.0.1:8787/' },
		});
		expect(local.isDone()).toBe(true);
	});
});

describe('the token stays secret', () => {
	test('appears in no output item, whatever the outcome', async () => {
		mockSuvvy((body) =>
			body.chat_id === 'x' ? [401, { detail: 'Invalid token.' }] : [200, { message: 'Successful' }],
		);
		const { run } = await runWorkflow({
			items: [{ json: { chat: 'ok' } }, { json: { chat: 'x' } }, { json: { chat: '' } }],
			parameters: { ...SEND, chatId: '={{ $json.chat }}', source: 's', text: 't' },
		});
		expect(JSON.stringify(run.data.resultData.runData)).not.toContain(TEST_TOKEN);
	});
});
