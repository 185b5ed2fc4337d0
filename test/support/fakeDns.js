'use strict';
/**
 * Names that resolve to addresses a test chooses, for this test process only: a "public" host name
 * that answers with a loopback address is how an attacker points a link inside n8n's network.
 * Both of Node's lookup functions are covered: n8n 2.x resolves through `dns.promises.lookup`, and
 * Node's own connections through `dns.lookup`. Every other name resolves as usual.
 */
const dns = require('node:dns');

const original = { lookup: dns.lookup, promisesLookup: dns.promises.lookup };
let answers = {};
/** How often each faked name was resolved, by either function. */
const lookups = {};

function answerFor(hostname) {
	const answer = answers[hostname];
	if (!answer) return undefined;
	lookups[hostname] = (lookups[hostname] ?? 0) + 1;
	return typeof answer === 'function' ? answer(lookups[hostname]) : answer;
}

function fakeLookup(hostname, options, callback) {
	const done = typeof options === 'function' ? options : callback;
	const found = answerFor(hostname);
	if (!found) return original.lookup(hostname, options, callback);
	if (typeof options === 'object' && options?.all) process.nextTick(done, null, found);
	else process.nextTick(done, null, found[0].address, found[0].family);
}

async function fakePromisesLookup(hostname, options) {
	const found = answerFor(hostname);
	if (!found) return await original.promisesLookup(hostname, options);
	return options?.all ? found : found[0];
}

/** Makes each name resolve to its addresses (or to what a function gives for the n-th lookup) until `restoreDns`. */
function fakeDns(names) {
	answers = { ...answers, ...names };
	dns.lookup = fakeLookup;
	dns.promises.lookup = fakePromisesLookup;
}

function restoreDns() {
	answers = {};
	for (const name of Object.keys(lookups)) delete lookups[name];
	dns.lookup = original.lookup;
	dns.promises.lookup = original.promisesLookup;
}

module.exports = { fakeDns, restoreDns, lookups };
