import { BRANCHES } from '../../nodes/Suvvy/actions/message/send/6-answer/branches';

describe("Send Message's outputs", () => {
	test('keep their order, names and statuses: workflows are wired by output index', () => {
		expect(BRANCHES).toStrictEqual([
			{ branch: 'sent', displayName: 'Sent' },
			{ branch: 'invalidToken', displayName: 'Invalid Token', status: 401 },
			{ branch: 'negativeBalance', displayName: 'No Balance', status: 402 },
			{ branch: 'unsupportedFile', displayName: 'Bad File', status: 415 },
			{ branch: 'validationError', displayName: 'Validation Error', status: 422 },
			{ branch: 'channelDisabled', displayName: 'Channel Off', status: 424 },
			{ branch: 'otherError', displayName: 'Other Error' },
		]);
	});
});
