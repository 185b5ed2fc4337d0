/** What Suvvy accepts as an attachment, from its "Sending messages" page. */

export type SuvvyFileType = 'image' | 'audio';

const SUVVY_MIME_TYPES: Readonly<Record<string, SuvvyFileType>> = {
	'image/png': 'image',
	'image/jpeg': 'image',
	'image/gif': 'image',
	'audio/ogg': 'audio',
	'audio/mpeg': 'audio',
	'audio/wav': 'audio',
	'audio/x-wav': 'audio',
	'audio/webm': 'audio',
	'audio/mp4': 'audio',
	'audio/m4a': 'audio',
	'audio/x-m4a': 'audio',
};

export const ALLOWED_MIME_TYPES = Object.keys(SUVVY_MIME_TYPES);

/** The same list as people say it, for hints and advice. */
export const ACCEPTED_FILES_IN_WORDS =
	'PNG, JPEG or GIF images, or OGG, MP3, WAV, WebM or M4A audio';

/** Suvvy says "15 megabytes" without saying which megabyte; the binary one is the safe reading. */
export const MAX_FILE_MB = 15;
export const MAX_FILE_BYTES = MAX_FILE_MB * 1024 * 1024;

export function suvvyFileTypeOf(mimeType: string): SuvvyFileType | undefined {
	return SUVVY_MIME_TYPES[mimeType];
}
