/**
 * Checks a value against the part of JSON Schema that the package's output schemas use, and nothing
 * more: a keyword it does not know is an error, so a schema can never lean on a rule no test applies.
 */

export interface SchemaNode {
	type?: string | string[];
	properties?: Record<string, SchemaNode>;
	required?: string[];
	items?: SchemaNode;
	enum?: unknown[];
	additionalProperties?: boolean | SchemaNode;
	description?: string;
}

const KEYWORDS = new Set([
	'type',
	'properties',
	'required',
	'items',
	'enum',
	'additionalProperties',
	'description',
]);

/** n8n's own output schemas carry their revision at the top; n8n reads nothing from it. */
const TOP_LEVEL_ONLY = new Set(['version']);

function typeOf(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	return typeof value;
}

function hasType(value: unknown, type: string): boolean {
	if (type === 'integer') return Number.isInteger(value);
	return typeOf(value) === type;
}

/**
 * Refuses a keyword the checker does not know anywhere in the schema, including the parts no value
 * reaches (a property no item carries, the entries of an empty list).
 */
function knowsEveryKeyword(schema: SchemaNode, path: string, top: boolean) {
	for (const keyword of Object.keys(schema)) {
		if (!KEYWORDS.has(keyword) && !(top && TOP_LEVEL_ONLY.has(keyword))) {
			throw new Error(`${path}: the checker does not know the keyword "${keyword}"`);
		}
	}
	for (const [name, entry] of Object.entries(schema.properties ?? {})) {
		knowsEveryKeyword(entry, `${path}.${name}`, false);
	}
	if (schema.items) knowsEveryKeyword(schema.items, `${path}[]`, false);
	if (typeof schema.additionalProperties === 'object') {
		knowsEveryKeyword(schema.additionalProperties, `${path}.*`, false);
	}
}

function check(schema: SchemaNode, value: unknown, path: string, errors: string[]) {
	if (schema.type !== undefined) {
		const types = Array.isArray(schema.type) ? schema.type : [schema.type];
		if (!types.some((type) => hasType(value, type))) {
			errors.push(`${path}: is ${typeOf(value)}, the schema says ${types.join(' or ')}`);
			return;
		}
	}
	if (schema.enum && !schema.enum.some((allowed) => allowed === value)) {
		errors.push(`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
	}
	if (Array.isArray(value) && schema.items) {
		value.forEach((entry, index) => check(schema.items!, entry, `${path}[${index}]`, errors));
	}
	if (typeOf(value) !== 'object') return;
	const object = value as Record<string, unknown>;
	for (const name of schema.required ?? []) {
		if (!(name in object)) errors.push(`${path}: misses the required "${name}"`);
	}
	for (const [name, entry] of Object.entries(object)) {
		const described = schema.properties?.[name];
		if (described) check(described, entry, `${path}.${name}`, errors);
		else if (schema.additionalProperties === false)
			errors.push(`${path}: has "${name}", not in the schema`);
		else if (typeof schema.additionalProperties === 'object') {
			check(schema.additionalProperties, entry, `${path}.${name}`, errors);
		}
	}
}

/** Every way the value breaks the schema, one line each, each naming the path; [] when it fits. */
export function schemaErrors(schema: SchemaNode, value: unknown): string[] {
	knowsEveryKeyword(schema, '$', true);
	const errors: string[] = [];
	check(schema, value, '$', errors);
	return errors;
}
