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
