import type { IDataObject } from 'n8n-workflow';

import type { Branch } from './branches';

/** How one input item ended: the output it leaves by and the json it carries there. */
export interface Outcome {
	itemIndex: number;
	branch: Branch;
	json: IDataObject;
	/** One sentence for people and agents: what happened and, for errors, what to do. */
	summary: string;
	status: number | null;
}
