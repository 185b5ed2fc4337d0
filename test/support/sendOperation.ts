/** The Send operation as a test selects it, and the index of each of its seven outputs. */
export const SEND = { resource: 'message', operation: 'send' };
export const OUTPUT = {
	sent: 0,
	invalidToken: 1,
	noBalance: 2,
	badFile: 3,
	validationError: 4,
	channelOff: 5,
	otherError: 6,
};
