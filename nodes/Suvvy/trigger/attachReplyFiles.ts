import type { IBinaryKeyData, IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { downloadReplyFile } from '../transport';
import type { IndexedMessage } from './replyItems';

export interface FileSettings {
	download: boolean;
	binaryPropertyName: string;
	maxBytes: number;
}

export interface AttachedFile {
	binary?: IBinaryKeyData;
	fileError?: string;
}

/**
 * Fetches one message's file into binary data. A file that cannot be had (too big, gone, refused)
 * never loses the message: the item keeps the link and says why in `file_error`.
 */
export async function attachReplyFile(
	this: IWebhookFunctions,
	{ message }: IndexedMessage,
	binaryPropertyName: string,
	settings: FileSettings,
): Promise<AttachedFile> {
	const file = message.file;
	if (!settings.download || !file) return {};
	if (typeof file.size_bytes === 'number' && file.size_bytes > settings.maxBytes) {
		const limit = (settings.maxBytes / 1024 / 1024).toFixed(1);
		return {
			fileError: `File is ${file.size_bytes} bytes, over the ${limit} MB limit; not downloaded`,
		};
	}
	const downloaded = await downloadReplyFile.call(this, file.url, settings.maxBytes);
	if (!downloaded.ok) return { fileError: downloaded.reason };
	const fileName = file.name || file.url.split('/').pop()?.split('?')[0] || 'file';
	const mimeType = file.mime_type || downloaded.mimeType;
	const data = await this.helpers.prepareBinaryData(downloaded.bytes, fileName, mimeType);
	return { binary: { [binaryPropertyName]: data } };
}

/** Records the outcome of a download on an item's json. */
export function noteFileError(json: IDataObject, attached: AttachedFile): IDataObject {
	return attached.fileError ? { ...json, file_error: attached.fileError } : json;
}
