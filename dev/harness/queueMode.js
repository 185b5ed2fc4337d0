'use strict';
/**
 * n8n's queue mode for the e2e tier: Redis and PostgreSQL on loopback, the settings a main instance
 * and its workers share (binary data in n8n's database, since the two processes share no disk
 * store), and the settings only a worker needs.
 */
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');

const { freePort } = require('./freePort');
const { startPostgres, startRedis } = require('./queueServices');

/** n8n's credentials are encrypted with this key; main and worker must hold the same one. */
const ENCRYPTION_KEY = 'dummy-queue-mode-encryption-key';

async function startQueueBackends() {
	// Directly under the temporary folder, so the postgres user can reach it when run as root.
	const directory = mkdtempSync(path.join(tmpdir(), 'n8n-nodes-suvvy-queue-'));
	const stoppers = [];
	const stop = async () => {
		for (const stopOne of stoppers.reverse()) await stopOne();
		rmSync(directory, { recursive: true, force: true });
	};
	try {
		const redis = await startRedis({ port: await freePort(), directory });
		stoppers.push(redis.stop);
		const postgres = await startPostgres({ port: await freePort(), directory });
		stoppers.push(postgres.stop);
		const env = {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(postgres.port),
			DB_POSTGRESDB_USER: postgres.user,
			DB_POSTGRESDB_DATABASE: postgres.database,
			N8N_DEFAULT_BINARY_DATA_MODE: 'database',
			N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
		};
		// Each instance's task broker port comes from startN8n.
		const workerEnv = (healthPort) => ({
			...env,
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: String(healthPort),
		});
		return { env, workerEnv, redis, postgres, stop };
	} catch (error) {
		await stop();
		throw error;
	}
}

module.exports = { startQueueBackends };
