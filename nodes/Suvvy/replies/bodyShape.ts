import { sleep } from 'n8n-workflow';

/**
 * Suvvy's deliveries are small and shallow. These bounds hold for any real one by a wide margin, and
 * keep every later step over a delivery (item building, n8n's copies of it) cheap.
 */
export const MAX_FIELDS_PER_OBJECT = 64;
export const MAX_ENTRIES_PER_LIST = 10_000;
export const MAX_NESTING = 32;

/** Bytes read per turn of the event loop: a 16 MiB body never holds n8n's loop for long. */
const BYTES_PER_TURN = 1 << 20;

export type ShapeProblem = { status: 400 | 413; reason: string };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_LIST = 0x5b;
const CLOSE_LIST = 0x5d;

const isBlank = (byte: number) => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;

/** Whether the quote at `quote` is escaped: preceded by an odd number of backslashes. */
function isEscaped(raw: Buffer, quote: number): boolean {
	let backslashes = 0;
	while (raw[quote - 1 - backslashes] === BACKSLASH) backslashes++;
	return backslashes % 2 === 1;
}

const tooMany = (kind: 'object' | 'list'): ShapeProblem =>
	kind === 'object'
		? { status: 413, reason: `An object in the body has more than ${MAX_FIELDS_PER_OBJECT} fields` }
		: { status: 413, reason: `A list in the body has more than ${MAX_ENTRIES_PER_LIST} entries` };

/**
 * Checks the delivery's raw JSON, which n8n has parsed already, in one pass over its bytes against the
 * bounds above. It reads the bytes rather than the parsed body because counting a parsed object's
 * fields makes V8 list and sort all of them: half a second for a million fields, where this pass takes
 * a few milliseconds. What the JSON means is parseDelivery's business.
 */
export async function checkBodyShape(raw: Buffer): Promise<ShapeProblem | undefined> {
	// Per open object or list: whether it is an object, and how many entries it has so far.
	const isObject: boolean[] = [];
	const entries: number[] = [];
	let last = 0;
	let turnEnd = BYTES_PER_TURN;
	let position = raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf ? 3 : 0;
	let inString = false;
	while (position < raw.length) {
		if (position >= turnEnd) {
			await sleep(0);
			turnEnd = position + BYTES_PER_TURN;
		}
		if (inString) {
			// A string's text is skipped a quote at a time: only its closing quote matters.
			const quote = raw.indexOf(QUOTE, position);
			// n8n has parsed these bytes as JSON already; a string that never ends cannot be.
			if (quote < 0) return undefined;
			position = quote + 1;
			inString = isEscaped(raw, quote);
			continue;
		}
		const byte = raw[position];
		if (isBlank(byte)) {
			position++;
			continue;
		}
		const depth = entries.length;
		// The first entry of a list or object is the one that needs no comma before it.
		const opened = last === OPEN_OBJECT || last === OPEN_LIST;
		if (opened && byte !== CLOSE_OBJECT && byte !== CLOSE_LIST) entries[depth - 1] = 1;
		if (byte === QUOTE) {
			inString = true;
		} else if (byte === OPEN_OBJECT || byte === OPEN_LIST) {
			if (depth >= MAX_NESTING) {
				return { status: 400, reason: `The body is nested deeper than ${MAX_NESTING} levels` };
			}
			isObject.push(byte === OPEN_OBJECT);
			entries.push(0);
		} else if (byte === CLOSE_OBJECT || byte === CLOSE_LIST) {
			isObject.pop();
			entries.pop();
		} else if (byte === COMMA && depth > 0) {
			const count = ++entries[depth - 1];
			const limit = isObject[depth - 1] ? MAX_FIELDS_PER_OBJECT : MAX_ENTRIES_PER_LIST;
			if (count > limit) return tooMany(isObject[depth - 1] ? 'object' : 'list');
		}
		last = byte;
		position++;
	}
	return undefined;
}
