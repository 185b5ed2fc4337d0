/**
 * Runs one job per item with at most `limit` running at once, while the jobs of one chat run one after
 * another in input order. Chats take turns, so one long conversation does not hold up the others.
 * Results come back in input order.
 */
export interface ChatJob {
	index: number;
	chat: string;
}

export interface ChatOrderOptions<T> {
	limit: number;
	/** Once true for a finished job's result, no further job is started. */
	stopAfter?: (result: T) => boolean;
}

export async function sendInChatOrder<T>(
	jobs: ChatJob[],
	run: (job: ChatJob) => Promise<T>,
	{ limit, stopAfter }: ChatOrderOptions<T>,
): Promise<Array<T | undefined>> {
	const results: Array<T | undefined> = new Array(jobs.length);
	const queues = new Map<string, ChatJob[]>();
	for (const job of jobs) {
		const queue = queues.get(job.chat);
		if (queue) queue.push(job);
		else queues.set(job.chat, [job]);
	}
	const readyChats = [...queues.keys()];
	let running = 0;
	let stopped = false;

	return await new Promise((resolve, reject) => {
		const startMore = () => {
			while (!stopped && running < limit && readyChats.length) {
				const chat = readyChats.shift() as string;
				const job = (queues.get(chat) as ChatJob[]).shift() as ChatJob;
				running++;
				run(job).then((result) => {
					results[job.index] = result;
					running--;
					if (stopAfter?.(result)) stopped = true;
					if ((queues.get(chat) as ChatJob[]).length) readyChats.push(chat);
					startMore();
				}, reject);
			}
			if (running === 0) resolve(results);
		};
		startMore();
	});
}
