'use strict';
/**
 * Suvvy never retries a delivery it got a 2xx for. So whatever happens to n8n right after it answered
 * (a deploy's SIGTERM, a crash's SIGKILL), every reply that got its 2xx must be in a stored execution
 * once n8n is back. Each test stops n8n at the worst moment: the instant one delivery's 2xx arrives,
 * while another delivery's file is still downloading.
 */
const { N8N_VERSION } = require('../../dev/harness/realN8n');
const { startFileServer } = require('../support/fileServer');
const { useStack } = require('./e2eStack');

/** POSTs a delivery to the trigger as Suvvy does; resolves with the status, or the network error. */
async function deliver(stack, body) {
	try {
		const response = await fetch(stack.replyUrl, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				authorization: `Bearer ${stack.webhookSecret}`,
			},
			body: JSON.stringify(body),
		});
		await response.arrayBuffer();
		return { status: response.status };
	} catch (error) {
		return { status: undefined, error: error.cause?.code ?? error.message };
	}
}

const textDelivery = (chat) => ({
	event_type: 'new_messages',
	chat_id: chat,
	new_messages: [{ type: 'text', message_sender: 'ai', text: `reply for ${chat}` }],
});

describe(`a restart of real n8n ${N8N_VERSION} loses no reply that got its 2xx`, () => {
	const stack = useStack();
	let files;
	beforeAll(async () => {
		files = await startFileServer();
	});
	afterAll(async () => await files?.close());

	/** Every execution of the replies workflow, as stored, with its data decoded. */
	async function storedExecutions() {
		const listed = await stack.api.executions(stack.workflows['suvvy-replies'].id);
		return await Promise.all(listed.map(async ({ id }) => await stack.api.execution(id)));
	}

	/** A delivery of a text and a file the file server never finishes sending. */
	function withHeldFile(chat) {
		let fileRequested;
		const requested = new Promise((resolve) => (fileRequested = resolve));
		files.serve(`/${chat}/held.png`, () => fileRequested());
		const body = {
			event_type: 'new_messages',
			chat_id: chat,
			new_messages: [
				{ type: 'text', message_sender: 'ai', text: `reply for ${chat}` },
				{
					type: 'image',
					message_sender: 'ai',
					file: { name: 'held.png', url: `${files.url}/${chat}/held.png` },
				},
			],
		};
		return { body, requested };
	}

	test.each(['SIGTERM', 'SIGKILL'])(
		'after a restart by %s right after a 2xx, while another delivery is still downloading, every reply that got a 2xx is in an execution',
		async (signal) => {
			const run = `${signal.toLowerCase()}-${Date.now()}`;
			// The first delivery's file never arrives, so its 2xx comes when its download time is up;
			// the second is still downloading at that moment.
			const first = withHeldFile(`${run}-first`);
			const firstAnswer = deliver(stack, first.body);
			await first.requested;
			const second = withHeldFile(`${run}-second`);
			const secondAnswer = deliver(stack, second.body);
			await second.requested;
			const answered = await firstAnswer;
			await stack.restartMain(signal);
			expect(answered.status).toBe(200);
			const outcomes = { [`${run}-first`]: answered, [`${run}-second`]: await secondAnswer };

			const executions = await storedExecutions();
			const holding = (chat) =>
				executions.filter((execution) => JSON.stringify(execution.data).includes(`"${chat}"`));
			for (const [chat, outcome] of Object.entries(outcomes)) {
				// A delivery that got no 2xx counts as failed in Suvvy; one that got it must be stored.
				if (outcome.status >= 200 && outcome.status < 300)
					expect({ chat, stored: holding(chat).length }).toEqual({ chat, stored: 1 });
			}
			// n8n is back and takes new replies as before.
			const after = await deliver(stack, textDelivery(`${run}-after`));
			expect(after.status).toBe(200);
		},
		240_000,
	);
});
