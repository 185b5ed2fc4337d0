/**
 * Which IP addresses count as "the public internet": a link chosen by a webhook's sender must not
 * reach what only n8n's own network can. Addresses arrive normalised (the URL parser turns
 * `2130706433` into `127.0.0.1`) or from a DNS answer.
 */

interface Ipv4Range {
	first: number;
	prefix: number;
	why: string;
}

function ipv4Range(cidr: string, why: string): Ipv4Range {
	const [address, prefix] = cidr.split('/');
	return { first: parseIpv4(address) as number, prefix: Number(prefix), why };
}

/** IANA's special-purpose IPv4 ranges that are not globally reachable, plus multicast and reserved. */
const IPV4_NOT_PUBLIC: readonly Ipv4Range[] = [
	ipv4Range('0.0.0.0/8', 'an unspecified address'),
	ipv4Range('10.0.0.0/8', 'a private address'),
	ipv4Range('100.64.0.0/10', 'a carrier-grade NAT address'),
	ipv4Range('127.0.0.0/8', 'a loopback address'),
	ipv4Range('169.254.0.0/16', 'a link-local address'),
	ipv4Range('172.16.0.0/12', 'a private address'),
	ipv4Range('192.0.0.0/24', 'a reserved address'),
	ipv4Range('192.0.2.0/24', 'a documentation address'),
	ipv4Range('192.88.99.0/24', 'a reserved address'),
	ipv4Range('192.168.0.0/16', 'a private address'),
	ipv4Range('198.18.0.0/15', 'a reserved address'),
	ipv4Range('198.51.100.0/24', 'a documentation address'),
	ipv4Range('203.0.113.0/24', 'a documentation address'),
	ipv4Range('224.0.0.0/4', 'a multicast address'),
	ipv4Range('240.0.0.0/4', 'a reserved or broadcast address'),
];

/** Dotted decimal only: the URL parser has already rewritten every other spelling. */
function parseIpv4(text: string): number | undefined {
	const parts = text.split('.');
	if (parts.length !== 4) return undefined;
	let value = 0;
	for (const part of parts) {
		if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return undefined;
		value = value * 256 + Number(part);
	}
	return value;
}

function inIpv4Range(address: number, { first, prefix }: Ipv4Range): boolean {
	const size = 2 ** (32 - prefix);
	return address >= first && address < first + size;
}

function ipv4Reason(address: number): string | undefined {
	return IPV4_NOT_PUBLIC.find((range) => inIpv4Range(address, range))?.why;
}

/** Eight 16-bit groups, or undefined when the text is not an IPv6 address (zone IDs included). */
export function parseIpv6(text: string): number[] | undefined {
	const lastColon = text.lastIndexOf(':');
	if (lastColon === -1 || text.includes('%')) return undefined;
	let body = text;
	const tail: number[] = [];
	const last = text.slice(lastColon + 1);
	if (last.includes('.')) {
		// The last 32 bits written as an IPv4 address, as in `::ffff:127.0.0.1`.
		const v4 = parseIpv4(last);
		if (v4 === undefined) return undefined;
		tail.push(Math.floor(v4 / 65536), v4 % 65536);
		body = text.slice(0, lastColon + 1);
		if (!body.endsWith('::')) body = body.slice(0, -1);
	}
	const halves = body.split('::');
	if (halves.length > 2) return undefined;
	const groupsOf = (half: string) => (half === '' ? [] : half.split(':'));
	const left = groupsOf(halves[0]);
	const right = halves.length === 2 ? groupsOf(halves[1]) : [];
	const written = left.length + right.length + tail.length;
	if (halves.length === 1 ? written !== 8 : written > 7) return undefined;
	const zeros = halves.length === 2 ? Array<string>(8 - written).fill('0') : [];
	const groups = [...left, ...zeros, ...right];
	if (!groups.every((group) => /^[0-9a-f]{1,4}$/i.test(group))) return undefined;
	return [...groups.map((group) => parseInt(group, 16)), ...tail];
}

function embeddedIpv4(groups: number[], from: number): number {
	return groups[from] * 65536 + groups[from + 1];
}

function startsWith(groups: number[], prefix: number[]): boolean {
	return prefix.every((group, index) => groups[index] === group);
}

function ipv6Reason(groups: number[]): string | undefined {
	const [first, second] = groups;
	if (groups.every((group) => group === 0)) return 'an unspecified address';
	if (startsWith(groups, [0, 0, 0, 0, 0, 0, 0]) && groups[7] === 1) return 'a loopback address';
	// Forms that carry an IPv4 address are judged by that address.
	if (startsWith(groups, [0, 0, 0, 0, 0, 0xffff])) return ipv4Reason(embeddedIpv4(groups, 6));
	if (startsWith(groups, [0x64, 0xff9b, 0, 0, 0, 0])) return ipv4Reason(embeddedIpv4(groups, 6));
	if (first === 0x2002) return ipv4Reason(embeddedIpv4(groups, 1));
	if (first >= 0xfc00 && first <= 0xfdff) return 'a unique-local address';
	if (first >= 0xfe80 && first <= 0xfebf) return 'a link-local address';
	if (first >= 0xfec0 && first <= 0xfeff) return 'a site-local address';
	if (first >= 0xff00) return 'a multicast address';
	// Only 2000::/3 is global unicast; inside it, IETF's special-purpose and documentation blocks.
	if (first < 0x2000 || first > 0x3fff) return 'a reserved address';
	if (first === 0x2001 && second < 0x0200) return 'a reserved address';
	if (first === 0x2001 && second === 0x0db8) return 'a documentation address';
	if (first === 0x3fff && second < 0x1000) return 'a documentation address';
	return undefined;
}

/**
 * Why `address` is not a public unicast address, or undefined when it is one. Anything that does not
 * parse as an IP address is refused too: the caller only asks about what it is about to connect to.
 */
export function nonPublicReason(address: string): string | undefined {
	const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
	const v4 = parseIpv4(bare);
	if (v4 !== undefined) return ipv4Reason(v4);
	const v6 = parseIpv6(bare);
	if (v6 !== undefined) return ipv6Reason(v6);
	return 'not an IP address';
}

export function isIpLiteral(host: string): boolean {
	const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
	return parseIpv4(bare) !== undefined || parseIpv6(bare) !== undefined;
}
