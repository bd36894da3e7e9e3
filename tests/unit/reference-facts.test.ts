/**
 * The wizard's defaults and the "Deskpro default" figures it shows must match the facts in
 * /work/shared/reference/deskpro.md and standards.md. Each expectation names its source fact.
 */
import { describe, expect, it } from 'vitest';
import { practiceById } from '$lib/practices';
import { checkFields, defaults, deskproDefaultText, type Fields } from '$lib/plan/fields';
import type { AboutValues, Practice, PracticeContext, SettingRow } from '$lib/practices/types';
import type { IntField } from '$lib/plan/fields';

const ctx = (deployment = 'cloud'): PracticeContext => ({
	about: { helpdeskName: 'X', helpdeskUrl: 'https://x.example/', deployment, os: 'linux', webServer: 'nginx' } satisfies AboutValues,
	server: null
});
const P = (id: string): Practice => {
	const p = practiceById.get(id);
	if (!p) throw new Error(`no practice ${id}`);
	return p;
};
const field = (id: string, key: string) => P(id).fields[key]!;
const int = (id: string, key: string) => field(id, key) as IntField;
function rows(id: string, answers: Record<string, unknown> = {}, deployment = 'cloud'): SettingRow[] {
	const p = P(id);
	const c = checkFields(p.fields as Fields, { ...defaults(p.fields), ...answers });
	expect(c.errors).toEqual({});
	return p.settings(c.values!, ctx(deployment));
}
const byKey = (rs: SettingRow[], key: string) => {
	const r = rs.find((x) => x.key === key);
	if (!r) throw new Error(`no row with key ${key}`);
	return r;
};

describe('password policy (agent.password_policy.*)', () => {
	it('shows Deskpro’s defaults: min_length 5, counts 0, max_age 0, forbid_reuse false', () => {
		expect(field('password-policy', 'minLength').deskproDefault).toBe(5);
		for (const k of ['requireUppercase', 'requireLowercase', 'requireNumber', 'requireSymbol', 'maxAgeDays']) {
			expect(field('password-policy', k).deskproDefault).toBe(0);
		}
		expect(field('password-policy', 'forbidReuse').deskproDefault).toBe(false);
		expect(deskproDefaultText(field('password-policy', 'minLength'))).toBe('5 characters');
	});
	it('defaults to the NIST preset (15 characters, no composition, no expiry)', () => {
		const p = P('password-policy');
		const nist = p.presets!.find((x) => x.id === 'nist')!;
		expect(defaults(p.fields)).toMatchObject(nist.values);
		expect(nist.values.minLength).toBe(15);
		const r = rows('password-policy');
		expect(byKey(r, 'agent.password_policy.min_length').value).toBe('15');
		expect(byKey(r, 'agent.password_policy.max_age').value).toMatch(/^0 /);
	});
	it('explains where the article and NIST disagree', () => {
		const notes = P('password-policy').notes as { kind: string; text: string }[];
		const d = notes.find((n) => n.kind === 'disagreement')!;
		expect(d.text).toMatch(/SHALL NOT/);
		expect(d.text).toMatch(/6\.2\.5/);
	});
});

describe('rate limiting', () => {
	it('uses the defaults of Deskpro’s settings (5 attempts / 15 min / 15 min for agents, 6 / 15 / 15 for users); the older guide’s 20 is another version', () => {
		expect(field('rate-limiting', 'agentAttempts').deskproDefault).toBe(5);
		expect(field('rate-limiting', 'agentWindowMinutes').deskproDefault).toBe(15);
		expect(field('rate-limiting', 'agentLockoutMinutes').deskproDefault).toBe(15);
		expect(field('rate-limiting', 'userAttempts').deskproDefault).toBe(6);
		expect(field('rate-limiting', 'userWindowMinutes').deskproDefault).toBe(15);
		expect(field('rate-limiting', 'userLockoutMinutes').deskproDefault).toBe(15);
		const notes = (P('rate-limiting').notes as Exclude<Practice['notes'], Array<unknown> | undefined>)(null, ctx('download'));
		expect(notes.find((n) => /20 failed logins/.test(n.text))?.kind).toBe('info');
		expect(notes.some((n) => n.kind === 'disagreement')).toBe(false);
	});
	it('caps attempts at NIST’s 100 and stores the lockout in seconds', () => {
		expect(int('rate-limiting', 'agentAttempts').max).toBe(100);
		const r = rows('rate-limiting');
		expect(byKey(r, 'rate_limit.login.agent.limit').value).toBe('5');
		expect(byKey(r, 'rate_limit.login.agent.lockout_time').value).toBe('15 minutes (900 s)');
		expect(byKey(r, 'rate_limit.login.agent.lockout_time').note).toMatch(/900 s/);
	});
});

describe('login notifications', () => {
	it('shows Deskpro defaults: self login off, failed login on, failed admin login list on', () => {
		expect(field('login-notifications', 'notifySelfLogin').deskproDefault).toBe(false);
		expect(field('login-notifications', 'notifySelfFailedLogin').deskproDefault).toBe(true);
		expect(field('login-notifications', 'notifyFailedAdminLogin').deskproDefault).toBe(true);
		const r = rows('login-notifications');
		expect(byKey(r, 'agent.notify_self_login').value).toBe('On');
		expect(byKey(r, 'agent.notify_self_failed_login').value).toBe('On');
		expect(byKey(r, 'agent_notify_list_failed_adminlogin').value).toBe('On');
	});
});

describe('IP whitelisting', () => {
	it('defaults to Deskpro’s 21-day trust (whitelist_lifetime 1 814 400 s), range 1 day – 2 years', () => {
		const f = int('ip-whitelisting', 'lifetimeDays');
		expect(f.deskproDefault).toBe(21);
		expect(f.default * 86_400).toBe(1_814_400);
		expect([f.min, f.max]).toEqual([1, 730]);
		expect(byKey(rows('ip-whitelisting'), 'agent.ip_security.whitelist_lifetime').value).toBe('21 days (1 814 400 s)');
		expect(byKey(rows('ip-whitelisting', { lifetimeDays: 730 }), 'agent.ip_security.whitelist_lifetime').value).toBe('730 days (63 072 000 s)');
	});
	it('shows that Deskpro has it off by default and lists canonical, de-duplicated ranges', () => {
		expect(field('ip-whitelisting', 'enabled').deskproDefault).toBe(false);
		// Deskpro has no helpdesk-wide list of trusted ranges (issue #15): the ranges go to the
		// checklist (for a web-server or firewall allow-list), canonical and de-duplicated, never to a settings row.
		const answers = { trustedRanges: ['203.0.113.0/24', ' 2001:0db8:0000::/48 ', '203.0.113.0/24', ''] };
		expect(rows('ip-whitelisting', answers).some((x) => /Trusted IP/.test(x.setting))).toBe(false);
		const p = P('ip-whitelisting');
		const item = p.checklist(checkFields(p.fields as Fields, { ...defaults(p.fields), ...answers }).values!, ctx()).find((i) => i.id === 'ip-whitelisting.trusted')!;
		expect(item.text).toMatch(/\(203\.0\.113\.0\/24, 2001:db8::\/48\)/);
	});
	it('says it is not a network allow-list and never replaces 2FA', () => {
		const notes = (P('ip-whitelisting').notes as Exclude<Practice['notes'], Array<unknown> | undefined>)(null, ctx());
		const d = notes.find((n) => n.kind === 'disagreement')!;
		expect(d.text).toMatch(/not a network allow-list/);
		expect(d.text).toMatch(/Neither replaces two-factor/);
	});
});

describe('session length', () => {
	it('matches core.sessions_lifetime 3600 s (accepted 300–86 400) and Remember me on by default', () => {
		const f = int('session-length', 'timeoutMinutes');
		expect(f.deskproDefault! * 60).toBe(3600);
		expect(f.min * 60).toBe(300);
		expect(f.max * 60).toBe(86_400);
		expect(field('session-length', 'agentRememberMe').deskproDefault).toBe(true);
		expect(field('session-length', 'userRememberMe').deskproDefault).toBe(true);
		const r = rows('session-length');
		expect(byKey(r, 'core.sessions_lifetime').value).toBe('1 hour (3 600 s)');
		expect(byKey(r, 'core.enable_agent_rememberme').value).toBe('Off');
	});
	it('offers NIST AAL2 (1 h) and AAL3 (15 min) presets', () => {
		const presets = P('session-length').presets!;
		expect(presets.find((x) => x.id === 'nist-aal2')?.values.timeoutMinutes).toBe(60);
		expect(presets.find((x) => x.id === 'nist-aal3')?.values.timeoutMinutes).toBe(15);
		const ids = P('session-length').standards.map((s) => s.id);
		expect(ids).toEqual(expect.arrayContaining(['§2.2.3', '§2.3.3', '7.3.1 (L2)']));
	});
});

describe('review logs', () => {
	it('stores the three cadences the exports turn into reminders', () => {
		const d = defaults(P('review-logs').fields) as Record<string, unknown>;
		expect(d).toMatchObject({ auditLogCadence: 'weekly', adminReviewCadence: 'quarterly', errorLogCadence: 'weekly' });
	});
	it('marks the error-log review not applicable on Deskpro Cloud, with the reason', () => {
		const p = P('review-logs');
		const v = checkFields(p.fields, {}).values!;
		const cloud = p.checklist(v, ctx('cloud')).find((i) => i.id === 'review-logs.error-logs')!;
		expect(cloud.notApplicable).toMatch(/Deskpro Cloud/);
		const dl = p.checklist(v, ctx('download')).find((i) => i.id === 'review-logs.error-logs')!;
		expect(dl.notApplicable).toBeUndefined();
		expect(rows('review-logs', {}, 'cloud').some((r) => /Error Logs/.test(r.menu))).toBe(false);
		expect(rows('review-logs', {}, 'download').some((r) => r.menu === 'Admin > Server > Error Logs')).toBe(true);
	});
});

describe('resolve hostnames', () => {
	it('says plainly that the report query language field names are unknown, and builds no query', () => {
		const p = P('resolve-hostnames');
		const notes = (p.notes as Exclude<Practice['notes'], Array<unknown> | undefined>)(null, ctx());
		expect(notes.some((n) => n.kind === 'unknown' && /DPQL/.test(n.text))).toBe(true);
		const r = rows('resolve-hostnames', { internalSuffixes: ['corp.example.com', '.VPN.example.com.'] });
		const report = r.find((x) => x.menu === 'Reports')!;
		expect(report.value).toBe('Host name does not end in .corp.example.com and .vpn.example.com');
		expect(JSON.stringify(r)).not.toMatch(/SELECT|WHERE/);
	});
	it('rejects a bad suffix with a message naming it', () => {
		const c = checkFields(P('resolve-hostnames').fields, { internalSuffixes: ['corp.example.com', 'bad_suffix.com'] });
		expect(c.ok).toBe(false);
		expect(c.errors.internalSuffixes).toMatch(/bad_suffix\.com is not a valid domain suffix/);
	});
});
