import type { IDataObject } from 'n8n-workflow';

import { ALLOWED_MIME_TYPES } from './fileTypes';

/** One entry of a FastAPI-style 422 `detail`, the shape Suvvy's validation errors take. */
export interface ValidationIssue {
	loc: string[];
	msg: string;
	type: string;
}

/**
 * A problem found before sending, described with the body Suvvy itself would have answered, so a
 * flow handles it the same way whether n8n or Suvvy found it.
 */
export class LocalFailure extends Error {
	constructor(
		readonly status: 401 | 415 | 422,
		readonly body: IDataObject,
	) {
		super(`Suvvy would refuse this message (${status})`);
		this.name = 'LocalFailure';
	}

	static validation(issues: ValidationIssue[]): LocalFailure {
		return new LocalFailure(422, {
			detail: issues as unknown as IDataObject[],
			status_code: 422,
			error_code: 'validation_error',
		});
	}

	/** A token that cannot reach Suvvy as typed: Suvvy could only have refused what arrived instead. */
	static invalidToken(reason: string): LocalFailure {
		return new LocalFailure(401, {
			detail: reason,
			status_code: 401,
			error_code: 'auth_invalid_token',
		});
	}

	static badFile(fileName: string, mimeType: string): LocalFailure {
		return new LocalFailure(415, {
			detail: `File type is not supported or invalid: ${fileName} is ${mimeType}.`,
			status_code: 415,
			error_code: 'file_invalid_type',
			allowed_mime_types: ALLOWED_MIME_TYPES,
		});
	}
}

export function issue(loc: string[], msg: string, type = 'value_error'): ValidationIssue {
	return { loc: ['body', ...loc], msg, type };
}
