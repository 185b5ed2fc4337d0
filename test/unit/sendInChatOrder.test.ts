import { sleep } from 'n8n-workflow';

import {
	sendInChatOrder,
	type ChatJob,
} from '../../nodes/Suvvy/actions/message/send/sending/chatOrder';

const jobsFor = (chats: string[]): ChatJob[] => chats.map((chat, index) => ({ index, chat }));

/** Runs jobs that take a little while, recording what ran when. */
function recorder() {
	const started: number[] = [];
	let running = 0;
	let mostAtOnce = 0;
	const runningChats = new Set<string>();
	let sameChatOverlap = false;
	const run = async (job: ChatJob) => {
		if (runningChats.has(job.chat)) sameChatOverlap = true;
		runningChats.add(job.chat);
		started.push(job.index);
		running++;
		mostAtOnce = Math.max(mostAtOnce, running);
		await sleep(5);
		running--;
		runningChats.delete(job.chat);
		return `done ${job.index}`;
	};
	return { run, started, mostAtOnce: () => mostAtOnce, sameChatOverlap: () => sameChatOverlap };
}

describe('sending in chat order', () => {
	test('returns every result in input order', async () => {
		const { run } = recorder();
		const results = await sendInChatOrder(jobsFor(['a', 'b', 'a', 'c', 'b']), run, { limit: 3 });
		expect(results).toEqual(['done 0', 'done 1', 'done 2', 'done 3', 'done 4']);
	});

	test('runs at most `limit` jobs at once, never two of one chat, and each chat in input order', async () => {
		const chats = Array.from({ length: 40 }, (_unused, index) => `chat-${index % 7}`);
		const recorded = recorder();
		await sendInChatOrder(jobsFor(chats), recorded.run, { limit: 4 });
		expect(recorded.mostAtOnce()).toBe(4);
		expect(recorded.sameChatOverlap()).toBe(false);
		for (let chat = 0; chat < 7; chat++) {
			const order = recorded.started.filter((index) => chats[index] === `chat-${chat}`);
			expect(order).toEqual([...order].sort((a, b) => a - b));
		}
	});

	test('starts nothing new once a result says stop, and leaves those results empty', async () => {
		const results = await sendInChatOrder(
			jobsFor(['a', 'b', 'c', 'd']),
			async (job) => (job.index === 1 ? 'refused' : 'sent'),
			{ limit: 1, stopAfter: (result) => result === 'refused' },
		);
		expect(results).toEqual(['sent', 'refused', undefined, undefined]);
	});

	test('handles no jobs at all', async () => {
		await expect(sendInChatOrder([], async () => 'x', { limit: 5 })).resolves.toEqual([]);
	});

	test('passes on a job that throws', async () => {
		const failing = sendInChatOrder(
			jobsFor(['a']),
			async () => {
				throw new Error('boom');
			},
			{ limit: 2 },
		);
		await expect(failing).rejects.toThrow('boom');
	});
});
