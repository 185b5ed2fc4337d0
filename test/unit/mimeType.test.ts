import {
	detectMimeType,
	mimeTypeFromBytes,
	mimeTypeFromFileName,
	normaliseMimeType,
} from '../../nodes/Suvvy/actions/message/send/mimeType';
import { ALLOWED_MIME_TYPES, suvvyFileTypeOf } from '../../nodes/Suvvy/suvvy/fileTypes';
import { SAMPLE_FILES } from '../fixtures/files';

describe("Suvvy's file types", () => {
	test.each([
		['image/png', 'image'],
		['image/jpeg', 'image'],
		['image/gif', 'image'],
		['audio/ogg', 'audio'],
		['audio/mpeg', 'audio'],
		['audio/wav', 'audio'],
		['audio/x-wav', 'audio'],
		['audio/webm', 'audio'],
		['audio/mp4', 'audio'],
		['audio/m4a', 'audio'],
		['audio/x-m4a', 'audio'],
	])('sends %s as file_type %s', (mimeType, fileType) => {
		expect(suvvyFileTypeOf(mimeType)).toBe(fileType);
	});

	test('lists exactly the 3 image and 8 audio types of Suvvy', () => {
		expect(ALLOWED_MIME_TYPES).toHaveLength(11);
		expect(ALLOWED_MIME_TYPES.filter((type) => type.startsWith('image/'))).toHaveLength(3);
	});

	test.each(['application/pdf', 'image/webp', 'video/mp4', 'text/plain', ''])(
		'has no file_type for %j, so it is refused',
		(mimeType) => {
			expect(suvvyFileTypeOf(mimeType)).toBeUndefined();
		},
	);
});

/** The type of a file whose first bytes are `head`. */
const typeOf = (
	declared: string | undefined,
	head: Buffer,
	fileName: string | undefined,
	isAccepted?: (type: string) => boolean,
) => detectMimeType(declared, async () => head, fileName, isAccepted);

describe('reading the mime type of a binary', () => {
	test('trusts specific metadata, even when the bytes say otherwise', async () => {
		expect(await typeOf('image/png', SAMPLE_FILES.gif, 'x.gif')).toBe('image/png');
	});

	test('drops parameters and case: "Audio/WebM; codecs=opus" is audio/webm', async () => {
		expect(await typeOf('Audio/WebM; codecs=opus', SAMPLE_FILES.webm, 'x')).toBe('audio/webm');
	});

	test.each([
		['image/jpg', 'image/jpeg'],
		['audio/mp3', 'audio/mpeg'],
		['audio/wave', 'audio/wav'],
	])('reads the common misspelling %s as %s', (declared, expected) => {
		expect(normaliseMimeType(declared)).toBe(expected);
	});

	test.each([
		['png', 'image/png'],
		['jpeg', 'image/jpeg'],
		['gif', 'image/gif'],
		['ogg', 'audio/ogg'],
		['wav', 'audio/wav'],
		['webm', 'audio/webm'],
		['m4a', 'audio/x-m4a'],
		['mp4', 'audio/mp4'],
		['mp3WithTag', 'audio/mpeg'],
		['mp3Frame', 'audio/mpeg'],
	] as const)(
		'recognises %s from its magic bytes when the metadata is generic',
		async (sample, expected) => {
			expect(mimeTypeFromBytes(SAMPLE_FILES[sample])).toBe(expected);
			expect(await typeOf('application/octet-stream', SAMPLE_FILES[sample], 'upload')).toBe(
				expected,
			);
			expect(await typeOf(undefined, SAMPLE_FILES[sample], undefined)).toBe(expected);
		},
	);

	test('falls back to the extension when neither metadata nor bytes tell', async () => {
		expect(await typeOf('application/octet-stream', SAMPLE_FILES.text, 'voice.OGG')).toBe(
			'audio/ogg',
		);
		expect(mimeTypeFromFileName('photo.final.JPG')).toBe('image/jpeg');
	});

	test('ends with application/octet-stream when nothing identifies the file', async () => {
		expect(await typeOf('', SAMPLE_FILES.text, 'notes')).toBe('application/octet-stream');
	});

	const accepted = (type: string) => type.startsWith('image/') || type.startsWith('audio/');

	test('keeps a specific unsupported type as it is, so it is refused by name', async () => {
		expect(await typeOf('application/pdf', SAMPLE_FILES.pdf, 'a.pdf', accepted)).toBe(
			'application/pdf',
		);
	});

	test('overrules an unsupported label when the bytes clearly are a supported type', async () => {
		expect(await typeOf('text/plain', SAMPLE_FILES.png, 'photo.txt', accepted)).toBe('image/png');
		expect(await typeOf('application/pdf', SAMPLE_FILES.ogg, 'x.pdf', accepted)).toBe('audio/ogg');
	});

	test('trusts a supported label over the bytes, leaving the verdict to Suvvy', async () => {
		expect(await typeOf('image/png', SAMPLE_FILES.text, 'x.png', accepted)).toBe('image/png');
	});

	test('reads none of a file whose specific declared type Suvvy accepts', async () => {
		const readHead = jest.fn(async () => SAMPLE_FILES.png);
		await expect(detectMimeType('audio/ogg', readHead, 'voice.ogg', accepted)).resolves.toBe(
			'audio/ogg',
		);
		expect(readHead).not.toHaveBeenCalled();
	});

	test('reads the first bytes once when the declared type is generic', async () => {
		const readHead = jest.fn(async () => SAMPLE_FILES.png);
		await expect(detectMimeType('application/octet-stream', readHead, 'x', accepted)).resolves.toBe(
			'image/png',
		);
		expect(readHead).toHaveBeenCalledTimes(1);
	});

	test('does not mistake a short or empty buffer for a file type', () => {
		expect(mimeTypeFromBytes(Buffer.alloc(0))).toBeUndefined();
		expect(mimeTypeFromBytes(Buffer.from([0xff]))).toBeUndefined();
	});
});
