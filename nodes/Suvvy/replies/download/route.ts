import type { IWebhookFunctions } from 'n8n-workflow';

import { isIpLiteral, nonPublicReason } from '../../network/publicAddress';

/**
 * How to reach a link whose address must be public:
 * - `direct`: the host is an IP address already checked, or private addresses are allowed;
 * - `pinned`: the name was resolved once and every address checked; the request goes to the checked
 *   address with the original Host header and TLS server name, so a second DNS answer (rebinding)
 *   cannot send it anywhere else;
 * - `checkOnConnect`: this n8n offers no resolver a node may use, so the address of an https link is
 *   checked on the connection itself, before anything of the answer is read;
 * - `unverifiable`: the same, for a plain http link, which is not fetched;
 * - `refused`: the host is, or resolves to, something other than a public address, or to nothing.
 */
export type Route =
	| { kind: 'direct'; url: string }
	| { kind: 'pinned'; url: string; host: string; servername: string }
	| { kind: 'checkOnConnect'; url: string }
	| { kind: 'unverifiable' }
	| { kind: 'refused' };

interface ResolvedAddress {
	address: string;
	family: number;
}

type LookupAll = (
	hostname: string,
	options: { all: true },
	callback: (error: Error | null, addresses: ResolvedAddress[]) => void,
) => void;

interface EgressFilter {
	createSecureLookup(): LookupAll;
}

/**
 * n8n offers nodes its egress filter from 2.30 on; `enforced` applies n8n's own blocked ranges even
 * when N8N_SSRF_PROTECTION_ENABLED is off. Up to 2.37.2 the helper gives nothing unless that setting
 * is on, and older n8n has no such helper at all.
 */
function secureLookup(this: IWebhookFunctions): LookupAll | undefined {
	const helpers = this.helpers as {
		getSecureEgressFilter?: (policy: string) => EgressFilter | undefined;
	};
	const filter = helpers.getSecureEgressFilter?.('enforced');
	return typeof filter?.createSecureLookup === 'function' ? filter.createSecureLookup() : undefined;
}

async function resolveAll(lookup: LookupAll, hostname: string): Promise<ResolvedAddress[]> {
	return await new Promise((resolve) => {
		lookup(hostname, { all: true }, (error, addresses) => resolve(error ? [] : addresses));
	});
}

/** RFC 6761: these names are loopback wherever they are resolved. */
function isLocalhostName(hostname: string): boolean {
	const name = hostname.replace(/\.$/, '').toLowerCase();
	return name === 'localhost' || name.endsWith('.localhost');
}

export async function routeTo(
	this: IWebhookFunctions,
	target: URL,
	allowPrivateNetwork: boolean,
): Promise<Route> {
	if (allowPrivateNetwork) return { kind: 'direct', url: target.href };
	if (isIpLiteral(target.hostname)) {
		return nonPublicReason(target.hostname)
			? { kind: 'refused' }
			: { kind: 'direct', url: target.href };
	}
	if (isLocalhostName(target.hostname)) return { kind: 'refused' };

	const lookup = secureLookup.call(this);
	if (!lookup) {
		// Known only once connected, the address may be inside n8n's network. Over https a service
		// there gets no more than a TLS greeting for a name it holds no certificate for; over plain
		// http it would get the whole request.
		return target.protocol === 'https:'
			? { kind: 'checkOnConnect', url: target.href }
			: { kind: 'unverifiable' };
	}
	// A name that does not resolve is refused like a private one: telling them apart would tell an
	// outsider which internal names exist.
	const addresses = await resolveAll(lookup, target.hostname);
	if (!addresses.length || addresses.some(({ address }) => nonPublicReason(address))) {
		return { kind: 'refused' };
	}
	const chosen = addresses.find(({ family }) => family === 4) ?? addresses[0];
	const pinned = new URL(target.href);
	pinned.hostname = chosen.family === 6 ? `[${chosen.address}]` : chosen.address;
	return { kind: 'pinned', url: pinned.href, host: target.host, servername: target.hostname };
}
