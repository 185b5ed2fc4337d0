'use strict';
/**
 * How the emulator, like Suvvy's server, decides what a file really is: by its first bytes, never
 * by the name or the declared `file_type`. It is written apart from the node's own detection on
 * purpose, so a mistake in one is caught by the other.
 */

const SIGNATURES = [
	{ mime: 'image/png', at: 0, hex: '89504e470d0a1a0a' },
	{ mime: 'image/jpeg', at: 0, hex: 'ffd8ff' },
	{ mime: 'image/gif', at: 0, text: 'GIF87a' },
	{ mime: 'image/gif', at: 0, text: 'GIF89a' },
	{ mime: 'audio/ogg', at: 0, text: 'OggS' },
	{ mime: 'audio/webm', at: 0, hex: '1a45dfa3' },
	{ mime: 'audio/mpeg', at: 0, text: 'ID3' },
	{ mime: 'application/pdf', at: 0, text: '%PDF-' },
];

function matches(bytes, { at, hex, text }) {
	const expected = hex ? Buffer.from(hex, 'hex') : Buffer.from(text, 'latin1');
	return bytes.length >= at + expected.length && bytes.subarray(at, at + expected.length).equals(expected);
}

function isRiffWave(bytes) {
	return matches(bytes, { at: 0, text: 'RIFF' }) && matches(bytes, { at: 8, text: 'WAVE' });
}

function isoMediaBrand(bytes) {
	return matches(bytes, { at: 4, text: 'ftyp' }) ? bytes.subarray(8, 12).toString('latin1') : undefined;
}

function isMpegFrame(bytes) {
	return bytes.length >= 2 && bytes[0] === 0xff && (bytes[1] & 0xe0) === 0xe0 && (bytes[1] & 0x06) !== 0;
}

/** The mime type the bytes show, or undefined when they match nothing known. */
function sniffMimeType(bytes) {
	const signature = SIGNATURES.find((candidate) => matches(bytes, candidate));
	if (signature) return signature.mime;
	if (isRiffWave(bytes)) return 'audio/wav';
	const brand = isoMediaBrand(bytes);
	if (brand) return brand === 'M4A ' ? 'audio/x-m4a' : 'audio/mp4';
	if (isMpegFrame(bytes)) return 'audio/mpeg';
	return undefined;
}

/** Suvvy's list of accepted types, as its "Sending messages" page gives it. */
const ACCEPTED = {
	image: ['image/png', 'image/jpeg', 'image/gif'],
	audio: [
		'audio/ogg',
		'audio/mpeg',
		'audio/wav',
		'audio/x-wav',
		'audio/webm',
		'audio/mp4',
		'audio/m4a',
		'audio/x-m4a',
	],
};
const ALLOWED_MIME_TYPES = [...ACCEPTED.image, ...ACCEPTED.audio];

module.exports = { sniffMimeType, ACCEPTED, ALLOWED_MIME_TYPES };
