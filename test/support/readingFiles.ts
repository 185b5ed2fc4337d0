import { Container } from '@n8n/di';
import { BinaryDataService } from 'n8n-core';
import type { IBinaryData } from 'n8n-workflow';

import { prepareBinaryData } from './runWorkflow';

type BinaryStore = {
	mode: string;
	getAsBuffer(binaryData: IBinaryData): Promise<Buffer>;
	getAsStream(id: string, chunkSize?: number): Promise<AsyncIterable<Buffer>>;
};

/**
 * Runs `run` with n8n's binary data in `mode`, counting every byte of file content the node reads
 * through n8n's binary data service (whole files, streams, first bytes alike) as it is read.
 */
export async function readingFiles<T>(
	mode: string,
	onRead: (bytes: number) => void,
	run: () => Promise<T>,
) {
	await prepareBinaryData();
	const service = Container.get(BinaryDataService) as unknown as BinaryStore;
	const { mode: configured, getAsBuffer, getAsStream } = service;
	service.mode = mode;
	service.getAsBuffer = async (binaryData) => {
		const bytes = await getAsBuffer.call(service, binaryData);
		onRead(bytes.length);
		return bytes;
	};
	service.getAsStream = async (id, chunkSize) => {
		const stream = await getAsStream.call(service, id, chunkSize);
		// The stream stays n8n's; only reading it through iteration (what the node does) is counted.
		const iterate = stream[Symbol.asyncIterator].bind(stream);
		stream[Symbol.asyncIterator] = async function* () {
			for await (const chunk of { [Symbol.asyncIterator]: iterate }) {
				onRead(chunk.length);
				yield chunk;
			}
		};
		return stream;
	};
	try {
		return await run();
	} finally {
		service.mode = configured;
		delete (service as Partial<BinaryStore>).getAsBuffer;
		delete (service as Partial<BinaryStore>).getAsStream;
	}
}
