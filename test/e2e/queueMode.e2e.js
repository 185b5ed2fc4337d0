'use strict';
/**
 * Queue mode, as users run n8n when one process is not enough: Redis and PostgreSQL (Debian's
 * packages) on loopback, a main instance that takes the webhooks and a worker that runs the
 * executions, binary data in n8n's database. The file upload and the reply loop must end exactly as
 * they do in a single n8n (sendMessage.e2e.js, replyLoop.e2e.js).
 */
const { createHash } = require('node:crypto');

const net = require('node:net');

const { freePort } = require('../../dev/harness/freePort');
const { OGG, PNG, SCENARIOS } = require('../../dev/harness/scenarios');
const { readStoredBinary } = require('../../dev/harness/queueServices');
const { emulatorAdmin, playScenario } = require('../../dev/harness/workflowRuns');
const { useStack } = require('./e2eStack');

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');
const upload = SCENARIOS.find((scenario) => scenario.title.includes('uploaded'));

const listening = (port) =>
	new Promise((resolve) => {
		const socket = net.connect({ host: '127.0.0.1', port });
		socket.once('connect', () => socket.end(() => resolve(true)));
		socket.once('error', () => resolve(false));
	});

describe('queue mode: Redis, PostgreSQL, a main instance and a worker', () => {
	// Ports as a user sets them, before the stack starts: they are the main instance's alone.
	const userSet = {};
	const before = { ...process.env };
	beforeAll(async () => {
		for (const name of ['N8N_PORT', 'N8N_RUNNERS_BROKER_PORT', 'SUVVY_EMULATOR_PORT']) userSet[name] = await freePort();
		for (const [name, port] of Object.entries(userSet)) process.env[name] = String(port);
	});
	afterAll(() => {
		for (const name of Object.keys(userSet)) {
			if (before[name] === undefined) delete process.env[name];
			else process.env[name] = before[name];
		}
	});
	const stack = useStack({ queue: true });

	test('runs a main instance and a worker against the same database and queue', () => {
		expect(stack.queue.env).toMatchObject({ EXECUTIONS_MODE: 'queue', DB_TYPE: 'postgresdb', N8N_DEFAULT_BINARY_DATA_MODE: 'database' });
		expect(stack.worker.child.exitCode).toBeNull();
		expect(stack.worker.logs.all()).toMatch(/n8n worker is now ready/);
	});

	test('the ports the user set are the main instance\'s (HTTP, task broker) and the emulator\'s; the worker takes free ones', async () => {
		expect(stack.n8n.port).toBe(userSet.N8N_PORT);
		expect(new URL(stack.emulator.url).port).toBe(String(userSet.SUVVY_EMULATOR_PORT));
		await expect(listening(userSet.N8N_RUNNERS_BROKER_PORT)).resolves.toBe(true);
		// Had the worker taken the same broker port, it would not have started.
		expect(stack.worker.port).not.toBe(userSet.N8N_PORT);
		expect(stack.worker.child.exitCode).toBeNull();
	});

	/** The main instance only enqueues; the worker's own log says it ran the execution. */
	const ranOnWorker = (execution) => {
		expect(stack.n8n.logs.all()).toContain(`Enqueued execution ${execution.id} `);
		expect(stack.worker.logs.all()).toContain(`Worker finished execution ${execution.id} `);
	};

	test('the uploaded files reach Suvvy byte for byte, read from the database binary store by the worker', async () => {
		const { answer, execution, taken, messages } = await playScenario(stack, upload);
		expect(answer.status).toBe(200);
		expect(JSON.parse(answer.body)).toMatchObject({ outcome: 'sent', chat_id: 'demo-upload' });

		const stored = execution.data.resultData.runData['Customer Message'][0].data.main[0][0].binary;
		expect(stored.photo.id).toMatch(/^database/);
		expect(stored.voice.id).toMatch(/^database/);
		expect(readStoredBinary(stack.queue.postgres, stored.photo.id).equals(PNG)).toBe(true);

		expect(messages).toHaveLength(1);
		const byName = Object.fromEntries(messages[0].attachments.map((attachment) => [attachment.file_name, attachment]));
		expect(byName['photo.png']).toMatchObject({ file_type: 'image', mime_type: 'image/png', sha256: sha256(PNG) });
		expect(byName.voice).toMatchObject({ file_type: 'audio', mime_type: 'audio/ogg', sha256: sha256(OGG) });
		expect(taken).toEqual([expect.objectContaining({ output: 'Sent', pairedItem: { item: 0 } })]);
		ranOnWorker(execution);
	});

	test("Suvvy's reply starts the trigger's execution with its text and the downloaded photo", async () => {
		const replies = stack.workflows['suvvy-replies'];
		// The earlier test's message was answered too: wait for that reply's execution, so that it is
		// not taken for this one.
		await emulatorAdmin(stack, 'idle');
		await stack.api.nextExecution(replies.id, new Set());
		const seen = new Set((await stack.api.executions(replies.id)).map((execution) => execution.id));
		await playScenario(stack, upload);
		await emulatorAdmin(stack, 'idle');
		const [delivery] = (await emulatorAdmin(stack, 'deliveries')).deliveries;
		expect(delivery).toMatchObject({ chat_id: 'demo-upload', status: 200, delivered: true });

		const execution = await stack.api.nextExecution(replies.id, seen);
		expect(execution.status).toBe('success');
		ranOnWorker(execution);
		const items = execution.data.resultData.runData['Suvvy Trigger'][0].data.main[0];
		const byType = Object.fromEntries(items.map((item) => [item.json.type, item]));
		expect(byType.text.json).toMatchObject({ chat_id: 'demo-upload', message_sender: 'ai', text: 'Echo: Here is the broken part' });
		expect(byType.image.json.file_error).toBeUndefined();
		const photo = byType.image.binary.data;
		expect(photo).toMatchObject({ fileName: 'photo.png', mimeType: 'image/png' });
		expect(photo.id).toMatch(/^database/);
		// n8n's REST download of database-mode binary data answers 404 here, so the bytes are read from PostgreSQL.
		expect(readStoredBinary(stack.queue.postgres, photo.id).equals(PNG)).toBe(true);
	});
});
