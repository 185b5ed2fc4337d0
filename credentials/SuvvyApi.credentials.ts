import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { themedIcon } from '../nodes/Suvvy/compat/themedIcon';
import { checkBaseUrl, DEFAULT_BASE_URL, MESSAGE_PATH } from '../nodes/Suvvy/transport/baseUrl';
import { checkToken } from '../nodes/Suvvy/transport/bearerToken';

export class SuvvyApi implements ICredentialType {
	name = 'suvvyApi';

	displayName = 'Suvvy API';

	icon: Icon = themedIcon('file:../nodes/Suvvy/suvvy.svg', 'file:../nodes/Suvvy/suvvy.dark.svg');

	documentationUrl = 'https://github.com/n8n-nodes-suvvy/n8n-nodes-suvvy#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'The token Suvvy shows when you connect a custom channel (Channels → Custom channel in the Suvvy dashboard)',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: DEFAULT_BASE_URL,
			description:
				'Where the Suvvy API lives; keep the default unless n8n talks to a Suvvy emulator or a proxy',
			hint: 'https:// (http:// only for this machine), without a query or fragment',
		},
	];

	/**
	 * A function, not a generic `=Bearer {{$credentials.token}}` (which n8n evaluates in its sandbox
	 * for every request), that also refuses a base URL or token that must not be sent, and turns
	 * redirects off: n8n would carry the token on to another origin.
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const base = checkBaseUrl(credentials.baseUrl);
		if (!base.ok) throw new Error(base.reason);
		const token = checkToken(credentials.token);
		if (!token.ok) throw new Error(token.reason);
		return {
			...requestOptions,
			disableFollowRedirect: true,
			headers: { ...requestOptions.headers, Authorization: `Bearer ${token.token}` },
		};
	}

	/**
	 * Checks the token without creating a message: Suvvy checks token, channel and balance before the
	 * body, so a deliberately incomplete body gets a 422 for a good token and 401, 402 or 424 otherwise.
	 * Anything else, a redirect included (never followed), reads as not Suvvy.
	 */
	test: ICredentialTestRequest = {
		request: {
			method: 'POST',
			baseURL: `={{ $credentials.baseUrl || '${DEFAULT_BASE_URL}' }}`,
			url: MESSAGE_PATH,
			body: { api_version: 1 },
			json: true,
			ignoreHttpStatusErrors: true,
			disableFollowRedirect: true,
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'status_code',
					value: 401,
					message:
						'Suvvy rejected the token: invalid token. Copy it again from the custom channel settings',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'status_code',
					value: 402,
					message:
						'The token works, but Suvvy reports a balance below zero and refuses messages: top it up',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'status_code',
					value: 424,
					message:
						'The token works, but the channel is disabled in Suvvy: turn the custom channel on',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'detail.0.loc',
					value: undefined,
					message:
						'The base URL answered, but not as Suvvy does: check it points at the Suvvy API itself (a base URL that redirects elsewhere answers so too: redirects are never followed)',
				},
			},
		],
	};
}
