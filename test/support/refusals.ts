/** What the Suvvy Trigger says of a link it does not fetch for where it leads (download/route.ts). */
export const REFUSED =
	"Not downloaded: refused by the trigger's network policy, the link does not lead to a public internet address";

/** n8n without the egress filter cannot check a name before connecting: plain http by name is never fetched. */
export const UNVERIFIABLE =
	'Not downloaded: this n8n cannot check where a plain http link by host name leads before connecting; only https links are downloaded by name here';

/** What a refused link says: the same whatever is behind it; only the engine and the scheme matter. */
export function refusal(url: string, offersEgressFilter: boolean): string {
	const { protocol, hostname } = new URL(url);
	const byName = !/^[\d.]+$|^\[/.test(hostname);
	return byName && protocol === 'http:' && !offersEgressFilter ? UNVERIFIABLE : REFUSED;
}
