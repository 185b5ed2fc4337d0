import nock from 'nock';

import { TEST_BASE_URL } from './runWorkflow';

export const MESSAGE_PATH = '/api/webhook/custom/message';

export interface RecordedRequest {
	body: Record<string, unknown>;
	authorization: string | undefined;
}

type Reply = [number, unknown];

/**
 * Stands in for Suvvy over nock: records each request and answers by chat_id, so one workflow run
 * can reach every output.
 */
export function mockSuvvy(
	answerFor: (body: Record<string, unknown>) => Reply = () => [200, { message: 'Successful' }],
) {
	const requests: RecordedRequest[] = [];
	const scope = nock(TEST_BASE_URL)
		.persist()
		.post(MESSAGE_PATH)
		.reply(function (_uri, requestBody) {
			const body = (
				typeof requestBody === 'string' ? JSON.parse(requestBody) : requestBody
			) as Record<string, unknown>;
			const header = this.req.headers.authorization;
			requests.push({ body, authorization: Array.isArray(header) ? header[0] : header });
			return answerFor(body);
		});
	return { requests, scope };
}
