/** A case of the bad-input corpus (test/engine/badInput.corpus.test.ts): what it must end as. */
import type { INodeParameters } from 'n8n-workflow';

import type { StoredMessage } from '../../../dev/emulator';
import type { OutputName } from '../../../nodes/Suvvy/actions/message/send/outputs';
import type { FixtureFile } from '../../support/testNodes';

export interface Case {
	name: string;
	expect: OutputName;
	parameters?: INodeParameters;
	additionalFields?: INodeParameters;
	files?: Record<string, FixtureFile>;
	/** What the emulator answers for this case's chat instead of judging it. */
	answer?: Record<string, unknown>;
	foundLocally?: boolean;
	errorCode?: string;
	/** Checks on what Suvvy stored, for cases that must arrive exactly as given. */
	stored?: (message: StoredMessage) => void;
}
