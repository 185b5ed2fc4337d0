'use strict';
/**
 * Talks to a real n8n over the REST API its editor uses: log in, create credentials, test them,
 * create and activate workflows, read executions (their data comes "flatted"-encoded).
 */

const BROWSER_ID = 'n8n-nodes-suvvy-harness';

class N8nApi {
	constructor(url, requireFromN8n) {
		this.url = url;
		this.cookie = '';
		this.flatted = requireFromN8n('flatted');
	}

	async request(method, path, body) {
		const response = await fetch(`${this.url}/rest${path}`, {
			method,
			headers: {
				'content-type': 'application/json',
				'browser-id': BROWSER_ID,
				...(this.cookie ? { cookie: this.cookie } : {}),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const setCookie = response.headers.get('set-cookie');
		if (setCookie) this.cookie = setCookie.split(';')[0];
		const text = await response.text();
		if (!response.ok) throw new Error(`n8n ${method} ${path} answered ${response.status}: ${text.slice(0, 1000)}`);
		if (!text) return undefined;
		// n8n 1.4x answers 200 "n8n is starting up. Please wait" until its routes are mounted.
		if (!/json/.test(response.headers.get('content-type') ?? '')) {
			throw new Error(`n8n ${method} ${path} answered ${response.status} without JSON: ${text.slice(0, 200)}`);
		}
		return JSON.parse(text).data;
	}

	/** n8n 1.x has no owner from the environment: the setup screen's call, once per n8n home. */
	async setupOwner({ email, password, firstName, lastName }, timeoutMs = 30_000) {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			try {
				await this.request('POST', '/owner/setup', { email, password, firstName, lastName });
				return;
			} catch (error) {
				if (/already set ?up/i.test(error.message)) return;
				// n8n 1.29 and older answer the setup call 401 to a stranger: it comes from the pending
				// owner's session, which their GET /login hands out before anyone has set a password.
				if (/answered 401/.test(error.message) && !this.cookie) {
					await this.request('GET', '/login');
					// Without a session from it, the 401 stands (no retry loop that skips the deadline).
					if (this.cookie) continue;
				}
				// n8n 1.x reports ready before its REST routes are mounted (404, or a "starting up" page).
				if (!/answered 404|starting up/.test(error.message) || Date.now() > deadline) throw error;
				await new Promise((resolve) => setTimeout(resolve, 250));
			}
		}
	}

	/** n8n before 1.5x names the login field `email`; later lines `emailOrLdapLoginId`. */
	async login(email, password) {
		try {
			return await this.request('POST', '/login', { emailOrLdapLoginId: email, password });
		} catch (error) {
			if (!/Email is required/.test(error.message)) throw error;
			return this.request('POST', '/login', { email, password });
		}
	}

	async createCredential({ name, type, data }) {
		return this.withNodesAccess('POST', '/credentials', { name, type, data });
	}

	async updateCredential(id, { name, type, data }) {
		return this.withNodesAccess('PATCH', `/credentials/${id}`, { id, name, type, data });
	}

	/**
	 * n8n 1.29 and older refuse a credential without `nodesAccess` (the node types that may use it,
	 * which they no longer enforce; newer n8n dropped the field), so it is sent only where asked for.
	 */
	async withNodesAccess(method, path, body) {
		try {
			return await this.request(method, path, body);
		} catch (error) {
			if (!/nodesAccess must be an array/.test(error.message)) throw error;
			return this.request(method, path, { ...body, nodesAccess: [] });
		}
	}

	async credentials() {
		return this.request('GET', '/credentials');
	}

	/** `{status: 'OK' | 'Error', message}`, exactly what the editor's "Test" button shows. */
	testCredential(credential) {
		return this.request('POST', '/credentials/test', {
			credentials: { id: credential.id, name: credential.name, type: credential.type, data: credential.data },
		});
	}

	/** One of the type files n8n's editor loads (`nodes`, `credentials`). */
	async types(kind) {
		const response = await fetch(`${this.url}/types/${kind}.json`, { headers: { cookie: this.cookie } });
		if (!response.ok) throw new Error(`n8n /types/${kind}.json answered ${response.status}`);
		return response.json();
	}

	/** Every node type this n8n knows, with each version it has and that version's parameters. */
	async nodeTypes() {
		const versions = new Map();
		for (const { name, version, properties } of await this.types('nodes')) {
			const added = [version].flat().map((one) => ({ version: one, properties }));
			versions.set(name, [...(versions.get(name) ?? []), ...added]);
		}
		return versions;
	}

	/** Every credential type this n8n knows, with the names of the fields it holds (those it extends included). */
	async credentialTypes() {
		const types = new Map((await this.types('credentials')).map((type) => [type.name, type]));
		const fields = (name) => {
			const type = types.get(name);
			return type ? [...type.properties.map((property) => property.name), ...(type.extends ?? []).flatMap(fields)] : [];
		};
		return new Map([...types.keys()].map((name) => [name, fields(name)]));
	}

	/** The stored workflows, as n8n lists them (without their nodes). */
	async workflows() {
		return this.request('GET', '/workflows');
	}

	/** One stored workflow, whole. */
	async workflow(id) {
		return this.request('GET', `/workflows/${id}`);
	}

	async createWorkflow(workflow) {
		const { name, nodes, connections, settings = {}, pinData } = workflow;
		return this.request('POST', '/workflows', { name, nodes, connections, settings, pinData, active: false });
	}

	/** n8n before 1.10x has no activate route: its editor saves the workflow with `active: true`. */
	async activate(workflow) {
		try {
			return await this.request('POST', `/workflows/${workflow.id}/activate`, { versionId: workflow.versionId });
		} catch (error) {
			if (!/answered 404: <!DOCTYPE/.test(error.message)) throw error;
			return this.request('PATCH', `/workflows/${workflow.id}`, { active: true, versionId: workflow.versionId });
		}
	}

	/**
	 * The editor's *Execute workflow* from a trigger, on the stored workflow (its pinned data included).
	 * n8n 2.x reads the stored workflow itself; n8n 1.x expects it in the body.
	 */
	async runManually(workflow, triggerName) {
		const workflowData = await this.workflow(workflow.id);
		return this.request('POST', `/workflows/${workflow.id}/run`, { workflowData, triggerToStartFrom: { name: triggerName } });
	}

	async executions(workflowId) {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const { results } = await this.request('GET', `/executions?filter=${filter}&limit=100`);
		return results;
	}

	/** The execution with its run data decoded. */
	async execution(id) {
		const execution = await this.request('GET', `/executions/${id}`);
		return { ...execution, data: this.flatted.parse(execution.data) };
	}

	/** The bytes of a file n8n stored for an execution (its filesystem or database binary store). */
	async binaryData(id) {
		const response = await fetch(`${this.url}/rest/binary-data?id=${encodeURIComponent(id)}&action=download`, {
			headers: { 'browser-id': BROWSER_ID, cookie: this.cookie },
		});
		if (!response.ok) throw new Error(`n8n binary data ${id}: ${response.status}`);
		return Buffer.from(await response.arrayBuffer());
	}

	/** Waits for the workflow's next finished execution after those already in `seenIds`. */
	async nextExecution(workflowId, seenIds, timeoutMs = 60_000) {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			const fresh = (await this.executions(workflowId)).filter(
				(execution) => !seenIds.has(execution.id) && execution.stoppedAt,
			);
			if (fresh.length) {
				fresh.sort((a, b) => Number(a.id) - Number(b.id));
				return this.execution(fresh[0].id);
			}
			await new Promise((resolve) => setTimeout(resolve, 200));
		}
		throw new Error(`No execution of workflow ${workflowId} finished within ${timeoutMs / 1000} s`);
	}
}

module.exports = { N8nApi, BROWSER_ID };
