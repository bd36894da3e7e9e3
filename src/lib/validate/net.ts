/**
 * Network value checks. IP addresses and CIDR ranges are read by the wizard's own strict parser
 * below (no regular expressions for addresses; ipaddr.js did this before and weighed ~4 KB gzip
 * on every step page). Each check returns null when valid or a message that names the value and
 * what is wrong.
 *
 * What is an address here:
 * - IPv4: exactly four decimal numbers 0–255 separated by dots, without leading zeros
 *   (`010.0.0.1` and `0x0a.0.0.1` are refused: some tools read them as octal or hex).
 * - IPv6 (RFC 4291 text form): eight groups of 1–4 hex digits (any case) separated by colons, or
 *   fewer with one `::` standing for at least one zero group; the last two groups may be written
 *   as an IPv4 address under the IPv4 rule above (`::ffff:192.0.2.1`, `64:ff9b::192.0.2.1`).
 *   Refused: zone ids (`fe80::1%eth0`), and `::` directly followed by an IPv4 address
 *   (`::192.0.2.1`, the deprecated "IPv4-compatible" form, which tools read differently:
 *   `inet_pton` as `::c000:201`, ipaddr.js as `::ffff:c000:201`).
 * Only ASCII digits and letters count: no whitespace, no other Unicode digits.
 *
 * The canonical text is RFC 5952's: IPv4 as four decimal numbers; IPv6 in lower case without
 * leading zeros, the longest run of two or more zero groups (the first of equal runs) written
 * `::`, the last 32 bits in hex (`::ffff:c000:201`).
 */

export type IpFamily = 'ipv4' | 'ipv6';

export interface ParsedRange {
	family: IpFamily;
	/** Canonical text, e.g. `10.0.0.0/8`, `2001:db8::/32`, `192.0.2.7`. */
	canonical: string;
	prefix: number;
	isSingleAddress: boolean;
}

/** An address: its family and its bytes in network order (4 for IPv4, 16 for IPv6). */
export interface IpAddress {
	family: IpFamily;
	bytes: number[];
}

/** The value of an ASCII hex digit, -1 for any other UTF-16 unit. */
function hexDigit(c: number): number {
	if (c >= 48 && c <= 57) return c - 48;
	if (c >= 97 && c <= 102) return c - 87;
	if (c >= 65 && c <= 70) return c - 55;
	return -1;
}

/** `s` as four bytes under the IPv4 rule (see above), or null. */
function ipv4Bytes(s: string): number[] | null {
	const parts = s.split('.');
	if (parts.length !== 4) return null;
	const bytes: number[] = [];
	for (const p of parts) {
		if (p.length === 0 || p.length > 3 || (p.length > 1 && p.charCodeAt(0) === 48)) return null;
		let n = 0;
		for (let i = 0; i < p.length; i++) {
			const c = p.charCodeAt(i);
			if (c < 48 || c > 57) return null;
			n = n * 10 + (c - 48);
		}
		if (n > 255) return null;
		bytes.push(n);
	}
	return bytes;
}

/**
 * The 16-bit groups of one side of a `::` (or of a whole uncompressed address); `last`: this side
 * ends the address, so its last piece may be an IPv4 address (two groups). Null when invalid.
 */
function ipv6Groups(side: string, last: boolean): number[] | null {
	if (side === '') return [];
	const pieces = side.split(':');
	const groups: number[] = [];
	for (let i = 0; i < pieces.length; i++) {
		const p = pieces[i]!;
		if (last && i === pieces.length - 1 && p.includes('.')) {
			const v4 = ipv4Bytes(p);
			if (!v4) return null;
			groups.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
			continue;
		}
		if (p.length === 0 || p.length > 4) return null;
		let n = 0;
		for (let j = 0; j < p.length; j++) {
			const d = hexDigit(p.charCodeAt(j));
			if (d < 0) return null;
			n = n * 16 + d;
		}
		groups.push(n);
	}
	return groups;
}

/** `s` as sixteen bytes under the IPv6 rule (see above), or null. */
function ipv6Bytes(s: string): number[] | null {
	const gap = s.indexOf('::');
	let groups: number[] | null;
	if (gap === -1) {
		groups = ipv6Groups(s, true);
		if (!groups || groups.length !== 8) return null;
	} else {
		// a second `::` (also `:::`, which holds two overlapping ones) is refused
		if (s.indexOf('::', gap + 1) !== -1) return null;
		const head = ipv6Groups(s.slice(0, gap), false);
		const tailText = s.slice(gap + 2);
		const tail = ipv6Groups(tailText, true);
		if (!head || !tail || head.length + tail.length > 7) return null;
		if (gap === 0 && tailText.includes('.') && !tailText.includes(':')) return null; // ::a.b.c.d
		groups = [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
	}
	return groups.flatMap((g) => [g >> 8, g & 0xff]);
}

/** Parses an IPv4 or IPv6 address (no prefix, no zone id, no brackets); null when it is not one. */
export function parseIp(s: string): IpAddress | null {
	if (s.includes(':')) {
		const bytes = ipv6Bytes(s);
		return bytes && { family: 'ipv6', bytes };
	}
	const bytes = ipv4Bytes(s);
	return bytes && { family: 'ipv4', bytes };
}

/** The canonical text of an address (see above). */
export function formatIp(a: IpAddress): string {
	if (a.family === 'ipv4') return a.bytes.join('.');
	const groups: number[] = [];
	for (let i = 0; i < 16; i += 2) groups.push((a.bytes[i]! << 8) | a.bytes[i + 1]!);
	// the longest run of at least two zero groups, the first of equal ones
	let best = -1;
	let bestLength = 1;
	for (let i = 0; i < 8; ) {
		if (groups[i] !== 0) {
			i++;
			continue;
		}
		let j = i;
		while (j < 8 && groups[j] === 0) j++;
		if (j - i > bestLength) {
			best = i;
			bestLength = j - i;
		}
		i = j;
	}
	const hex = (from: number, to: number) => groups.slice(from, to).map((g) => g.toString(16)).join(':');
	return best === -1 ? hex(0, 8) : `${hex(0, best)}::${hex(best + bestLength, 8)}`;
}

/** The address with every bit after the first `prefix` bits cleared. */
function network(a: IpAddress, prefix: number): IpAddress {
	return {
		family: a.family,
		bytes: a.bytes.map((b, i) => {
			const keep = Math.min(8, Math.max(0, prefix - i * 8));
			return b & ((0xff00 >> keep) & 0xff);
		})
	};
}

/** Whether `a` lies in the range `net`/`prefix` (false across families). */
export function inRange(a: IpAddress, net: IpAddress, prefix: number): boolean {
	if (a.family !== net.family) return false;
	const x = network(a, prefix).bytes;
	const y = network(net, prefix).bytes;
	return x.every((b, i) => b === y[i]);
}

export type InternalKind = 'private' | 'loopback' | 'linkLocal' | 'uniqueLocal';

const INTERNAL: [InternalKind, string, number][] = [
	['private', '10.0.0.0', 8], // RFC 1918
	['private', '172.16.0.0', 12],
	['private', '192.168.0.0', 16],
	['loopback', '127.0.0.0', 8],
	['linkLocal', '169.254.0.0', 16], // RFC 3927
	['loopback', '::1', 128],
	['linkLocal', 'fe80::', 10], // RFC 4291
	['uniqueLocal', 'fc00::', 7] // RFC 4193
];

/**
 * Which internal network an address is in: RFC 1918 private, loopback, link-local or IPv6 unique
 * local; null for any other address (an IPv4-mapped IPv6 address such as `::ffff:10.0.0.1`
 * included) and for a text that is not an address.
 */
export function internalKind(address: string): InternalKind | null {
	const a = parseIp(address);
	if (!a) return null;
	for (const [kind, net, prefix] of INTERNAL) if (inRange(a, parseIp(net)!, prefix)) return kind;
	return null;
}

/** Parses an IPv4/IPv6 address or CIDR range. */
export function parseIpOrCidr(input: string): ParsedRange | string {
	const s = input.trim();
	if (s === '') return 'Enter an IP address or CIDR range.';
	if (/\s/.test(s)) return `"${s}" contains spaces: enter one address or range per line.`;
	const slash = s.indexOf('/');
	const addrText = slash === -1 ? s : s.slice(0, slash);
	const addr = parseIp(addrText);
	if (!addr) {
		return slash === -1
			? `${s} is not a valid IPv4 or IPv6 address.`
			: `${s} is not a valid CIDR range: ${addrText} is not an IPv4 or IPv6 address.`;
	}
	const family = addr.family;
	const max = family === 'ipv4' ? 32 : 128;
	const text = formatIp(addr);
	if (slash === -1) {
		return { family, canonical: text, prefix: max, isSingleAddress: true };
	}
	const prefixText = s.slice(slash + 1);
	if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > max) {
		return `${s} is not a valid CIDR range: the prefix must be 0–${max}.`;
	}
	const prefix = Number(prefixText);
	const net = formatIp(network(addr, prefix));
	if (net !== text) {
		return `${s} has host bits set: the network is ${net}/${prefix}.`;
	}
	return { family, canonical: `${text}/${prefix}`, prefix, isSingleAddress: prefix === max };
}

/**
 * A spelling-independent key for an address or range: the address bytes in hex, `/`, the
 * prefix (`0a000005/32` for `10.0.0.5`). The audit script's PHP computes the same key with
 * `inet_pton`, so `::1` and `0:0::1` compare equal there; null when `input` is not valid.
 */
export function rangeKey(input: string): string | null {
	const r = parseIpOrCidr(input);
	if (typeof r === 'string') return null;
	const addr = parseIp(r.canonical.split('/')[0]!)!;
	return `${addr.bytes.map((b) => b.toString(16).padStart(2, '0')).join('')}/${r.prefix}`;
}

export function checkIpOrCidr(input: string): string | null {
	const r = parseIpOrCidr(input);
	return typeof r === 'string' ? r : null;
}

/** Checks a DNS host name (RFC 1123 labels); no wildcard, no IP. */
export function checkHostname(input: string): string | null {
	const s = input.trim().replace(/\.$/, '');
	if (s.length === 0) return 'Enter a host name.';
	if (s.length > 253) return `${s.slice(0, 40)}… is longer than 253 characters.`;
	const labels = s.split('.');
	for (const l of labels) {
		if (!/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i.test(l)) {
			return `${s} is not a valid host name: "${l}" must be 1–63 letters, digits or hyphens, not starting or ending with a hyphen.`;
		}
	}
	return null;
}

/** A domain suffix such as `example.com` or `.corp.example.com`. */
export function checkDomainSuffix(input: string): string | null {
	const s = input.trim().replace(/^\*?\./, '');
	const m = checkHostname(s);
	return m ? m.replace('host name', 'domain suffix') : null;
}

/** An absolute http(s) URL of a helpdesk. */
/**
 * The helpdesk URL as every generated check requests it: scheme, host (lower-case, IDN as
 * punycode), port and path as the URL parser writes them (percent-encoded), no trailing slash.
 * Only for a URL `checkHelpdeskUrl` accepted.
 */
export function helpdeskBaseUrl(helpdeskUrl: string): string {
	const u = new URL(helpdeskUrl.trim());
	return `${u.protocol}//${u.host}${u.pathname.replace(/\/+$/, '')}`;
}

export function checkHelpdeskUrl(input: string): string | null {
	const s = input.trim();
	// the URL parser would quietly percent-encode these; in a helpdesk address they are a typo
	if (/[\u0000-\u0020\u007f-\u009f]/.test(s)) return 'The helpdesk URL must not contain spaces or control characters.';
	let u: URL;
	try {
		u = new URL(s);
	} catch {
		return `${s} is not a URL: enter it like https://support.example.com/`;
	}
	if (u.protocol !== 'https:' && u.protocol !== 'http:') return 'The helpdesk URL must start with https://';
	if (u.username || u.password) return 'The URL must not contain a user name or password.';
	if (u.search || u.hash) return 'Enter the helpdesk address without ?query or #fragment.';
	const host = u.hostname.replace(/^\[|\]$/g, '');
	if (parseIp(host) === null && checkHostname(host)) return `${u.hostname} is not a valid host name.`;
	return null;
}
