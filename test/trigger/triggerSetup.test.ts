import type { ICredentialTestFunctions, IHookFunctions } from 'n8n-workflow';

import { suvvyWebhookSecretTest } from '../../nodes/Suvvy/trigger/secretTest';
import { carriesSecret } from '../../nodes/Suvvy/trigger/verifySecret';
import { forget, isRecorded, record } from '../../nodes/Suvvy/trigger/webhookRecord';

describe('the webhook secret comparison', () => {
	test('accepts exactly "Bearer <secret>"', () => {
		expect(carriesSecret('Bearer dummy-s3cret', 'dummy-s3cret')).toBe(true);
	});

	test.each([
		undefined,
		'',
		'Bearer ',
		'Bearer dummy-s3cre',
		'Bearer dummy-s3cretX',
		'bearer dummy-s3cret',
		'dummy-s3cret',
	])('refuses %p', (header) => {
		expect(carriesSecret(header, 'dummy-s3cret')).toBe(false);
	});
});

describe('activating the trigger (Suvvy has no webhook registration API)', () => {
	function hookContext(url: string) {
		const staticData: Record<string, unknown> = {};
		const context = {
			getWorkflowStaticData: () => staticData,
			getNodeWebhookUrl: () => url,
		} as unknown as IHookFunctions;
		return { context, staticData };
	}

	test('records the production URL on create and forgets it on delete', () => {
		const { context, staticData } = hookContext('https://n8n.example.com/webhook/abc/webhook');
		expect(isRecorded(context)).toBe(false);
		expect(record(context)).toBe(true);
		expect(staticData).toEqual({ webhookUrl: 'https://n8n.example.com/webhook/abc/webhook' });
		expect(isRecorded(context)).toBe(true);
		expect(forget(context)).toBe(true);
		expect(isRecorded(context)).toBe(false);
	});

	test('a changed public URL counts as not set up, so n8n records it again', () => {
		const { context, staticData } = hookContext('https://new.example.com/webhook/abc/webhook');
		staticData.webhookUrl = 'https://old.example.com/webhook/abc/webhook';
		expect(isRecorded(context)).toBe(false);
	});
});

describe('testing the Suvvy Webhook Secret credential', () => {
	const test_ = (secret: string) =>
		suvvyWebhookSecretTest.call({} as ICredentialTestFunctions, {
			id: '1',
			name: 'secret',
			type: 'suvvyWebhookApi',
			data: { secret },
		});

	test.each([
		['', 'Enter the Webhook Secret set in the Suvvy dashboard'],
		[' dummy-secret', 'The secret starts or ends with a space; Suvvy would not send it that way'],
		['dummy\nsecret', 'The secret contains a line break'],
	])('refuses %p', async (secret, message) => {
		await expect(test_(secret)).resolves.toEqual({ status: 'Error', message });
	});

	test('accepts a usable secret', async () => {
		await expect(test_('dummy-secret-1')).resolves.toMatchObject({ status: 'OK' });
	});
});
