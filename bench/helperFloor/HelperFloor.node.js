'use strict';
/**
 * Bench only: the floor for a community node inside n8n. It posts one prepared body per item through
 * n8n's `httpRequestWithAuthentication` with the Suvvy credential (decrypted once, as the Suvvy node
 * does) at a fixed concurrency, and does nothing else: no parameters per item, no checks, no routing.
 */
class HelperFloor {
	constructor() {
		this.description = {
			displayName: 'Suvvy Bench Helper Floor',
			name: 'helperFloor',
			group: ['output'],
			version: 1,
			description: 'Bench only',
			defaults: { name: 'Helper Floor' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: 'suvvyApi', required: true }],
			properties: [
				{ displayName: 'URL', name: 'url', type: 'string', default: '' },
				{ displayName: 'Parallel', name: 'parallel', type: 'number', default: 5 },
			],
		};
	}

	async execute() {
		const items = this.getInputData();
		const url = this.getNodeParameter('url', 0);
		const parallel = this.getNodeParameter('parallel', 0);
		const data = await this.getCredentials('suvvyApi');
		const { id, name } = this.getNode().credentials.suvvyApi;
		const credentialsDecrypted = { id, name, type: 'suvvyApi', data };
		const prefix = `floor-${this.getExecutionId()}`;
		const bodies = items.map(({ json }, index) =>
			Buffer.from(JSON.stringify({ api_version: 1, message_id: `${prefix}-${index}`, chat_id: json.chat, text: json.text, source: 'bench', message_sender: 'customer' })),
		);
		let next = 0;
		const worker = async () => {
			while (next < bodies.length) {
				const body = bodies[next++];
				await this.helpers.httpRequestWithAuthentication.call(
					this,
					'suvvyApi',
					{ method: 'POST', url, body, headers: { 'Content-Type': 'application/json' }, encoding: 'text', returnFullResponse: true, ignoreHttpStatusErrors: true },
					{ credentialsDecrypted },
				);
			}
		};
		await Promise.all(Array.from({ length: parallel }, worker));
		return [items.map((item, index) => ({ json: item.json, pairedItem: { item: index } }))];
	}
}

module.exports = { HelperFloor };
