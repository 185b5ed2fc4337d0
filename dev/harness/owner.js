'use strict';
/**
 * The owner account of a harness-started n8n, set through n8n's own environment variables so no
 * setup screen is needed. Local only: n8n listens on loopback.
 */
const OWNER = {
	email: 'owner@example.com',
	password: 'Suvvy-Demo-2026',
	firstName: 'Demo',
	lastName: 'Owner',
};

function ownerEnv(requireFromN8n) {
	const bcrypt = requireFromN8n('bcryptjs');
	return {
		N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
		N8N_INSTANCE_OWNER_EMAIL: OWNER.email,
		N8N_INSTANCE_OWNER_FIRST_NAME: OWNER.firstName,
		N8N_INSTANCE_OWNER_LAST_NAME: OWNER.lastName,
		N8N_INSTANCE_OWNER_PASSWORD_HASH: bcrypt.hashSync(OWNER.password, 10),
	};
}

module.exports = { OWNER, ownerEnv };
