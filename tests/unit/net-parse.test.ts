/**
 * The wizard's own IP/CIDR parser ($lib/validate/net) against ipaddr.js (2.5.0), which it replaced
 * (issue 16: ipaddr.js weighed ~4 KB gzip on every step page; it stays a devDependency for this
 * test only). The reference below is net.ts as it was with ipaddr.js, so "the same" means the
 * same decision, the same message, the same canonical text and key as the app gave before.
 *
 * Two rules are intentionally stricter than ipaddr.js (see `STRICTER` and the explicit tests):
 * 1. An IPv4 address at the end of an IPv6 address follows the plain IPv4 rule (decimal, no
 *    leading zeros): ipaddr.js reads `::ffff:010.0.0.1` as 10.0.0.1 and `::ffff:0x0a.0.0.1` as
 *    hex, where a plain `010.0.0.1` was already refused as octal-looking.
 * 2. `::a.b.c.d` (the deprecated IPv4-compatible form) is refused: ipaddr.js reads `::1.2.3.4`
 *    as `::ffff:102:304`, `inet_pton` (the audit script's PHP) and RFC 4291 as `::102:304`.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { formatIp, inRange, internalKind, parseIp, parseIpOrCidr, rangeKey, type IpAddress, type ParsedRange } from '$lib/validate/net';
import { practiceById } from '$lib/practices';
import { checkFields, defaults, type Fields } from '$lib/plan/fields';
import type { PracticeContext } from '$lib/practices/types';

// ---------------------------------------------------------------------------------------------
// The reference: net.ts's address functions as they were, on ipaddr.js.

function refParseAddress(s: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
	if (ipaddr.IPv4.isValidFourPartDecimal(s)) return ipaddr.IPv4.parse(s);
	if (s.includes(':') && !s.includes('%') && ipaddr.IPv6.isValid(s)) return ipaddr.IPv6.parse(s);
	return null;
}

function refParseIpOrCidr(input: string): ParsedRange | string {
	const s = input.trim();
	if (s === '') return 'Enter an IP address or CIDR range.';
	if (/\s/.test(s)) return `"${s}" contains spaces: enter one address or range per line.`;
	const slash = s.indexOf('/');
	const addrText = slash === -1 ? s : s.slice(0, slash);
	const addr = refParseAddress(addrText);
	if (!addr) {
		return slash === -1
			? `${s} is not a valid IPv4 or IPv6 address.`
			: `${s} is not a valid CIDR range: ${addrText} is not an IPv4 or IPv6 address.`;
	}
	const family = addr.kind() === 'ipv4' ? 'ipv4' : 'ipv6';
	const max = family === 'ipv4' ? 32 : 128;
	if (slash === -1) return { family, canonical: addr.toString(), prefix: max, isSingleAddress: true };
	const prefixText = s.slice(slash + 1);
	if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > max) {
		return `${s} is not a valid CIDR range: the prefix must be 0–${max}.`;
	}
	const prefix = Number(prefixText);
	const network =
		family === 'ipv4'
			? ipaddr.IPv4.networkAddressFromCIDR(`${addr.toString()}/${prefix}`)
			: ipaddr.IPv6.networkAddressFromCIDR(`${addr.toString()}/${prefix}`);
	if (network.toString() !== addr.toString()) return `${s} has host bits set: the network is ${network.toString()}/${prefix}.`;
	return { family, canonical: `${addr.toString()}/${prefix}`, prefix, isSingleAddress: prefix === max };
}

function refRangeKey(input: string): string | null {
	const r = refParseIpOrCidr(input);
	if (typeof r === 'string') return null;
	const addr = refParseAddress(r.canonical.split('/')[0]!)!;
	return `${addr.toByteArray().map((b) => b.toString(16).padStart(2, '0')).join('')}/${r.prefix}`;
}

/** What ip-whitelisting.ts asked ipaddr.js: the range() name, when it is one of these four. */
function refInternalKind(address: string): string | null {
	const kind = ipaddr.parse(address).range();
	return ['private', 'uniqueLocal', 'loopback', 'linkLocal'].includes(kind) ? kind : null;
}

/**
 * Which stricter rule (see the file comment) an address text falls under, judged from its
 * spelling alone: null when our parser must agree with ipaddr.js exactly.
 */
function STRICTER(address: string): 'ipv4-compatible' | 'embedded IPv4 not plain decimal' | null {
	if (!address.includes(':')) return null;
	const tail = address.slice(address.lastIndexOf(':') + 1);
	if (!tail.includes('.')) return null;
	if (/^::[^:]*$/.test(address)) return 'ipv4-compatible';
	if (!tail.split('.').every((p) => /^(0|[1-9][0-9]*)$/.test(p))) return 'embedded IPv4 not plain decimal';
	return null;
}

/** `2001:0db8:0000:…`: every group four digits (ipaddr.js's toFixedLengthString, not in its types). */
const fixedLength = (a: ipaddr.IPv6): string => a.toNormalizedString().split(':').map((g) => g.padStart(4, '0')).join(':');

const addressRefused = (s: string): string => {
	const t = s.trim();
	const slash = t.indexOf('/');
	return slash === -1
		? `${t} is not a valid IPv4 or IPv6 address.`
		: `${t} is not a valid CIDR range: ${t.slice(0, slash)} is not an IPv4 or IPv6 address.`;
};

let agreed = 0;
let accepted = 0;
let stricterThanIpaddr = 0;

/** Our answer for `s` against the reference's: decision, message, canonical text, key, kind. */
function compare(s: string): void {
	const ours = parseIpOrCidr(s);
	const theirs = refParseIpOrCidr(s);
	const t = s.trim();
	const rule = /\s/.test(t) ? null : STRICTER(t.split('/')[0]!);
	if (rule) {
		if (refParseAddress(t.split('/')[0]!)) stricterThanIpaddr++;
		expect(ours, `${JSON.stringify(s)} (${rule})`).toBe(addressRefused(s));
		return;
	}
	expect(ours, JSON.stringify(s)).toEqual(theirs);
	expect(rangeKey(s), JSON.stringify(s)).toBe(refRangeKey(s));
	agreed++;
	if (typeof ours !== 'string') {
		accepted++;
		const address = ours.canonical.split('/')[0]!;
		expect(internalKind(address), address).toBe(refInternalKind(address));
	}
	// the bare address function, on the raw text (checkHelpdeskUrl calls it on a URL's host)
	const a = parseIp(s);
	const r = refParseAddress(s);
	expect(a && formatIp(a), JSON.stringify(s)).toBe(r && r.toString());
}

// ---------------------------------------------------------------------------------------------
// Inputs.

const UNICODE_DIGITS = ['١', '٠', '１', '０', '۱', '१', '𝟏', '𝟎', '²', '①'];
const UNICODE_HEX = ['ｆ', 'Ａ', 'е', 'а', 'ƒ', 'ℯ'];

const v4Part = fc.oneof(
	{ weight: 30, arbitrary: fc.integer({ min: 0, max: 255 }).map(String) },
	{ weight: 2, arbitrary: fc.integer({ min: 0, max: 1000 }).map(String) },
	{ weight: 2, arbitrary: fc.integer({ min: 0, max: 255 }).map((n) => `0${n}`) },
	{ weight: 1, arbitrary: fc.integer({ min: 0, max: 300 }).map((n) => `0x${n.toString(16)}`) },
	{ weight: 1, arbitrary: fc.integer({ min: 0, max: 300 }).map((n) => `0X${n.toString(16).toUpperCase()}`) },
	{
		weight: 2,
		arbitrary: fc.constantFrom('', '0', '00', '000', '010', '08', '09', '0x', '0xg', '1e2', '+1', '-1', ' 1', '1 ', '4294967295', '99999999999999999999', '0008', '2147483648', ...UNICODE_DIGITS)
	}
);
const v4Text = fc.oneof(
	{ weight: 6, arbitrary: fc.tuple(v4Part, v4Part, v4Part, v4Part).map((p) => p.join('.')) },
	{ weight: 1, arbitrary: fc.array(v4Part, { minLength: 1, maxLength: 6 }).map((p) => p.join('.')) }
);

const group = fc.oneof(
	{ weight: 5, arbitrary: fc.constant(0) },
	{ weight: 4, arbitrary: fc.integer({ min: 0, max: 0xffff }) },
	{ weight: 1, arbitrary: fc.constantFrom(1, 0xffff, 0xfe80, 0xfc00, 0xfd12, 0x2001, 0xdb8, 0x64, 0xff9b) }
);
/** A group spelled in any case, sometimes with leading zeros (up to 3: so sometimes 5+ digits, invalid). */
const groupText = fc.oneof(
	{
		weight: 12,
		arbitrary: fc.tuple(group, fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 3 }) }), fc.boolean()).map(([g, zeros, upper]) => {
			const t = '0'.repeat(zeros) + g.toString(16);
			return upper ? t.toUpperCase() : t;
		})
	},
	{ weight: 1, arbitrary: fc.constantFrom('', 'g', 'G', '@', '`', '/', 'x', '0x1', '-1', ' 1', 'ffffG', 'fffg', ...UNICODE_DIGITS, ...UNICODE_HEX) }
);
/** Eight groups (the last two maybe an IPv4 address), a run of them maybe written `::`. */
const v6WellFormed = fc
	.record({ groups: fc.array(groupText, { minLength: 8, maxLength: 8 }), v4: fc.option(v4Text), gapAt: fc.nat(8), gapLength: fc.nat(8) })
	.map(({ groups, v4, gapAt, gapLength }) => {
		const slots = v4 === null ? groups : [...groups.slice(0, 6), v4];
		const at = gapAt % slots.length;
		const length = Math.min(gapLength, slots.length - at);
		if (length === 0) return slots.join(':');
		return `${slots.slice(0, at).join(':')}::${slots.slice(at + length).join(':')}`;
	});
/** Any number of colon-separated groups, maybe one (or two) `::`, maybe an IPv4 tail, maybe a zone id. */
const v6Loose = fc
	.record({
		groups: fc.array(groupText, { maxLength: 10 }),
		gap: fc.option(fc.nat(10), { freq: 2 }),
		secondGap: fc.option(fc.nat(10), { freq: 20 }),
		v4: fc.option(v4Text, { freq: 3 }),
		zone: fc.option(fc.constantFrom('%eth0', '%1', '%', '%25en0'), { freq: 20 })
	})
	.map(({ groups, gap, secondGap, v4, zone }) => {
		const parts: string[] = [...groups];
		if (v4 !== null) parts.push(v4);
		// seps[i] goes before parts[i], seps[parts.length] at the end; a gap turns one into `::`
		const seps = [...parts.map((_, i) => (i === 0 ? '' : ':')), ''];
		for (const g of [gap, secondGap]) if (g !== null) seps[g % (parts.length + 1)] = '::';
		const text = parts.map((p, i) => seps[i] + p).join('') + seps[parts.length];
		return text + (zone ?? '');
	});

const prefixText = fc.oneof(
	{ weight: 8, arbitrary: fc.integer({ min: 0, max: 130 }).map(String) },
	{ weight: 1, arbitrary: fc.constantFrom('', '-1', '08', '033', '0128', '1000', ' 8', '8 ', '٨', '+8', '8.0', '1e1', '/8') }
);

/** A real network: random bytes with the bits after the prefix cleared, spelled by ipaddr.js. */
const network = fc
	.record({ v6: fc.boolean(), bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 16, maxLength: 16 }), prefix: fc.nat(128), spelling: fc.nat(2) })
	.map(({ v6, bytes, prefix, spelling }) => {
		const b = v6 ? bytes : bytes.slice(0, 4);
		const p = prefix % (v6 ? 129 : 33);
		const net = ipaddr.fromByteArray(b.map((x, i) => x & ((0xff00 >> Math.min(8, Math.max(0, p - i * 8))) & 0xff)));
		const text = net.kind() === 'ipv4' ? net.toString() : [net.toString(), (net as ipaddr.IPv6).toNormalizedString(), fixedLength(net as ipaddr.IPv6)][spelling]!;
		return `${text}/${p}`;
	});

const v6Text = fc.oneof({ weight: 3, arbitrary: v6WellFormed }, { weight: 1, arbitrary: v6Loose });
const address = fc.oneof(v4Text, v6Text);
const input = fc.oneof(
	{ weight: 4, arbitrary: address },
	{ weight: 3, arbitrary: fc.tuple(address, prefixText).map(([a, p]) => `${a}/${p}`) },
	{ weight: 2, arbitrary: network },
	{
		weight: 2,
		arbitrary: fc.string({
			unit: fc.constantFrom(...'0123456789abcdefABCDEFgGxX:.%/@`'.split(''), ' ', '\t', '\u00a0', '\u2003', ...UNICODE_DIGITS, ...UNICODE_HEX),
			maxLength: 45
		})
	}
);

/** Small edits of an input: a character inserted, removed or replaced, or a piece doubled. */
const edited = fc
	.tuple(input, fc.nat(), fc.nat(), fc.constantFrom(...'0123456789afAFgG@`:./% x'.split(''), '١', '\u0000'), fc.nat(3))
	.map(([s, i, j, c, op]) => {
		const at = s.length ? i % (s.length + 1) : 0;
		const to = Math.min(s.length, at + (j % 6));
		return op === 0 ? s.slice(0, at) + c + s.slice(at) : op === 1 ? s.slice(0, at) + s.slice(at + 1) : op === 2 ? s.slice(0, at) + c + s.slice(at + 1) : s.slice(0, to) + s.slice(at, to) + s.slice(to);
	});

const bytesOf = (v6: boolean) => fc.array(fc.integer({ min: 0, max: 255 }), { minLength: v6 ? 16 : 4, maxLength: v6 ? 16 : 4 });

// ---------------------------------------------------------------------------------------------

describe('our IP/CIDR parser against ipaddr.js (differential)', () => {
	it('random and adversarial inputs: same decision, message, canonical text, key and range kind', () => {
		fc.assert(fc.property(input, (s) => compare(s)), { numRuns: 30_000 });
		fc.assert(fc.property(edited, (s) => compare(s)), { numRuns: 20_000 });
		// The inputs reached every outcome: many agreed, many were accepted, both rules were hit.
		expect(accepted).toBeGreaterThan(5_000);
		expect(agreed - accepted).toBeGreaterThan(5_000);
		expect(stricterThanIpaddr, 'addresses ipaddr.js accepts and our rules refuse').toBeGreaterThan(100);
	});

	it('hand-picked spellings: dotted, leading zeros, octal- and hex-looking, ::, zones, mapped, prefixes, whitespace, Unicode', () => {
		const cases = [
			// IPv4
			'0.0.0.0', '255.255.255.255', '256.0.0.0', '1.2.3', '1.2.3.4.5', '1..2.3', '.1.2.3', '1.2.3.4.', '01.2.3.4', '1.2.3.04',
			'0.0.0.00', '010.0.0.1', '08.0.0.1', '0x7f.0.0.1', '0X7F.0.0.1', '127.1', '2130706433', '0x7f000001', '017700000001',
			'1e2.0.0.1', '+1.2.3.4', '-1.2.3.4', '1.2.3.4 ', ' 1.2.3.4', '1.2.3.4\n', '1 .2.3.4', '1.2.3.4\u00a0',
			'１.２.３.４', '١٢٧.0.0.1', '𝟏.2.3.4', '1.2.3.4%eth0', '[1.2.3.4]', '1.2.3.4:80',
			// IPv6
			'::', ':::', '::::', ':', '::0', '0::', '::1', '1::', '1::2', '1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7',
			'1:2:3:4:5:6:7::', '::2:3:4:5:6:7:8', '1:2:3:4:5:6:7:8::', '::1:2:3:4:5:6:7:8', '1::2::3', '1:::2', ':1:2:3:4:5:6:7:8',
			'1:2:3:4:5:6:7:8:', '1::2:', ':1::2', '::1:', '12345::1', '01234::1', '0000:0000:0000:0000:0000:0000:0000:0001', '0:0:0:0:0:0:0:0',
			'2001:DB8::1', '2001:0db8:0000:0000:0000:ff00:0042:8329', '2001:db8:0:0:1:0:0:1', '2001:0:0:1:0:0:0:1', '1:0:0:2:0:0:0:3',
			'fe80::G', 'FE80::G', 'fe80::@', 'fe80::`', '1.2.3.4/', '1/2.3.4', '1.2.3.4:', 'fe80::1%eth0', 'fe80::1%', 'fe80::1%25eth0', 'fe80::%1', '[::1]', '::1/128', 'ｆe80::1', 'fе80::1', 'fe80::g', 'fe80:: 1',
			// IPv4 inside IPv6
			'::ffff:1.2.3.4', '::FFFF:192.0.2.1', '0:0:0:0:0:ffff:1.2.3.4', '64:ff9b::192.0.2.1', '1:2:3:4:5:6:1.2.3.4',
			'1:2:3:4:5:6:7:1.2.3.4', '1:2:3:4:5::1.2.3.4', '1:2:3:4:5:6::1.2.3.4', '0::1.2.3.4', '::0:1.2.3.4', '::ffff:1.2.3',
			'::ffff:1.2.3.256', '::ffff:1.2.3.4.5', '1.2.3.4::', '::1.2.3.4:1', '::ffff:1.2.3.4%eth0', '::ffff:１.2.3.4',
			// CIDR
			'10.0.0.0/8', '10.0.0.1/8', '10.0.0.0/08', '10.0.0.0/008', '10.0.0.0/0008', '10.0.0.0/33', '10.0.0.0/', '/8', '10.0.0.0//8',
			'10.0.0.0/8/8', '10.0.0.0/-1', '10.0.0.0/+8', '10.0.0.0/８', '10.0.0.0/٨', '10.0.0.0/ 8', '0.0.0.0/0', '1.2.3.4/32',
			'2001:db8::/32', '2001:db8::1/32', '2001:db8::/129', '::/0', '::1/127', '::ffff:10.0.0.0/104', '::ffff:10.0.0.0/96',
			'fe80::/10', 'fe80::1%eth0/64', '2001:db8::/032',
			// empty and whitespace
			'', ' ', '\t', '\u2003'
		];
		for (const s of cases) compare(s);
	});

	it('very long inputs: the same answer, quickly', () => {
		const long = [
			'1:'.repeat(5_000) + '1', '0'.repeat(20_000), '1.'.repeat(5_000) + '1', ':'.repeat(10_000), 'f'.repeat(10_000) + '::',
			'::' + 'ffff:'.repeat(3_000) + '1.2.3.4', '0'.repeat(20_000) + '.1.1.1', '::ffff:' + '1'.repeat(10_000) + '.1.1.1',
			'10.0.0.0/' + '8'.repeat(10_000), '10.0.0.0/' + '0'.repeat(10_000) + '8', `${'0:'.repeat(7)}0/${'1'.repeat(5_000)}`
		];
		for (const s of long) {
			const started = performance.now();
			parseIpOrCidr(s);
			parseIp(s);
			expect(performance.now() - started, `${s.slice(0, 20)}… (${s.length} characters)`).toBeLessThan(50);
			compare(s);
		}
	});
});

describe('where our rules are stricter than ipaddr.js', () => {
	it.each([
		['::ffff:010.0.0.1', '::ffff:a00:1'],
		['::ffff:10.0.0.01', '::ffff:a00:1'],
		['::ffff:0x0a.0.0.1', '::ffff:a00:1'],
		['::ffff:0X0A.0.0.1', '::ffff:a00:1'],
		['64:ff9b::0192.0.2.1', '64:ff9b::c000:201'],
		['1:2:3:4:5:6:00.0.0.0', '1:2:3:4:5:6::']
	])('an IPv4 tail must be plain decimal like an IPv4 address: %s (ipaddr.js: %s) is refused', (s, theirs) => {
		expect(ipaddr.IPv6.parse(s).toString()).toBe(theirs);
		expect(STRICTER(s)).toBe('embedded IPv4 not plain decimal');
		expect(parseIp(s)).toBeNull();
		expect(parseIpOrCidr(s)).toBe(`${s} is not a valid IPv4 or IPv6 address.`);
		// ...as the plain IPv4 address already was
		const v4 = s.slice(s.lastIndexOf(':') + 1);
		expect(parseIpOrCidr(v4)).toBe(`${v4} is not a valid IPv4 or IPv6 address.`);
	});

	it.each([
		['::1.2.3.4', '::ffff:102:304'],
		['::0.0.0.1', '::ffff:0:1'],
		['::10.0.0.0', '::ffff:a00:0']
	])('::a.b.c.d is refused: ipaddr.js reads %s as %s, inet_pton and RFC 4291 otherwise', (s, theirs) => {
		expect(ipaddr.IPv6.parse(s).toString()).toBe(theirs);
		expect(STRICTER(s)).toBe('ipv4-compatible');
		expect(parseIp(s)).toBeNull();
		expect(parseIpOrCidr(`${s}/128`)).toBe(`${s}/128 is not a valid CIDR range: ${s} is not an IPv4 or IPv6 address.`);
	});

	it('the same IPv4-compatible address is accepted when written without the ambiguity', () => {
		expect(parseIpOrCidr('0::1.2.3.4')).toMatchObject({ canonical: '::102:304' });
		expect(parseIpOrCidr('::0:1.2.3.4')).toMatchObject({ canonical: '::102:304' });
		expect(parseIpOrCidr('::102:304')).toMatchObject({ canonical: '::102:304' });
		expect(parseIpOrCidr('::ffff:1.2.3.4')).toMatchObject({ canonical: '::ffff:102:304' });
	});
});

describe('canonical text, containment and range kinds against ipaddr.js', () => {
	it('canonical text of any address is RFC 5952 as ipaddr.js writes it, and reads back the same bytes', () => {
		const zeroHeavy = fc.array(group, { minLength: 8, maxLength: 8 }).map((g) => g.flatMap((x) => [x >> 8, x & 0xff]));
		fc.assert(
			fc.property(fc.oneof(zeroHeavy, bytesOf(true), bytesOf(false)), (bytes) => {
				const a: IpAddress = { family: bytes.length === 4 ? 'ipv4' : 'ipv6', bytes };
				const theirs = ipaddr.fromByteArray(bytes);
				expect(formatIp(a)).toBe(theirs.toString());
				expect(parseIp(formatIp(a))).toEqual(a);
				if (theirs.kind() === 'ipv6') {
					expect(parseIp((theirs as ipaddr.IPv6).toNormalizedString())).toEqual(a);
					expect(parseIp(fixedLength(theirs as ipaddr.IPv6).toUpperCase())).toEqual(a);
				}
			}),
			{ numRuns: 10_000 }
		);
	});

	it('containment: the same answer as ipaddr.js match() for any address, network and prefix', () => {
		// the network is the address with some bits after a random point flipped, so both answers occur
		const pair = fc.boolean().chain((v6) =>
			fc.tuple(bytesOf(v6), fc.nat(v6 ? 128 : 32), fc.nat(v6 ? 128 : 32), fc.nat(255)).map(([bytes, prefix, flipAt, flip]) => {
				const net = [...bytes];
				const i = Math.floor(flipAt / 8);
				if (i < net.length) net[i] = net[i]! ^ ((flip >> (flipAt % 8)) & 0xff);
				return { bytes, net, prefix };
			})
		);
		let inside = 0;
		let outside = 0;
		fc.assert(
			fc.property(pair, ({ bytes, net, prefix }) => {
				const family = bytes.length === 4 ? 'ipv4' : 'ipv6';
				const theirs = (ipaddr.fromByteArray(bytes) as ipaddr.IPv4).match(ipaddr.fromByteArray(net) as ipaddr.IPv4, prefix);
				const ours = inRange({ family, bytes }, { family, bytes: net }, prefix);
				expect(ours).toBe(theirs);
				if (ours) inside++;
				else outside++;
			}),
			{ numRuns: 10_000 }
		);
		expect(inside).toBeGreaterThan(1_000);
		expect(outside).toBeGreaterThan(1_000);
		// never across families
		expect(inRange(parseIp('10.0.0.1')!, parseIp('::')!, 0)).toBe(false);
		expect(inRange(parseIp('::ffff:10.0.0.1')!, parseIp('10.0.0.0')!, 8)).toBe(false);
	});

	it('range kinds: private, loopback, link-local and unique-local as ipaddr.js range() names them, near every edge', () => {
		const bases = ['10.0.0.0', '11.0.0.0', '9.255.255.255', '172.16.0.0', '172.31.255.255', '172.32.0.0', '172.15.255.255', '192.168.0.0', '192.169.0.0', '127.0.0.0', '128.0.0.0', '126.255.255.255', '169.254.0.0', '169.255.0.0', '0.0.0.0', '100.64.0.0', '224.0.0.0', '255.255.255.255', '::', '::1', '::2', 'fe80::', 'febf:ffff::', 'fec0::', 'fe7f::', 'fc00::', 'fdff:ffff::', 'fe00::', 'fbff::', 'ff00::', '::ffff:10.0.0.1', '::ffff:127.0.0.1', '64:ff9b::a00:1'];
		const near = fc.tuple(fc.constantFrom(...bases), fc.nat(127), fc.boolean()).map(([base, bit, change]) => {
			const a = parseIp(base)!;
			const bytes = [...a.bytes];
			const at = bit % (bytes.length * 8);
			if (change) bytes[at >> 3] = bytes[at >> 3]! ^ (0x80 >> (at & 7));
			return formatIp({ family: a.family, bytes });
		});
		const seen = new Set<string | null>();
		fc.assert(
			fc.property(fc.oneof(near, bytesOf(false).map((b) => b.join('.'))), (address) => {
				const kind = internalKind(address);
				expect(kind, address).toBe(refInternalKind(address));
				seen.add(kind);
			}),
			{ numRuns: 10_000 }
		);
		expect([...seen].sort()).toEqual(['linkLocal', 'loopback', 'private', 'uniqueLocal', null].sort());
		expect(internalKind('not an address')).toBeNull();
	});
});

describe('the call site: IP whitelisting names the private ranges among the trusted ones', () => {
	it('private, loopback, link-local and unique-local ranges, not public or IPv4-mapped ones', () => {
		const p = practiceById.get('ip-whitelisting')!;
		const trusted = ['10.0.0.0/8', '203.0.113.0/24', '172.16.0.0/12', '172.32.0.0/16', '192.168.1.0/24', '127.0.0.1', '169.254.0.0/16', '::1', 'fe80::/10', 'fd12:3456::/32', '2001:db8::/32', '::ffff:10.0.0.1', '100.64.0.0/10'];
		const c = checkFields(p.fields as Fields, { ...defaults(p.fields), trustedRanges: trusted });
		expect(c.errors).toEqual({});
		const ctx: PracticeContext = { about: { helpdeskName: '', helpdeskUrl: '', deployment: 'cloud', os: 'linux', webServer: 'nginx' }, server: null };
		const notes = typeof p.notes === 'function' ? p.notes(c.values as never, ctx) : (p.notes ?? []);
		const privateNote = notes.find((n) => /private address ranges/.test(n.text));
		expect(privateNote?.text).toMatch(/^10\.0\.0\.0\/8, 172\.16\.0\.0\/12, 192\.168\.1\.0\/24, 127\.0\.0\.1, 169\.254\.0\.0\/16, ::1, fe80::\/10 and fd12:3456::\/32 are private address ranges\./);
	});
});
