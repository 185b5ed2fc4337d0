import { issue, type ValidationIssue } from '../../../../suvvyApi/localRefusal';

export function describeType(value: unknown): string {
	if (Array.isArray(value)) return 'a list';
	if (value === null) return 'null';
	return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/**
 * The one rule for turning a parameter's value into one of Suvvy's text fields. Expressions often
 * yield numbers for IDs (a Telegram chat ID is one), so finite numbers are written out; anything else
 * (NaN, an object, a list, a flag) has no text.
 */
export function textOf(value: unknown): string | undefined {
	if (typeof value === 'string') return value;
	if ((typeof value === 'number' && Number.isFinite(value)) || typeof value === 'bigint') {
		return String(value);
	}
	return undefined;
}

/** `textOf` for a field: empty when unset, and an issue naming the type when it is not text. */
export function asText(value: unknown, loc: string[], issues: ValidationIssue[]): string {
	if (value === undefined || value === null) return '';
	const text = textOf(value);
	if (text === undefined) {
		issues.push(issue(loc, `Must be text, not ${describeType(value)}`, 'string_type'));
	}
	return text ?? '';
}
