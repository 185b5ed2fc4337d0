import nock from 'nock';

/** Lets only nock answer HTTP in this test file, forgets interceptors between tests, and unhooks at the end. */
export function interceptHttp(): void {
	beforeAll(() => nock.disableNetConnect());
	afterEach(() => nock.cleanAll());
	afterAll(() => {
		nock.enableNetConnect();
		nock.restore();
	});
}
