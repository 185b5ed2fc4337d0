/**
 * What an operation reads from n8n's execution context comes as any JSON value; Suvvy's fields take
 * text. This is the rule that turns one into the other, for every field of every operation.
 */
import { issue, type ValidationIssue } from '../../suvvyApi/localFailure';

export function describeType(value: unknown): string {
	if (Array.isArray(value)) return 'a list';
	if (value === null) return 'null';
	return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/**
 * A parameter's value as text. Expressions often yield numbers for IDs (a Telegram chat ID is one),
 * so finite numbers are written out; anything else (NaN, an object, a list, a flag) has no text and
 * adds an issue naming its type. Unset (undefined or null) is no text and no issue: whether a field
 * may be empty is Suvvy's rule, checked later. Placeholder values do not pass through here: they go
 * to Suvvy as given, so they must already be strings (2-check/messageRules.ts).
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
