/** Types for engineVersions.js. */
/** The version of n8n-workflow that `resolve` (the calling test's `require.resolve`) finds. */
export function workflowVersion(resolve: (name: string) => string): string;
/** Resolves once every step that is ready has run: one turn of the event loop. */
export function nextTurn(): Promise<void>;
