import type { IBinaryData, IWebhookFunctions } from 'n8n-workflow';

import type { IndexedMessage } from '../replyItems';
import { downloadFile, type DownloadFailure } from './downloadFile';
import { DeliveryDownloads } from './downloadQueue';
import type { FileSettings } from './fileSettings';

/** What became of one message's file: its binary data, or why there is none. */
export interface AttachedFile {
	binary?: IBinaryData;
	fileError?: string;
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const seconds = (ms: number) => `${ms / 1000} s`;

/** What one delivery may still spend, and until when. */
interface DeliveryAllowance {
	bytesLeft: number;
	/** Aborts when the delivery's download time is up: Suvvy is waiting for the answer. */
	stop: AbortSignal;
	deadline: number;
}

/** Which limit made a download's own limits smaller than the file's. */
interface Cut {
	bytes: 'file' | 'delivery' | 'memory';
	byDeliveryTime: boolean;
}

function describeFailure(
	failure: DownloadFailure,
	settings: FileSettings,
	cut: Cut,
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
		case 'unverifiableHttp':
			return 'Not downloaded: this n8n cannot check where a plain http link by host name leads before connecting; only https links are downloaded by name here';
		case 'tooBig':
			if (cut.bytes === 'delivery') {
				return `File does not fit in what is left of the delivery's ${megabytes(settings.deliveryBudgetBytes)} download budget (${failure.bytes} bytes or more); not downloaded`;
			}
			if (cut.bytes === 'memory') {
				return `File does not fit in the trigger's ${megabytes(settings.memoryBytes)} memory for downloads (${failure.bytes} bytes or more); not downloaded`;
			}
			return `File is larger than the ${megabytes(settings.maxFileBytes)} limit (${failure.bytes} bytes or more)`;
		case 'timeLimit':
			return cut.byDeliveryTime
				? `Download stopped: the delivery's ${seconds(settings.deliveryTimeLimitMs)} download time ran out (Suvvy waits at most 20 s for the answer); the link is kept`
				: `Download stopped: it took longer than the ${seconds(settings.timeLimitMs)} time limit`;
		case 'status':
			return `Download answered HTTP ${failure.status}`;
		case 'network':
			return `Download failed: ${failure.phrase}`;
		case 'tooManyRedirects':
			return 'Download failed: more than 5 redirects';
	}
}

/** Why a file whose declared size is over the limit that binds it is not even tried. */
function tooBigToTry(size: number, cap: Cut['bytes'], settings: FileSettings): string {
	switch (cap) {
		case 'file':
			return `File is ${size} bytes, over the ${megabytes(settings.maxFileBytes)} limit; not downloaded`;
		case 'delivery':
			return `File is ${size} bytes, more than is left of the delivery's ${megabytes(settings.deliveryBudgetBytes)} download budget; not downloaded`;
		case 'memory':
			return `File is ${size} bytes, more than the trigger's ${megabytes(settings.memoryBytes)} memory for downloads has room for; not downloaded`;
	}
}

const outOfTime = (settings: FileSettings) =>
	`Not downloaded within the delivery's ${seconds(settings.deliveryTimeLimitMs)} download time (Suvvy waits at most 20 s for the answer); the link is kept`;

const noMemory = (settings: FileSettings) =>
	`Not downloaded: the trigger's ${megabytes(settings.memoryBytes)} memory for downloads has no room for it now; the link is kept`;

/** Fetches one file through the trigger's queue and stores it as binary data. */
async function fetchOne(
	this: IWebhookFunctions,
	{ message }: IndexedMessage,
	settings: FileSettings,
	allowance: DeliveryAllowance,
	queue: DeliveryDownloads,
): Promise<AttachedFile> {
	const file = message.file!;
	if (allowance.bytesLeft <= 0) {
		return {
			fileError: `The delivery's ${megabytes(settings.deliveryBudgetBytes)} download budget is used up; not downloaded`,
		};
	}
	if (allowance.stop.aborted) return { fileError: outOfTime(settings) };
	const maxBytes = Math.min(settings.maxFileBytes, allowance.bytesLeft, queue.room());
	const bytesCap: Cut['bytes'] =
		maxBytes === settings.maxFileBytes
			? 'file'
			: maxBytes === allowance.bytesLeft
				? 'delivery'
				: 'memory';
	if (maxBytes <= 0) return { fileError: noMemory(settings) };
	if (typeof file.size_bytes === 'number' && file.size_bytes > maxBytes) {
		return { fileError: tooBigToTry(file.size_bytes, bytesCap, settings) };
	}
	allowance.bytesLeft -= maxBytes;
	let deliveryTimeFirst = false;
	const outcome = await queue.run(maxBytes, allowance.stop, async () => {
		// Worked out once the slot is had: the wait spent some of the delivery's time. One clock
		// stops the download, so that it and the files after it agree on why.
		const left = allowance.deadline - Date.now();
		deliveryTimeFirst = left <= settings.timeLimitMs;
		return await downloadFile.call(this, file.url, {
			maxBytes,
			timeLimitMs: deliveryTimeFirst ? Math.max(1, left) : settings.timeLimitMs,
			stop: deliveryTimeFirst ? allowance.stop : undefined,
			allowPrivateNetwork: settings.allowPrivateNetwork,
		});
	});
	if (!outcome.ran) {
		allowance.bytesLeft += maxBytes;
		return { fileError: outcome.why === 'noMemory' ? noMemory(settings) : outOfTime(settings) };
	}
	const downloaded = outcome.value;
	// What was read counts, kept or not: a file cut off, stopped or broken mid-way cost as much.
	const read = downloaded.ok ? downloaded.bytes.length : downloaded.received;
	allowance.bytesLeft += maxBytes - read;
	if (!downloaded.ok) {
		queue.keep(maxBytes, 0);
		const cut = { bytes: bytesCap, byDeliveryTime: deliveryTimeFirst };
		return { fileError: describeFailure(downloaded.failure, settings, cut, file.url) };
	}
	const fileName = file.name || file.url.split('/').pop()?.split('?')[0] || 'file';
	try {
		const binary = await this.helpers.prepareBinaryData(
			downloaded.bytes,
			fileName,
			file.mime_type || downloaded.mimeType,
		);
		// Stored on disk or in a database, the file no longer holds the trigger's memory.
		queue.keep(maxBytes, binary.id ? 0 : read);
		return { binary };
	} catch (error) {
		queue.keep(maxBytes, 0);
		const reason = error instanceof Error ? error.message : String(error);
		return { fileError: `Downloaded, but n8n could not store the file: ${reason}` };
	}
}

/**
 * Fetches the files of one delivery's messages, in order, before Suvvy is answered, within the
 * delivery's time and byte budget and the trigger's memory for downloads. A file that cannot be had
 * never loses its message: the item keeps the link and says why in `file_error`.
 */
export async function fetchReplyFiles(
	this: IWebhookFunctions,
	messages: IndexedMessage[],
	settings: FileSettings,
	queue: DeliveryDownloads | undefined,
	stop: AbortSignal,
	deadline: number,
): Promise<AttachedFile[]> {
	const allowance: DeliveryAllowance = { bytesLeft: settings.deliveryBudgetBytes, stop, deadline };
	const attached: AttachedFile[] = [];
	try {
		for (const entry of messages) {
			if (!settings.download || !entry.message.file) attached.push({});
			else if (!queue) attached.push({ fileError: noMemory(settings) });
			else attached.push(await fetchOne.call(this, entry, settings, allowance, queue));
		}
	} finally {
		queue?.doneDownloading();
	}
	return attached;
}
