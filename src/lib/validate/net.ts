/**
 * Network value checks built on ipaddr.js (no hand-written IP regular expressions).
 * Each returns null when valid or a message that names the value and what is wrong.
 */
import ipaddr from 'ipaddr.js';

export type IpFamily = 'ipv4' | 'ipv6';

export interface ParsedRange {
	family: IpFamily;
	/** Canonical text, e.g. `10.0.0.0/8`, `2001:db8::/32`, `192.0.2.7`. */
	canonical: string;
	prefix: number;
	isSingleAddress: boolean;
}

/**
 * Which family a text parses as (null: neither). Memoized: ipaddr.js answers "not an address"
 * by throwing and catching an Error, which is slow, and every derivation re-checks the same
 * host names and ranges (the output-regeneration budget is 2 ms; see `npm run bench`).
 */
const familyCache = new Map<string, 'ipv4' | 'ipv6' | null>();
function addressFamily(s: string): 'ipv4' | 'ipv6' | null {
	let f = familyCache.get(s);
	if (f !== undefined) return f;
	f = ipaddr.IPv4.isValidFourPartDecimal(s) ? 'ipv4' : s.includes(':') && !s.includes('%') && ipaddr.IPv6.isValid(s) ? 'ipv6' : null;
	if (familyCache.size >= 2000) familyCache.clear();
	familyCache.set(s, f);
	return f;
}

function parseAddress(s: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
	const f = addressFamily(s);
	return f === 'ipv4' ? ipaddr.IPv4.parse(s) : f === 'ipv6' ? ipaddr.IPv6.parse(s) : null;
}

/** Parses an IPv4/IPv6 address or CIDR range. */
export function parseIpOrCidr(input: string): ParsedRange | string {
	const s = input.trim();
	if (s === '') return 'Enter an IP address or CIDR range.';
	if (/\s/.test(s)) return `"${s}" contains spaces: enter one address or range per line.`;
	const slash = s.indexOf('/');
	const addrText = slash === -1 ? s : s.slice(0, slash);
	const addr = parseAddress(addrText);
	if (!addr) {
		return slash === -1
			? `${s} is not a valid IPv4 or IPv6 address.`
			: `${s} is not a valid CIDR range: ${addrText} is not an IPv4 or IPv6 address.`;
	}
	const family: IpFamily = addr.kind() === 'ipv4' ? 'ipv4' : 'ipv6';
	const max = family === 'ipv4' ? 32 : 128;
	if (slash === -1) {
		return { family, canonical: addr.toString(), prefix: max, isSingleAddress: true };
	}
	const prefixText = s.slice(slash + 1);
	if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > max) {
		return `${s} is not a valid CIDR range: the prefix must be 0–${max}.`;
	}
	const prefix = Number(prefixText);
	const network =
		family === 'ipv4'
			? ipaddr.IPv4.networkAddressFromCIDR(`${addr.toString()}/${prefix}`)
			: ipaddr.IPv6.networkAddressFromCIDR(`${addr.toString()}/${prefix}`);
	if (network.toString() !== addr.toString()) {
		return `${s} has host bits set: the network is ${network.toString()}/${prefix}.`;
	}
	return { family, canonical: `${addr.toString()}/${prefix}`, prefix, isSingleAddress: prefix === max };
}

/**
 * A spelling-independent key for an address or range: the address bytes in hex, `/`, the
 * prefix (`0a000005/32` for `10.0.0.5`). The audit script's PHP computes the same key with
 * `inet_pton`, so `::1` and `0:0::1` compare equal there; null when `input` is not valid.
 */
export function rangeKey(input: string): string | null {
	const r = parseIpOrCidr(input);
	if (typeof r === 'string') return null;
	const addr = parseAddress(r.canonical.split('/')[0]!)!;
	return `${addr.toByteArray().map((b) => b.toString(16).padStart(2, '0')).join('')}/${r.prefix}`;
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
	if (parseAddress(host) === null && checkHostname(host)) return `${u.hostname} is not a valid host name.`;
	return null;
}
