/** How a reply's files are fetched: the Suvvy Trigger's settings, which a waiting Suvvy node gets too. */
export interface FileSettings {
	download: boolean;
	binaryPropertyName: string;
	maxFileBytes: number;
	/** All files of one delivery together. */
	deliveryBudgetBytes: number;
	timeLimitMs: number;
	/** All downloads of one delivery together, from its arrival: Suvvy waits for the answer. */
	deliveryTimeLimitMs: number;
	parallelDownloads: number;
	/** What all deliveries of the trigger may hold at once while they fetch their files. */
	memoryBytes: number;
	allowPrivateNetwork: boolean;
	/** Which trigger's deliveries share the memory and the download slots. */
	triggerKey: string;
}

const MB = 1024 * 1024;

function bounded(value: unknown, fallback: number, min: number, max: number): number {
	const number = typeof value === 'number' && Number.isFinite(value) ? value : fallback;
	return Math.min(max, Math.max(min, number));
}

/**
 * The settings a Suvvy Trigger forwarded with a reply, kept within the bounds the trigger's own
 * options allow (and the trigger's defaults for anything missing), for fetching under `triggerKey`.
 */
export function forwardedFileSettings(value: unknown, triggerKey: string): FileSettings {
	const given = (typeof value === 'object' && value !== null ? value : {}) as Record<
		string,
		unknown
	>;
	return {
		download: given.download !== false,
		binaryPropertyName:
			typeof given.binaryPropertyName === 'string' && given.binaryPropertyName
				? given.binaryPropertyName
				: 'data',
		maxFileBytes: bounded(given.maxFileBytes, 25 * MB, 0, Number.MAX_SAFE_INTEGER),
		deliveryBudgetBytes: bounded(given.deliveryBudgetBytes, 100 * MB, 0, Number.MAX_SAFE_INTEGER),
		timeLimitMs: bounded(given.timeLimitMs, 10_000, 1000, 15_000),
		deliveryTimeLimitMs: bounded(given.deliveryTimeLimitMs, 10_000, 1000, 15_000),
		parallelDownloads: Math.floor(bounded(given.parallelDownloads, 2, 1, 10)),
		memoryBytes: bounded(given.memoryBytes, 128 * MB, MB, Number.MAX_SAFE_INTEGER),
		allowPrivateNetwork: given.allowPrivateNetwork === true,
		triggerKey,
	};
}
