/** A cancel signal that counts the abort listeners on it (Node's own count needs `node:events`). */
export function countedSignal() {
	const controller = new AbortController();
	const { signal } = controller;
	const listeners = new Set<unknown>();
	const add = signal.addEventListener.bind(signal);
	const remove = signal.removeEventListener.bind(signal);
	signal.addEventListener = (type: string, listener: unknown, options?: unknown) => {
		if (type === 'abort') listeners.add(listener);
		add(type, listener as EventListener, options as AddEventListenerOptions);
	};
	signal.removeEventListener = (type: string, listener: unknown, options?: unknown) => {
		if (type === 'abort') listeners.delete(listener);
		remove(type, listener as EventListener, options as EventListenerOptions);
	};
	return { signal, abort: () => controller.abort(), listeners: () => listeners.size };
}
