import { DEFAULT_TOKEN } from '../../dev/emulator';

/** Recognisable secrets every engine-level test runs with, so a leak of any of them is found. */
export const TEST_TOKEN = 'dummy-suvvy-token-7f3a9c';
export const TEST_SECRET = 'dummy-webhook-secret-51c2';

export const SECRETS = [TEST_TOKEN, TEST_SECRET, DEFAULT_TOKEN];
