import type { IBinaryKeyData, IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { downloadFile, type DownloadFailure } from '../transport/download';
import { deliveryClock, type DeliveryBudget } from './deliveryBudget';
import { inDownloadSlot } from './downloadSlots';
import type { IndexedMessage } from './replyItems';

export interface FileSettings {
	download: boolean;
	binaryPropertyName: string;
	maxFileBytes: number;
	/** All files of one delivery together. */
	deliveryBudgetBytes: number;
	timeLimitMs: number;
	/** All downloads of one delivery together, from its first. */
	deliveryTimeLimitMs: number;
	parallelDownloads: number;
	allowPrivateNetwork: boolean;
	/** Which trigger's downloads share the parallel cap. */
	triggerKey: string;
}

export interface AttachedFile {
	binary?: IBinaryKeyData;
	fileError?: string;
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const seconds = (ms: number) => `${ms / 1000} s`;

/** Which of the delivery's limits made this download's limits smaller than the file's own. */
interface CutByDelivery {
	bytes: boolean;
	time: boolean;
}

function describeFailure(
	failure: DownloadFailure,
	settings: FileSettings,
	cutByDelivery: CutByDelivery,
	link: string,
): string {
	switch (failure.kind) {
		case 'notHttp':
			return `Not an http(s) link: ${link.slice(0, 100)}`;
		case 'redirectNotHttp':
			// Where it led stays unsaid: the redirect is the server's, not the delivery's.
			return 'Not downloaded: the link redirects to a link that is not http(s)';
		case 'refused':
			return "Not downloaded: refused by the trigger's network policy, the link does not lead to a public internet address";
		case 'tooBig':
			return cutByDelivery.bytes
				? `File does not fit in what is left of the delivery's ${megabytes(settings.deliveryBudgetBytes)} download budget (${failure.bytes} bytes or more); not downloaded`
				: `File is larger than the ${megabytes(settings.maxFileBytes)} limit (${failure.bytes} bytes or more)`;
		case 'timeLimit':
			return cutByDelivery.time
				? `Download stopped: the delivery's ${seconds(settings.deliveryTimeLimitMs)} download time limit ran out`
				: `Download stopped: it took longer than the ${seconds(settings.timeLimitMs)} time limit`;
		case 'status':
			return `Download answered HTTP ${failure.status}`;
		case 'network':
			return `Download failed: ${failure.phrase}`;
		case 'tooManyRedirects':
			return 'Download failed: more than 5 redirects';
	}
}

function refusedBySize(size: number, settings: FileSettings, budget: DeliveryBudget) {
	if (size > settings.maxFileBytes) {
		return `File is ${size} bytes, over the ${megabytes(settings.maxFileBytes)} limit; not downloaded`;
	}
	if (size > budget.remainingBytes) {
		return `File is ${size} bytes, more than is left of the delivery's ${megabytes(settings.deliveryBudgetBytes)} download budget; not downloaded`;
	}
	return undefined;
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
	budget: DeliveryBudget,
): Promise<AttachedFile> {
	const file = message.file;
	if (!settings.download || !file) return {};
	if (budget.remainingBytes <= 0) {
		return {
			fileError: `The delivery's ${megabytes(settings.deliveryBudgetBytes)} download budget is used up; not downloaded`,
		};
	}
	if (typeof file.size_bytes === 'number') {
		const refused = refusedBySize(file.size_bytes, settings, budget);
		if (refused) return { fileError: refused };
	}
	const clock = deliveryClock(budget);
	const deliveryLimit = `The delivery's ${seconds(settings.deliveryTimeLimitMs)} download time limit`;
	if (clock.leftMs() <= 0) return { fileError: `${deliveryLimit} is used up; not downloaded` };
	const maxBytes = Math.min(settings.maxFileBytes, budget.remainingBytes);
	let timeLimitMs = settings.timeLimitMs;
	const slot = await inDownloadSlot(
		settings.triggerKey,
		settings.parallelDownloads,
		clock.signal,
		async () => {
			// Worked out once the slot is had: the wait spent some of the delivery's time.
			timeLimitMs = Math.min(settings.timeLimitMs, clock.leftMs());
			if (timeLimitMs <= 0) return undefined;
			return await downloadFile.call(this, file.url, {
				maxBytes,
				timeLimitMs,
				allowPrivateNetwork: settings.allowPrivateNetwork,
			});
		},
	);
	const downloaded = slot.ran ? slot.value : undefined;
	if (!downloaded) {
		return {
			fileError: `${deliveryLimit} ran out while the file waited for a download slot; not downloaded`,
		};
	}
	// What was read counts, kept or not: a file cut off, stopped or broken mid-way cost as much.
	budget.remainingBytes -= downloaded.ok ? downloaded.bytes.length : downloaded.received;
	if (!downloaded.ok) {
		const cutByDelivery = {
			bytes: maxBytes < settings.maxFileBytes,
			time: timeLimitMs < settings.timeLimitMs,
		};
		return { fileError: describeFailure(downloaded.failure, settings, cutByDelivery, file.url) };
	}
	const fileName = file.name || file.url.split('/').pop()?.split('?')[0] || 'file';
	const mimeType = file.mime_type || downloaded.mimeType;
	const data = await this.helpers.prepareBinaryData(downloaded.bytes, fileName, mimeType);
	return { binary: { [binaryPropertyName]: data } };
}

/** Records the outcome of a download on an item's json. */
export function noteFileError(json: IDataObject, attached: AttachedFile): IDataObject {
	return attached.fileError ? { ...json, file_error: attached.fileError } : json;
}
