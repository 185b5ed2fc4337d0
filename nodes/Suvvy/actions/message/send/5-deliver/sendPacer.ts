import { sleep } from 'n8n-workflow';

/**
 * A request only connects when the event loop turns. When many answers arrive at once, preparing
 * a new message for each of them in one go keeps every one of those requests waiting until the whole
 * burst is prepared, so the server's latency and the node's own work add up instead of overlapping.
 * The pacer lets at most `burst` messages be prepared per turn of the event loop; the rest wait for
 * the next turn (n8n-workflow's `sleep(0)`, the only wait community nodes may use), by which time the
 * earlier requests are on their way.
 */
export function createSendPacer(burst: number): () => Promise<void> {
	let startedThisTurn = 0;
	let turnEnds: Promise<void> | undefined;

	const nextTurn = () => {
		turnEnds ??= sleep(0).then(() => {
			turnEnds = undefined;
			startedThisTurn = 0;
		});
		return turnEnds;
	};

	const beforeSend = async (): Promise<void> => {
		// Whatever the outcome, the turn that this send starts in ends on the next timer tick.
		const turn = nextTurn();
		if (startedThisTurn < burst) {
			startedThisTurn++;
			return;
		}
		await turn;
		await beforeSend();
	};
	return beforeSend;
}
