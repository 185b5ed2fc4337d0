interface FastApiIssue {
	loc?: unknown;
	msg?: unknown;
}

function describeIssue(entry: FastApiIssue): string {
	const path = Array.isArray(entry.loc)
		? entry.loc.filter((part) => part !== 'body').join('.')
		: '';
	const message = typeof entry.msg === 'string' ? entry.msg : JSON.stringify(entry);
	return path ? `${path}: ${message}` : message;
}

/** Suvvy's `detail` is a sentence, or for 422 a FastAPI list of issues; either reads as one line. */
export function describeDetail(detail: unknown): string {
	if (typeof detail === 'string') return detail;
	if (Array.isArray(detail)) {
		return detail
			.map((entry) =>
				typeof entry === 'object' && entry !== null ? describeIssue(entry) : String(entry),
			)
			.join('; ');
	}
	return detail === undefined ? '' : JSON.stringify(detail);
}
