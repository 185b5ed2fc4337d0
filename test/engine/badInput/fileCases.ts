/** Bad files: missing, empty, too large, mislabelled, of a type Suvvy refuses, oddly named. */
import { base64Of, SAMPLE_FILES } from '../../fixtures/files';
import type { FixtureFile } from '../../support/testNodes';
import type { Case } from './corpusCase';

const MAX = 15 * 1024 * 1024;

const file = (
	bytes: Buffer,
	fileName?: string,
	mimeType?: string,
): Record<string, FixtureFile> => ({
	data: { base64: base64Of(bytes), fileName, mimeType },
});
const ODD_NAME = 'a/b\\c "quoted" \'single\'\nnew line <tag>.png';

export const FILE_CASES: Case[] = [
	// Files
	{
		name: 'a selected binary field that is missing',
		parameters: { attachments: 'selected', binaryPropertyNames: 'photo' },
		expect: 'Validation Error',
	},
	{
		name: 'a 0-byte file',
		files: file(Buffer.alloc(0), 'empty.png', 'image/png'),
		expect: 'Validation Error',
	},
	{
		name: 'a file of 15 MB + 1 byte',
		files: file(
			Buffer.concat([SAMPLE_FILES.ogg, Buffer.alloc(MAX + 1 - SAMPLE_FILES.ogg.length)]),
			'big.ogg',
			'audio/ogg',
		),
		expect: 'Validation Error',
		foundLocally: true,
	},
	{
		name: 'a file of exactly 15 MB',
		files: file(
			Buffer.concat([SAMPLE_FILES.ogg, Buffer.alloc(MAX - SAMPLE_FILES.ogg.length)]),
			'max.ogg',
			'audio/ogg',
		),
		expect: 'Sent',
		stored: (message) => expect(message.attachments[0].size_bytes).toBe(MAX),
	},
	{
		name: 'a right mime type with wrong bytes (text labelled PNG)',
		files: file(SAMPLE_FILES.text, 'fake.png', 'image/png'),
		expect: 'Bad File',
		foundLocally: false,
	},
	{
		name: 'a PDF',
		files: file(SAMPLE_FILES.pdf, 'scan.pdf', 'application/pdf'),
		expect: 'Bad File',
		foundLocally: true,
	},
	{
		name: 'a wrong mime type with right bytes (PNG labelled text/plain)',
		files: file(SAMPLE_FILES.png, 'photo.txt', 'text/plain'),
		expect: 'Sent',
		stored: (message) =>
			expect(message.attachments[0]).toMatchObject({ file_type: 'image', mime_type: 'image/png' }),
	},
	{
		name: 'image bytes labelled as audio',
		files: file(SAMPLE_FILES.png, 'voice.ogg', 'audio/ogg'),
		expect: 'Bad File',
		foundLocally: false,
	},
	{
		name: 'a file name with slashes, quotes and a line break',
		files: file(SAMPLE_FILES.png, ODD_NAME, 'image/png'),
		expect: 'Sent',
		// n8n keeps only the base name when it stores a file; the node sends what n8n kept.
		stored: (message) => expect(message.attachments[0].file_name).toBe(ODD_NAME.split('/').pop()),
	},
	{
		name: 'a file name of 500 characters',
		files: file(SAMPLE_FILES.png, `${'ф'.repeat(496)}.png`, 'image/png'),
		expect: 'Sent',
	},
	{
		name: 'a file without a name',
		files: file(SAMPLE_FILES.jpeg, undefined, 'image/jpeg'),
		expect: 'Sent',
		stored: (message) => expect(message.attachments[0].file_name).not.toBe(''),
	},
];
