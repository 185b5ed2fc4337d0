import type { IDataObject, INodeProperties, IWebhookFunctions } from 'n8n-workflow';

import type { FileSettings } from '../replies/download/fileSettings';
import { DEFAULT_MAX_FILE_MB, triggerProperties } from './triggerProperties';

type NumberOption =
	| 'downloadTimeLimitSeconds'
	| 'deliveryDownloadTimeLimitSeconds'
	| 'maxDeliveryDownloadMb'
	| 'maxParallelDownloads'
	| 'downloadMemoryMb';

/** An option's default, as the editor shows it; the lint wants it written there as a literal. */
function defaultOf(name: NumberOption): number {
	const options = triggerProperties.find((property) => property.name === 'options')?.options;
	const option = options?.find((candidate) => 'name' in candidate && candidate.name === name);
	return (option as INodeProperties).default as number;
}

function numberOption(options: IDataObject, name: NumberOption, min: number, max = Infinity) {
	const value = options[name];
	const number = typeof value === 'number' && Number.isFinite(value) ? value : defaultOf(name);
	return Math.min(max, Math.max(min, number));
}

const MB = 1024 * 1024;

/** Suvvy waits 20 s for an answer; downloads stop well before, leaving time to store the execution. */
const MAX_DOWNLOAD_SECONDS = 15;

/** How the trigger fetches a delivery's files, from its parameters, read once per delivery. */
export function readFileSettings(this: IWebhookFunctions): FileSettings {
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const maxFileMb = this.getNodeParameter('maxFileSizeMb', DEFAULT_MAX_FILE_MB) as number;
	const seconds = (name: NumberOption) =>
		numberOption(options, name, 1, MAX_DOWNLOAD_SECONDS) * 1000;
	return {
		download: this.getNodeParameter('downloadFiles', true) as boolean,
		binaryPropertyName: (this.getNodeParameter('binaryPropertyName', 'data') as string) || 'data',
		maxFileBytes: Math.max(0, maxFileMb) * MB,
		deliveryBudgetBytes: numberOption(options, 'maxDeliveryDownloadMb', 0) * MB,
		timeLimitMs: seconds('downloadTimeLimitSeconds'),
		deliveryTimeLimitMs: seconds('deliveryDownloadTimeLimitSeconds'),
		parallelDownloads: Math.floor(numberOption(options, 'maxParallelDownloads', 1, 10)),
		memoryBytes: numberOption(options, 'downloadMemoryMb', 1) * MB,
		allowPrivateNetwork: options.allowPrivateNetworkDownloads === true,
		triggerKey: `${this.getWorkflow().id ?? ''}/${this.getNode().id}`,
	};
}
