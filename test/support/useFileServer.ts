import { startFileServer, type FileServer, type Handler } from './fileServer';

/**
 * Suvvy's file host is played by a server on loopback, so tests downloading from it allow
 * private-network downloads; what the trigger refuses without that option is specified in
 * test/trigger/downloadPolicy.test.ts.
 */
export const FROM_LOOPBACK = { allowPrivateNetworkDownloads: true };

/**
 * A file server on loopback for the calling test file: started before its tests, its request log
 * emptied before each of them, closed after them all. What it returns reaches the running server.
 */
export function useFileServer(): FileServer {
	let server: FileServer | undefined;
	const running = (): FileServer => {
		if (!server) throw new Error('The file server starts in beforeAll; use it inside a test');
		return server;
	};
	beforeAll(async () => {
		server = await startFileServer();
	});
	afterAll(async () => await running().close());
	beforeEach(() => running().requests.splice(0));
	return {
		get url() {
			return running().url;
		},
		get port() {
			return running().port;
		},
		get requests() {
			return running().requests;
		},
		serve: (path: string, handler: Handler) => running().serve(path, handler),
		close: async () => await running().close(),
	};
}
