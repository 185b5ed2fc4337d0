/**
 * What a trigger's deliveries may hold at once while they wait for and fetch their files (the bodies
 * waiting, the files downloaded), and how many download at once. Download slots go to deliveries in
 * the order they arrived, and a delivery keeps its slot until it has fetched all its files, so one
 * that started finishes before a later one takes its bandwidth; without that, many deliveries at
 * once would each hold part of their files until all of them were done. One queue per trigger node,
 * per n8n process.
 */
export interface QueueLimits {
	memoryBytes: number;
	parallelDownloads: number;
}

/** Why a file was not fetched: the deliveries ahead of it hold the memory, or its time ran out. */
export type NotRun = 'noMemory' | 'stopped';

export type QueueOutcome<T> = { ran: true; value: T } | { ran: false; why: NotRun };

interface Request {
	bytes: number;
	answer: (granted: boolean) => void;
}

interface Member {
	held: number;
	hasSlot: boolean;
	request?: Request;
}

interface TriggerQueue {
	key: string;
	limits: QueueLimits;
	held: number;
	slotsInUse: number;
	/** Every delivery that joined and has not left, oldest first. */
	members: Member[];
}

const queues = new Map<string, TriggerQueue>();

/** Whether `member` could ever get `bytes` more: only the deliveries ahead of it leave before it. */
function couldFit(queue: TriggerQueue, member: Member, bytes: number): boolean {
	const ahead = queue.members.slice(0, queue.members.indexOf(member));
	const freedAhead = ahead.reduce((sum, { held }) => sum + held, 0);
	return queue.held - freedAhead + bytes <= queue.limits.memoryBytes;
}

/** Gives a slot holder its bytes, tells it they can never come, or leaves it waiting for them. */
function answerRequest(queue: TriggerQueue, member: Member): void {
	const request = member.request;
	if (!request) return;
	const fits = queue.held + request.bytes <= queue.limits.memoryBytes;
	if (!fits && couldFit(queue, member, request.bytes)) return;
	member.request = undefined;
	if (fits) {
		member.held += request.bytes;
		queue.held += request.bytes;
	}
	request.answer(fits);
}

function serve(queue: TriggerQueue): void {
	for (const member of queue.members) {
		if (member.hasSlot) answerRequest(queue, member);
	}
	for (const member of queue.members) {
		if (queue.slotsInUse >= queue.limits.parallelDownloads) return;
		if (member.request && !member.hasSlot) {
			member.hasSlot = true;
			queue.slotsInUse++;
			answerRequest(queue, member);
		}
	}
}

export class DeliveryDownloads {
	private readonly member: Member = { held: 0, hasSlot: false };

	private constructor(private readonly queue: TriggerQueue) {}

	/**
	 * Joins the trigger's queue holding `bodyBytes` (what the waiting delivery costs n8n), or returns
	 * undefined when the trigger's memory cannot take it now: the delivery then fetches nothing.
	 */
	static join(key: string, limits: QueueLimits, bodyBytes: number): DeliveryDownloads | undefined {
		let queue = queues.get(key);
		if (!queue) {
			queue = { key, limits, held: 0, slotsInUse: 0, members: [] };
			queues.set(key, queue);
		}
		// The newest settings win: a re-saved workflow takes effect with its next delivery.
		queue.limits = limits;
		if (queue.held + bodyBytes > limits.memoryBytes) {
			if (!queue.members.length) queues.delete(key);
			return undefined;
		}
		const delivery = new DeliveryDownloads(queue);
		queue.members.push(delivery.member);
		delivery.member.held = bodyBytes;
		queue.held += bodyBytes;
		return delivery;
	}

	/** The most this delivery could ever hold more: the trigger's memory, less what it holds now. */
	room(): number {
		return this.queue.limits.memoryBytes - this.member.held;
	}

	/**
	 * Runs `download` once the delivery has a slot and `bytes` of memory; the bytes stay held until
	 * `keep` or `leave`. Gives up when `stop` aborts first, or at once when the bytes can never come.
	 */
	async run<T>(
		bytes: number,
		stop: AbortSignal,
		download: () => Promise<T>,
	): Promise<QueueOutcome<T>> {
		if (stop.aborted) return { ran: false, why: 'stopped' };
		const member = this.member;
		const granted = await new Promise<boolean | 'stopped'>((resolve) => {
			const giveUp = () => {
				member.request = undefined;
				resolve('stopped');
				serve(this.queue);
			};
			member.request = {
				bytes,
				answer: (answer) => {
					stop.removeEventListener('abort', giveUp);
					resolve(answer);
				},
			};
			stop.addEventListener('abort', giveUp, { once: true });
			serve(this.queue);
		});
		if (granted !== true)
			return { ran: false, why: granted === 'stopped' ? 'stopped' : 'noMemory' };
		return { ran: true, value: await download() };
	}

	/** After a download: of the `reserved` bytes, the delivery now holds only `kept`. */
	keep(reserved: number, kept: number): void {
		const freed = Math.max(0, reserved - kept);
		this.member.held -= freed;
		this.queue.held -= freed;
		serve(this.queue);
	}

	/** The delivery has fetched what it will: its slot goes to the next delivery in line. */
	doneDownloading(): void {
		if (!this.member.hasSlot) return;
		this.member.hasSlot = false;
		this.queue.slotsInUse--;
		serve(this.queue);
	}

	/** The delivery's items are n8n's now: everything it held is free. */
	leave(): void {
		const { queue, member } = this;
		const index = queue.members.indexOf(member);
		if (index < 0) return;
		if (member.hasSlot) queue.slotsInUse--;
		member.hasSlot = false;
		queue.members.splice(index, 1);
		queue.held -= member.held;
		member.held = 0;
		member.request?.answer(false);
		member.request = undefined;
		if (queue.members.length) serve(queue);
		else queues.delete(queue.key);
	}
}
