import type { ICredentialTestFunctions, IHookFunctions } from 'n8n-workflow';

import { suvvyWebhookCredentialTest } from '../../nodes/Suvvy/replies/webhookCredentialTest';
import { carriesSecret } from '../../nodes/Suvvy/replies/verifySecret';
import { forget, isRecorded, record } from '../../nodes/Suvvy/trigger/webhookRecord';
import { SuvvyTrigger } from '../../nodes/Suvvy/SuvvyTrigger.node';

describe('the webhook secret comparison', () => {
	test.each(['Bearer dummy-s3cret', 'bearer dummy-s3cret', 'BEARER  dummy-s3cret'])(
		'accepts %p: the scheme in any case (RFC 7235), the secret exactly',
		(header) => {
			expect(carriesSecret(header, 'dummy-s3cret')).toBe(true);
		},
	);

	test.each([
		undefined,
		'',
		'Bearer ',
		'Bearer dummy-s3cre',
		'Bearer dummy-s3cretX',
		'Bearer DUMMY-S3CRET',
		'Basic dummy-s3cret',
		'Bearerdummy-s3cret',
		'dummy-s3cret',
	])('refuses %p', (header) => {
		expect(carriesSecret(header, 'dummy-s3cret')).toBe(false);
	});

	test.each([undefined, '', 'Bearer ', 'Bearer  '])(
		'an empty secret matches nothing, not even %p',
		(header) => {
			expect(carriesSecret(header, '')).toBe(false);
		},
	);
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
		expect(isRecorded.call(context)).toBe(false);
		expect(record.call(context)).toBe(true);
		expect(staticData).toEqual({ webhookUrl: 'https://n8n.example.com/webhook/abc/webhook' });
		expect(isRecorded.call(context)).toBe(true);
		expect(forget.call(context)).toBe(true);
		expect(isRecorded.call(context)).toBe(false);
	});

	describe('with a Suvvy Webhook Secret credential', () => {
		function activation(secret: string) {
			const { context, staticData } = hookContext('https://n8n.example.com/webhook/abc/webhook');
			Object.assign(context, {
				getNode: () => ({ name: 'Suvvy Trigger', credentials: { suvvyWebhookApi: { id: '1' } } }),
				getCredentials: async () => ({ secret }),
			});
			const create = new SuvvyTrigger().webhookMethods.default.create;
			return { activate: async () => await create.call(context), staticData };
		}

		test('activates when the secret is set', async () => {
			const { activate, staticData } = activation('dummy-s3cret');
			await expect(activate()).resolves.toBe(true);
			expect(staticData.webhookUrl).toBe('https://n8n.example.com/webhook/abc/webhook');
		});

		test('refuses to activate with an empty secret, saying so, instead of refusing every delivery', async () => {
			const { activate, staticData } = activation('');
			await expect(activate()).rejects.toThrow(
				'The Suvvy Webhook Secret credential holds an empty secret, so every delivery would be refused.',
			);
			expect(staticData.webhookUrl).toBeUndefined();
		});

		// HTTP drops blank space around a header's value: such a secret never arrives as typed.
		test.each([' dummy-s3cret', 'dummy-s3cret ', '\tdummy-s3cret', '   '])(
			'refuses to activate with the secret %p, which no request can carry',
			async (secret) => {
				const { activate, staticData } = activation(secret);
				await expect(activate()).rejects.toThrow(
					'The Suvvy Webhook Secret credential holds a secret that starts or ends with blank space (or is nothing else), which no request can carry, so every delivery would be refused.',
				);
				expect(staticData.webhookUrl).toBeUndefined();
			},
		);

		test('refuses to activate with a secret that holds a line break', async () => {
			const { activate } = activation('dummy\ns3cret');
			await expect(activate()).rejects.toThrow(
				'The Suvvy Webhook Secret credential holds a secret with a line break',
			);
		});
	});

	test('a changed public URL counts as not set up, so n8n records it again', () => {
		const { context, staticData } = hookContext('https://new.example.com/webhook/abc/webhook');
		staticData.webhookUrl = 'https://old.example.com/webhook/abc/webhook';
		expect(isRecorded.call(context)).toBe(false);
	});
});

describe('testing the Suvvy Webhook Secret credential', () => {
	const test_ = (secret: string, webhookUrl?: string) =>
		suvvyWebhookCredentialTest.call({} as ICredentialTestFunctions, {
			id: '1',
			name: 'secret',
			type: 'suvvyWebhookApi',
			data: { secret, ...(webhookUrl === undefined ? {} : { webhookUrl }) },
		});

	test.each([
		['', 'Enter the Webhook Secret set in the Suvvy dashboard'],
		[' dummy-secret', 'The secret starts or ends with a space; Suvvy would not send it that way'],
		['   ', 'The secret starts or ends with a space; Suvvy would not send it that way'],
		['dummy\nsecret', 'The secret contains a line break'],
	])('refuses %p', async (secret, message) => {
		await expect(test_(secret)).resolves.toEqual({ status: 'Error', message });
	});

	test('accepts a usable secret, with no Webhook URL (the trigger alone needs none)', async () => {
		await expect(test_('dummy-secret-1')).resolves.toMatchObject({ status: 'OK' });
		await expect(test_('dummy-secret-1', '')).resolves.toMatchObject({ status: 'OK' });
	});

	test("accepts a Webhook URL shaped as a Suvvy Trigger's Production URL", async () => {
		await expect(
			test_('dummy-secret-1', 'https://n8n.example.com/webhook/0f6c/webhook'),
		).resolves.toMatchObject({ status: 'OK' });
	});

	test.each([
		'not a url',
		'ftp://n8n.example.com/webhook/0f6c/webhook',
		'https://n8n.example.com/webhook-test/0f6c/webhook/extra',
		'https://n8n.example.com/webhook/0f6c/register',
	])('refuses the Webhook URL %p, saying which URL belongs there', async (webhookUrl) => {
		await expect(test_('dummy-secret-1', webhookUrl)).resolves.toEqual({
			status: 'Error',
			message:
				"Set the Webhook URL of the Suvvy Webhook Secret credential to the Suvvy Trigger's Production URL (it ends in /webhook): the reply is awaited through that trigger",
		});
	});
});
