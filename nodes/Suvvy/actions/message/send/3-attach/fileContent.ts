import type { IBinaryData, IExecuteFunctions } from 'n8n-workflow';

/** Enough of a file to tell its type by its first bytes. */
const HEAD_BYTES = 64;
/** A multiple of 3, so each chunk of an in-memory file encodes to base64 without padding. */
const CHUNK_BYTES = 3 * 64 * 1024;
/** Smaller files are read whole: opening streams costs more than the memory it would save. */
const STREAM_ABOVE_BYTES = 1024 * 1024;
/** Base64 characters that decode to at least HEAD_BYTES bytes. */
const HEAD_BASE64 = Math.ceil(HEAD_BYTES / 3) * 4;

/**
 * A file to send, known by its size before any of its content is read. Its content is read only
 * while its message's body is written, after the memory for that body was reserved, so messages
 * waiting for the memory budget hold none of their files.
 */
export interface FileContent {
	size: number;
	/** The first bytes, to tell the type by; read only when the type is asked for. */
	head(): Promise<Buffer>;
	chunks(): AsyncIterable<Buffer>;
}

type BinaryHelpers = IExecuteFunctions['helpers'];

async function* slices(bytes: Buffer): AsyncIterable<Buffer> {
	for (let start = 0; start < bytes.length; start += CHUNK_BYTES) {
		yield bytes.subarray(start, start + CHUNK_BYTES);
	}
}

async function firstBytes(stream: AsyncIterable<Buffer>): Promise<Buffer> {
	for await (const chunk of stream) return chunk.subarray(0, HEAD_BYTES);
	return Buffer.alloc(0);
}

const PLAIN_BASE64 = /[^A-Za-z0-9+/=]/;

/**
 * The size of a file n8n keeps in the item as base64 (n8n 1.x's default, and what some nodes
 * produce on any version), from the text's length. Only base64 with line breaks or other odd
 * characters is decoded to be measured: rare, and the copy is dropped at once.
 */
function base64Size(data: string): number {
	if (!PLAIN_BASE64.test(data)) return Buffer.byteLength(data, 'base64');
	return Buffer.from(data, 'base64').length;
}

/** A stored file's size: n8n 2.x writes it into the item, n8n 1.x only into its store's metadata. */
async function storedSize(helpers: BinaryHelpers, id: string, metadata: IBinaryData) {
	if (typeof metadata.bytes === 'number') return metadata.bytes;
	const stored = await helpers.getBinaryMetadata(id);
	if (typeof stored.fileSize === 'number') return stored.fileSize;
	let size = 0;
	for await (const chunk of await helpers.getBinaryStream(id, CHUNK_BYTES)) size += chunk.length;
	return size;
}

/**
 * Describes one binary field of an item as a file to send, from n8n's metadata. Files n8n keeps on
 * disk or in its database (n8n 2.x's default) are streamed when large; small ones, and files n8n
 * keeps in the item, are read whole through n8n's binary helper, which decodes them.
 */
export async function fileContent(
	this: IExecuteFunctions,
	itemIndex: number,
	field: string,
	metadata: IBinaryData,
): Promise<FileContent> {
	const helpers = this.helpers;
	const readWhole = async function* () {
		yield* slices(await helpers.getBinaryDataBuffer(itemIndex, field));
	};
	const { id } = metadata;
	if (!id) {
		const data = metadata.data;
		return {
			size: base64Size(data),
			head: async () => Buffer.from(data.slice(0, HEAD_BASE64), 'base64').subarray(0, HEAD_BYTES),
			chunks: readWhole,
		};
	}
	const size = await storedSize(helpers, id, metadata);
	return {
		size,
		head: async () => await firstBytes(await helpers.getBinaryStream(id, HEAD_BYTES)),
		chunks:
			size > STREAM_ABOVE_BYTES
				? async function* () {
						yield* await helpers.getBinaryStream(id, CHUNK_BYTES);
					}
				: readWhole,
	};
}
