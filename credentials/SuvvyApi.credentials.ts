import type { IAuthenticateGeneric, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

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

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.token}}',
			},
		},
	};
}
