import type { Icon } from 'n8n-workflow';

type IconFile = `file:${string}.svg`;

/**
 * A light and a dark icon in a form every n8n's loader reads. Up to 1.4x, n8n-core's DirectoryLoader
 * calls `icon.startsWith('file:')` and `icon.substring(5)` on each node's and credential's icon, so a
 * plain `{ light, dark }` object stops the whole package from loading there (`_a.startsWith is not a
 * function`); from 1.49 on, the loader asks `typeof icon === 'string'` and otherwise reads
 * `icon.light` and `icon.dark`. A String object holding the light path, carrying `light` and `dark`,
 * is a string to the old loader (which then shows the light icon in both themes) and a themed icon to
 * the new one. Either loader replaces `icon` by the `iconUrl` it derives, so the editor never gets
 * this value itself: on n8n 1.49 and newer it receives exactly what a plain `{ light, dark }` gives.
 */
export function themedIcon(light: IconFile, dark: IconFile): Icon {
	return Object.assign(new String(light), { light, dark }) as unknown as Icon;
}
