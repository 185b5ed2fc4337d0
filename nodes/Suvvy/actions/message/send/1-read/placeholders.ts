import { issue, type ValidationIssue } from '../../../../suvvyApi/localFailure';
import { asText, describeType } from '../../../context/text';

interface PlaceholderPair {
	key?: unknown;
	value?: unknown;
}

export interface PlaceholderFields {
	placeholders?: { placeholder?: PlaceholderPair[] };
	placeholdersJson?: unknown;
}

function parsePlaceholdersJson(raw: unknown, issues: ValidationIssue[]): Record<string, unknown> {
	if (raw === undefined || raw === null || raw === '') return {};
	let parsed = raw;
	if (typeof raw === 'string') {
		try {
			parsed = JSON.parse(raw);
		} catch {
			issues.push(issue(['placeholders'], 'Placeholders (JSON) is not valid JSON', 'json_invalid'));
			return {};
		}
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		issues.push(
			issue(['placeholders'], `Placeholders (JSON) must be an object, not ${describeType(parsed)}`),
		);
		return {};
	}
	return { ...(parsed as Record<string, unknown>) };
}

/** Placeholders (JSON) merged with the key/value pairs; a key set in both takes the pair's value. */
export function readPlaceholders(
	fields: PlaceholderFields,
	issues: ValidationIssue[],
): Record<string, unknown> {
	const placeholders = parsePlaceholdersJson(fields.placeholdersJson, issues);
	for (const [index, pair] of (fields.placeholders?.placeholder ?? []).entries()) {
		const key = asText(pair.key, ['placeholders', `#${index + 1}`, 'key'], issues);
		if (key.trim() === '') {
			issues.push(issue(['placeholders', `#${index + 1}`], 'A placeholder needs a key', 'missing'));
			continue;
		}
		placeholders[key] = pair.value ?? '';
	}
	return placeholders;
}
