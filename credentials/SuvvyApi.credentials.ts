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
				'Where the Suvvy API lives. Keep the default unless you point n8n at a Suvvy emulator or a proxy. Must be https:// (http:// only for this machine), without a query or fragment.',
		},
	];

	/**
	 * A function rather than a generic `=Bearer {{$credentials.token}}`: n8n runs a generic one as an
	 * expression in its sandbox for every request, which in a batch costs more than the request. It
	 * also refuses a base URL the token must not travel to and a token no header can carry, before
	 * anything is sent, and turns redirects off for every request that carries the token: n8n would
	 * send it on to another origin.
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
	 * Checks the token without creating a message: the body is deliberately incomplete, so Suvvy must
	 * refuse it. Suvvy checks the token, the channel and the balance before the body, so its answer to
	 * a good token is a 422 listing the missing fields (FastAPI's `detail`, each entry with a `loc`),
	 * while 401, 402 and 424 name what is wrong. Anything else is not Suvvy, a redirect included: it is
	 * not followed, and n8n's rules read only the body, so its answer reads as not Suvvy's. The request
	 * goes through n8n's own HTTP stack, so n8n's proxy and SSRF settings apply to it.
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
