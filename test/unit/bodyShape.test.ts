/**
 * The one pass over a delivery's raw JSON that bounds what every later step costs: the limits hold
 * exactly at their edges, strings (escapes included) never count as structure, and the pass hands
 * the event loop back after every mebibyte, so a 16 MiB body never holds n8n for long.
 */
import { sleep } from 'n8n-workflow';

import {
	checkBodyShape,
	MAX_ENTRIES_PER_LIST,
	MAX_FIELDS_PER_OBJECT,
	MAX_NESTING,
} from '../../nodes/Suvvy/replies/bodyShape';

jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async () => undefined),
}));

const shape = async (value: unknown) => await checkBodyShape(Buffer.from(JSON.stringify(value)));
const fields = (count: number) =>
	Object.fromEntries(Array.from({ length: count }, (_, index) => [`f${index}`, index]));
const nested = (levels: number): unknown => (levels === 1 ? {} : { inner: nested(levels - 1) });

describe('the shape check of a delivery body', () => {
	test(`an object may have ${MAX_FIELDS_PER_OBJECT} fields, at any depth, and no more`, async () => {
		await expect(shape(fields(MAX_FIELDS_PER_OBJECT))).resolves.toBeUndefined();
		await expect(shape({ a: [{ b: fields(MAX_FIELDS_PER_OBJECT) }] })).resolves.toBeUndefined();
		for (const body of [
			fields(MAX_FIELDS_PER_OBJECT + 1),
			{ a: [fields(MAX_FIELDS_PER_OBJECT + 1)] },
		]) {
			await expect(shape(body)).resolves.toEqual({
				status: 413,
				reason: `An object in the body has more than ${MAX_FIELDS_PER_OBJECT} fields`,
			});
		}
	});

	test(`a list may have ${MAX_ENTRIES_PER_LIST} entries and no more`, async () => {
		await expect(shape({ a: Array(MAX_ENTRIES_PER_LIST).fill(1) })).resolves.toBeUndefined();
		await expect(shape({ a: Array(MAX_ENTRIES_PER_LIST + 1).fill(1) })).resolves.toEqual({
			status: 413,
			reason: `A list in the body has more than ${MAX_ENTRIES_PER_LIST} entries`,
		});
	});

	test(`objects and lists may nest ${MAX_NESTING} deep and no deeper`, async () => {
		await expect(shape(nested(MAX_NESTING))).resolves.toBeUndefined();
		await expect(shape(nested(MAX_NESTING + 1))).resolves.toEqual({
			status: 400,
			reason: `The body is nested deeper than ${MAX_NESTING} levels`,
		});
		const deepList = JSON.parse(`${'['.repeat(MAX_NESTING + 1)}${']'.repeat(MAX_NESTING + 1)}`);
		await expect(shape(deepList)).resolves.toMatchObject({ status: 400 });
	});

	test('what looks like structure inside a string is text: commas, brackets, escaped quotes and backslashes', async () => {
		const tricky = `${',{['.repeat(5000)}\\"${'\\'.repeat(7)}"\u2028`;
		await expect(shape({ text: tricky, other: '\\', last: '"' })).resolves.toBeUndefined();
		await expect(
			shape(fields(MAX_FIELDS_PER_OBJECT).f0 === 0 ? { t: tricky } : {}),
		).resolves.toBeUndefined();
	});

	test('empty objects and lists, blank space and a byte order mark are read as JSON reads them', async () => {
		const body = `\ufeff { "a" : [ ] , "b" : { } , "c" : [ { } , [ ] ] }\n`;
		await expect(checkBodyShape(Buffer.from(body))).resolves.toBeUndefined();
		const spaced = `{ ${Array.from({ length: MAX_FIELDS_PER_OBJECT }, (_, i) => `"f${i}" : [ ]`).join(' ,\n ')} }`;
		await expect(checkBodyShape(Buffer.from(spaced))).resolves.toBeUndefined();
	});

	test('a large body is read a mebibyte per turn of the event loop, handing it back in between', async () => {
		jest.mocked(sleep).mockClear();
		const text = 'x'.repeat(16 * 1024 * 1024);
		await expect(
			shape({ event_type: 'new_messages', new_messages: [{ text }] }),
		).resolves.toBeUndefined();
		// A string's text is skipped in one step up to its closing quote: one 16 MiB text costs one turn.
		expect(jest.mocked(sleep).mock.calls.length).toBe(1);
		jest.mocked(sleep).mockClear();
		// A text full of escaped quotes is skipped a quote at a time, turn by turn.
		const quotes = { text: '"'.repeat(4 * 1024 * 1024) };
		await expect(shape(quotes)).resolves.toBeUndefined();
		expect(jest.mocked(sleep).mock.calls.length).toBe(
			Math.floor(JSON.stringify(quotes).length / 2 ** 20),
		);
		jest.mocked(sleep).mockClear();
		const many = { list: Array.from({ length: MAX_ENTRIES_PER_LIST }, () => 'y'.repeat(1600)) };
		await expect(shape(many)).resolves.toBeUndefined();
		expect(jest.mocked(sleep).mock.calls.length).toBe(
			Math.floor(JSON.stringify(many).length / 2 ** 20),
		);
	});
});
