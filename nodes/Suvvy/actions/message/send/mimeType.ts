/**
 * Works out a file's mime type the way a careful person would: trust specific metadata, and when it
 * is missing or generic ("application/octet-stream" from a bare upload), look at the bytes, then at
 * the file name. Only the types Suvvy accepts need recognising: anything else is rejected anyway.
 */

const GENERIC_MIME_TYPES = new Set([
	'',
	'application/octet-stream',
	'binary/octet-stream',
	'application/binary',
	'application/x-binary',
	'application/unknown',
	'unknown/unknown',
]);

/** Spellings other tools emit for the types Suvvy lists under another name. */
const MIME_ALIASES: Readonly<Record<string, string>> = {
	'image/jpg': 'image/jpeg',
	'image/pjpeg': 'image/jpeg',
	'audio/mp3': 'audio/mpeg',
	'audio/x-mp3': 'audio/mpeg',
	'audio/mpeg3': 'audio/mpeg',
	'audio/x-mpeg': 'audio/mpeg',
	'audio/wave': 'audio/wav',
	'audio/vnd.wave': 'audio/wav',
	'audio/x-pn-wav': 'audio/wav',
};

const EXTENSION_MIME_TYPES: Readonly<Record<string, string>> = {
	png: 'image/png',
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	jpe: 'image/jpeg',
	gif: 'image/gif',
	ogg: 'audio/ogg',
	oga: 'audio/ogg',
	opus: 'audio/ogg',
	mp3: 'audio/mpeg',
	wav: 'audio/wav',
	weba: 'audio/webm',
	webm: 'audio/webm',
	m4a: 'audio/x-m4a',
	mp4: 'audio/mp4',
};

const UNKNOWN_MIME_TYPE = 'application/octet-stream';

export function normaliseMimeType(mimeType: string | undefined): string {
	const bare = (mimeType ?? '').split(';')[0].trim().toLowerCase();
	return MIME_ALIASES[bare] ?? bare;
}

function startsWith(bytes: Buffer, signature: number[], offset = 0): boolean {
	if (bytes.length < offset + signature.length) return false;
	return signature.every((byte, index) => bytes[offset + index] === byte);
}

function ascii(text: string): number[] {
	return Array.from(text, (character) => character.charCodeAt(0));
}

export function mimeTypeFromBytes(bytes: Buffer): string | undefined {
	if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
	if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
	if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'image/gif';
	if (startsWith(bytes, ascii('OggS'))) return 'audio/ogg';
	if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WAVE'), 8)) return 'audio/wav';
	if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) return 'audio/webm';
	if (startsWith(bytes, ascii('ftyp'), 4)) {
		return startsWith(bytes, ascii('M4A '), 8) ? 'audio/x-m4a' : 'audio/mp4';
	}
	if (startsWith(bytes, ascii('ID3'))) return 'audio/mpeg';
	// An MP3 without ID3 tag starts straight with a frame: 11 set sync bits, then a valid layer.
	if (
		bytes.length >= 2 &&
		bytes[0] === 0xff &&
		(bytes[1] & 0xe0) === 0xe0 &&
		(bytes[1] & 0x06) !== 0
	) {
		return 'audio/mpeg';
	}
	return undefined;
}

export function mimeTypeFromFileName(fileName: string | undefined): string | undefined {
	const match = /\.([a-z0-9]+)$/i.exec(fileName ?? '');
	return match ? EXTENSION_MIME_TYPES[match[1].toLowerCase()] : undefined;
}

/**
 * A specific declared type Suvvy accepts is trusted: Suvvy judges the bytes itself, and a sniffer
 * this small would wrongly refuse some valid files. A declared type Suvvy does not accept is
 * overruled when the bytes clearly are one it does (a PNG labelled "text/plain" by some tool). The
 * first bytes are read only when the declared type is not trusted.
 */
export async function detectMimeType(
	declaredMimeType: string | undefined,
	readHead: () => Promise<Buffer>,
	fileName: string | undefined,
	isAccepted: (mimeType: string) => boolean = () => true,
): Promise<string> {
	const declared = normaliseMimeType(declaredMimeType);
	if (!GENERIC_MIME_TYPES.has(declared)) {
		return isAccepted(declared) ? declared : (mimeTypeFromBytes(await readHead()) ?? declared);
	}
	return mimeTypeFromBytes(await readHead()) ?? mimeTypeFromFileName(fileName) ?? UNKNOWN_MIME_TYPE;
}
