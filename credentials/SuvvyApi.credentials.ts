import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

export class SuvvyApi implements ICredentialType {
	name = 'suvvyApi';

	displayName = 'Suvvy API';

	icon: Icon = {
		light: 'file:../nodes/Suvvy/suvvy.svg',
		dark: 'file:../nodes/Suvvy/suvvy.dark.svg',
	};

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
			default: 'https://api.suvvy.ai',
			description:
				'Where the Suvvy API lives. Keep the default unless you point n8n at a Suvvy emulator or a proxy.',
		},
	];

	/**
	 * A function rather than a generic `=Bearer {{$credentials.token}}`: n8n runs a generic one as an
	 * expression in its sandbox for every request, which in a batch costs more than the request.
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return {
			...requestOptions,
			headers: { ...requestOptions.headers, Authorization: `Bearer ${String(credentials.token)}` },
		};
	}
}
