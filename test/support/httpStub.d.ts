/** Types for httpStub.js. */
export interface StubRequest {
	method: string;
	url: string;
	headers: Record<string, string | undefined>;
	body: unknown;
}

export interface StubAnswer {
	status?: number;
	body?: unknown;
}

export interface HttpStub {
	/** `http://127.0.0.1:<port>` */
	url: string;
	requests: StubRequest[];
	close(): Promise<void>;
}

export function startHttpStub(
	answer: (request: StubRequest) => StubAnswer | undefined | Promise<StubAnswer | undefined>,
): Promise<HttpStub>;
