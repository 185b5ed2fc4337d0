import * as workflow from 'n8n-workflow';
import type { WebhookResponseMode } from 'n8n-workflow';

/**
 * From n8n 2.8.0, n8n answers an `onReceived` webhook only once its execution is stored. Older n8n
 * answers first and stores after, so a crash in between loses the reply; there the trigger answers
 * from its own first step instead (`responseNode`), which n8n runs only after storing. n8n-workflow
 * gained `validateNodeCredentials` in 2.8.0: the one sign of that release a node can read.
 */
const N8N_ANSWERS_AFTER_STORING = 'validateNodeCredentials' in workflow;

export const ANSWER_MODE: WebhookResponseMode = N8N_ANSWERS_AFTER_STORING
	? 'onReceived'
	: 'responseNode';
