import { NodeConnectionTypes } from 'n8n-workflow';

/**
 * The main connection type. n8n-workflow before 1.83 (n8n before 1.85) has no NodeConnectionTypes, and
 * its main connection is the same string, 'main'; the community lint wants the enum where it exists.
 */
export const MAIN_CONNECTION = NodeConnectionTypes?.Main ?? 'main';
