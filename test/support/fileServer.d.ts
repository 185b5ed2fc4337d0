/** Types for fileServer.js (plain JavaScript, like the emulator). */
export interface IncomingRequest {
	socket: { on(event: 'close', listener: () => void): void };
	headers: Record<string, string | string[] | undefined>;
	url?: string;
}

export interface OutgoingResponse {
	writeHead(status: number, headers?: Record<string, string | number>): OutgoingResponse;
	write(chunk: Buffer): boolean;
	end(body?: Buffer | string): void;
}

export type Handler = (request: IncomingRequest, response: OutgoingResponse) => void;

export interface FileServer {
	/** `http://127.0.0.1:<port>` */
	url: string;
	port: number;
	/** Path and Host header of every request received, in order. */
	requests: Array<{ path: string; host: string | undefined }>;
	serve(path: string, handler: Handler): void;
	close(): Promise<void>;
}

export function startFileServer(): Promise<FileServer>;
export function file(bytes: Buffer, contentType?: string): Handler;
export function drip(everyMs: number): Handler;
/** Starts an answer and sends one header line every `everyMs`, never finishing the headers. */
export function slowHeaders(everyMs: number): Handler;
/** Sends without end, as fast as the connection takes it. */
export function endless(): Handler;
/** Sends `bytes` of an answer without a length, then holds the connection or closes it unfinished. */
export function partial(bytes: Buffer, then: 'stall' | 'hangUp'): Handler;
export function redirect(location: string, status?: number): Handler;
export function closedPort(): Promise<number>;

export interface TcpService {
	port: number;
	close(): Promise<void>;
}

/** A loopback port behind which no web server runs: see fileServer.js. */
export function startTcpService(behaviour: 'hangUp' | 'banner' | 'silent'): Promise<TcpService>;
