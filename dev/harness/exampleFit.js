'use strict';
/**
 * An example workflow as the n8n under test can hold it. The examples are written for n8n 1.123 and
 * newer; an older n8n may lack a node version they use, or a field of a credential the harness fills
 * in. What this n8n has is read from the type files its editor loads, never from its version number.
 */

const COMPARE = { eq: (a, b) => a === b, not: (a, b) => a !== b, gte: (a, b) => a >= b, lte: (a, b) => a <= b, gt: (a, b) => a > b, lt: (a, b) => a < b };

/** Whether `version` meets a `@version` display condition: a list of versions, or of `{_cnd: {gte: 2}}` tests. */
function meets(conditions, version) {
	return conditions.some((condition) => {
		const tests = condition?._cnd;
		if (!tests) return condition === version;
		return Object.entries(tests).every(([test, value]) => (test === 'between' ? version >= value.from && version <= value.to : COMPARE[test]?.(version, value) ?? true));
	});
}

/** Whether a parameter of a node type's description exists in one of its versions. */
function inVersion(property, version) {
	const shown = property.displayOptions?.show?.['@version'];
	const hidden = property.displayOptions?.hide?.['@version'];
	return (!shown || meets(shown, version)) && !(hidden && meets(hidden, version));
}

/**
 * The parameters an example node sets that one version of its type does not read: no parameter of
 * that name in that version, or a fixed choice (not an expression) that is none of its options.
 * Nested fields are not compared; the e2e runs show whether they do what the example expects.
 */
function unreadParameters({ version, properties }, parameters = {}) {
	return Object.entries(parameters)
		.filter(([name, value]) => {
			const candidates = properties.filter((property) => property.name === name && inVersion(property, version));
			if (!candidates.length) return true;
			if (typeof value !== 'string' || value.startsWith('=')) return false;
			return candidates.every((property) => property.type === 'options' && !property.options.some((option) => option.value === value));
		})
		.map(([name]) => name);
}

/**
 * The version of its type an example node gets here: its own when this n8n has it, otherwise the
 * newest older version that reads every parameter the node sets (Webhook 2.1 becomes 2 on n8n 1.49,
 * and 1.1 on n8n 1.29, which has no Webhook 2: 1.1 reads the examples' method, path and response
 * mode). A version that would drop a parameter is never taken: Set 3.2 (n8n 1.27) has no
 * `assignments`, so a Set 3.4 lowered to it would write none of its fields.
 */
function versionFor(node, versions) {
	if (versions.some(({ version }) => version === node.typeVersion)) return { version: node.typeVersion };
	const older = versions.filter(({ version }) => version < node.typeVersion).sort((a, b) => b.version - a.version);
	const reading = older.find((candidate) => unreadParameters(candidate, node.parameters).length === 0);
	if (reading) return { version: reading.version };
	const wanted = `${node.type}@${node.typeVersion}`;
	if (!older.length) return { missing: wanted };
	return { missing: `${wanted} (its ${older[0].version} does not read ${unreadParameters(older[0], node.parameters).join(', ')})` };
}

/**
 * The example as this n8n can hold it (`lowered` when a node version changed), or what it lacks: a
 * node version that reads the example's parameters, or a credential field the harness fills in to
 * point the example at the emulator (n8n 1.41's Telegram credential has no Base URL, so the Telegram
 * example would register its trigger at api.telegram.org). `credentials`: the harness's credentials
 * by type, each with the fields of its data this n8n's type of it does not hold (`unheld`).
 */
function fitToThisN8n(workflow, nodeTypes, credentials = {}) {
	const missing = [];
	const nodes = workflow.nodes.map((node) => {
		for (const type of Object.keys(node.credentials ?? {})) {
			for (const field of credentials[type]?.unheld ?? []) missing.push(`${field} in its ${type} credential`);
		}
		const fitted = versionFor(node, nodeTypes.get(node.type) ?? []);
		if (fitted.missing) missing.push(fitted.missing);
		return fitted.version === undefined || fitted.version === node.typeVersion ? node : { ...node, typeVersion: fitted.version };
	});
	if (missing.length) return { missing: [...new Set(missing)] };
	return { workflow: { ...workflow, nodes }, lowered: nodes.some((node, index) => node !== workflow.nodes[index]) };
}

/** The fields of `data` a credential type with these fields does not hold. */
const unheldFields = (fields, data) => Object.keys(data).filter((field) => !fields.includes(field));

module.exports = { fitToThisN8n, unheldFields, unreadParameters };
