import { issue, type ValidationIssue } from '../../../../suvvyApi/localFailure';

/**
 * Suvvy needs something to show: text, files, or both. Only the attach stage knows whether any file
 * will go, so the rule is judged there, once the files are known.
 */
export function requireContent(text: string, attachmentCount: number): ValidationIssue[] {
	if (text !== '' || attachmentCount > 0) return [];
	return [issue(['text'], 'Text or at least one attachment is required', 'missing')];
}
