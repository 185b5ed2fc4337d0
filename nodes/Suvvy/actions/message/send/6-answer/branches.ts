/**
 * The Send Message outputs. One list drives the node's outputs, the routing of answers and the
 * names users see, so they can never drift apart.
 *
 * The order of this list is the order of the output connectors, and users' workflows are wired by
 * connector index: never reorder or remove an entry, and add new ones only at the end.
 */

const OUTPUTS = [
	{ branch: 'sent', displayName: 'Sent' },
	{ branch: 'invalidToken', displayName: 'Invalid Token', status: 401 },
	{ branch: 'negativeBalance', displayName: 'No Balance', status: 402 },
	{ branch: 'unsupportedFile', displayName: 'Bad File', status: 415 },
	{ branch: 'validationError', displayName: 'Validation Error', status: 422 },
	{ branch: 'channelDisabled', displayName: 'Channel Off', status: 424 },
	{ branch: 'otherError', displayName: 'Other Error' },
] as const;

export type Branch = (typeof OUTPUTS)[number]['branch'];
/** The name of an output as users see it on the canvas. */
export type OutputName = (typeof OUTPUTS)[number]['displayName'];

interface BranchDefinition {
	branch: Branch;
	displayName: OutputName;
	status?: number;
}

export const BRANCHES: readonly BranchDefinition[] = OUTPUTS;

export function branchIndex(branch: Branch): number {
	return BRANCHES.findIndex((definition) => definition.branch === branch);
}

export function displayNameOf(branch: Branch): string {
	return BRANCHES[branchIndex(branch)].displayName;
}

/** The error branch Suvvy's documented status codes map to; anything else is an Other Error. */
export function errorBranchForStatus(status: number): Branch {
	return BRANCHES.find((definition) => definition.status === status)?.branch ?? 'otherError';
}
