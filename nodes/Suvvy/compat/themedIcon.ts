import type { Icon } from 'n8n-workflow';

type IconFile = `file:${string}.svg`;

/**
 * A light and a dark icon every n8n's loader reads: n8n before 1.49 takes the icon for a string
 * (and shows the light one in both themes), newer n8n reads `light` and `dark` from it.
 */
export function themedIcon(light: IconFile, dark: IconFile): Icon {
	return Object.assign(new String(light), { light, dark }) as unknown as Icon;
}
