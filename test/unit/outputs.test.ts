import { OUTPUTS } from '../../nodes/Suvvy/actions/message/send/outputs';

describe("Send Message's outputs", () => {
	test('keep their order, names and statuses: workflows are wired by output index', () => {
		expect(OUTPUTS).toStrictEqual([
			{ key: 'sent', displayName: 'Sent' },
			{ key: 'invalidToken', displayName: 'Invalid Token', status: 401 },
			{ key: 'noBalance', displayName: 'No Balance', status: 402 },
			{ key: 'badFile', displayName: 'Bad File', status: 415 },
			{ key: 'validationError', displayName: 'Validation Error', status: 422 },
			{ key: 'channelOff', displayName: 'Channel Off', status: 424 },
			{ key: 'otherError', displayName: 'Other Error' },
		]);
	});

	test("each output's key is its name on the canvas, in camelCase", () => {
		const camelCase = (name: string) =>
			name
				.split(' ')
				.map((word, index) => (index === 0 ? word.toLowerCase() : word))
				.join('');
		for (const { key, displayName } of OUTPUTS) expect(key).toBe(camelCase(displayName));
	});
});
