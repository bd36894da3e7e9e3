/** Field-level validation messages (IP/CIDR, domain suffixes) and applicability reasons. */
import { describe, expect, it } from 'vitest';
import { checkIpOrCidr, checkDomainSuffix, checkHelpdeskUrl, helpdeskBaseUrl, parseIpOrCidr, rangeKey } from '$lib/validate/net';
import { evaluateApplicability } from '$lib/practices/applicability';
import { readPlanText, writePlanText } from '$lib/plan/io';
import { derivePlan } from '$lib/plan/derive';
import { newPlan, type Plan } from '$lib/plan/schema';
import type { AboutValues } from '$lib/practices/types';

describe('IP and CIDR validation (ipaddr.js)', () => {
	it.each([
		['10.0.0.0/33', '10.0.0.0/33 is not a valid CIDR range: the prefix must be 0–32.'],
		['2001:db8::/129', '2001:db8::/129 is not a valid CIDR range: the prefix must be 0–128.'],
		['10.0.0.0/', '10.0.0.0/ is not a valid CIDR range: the prefix must be 0–32.'],
		['10.0.0.0/-1', '10.0.0.0/-1 is not a valid CIDR range: the prefix must be 0–32.'],
		['10.0.0.1/8', '10.0.0.1/8 has host bits set: the network is 10.0.0.0/8.'],
		['256.1.1.1', '256.1.1.1 is not a valid IPv4 or IPv6 address.'],
		['10.1', '10.1 is not a valid IPv4 or IPv6 address.'],
		['0x0a.0.0.1', '0x0a.0.0.1 is not a valid IPv4 or IPv6 address.'],
		['example.com/24', 'example.com/24 is not a valid CIDR range: example.com is not an IPv4 or IPv6 address.'],
		['fe80::1%eth0', 'fe80::1%eth0 is not a valid IPv4 or IPv6 address.'],
		['10.0.0.0 /8', '"10.0.0.0 /8" contains spaces: enter one address or range per line.']
	])('%s → %s', (input, message) => {
		expect(checkIpOrCidr(input)).toBe(message);
	});

	it.each([
		['203.0.113.7', '203.0.113.7', 32],
		['203.0.113.0/24', '203.0.113.0/24', 24],
		['0.0.0.0/0', '0.0.0.0/0', 0],
		['2001:0DB8:0000::/48', '2001:db8::/48', 48],
		['::1', '::1', 128]
	])('accepts %s as %s', (input, canonical, prefix) => {
		const r = parseIpOrCidr(input);
		expect(r).toMatchObject({ canonical, prefix });
	});

	it('checks domain suffixes, naming the bad entry', () => {
		expect(checkDomainSuffix('corp.example.com')).toBeNull();
		expect(checkDomainSuffix('.corp.example.com')).toBeNull();
		expect(checkDomainSuffix('*.corp.example.com')).toBeNull();
		expect(checkDomainSuffix('-corp.example.com')).toMatch(/-corp\.example\.com is not a valid domain suffix/);
		expect(checkDomainSuffix('corp example')).toMatch(/not a valid domain suffix/);
	});
});

describe('helpdesk URL', () => {
	it.each([
		['https://support.example.com/a b', 'The helpdesk URL must not contain spaces or control characters.'],
		['https://support.example.com/\u0000', 'The helpdesk URL must not contain spaces or control characters.'],
		['https://support.example.com/\u0085x', 'The helpdesk URL must not contain spaces or control characters.'],
		['ftp://support.example.com/', 'The helpdesk URL must start with https://'],
		['https://u:p@support.example.com/', 'The URL must not contain a user name or password.'],
		['https://support.example.com/?a=1', 'Enter the helpdesk address without ?query or #fragment.']
	])('%j → %s', (input, message) => {
		expect(checkHelpdeskUrl(input)).toBe(message);
	});

	it('is requested in one normal form by every generated check (host lower-case, IDN as punycode, path percent-encoded)', () => {
		expect(checkHelpdeskUrl('  https://Support.Example.com/help/  ')).toBeNull();
		expect(helpdeskBaseUrl('  https://Support.Example.com/help/  ')).toBe('https://support.example.com/help');
		expect(helpdeskBaseUrl('https://bücher.example:8443/é')).toBe('https://xn--bcher-kva.example:8443/%C3%A9');
	});
});

describe('address keys (what the audit compares trust_proxy_data with)', () => {
	it('one key per address or range, whatever the spelling', () => {
		expect(rangeKey('10.0.0.5')).toBe('0a000005/32');
		expect(rangeKey('2001:DB8:0::/32')).toBe(rangeKey('2001:db8::/32'));
		expect(rangeKey('::1')).toBe('00000000000000000000000000000001/128');
		expect(rangeKey('10.0.0.1/8')).toBeNull();
		expect(rangeKey('proxy.example.com')).toBeNull();
	});
});

describe('an invalid entry produces a field error and no output', () => {
	function planWith(step: string, answers: Record<string, unknown>): Plan {
		const p = newPlan();
		Object.assign(p.answers[step as keyof typeof p.answers] as Record<string, unknown>, answers);
		return p;
	}
	it('IP whitelisting: the message names the bad range; no settings rows; step needs attention', () => {
		const d = derivePlan(planWith('ip-whitelisting', { trustedRanges: ['203.0.113.0/24', '10.0.0.0/33'] }));
		const ip = d.practices.find((x) => x.practice.id === 'ip-whitelisting')!;
		expect(ip.checked.errors.trustedRanges).toBe('10.0.0.0/33 is not a valid CIDR range: the prefix must be 0–32.');
		expect(ip.settings).toEqual([]);
		expect(ip.status).toBe('invalid');
		// The invalid text survives saving and reading back, so it can be fixed after a reload.
		const back = readPlanText(writePlanText(planWith('ip-whitelisting', { trustedRanges: ['10.0.0.0/33'] })));
		expect(back.ok && (back.plan.answers['ip-whitelisting'] as Record<string, unknown>).trustedRanges).toEqual(['10.0.0.0/33']);
	});
	it('IP whitelisting: fixed, the settings and the checklist come back (the ranges canonical, in the checklist only)', () => {
		const d = derivePlan(planWith('ip-whitelisting', { trustedRanges: ['203.0.113.0/24', '10.0.0.0/8'] }));
		const ip = d.practices.find((x) => x.practice.id === 'ip-whitelisting')!;
		expect(ip.checked.ok).toBe(true);
		expect(ip.settings.length).toBeGreaterThan(0);
		expect(ip.items.find((i) => i.id === 'ip-whitelisting.trusted')?.text).toMatch(/203\.0\.113\.0\/24, 10\.0\.0\.0\/8/);
	});
	it('session length outside 5 min – 24 h is refused with the range in the message', () => {
		for (const bad of [4, 1441]) {
			const d = derivePlan(planWith('session-length', { timeoutMinutes: bad }));
			const s = d.practices.find((x) => x.practice.id === 'session-length')!;
			expect(s.checked.errors.timeoutMinutes).toBe('Log agents out after this much inactivity must be between 5 and 1440 minutes.');
			expect(s.settings).toEqual([]);
		}
	});
	it('trust lifetime outside 1 day – 2 years is refused', () => {
		const d = derivePlan(planWith('ip-whitelisting', { lifetimeDays: 731 }));
		const s = d.practices.find((x) => x.practice.id === 'ip-whitelisting')!;
		expect(s.checked.errors.lifetimeDays).toMatch(/between 1 and 730 days/);
	});
	it('rate limiting above NIST’s 100 attempts is refused', () => {
		const d = derivePlan(planWith('rate-limiting', { agentAttempts: 101 }));
		expect(d.practices.find((x) => x.practice.id === 'rate-limiting')!.checked.errors.agentAttempts).toMatch(/between 1 and 100/);
	});
});

describe('applicability reasons', () => {
	const about = (deployment: string, os = 'linux', webServer = 'nginx'): AboutValues => ({ helpdeskName: '', helpdeskUrl: '', deployment, os, webServer });
	it('says which deployment a step is for and which this helpdesk is', () => {
		expect(evaluateApplicability({ deployments: ['download'] }, about('cloud'))).toEqual({
			applies: false,
			reason: 'Applies only to Deskpro Download (legacy self-hosted); this helpdesk is Deskpro Cloud.'
		});
		expect(evaluateApplicability({ deployments: ['download', 'onprem-docker'] }, about('cloud'))).toEqual({
			applies: false,
			reason: 'Applies only to Deskpro Download (legacy self-hosted) or Deskpro On-Premise (Docker); this helpdesk is Deskpro Cloud.'
		});
		expect(evaluateApplicability({ deployments: ['download'], webServers: ['iis'] }, about('download', 'windows', 'nginx'))).toEqual({
			applies: false,
			reason: 'Applies only to IIS; this server uses nginx.'
		});
		expect(evaluateApplicability({ os: ['windows'] }, about('download', 'linux'))).toEqual({
			applies: false,
			reason: 'Applies only to servers running Windows; this server runs Linux.'
		});
		expect(evaluateApplicability(undefined, about('cloud'))).toEqual({ applies: true });
	});

	it('every admin-interface step applies to every deployment; item-level N/A carries its reason', () => {
		for (const dep of ['cloud', 'download', 'onprem-docker']) {
			const p = newPlan();
			(p.answers.about as Record<string, unknown>).deployment = dep;
			const d = derivePlan(p);
			for (const id of ['rate-limiting', 'ip-whitelisting', 'review-logs']) {
				const s = d.practices.find((x) => x.practice.id === id)!;
				expect(s.applicability.applies).toBe(true);
				const locked = s.items.filter((i) => i.locked);
				if (dep === 'cloud') {
					expect(locked.length).toBeGreaterThan(0);
					for (const i of locked) {
						expect(i.state).toBe('na');
						expect(i.reason).toMatch(/Deskpro Cloud/);
					}
				} else expect(locked).toEqual([]);
			}
		}
	});

	it('a step whose only open items are fixed N/A is "todo" until the admin ticks something, then "done"', () => {
		const p = newPlan();
		const d0 = derivePlan(p).practices.find((x) => x.practice.id === 'review-logs')!;
		expect(d0.status).toBe('todo');
		for (const i of d0.items) if (!i.locked) p.checklist[i.id] = { state: 'done', reason: '', note: '', digest: i.digest };
		const d1 = derivePlan(p).practices.find((x) => x.practice.id === 'review-logs')!;
		expect(d1.status).toBe('done');
		expect(d1.items.find((i) => i.id === 'review-logs.error-logs')?.state).toBe('na');
	});

});
