'use strict';
const { userPort } = require('../../dev/harness/ports');

describe('a port the user sets in the environment', () => {
	test('is taken as set', () => {
		expect(userPort('N8N_PORT', { N8N_PORT: '5999' })).toBe(5999);
	});

	test('unset or empty, leaves the choice to the command (a free port)', () => {
		expect(userPort('N8N_PORT', {})).toBeUndefined();
		expect(userPort('N8N_PORT', { N8N_PORT: '' })).toBeUndefined();
	});

	test.each(['abc', '0', '65536', '56.5', '-1'])('"%s" stops the command, naming the setting', (text) => {
		expect(() => userPort('N8N_RUNNERS_BROKER_PORT', { N8N_RUNNERS_BROKER_PORT: text })).toThrow(
			`N8N_RUNNERS_BROKER_PORT must be a port number (1-65535), got "${text}"`,
		);
	});
});
