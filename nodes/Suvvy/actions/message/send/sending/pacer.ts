import { sleep } from 'n8n-workflow';

/**
 * A request connects only when the event loop turns, so preparing a whole burst of messages in one
 * go holds every request back until the last is ready. At most `burst` are prepared per turn.
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
