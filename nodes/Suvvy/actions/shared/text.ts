/**
 * What an operation reads from n8n's execution context comes as any JSON value; Suvvy's fields take
 * text. This is the rule that turns one into the other, for every field of every operation.
 */
import { issue, type ValidationIssue } from '../../suvvy/localFailure';

export function describeType(value: unknown): string {
	if (Array.isArray(value)) return 'a list';
	if (value === null) return 'null';
	return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/**
 * A parameter's value as text: expressions often yield numbers, so finite ones are written out;
 * anything else (NaN, an object, a list, a flag) adds an issue naming its type. Unset is no text and
 * no issue, since whether a field may be empty is checked later.
 */
export function readText(
	value: unknown,
	loc: string[],
	issues: ValidationIssue[],
): string | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value === 'string') return value;
	if ((typeof value === 'number' && Number.isFinite(value)) || typeof value === 'bigint') {
		return String(value);
	}
	issues.push(issue(loc, `Must be text, not ${describeType(value)}`, 'string_type'));
	return undefined;
}

/** `readText` for a field that is empty rather than missing when it has no text. */
export function asText(value: unknown, loc: string[], issues: ValidationIssue[]): string {
	return readText(value, loc, issues) ?? '';
}
