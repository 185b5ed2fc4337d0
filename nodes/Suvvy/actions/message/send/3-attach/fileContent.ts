import type { IBinaryData, IExecuteFunctions } from 'n8n-workflow';

/** Enough of a file to tell its type by its first bytes. */
const HEAD_BYTES = 64;
/** A multiple of 3, so each chunk of an in-memory file encodes to base64 without padding. */
const CHUNK_BYTES = 3 * 64 * 1024;
/** Smaller files are read whole: opening streams costs more than the memory it would save. */
const STREAM_ABOVE_BYTES = 1024 * 1024;

/** A file's size, its first bytes, and a way to read it in chunks, without holding it all at once. */
export interface FileContent {
	size: number;
	head: Buffer;
	chunks: () => AsyncIterable<Buffer>;
}

async function* slices(bytes: Buffer): AsyncIterable<Buffer> {
	for (let start = 0; start < bytes.length; start += CHUNK_BYTES) {
		yield bytes.subarray(start, start + CHUNK_BYTES);
	}
}

async function firstChunk(stream: AsyncIterable<Buffer>): Promise<Buffer> {
	for await (const chunk of stream) return chunk;
	return Buffer.alloc(0);
}

/**
 * Large files n8n keeps on disk or in its database (the default in n8n 2) are streamed when the body
 * is written; small ones, and files kept in memory, are read whole.
 */
export async function fileContent(
	this: IExecuteFunctions,
	itemIndex: number,
	field: string,
	metadata: IBinaryData,
): Promise<FileContent> {
	const { id, bytes: size } = metadata;
	if (id && typeof size === 'number' && size > STREAM_ABOVE_BYTES) {
		const helpers = this.helpers;
		const head = await firstChunk(await this.helpers.getBinaryStream(id, HEAD_BYTES));
		return {
			size,
			head: head.subarray(0, HEAD_BYTES),
			chunks: async function* () {
				yield* await helpers.getBinaryStream(id, CHUNK_BYTES);
			},
		};
	}
	const bytes = await this.helpers.getBinaryDataBuffer(itemIndex, field);
	return { size: bytes.length, head: bytes.subarray(0, HEAD_BYTES), chunks: () => slices(bytes) };
}
