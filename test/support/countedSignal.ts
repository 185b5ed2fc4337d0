/** A cancel signal that counts the abort listeners on it (Node's own count needs `node:events`). */
export function countedSignal() {
	const controller = new AbortController();
	const { signal } = controller;
	const listeners = new Set<unknown>();
	type Listen = (type: string, listener: unknown, options?: unknown) => void;
	const add = signal.addEventListener.bind(signal) as Listen;
	const remove = signal.removeEventListener.bind(signal) as Listen;
	const counting =
		(change: (listener: unknown) => void, forward: Listen): Listen =>
		(type, listener, options) => {
			if (type === 'abort') change(listener);
			forward(type, listener, options);
		};
	signal.addEventListener = counting((listener) => listeners.add(listener), add);
	signal.removeEventListener = counting((listener) => listeners.delete(listener), remove);
	return { signal, abort: () => controller.abort(), listeners: () => listeners.size };
}
