import { isIpLiteral, nonPublicReason, parseIpv6 } from '../../nodes/Suvvy/network/publicAddress';

/** What the URL parser makes of a link's host: every spelling of an address ends up in one form. */
const hostOf = (link: string) => new URL(link).hostname;

describe('which addresses count as the public internet', () => {
	test.each([
		['127.0.0.1', 'a loopback address'],
		['127.255.255.254', 'a loopback address'],
		['10.1.2.3', 'a private address'],
		['172.16.0.1', 'a private address'],
		['172.31.255.255', 'a private address'],
		['192.168.1.1', 'a private address'],
		['100.64.0.1', 'a carrier-grade NAT address'],
		['100.127.255.255', 'a carrier-grade NAT address'],
		['169.254.169.254', 'a link-local address'],
		['0.0.0.0', 'an unspecified address'],
		['0.1.2.3', 'an unspecified address'],
		['192.0.0.8', 'a reserved address'],
		['192.0.2.10', 'a documentation address'],
		['198.18.0.1', 'a reserved address'],
		['198.51.100.7', 'a documentation address'],
		['203.0.113.9', 'a documentation address'],
		['224.0.0.1', 'a multicast address'],
		['239.255.255.250', 'a multicast address'],
		['240.0.0.1', 'a reserved or broadcast address'],
		['255.255.255.255', 'a reserved or broadcast address'],
		['::1', 'a loopback address'],
		['::', 'an unspecified address'],
		['::ffff:127.0.0.1', 'a loopback address'],
		['::ffff:7f00:1', 'a loopback address'],
		['::ffff:10.0.0.1', 'a private address'],
		['::ffff:169.254.169.254', 'a link-local address'],
		['64:ff9b::7f00:1', 'a loopback address'],
		['2002:7f00:1::', 'a loopback address'],
		['2002:a9fe:a9fe::1', 'a link-local address'],
		['fc00::1', 'a unique-local address'],
		['fd12:3456:789a::1', 'a unique-local address'],
		['fe80::1', 'a link-local address'],
		['febf::1', 'a link-local address'],
		['fec0::1', 'a site-local address'],
		['ff02::1', 'a multicast address'],
		['::127.0.0.1', 'a reserved address'],
		['100::1', 'a reserved address'],
		['2001::1', 'a reserved address'],
		['2001:db8::1', 'a documentation address'],
		['3fff::1', 'a documentation address'],
		['4000::1', 'a reserved address'],
		['fe80::1%eth0', 'not an IP address'],
		['example.com', 'not an IP address'],
		['', 'not an IP address'],
	])('%s is %s', (address, reason) => {
		expect(nonPublicReason(address)).toBe(reason);
	});

	test.each([
		'8.8.8.8',
		'1.1.1.1',
		'100.63.255.255',
		'100.128.0.0',
		'172.15.255.255',
		'172.32.0.0',
		'192.169.0.1',
		'223.255.255.255',
		'2606:4700:4700::1111',
		'2a00:1450:4001:82b::200e',
		'::ffff:8.8.8.8',
		'2002:808:808::1',
		'[2606:4700:4700::1111]',
	])('%s is public', (address) => {
		expect(nonPublicReason(address)).toBeUndefined();
	});

	test.each([
		['http://2130706433/', 'a loopback address'],
		['http://0x7f.1/', 'a loopback address'],
		['http://0x7f000001/', 'a loopback address'],
		['http://0177.0.0.1/', 'a loopback address'],
		['http://127.1/', 'a loopback address'],
		['http://127.0.0.1./', 'a loopback address'],
		['HTTP://127.0.0.1/', 'a loopback address'],
		['http://[::ffff:127.0.0.1]/', 'a loopback address'],
		['http://[0:0:0:0:0:ffff:7f00:1]/', 'a loopback address'],
		['http://[::1]/', 'a loopback address'],
		['http://0/', 'an unspecified address'],
		['http://0xa9.0xfe.0xa9.0xfe/', 'a link-local address'],
		['http://[FD00::1]/', 'a unique-local address'],
	])('every spelling ends up judged by its address: %s is %s', (link, reason) => {
		expect(isIpLiteral(hostOf(link))).toBe(true);
		expect(nonPublicReason(hostOf(link))).toBe(reason);
	});

	test('host names are not IP literals, even when they look numeric-ish', () => {
		for (const host of ['files.suvvy.ai', 'localhost', '127.0.0.1.nip.io', '0x7f.example']) {
			expect(isIpLiteral(hostOf(`http://${host}/`))).toBe(false);
		}
	});

	test.each([
		['::', [0, 0, 0, 0, 0, 0, 0, 0]],
		['1::', [1, 0, 0, 0, 0, 0, 0, 0]],
		['1:2:3:4:5:6:7:8', [1, 2, 3, 4, 5, 6, 7, 8]],
		['1:2:3:4:5:6:1.2.3.4', [1, 2, 3, 4, 5, 6, 0x102, 0x304]],
		['::ffff:1.2.3.4', [0, 0, 0, 0, 0, 0xffff, 0x102, 0x304]],
	])('reads the IPv6 address %s', (text, groups) => {
		expect(parseIpv6(text)).toEqual(groups);
	});

	test.each([
		'1:2:3:4:5:6:7',
		'1:2:3:4:5:6:7:8:9',
		'1::2::3',
		':::',
		'1:2:3:4:5:6:7:1.2.3.4',
		'12345::',
	])('refuses the malformed IPv6 address %s', (text) => {
		expect(parseIpv6(text)).toBeUndefined();
	});
});
