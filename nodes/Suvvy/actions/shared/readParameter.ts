import { deepCopy, type IExecuteFunctions } from 'n8n-workflow';

/** Reads one parameter for one item, as `getNodeParameter(name, itemIndex, fallback)` would. */
export type ReadParameter = (name: string, itemIndex: number, fallback?: unknown) => unknown;

/**
 * `{{ $json.chat }}` or `{{ $json["chat id"] }}`: what n8n writes when a field is dragged into a
 * parameter, and by far the most common expression in a Send Message node.
 */
const JSON_PATH_EXPRESSION =
	/^=\{\{\s*\$json((?:\.[A-Za-z_$][\w$]*|\[\s*(?:'[^'\\]*'|"[^"\\]*")\s*\])+)\s*\}\}$/;
const PATH_STEP = /\.([A-Za-z_$][\w$]*)|\[\s*(?:'([^'\\]*)'|"([^"\\]*)")\s*\]/g;

type Plan =
	| { kind: 'constant'; value: unknown }
	| { kind: 'jsonPath'; path: string[] }
	| { kind: 'expression' };

function holdsExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(holdsExpression);
	if (typeof value === 'object' && value !== null)
		return Object.values(value).some(holdsExpression);
	return false;
}

function jsonPathOf(raw: unknown): string[] | undefined {
	if (typeof raw !== 'string') return undefined;
	const match = JSON_PATH_EXPRESSION.exec(raw);
	if (!match) return undefined;
	return [...match[1].matchAll(PATH_STEP)].map((step) => step[1] ?? step[2] ?? step[3]);
}

function planFor(raw: unknown): Plan {
	if (raw === undefined) return { kind: 'expression' };
	if (!holdsExpression(raw)) return { kind: 'constant', value: raw };
	const path = jsonPathOf(raw);
	return path ? { kind: 'jsonPath', path } : { kind: 'expression' };
}

/** The value at `path` when every step is an own property and the end is plain text, a number or a flag. */
function plainValueAt(json: unknown, path: string[]): string | number | boolean | undefined {
	let value = json;
	for (const key of path) {
		if (
			typeof value !== 'object' ||
			value === null ||
			!Object.prototype.hasOwnProperty.call(value, key)
		)
			return undefined;
		value = (value as Record<string, unknown>)[key];
	}
	if (typeof value === 'string' || typeof value === 'boolean') return value;
	if (typeof value === 'number' && Number.isFinite(value)) return value;
	return undefined;
}

/**
 * Each expression n8n resolves costs a trip through its expression sandbox, a large share of a
 * text message's time. Parameters without expressions and `{{ $json.field }}` reads that end in
 * plain values give the same result without that trip, so they are read directly; everything else,
 * and every read whose path does not end in a plain value, is left to n8n.
 */
export function createParameterReader(this: IExecuteFunctions): ReadParameter {
	const plans = new Map<string, Plan>();
	const items = this.getInputData();

	return (name, itemIndex, fallback) => {
		let plan = plans.get(name);
		if (!plan) {
			plan = planFor(this.getNodeParameter(name, 0, fallback, { rawExpressions: true }));
			plans.set(name, plan);
		}
		if (plan.kind === 'constant') {
			return typeof plan.value === 'object' && plan.value !== null
				? deepCopy(plan.value)
				: plan.value;
		}
		if (plan.kind === 'jsonPath') {
			const value = plainValueAt(items[itemIndex]?.json, plan.path);
			if (value !== undefined) return value;
		}
		return this.getNodeParameter(name, itemIndex, fallback);
	};
}
