/**
 * Issue #15: each admin-interface fact the issue found wrong, as a test through the practices'
 * public interface (settings rows, notes, standards, fields, presets). Written against main first
 * (where each failed), then fixed. Sources: see src/lib/deskpro/settings.ts.
 */
import { describe, expect, it } from 'vitest';
import { practiceById } from '$lib/practices';
import { checkFields, defaults, type Fields } from '$lib/plan/fields';
import { whyFor, type AboutValues, type Note, type Practice, type PracticeContext, type SettingRow } from '$lib/practices/types';

const about = (deployment: string, deskproVersion?: string): AboutValues => ({
	helpdeskName: 'Acme',
	helpdeskUrl: 'https://support.example.com/',
	deployment,
	...(deskproVersion ? { deskproVersion } : {}),
	os: 'linux',
	webServer: 'nginx'
});
const ctx = (deployment = 'cloud', deskproVersion?: string): PracticeContext => ({ about: about(deployment, deskproVersion), server: null });
const P = (id: string): Practice => practiceById.get(id)!;
function values(id: string, answers: Record<string, unknown> = {}) {
	const p = P(id);
	const c = checkFields(p.fields as Fields, { ...defaults(p.fields), ...answers });
	expect(c.errors).toEqual({});
	return c.values!;
}
const rows = (id: string, answers: Record<string, unknown> = {}, c = ctx()): SettingRow[] => P(id).settings(values(id, answers) as never, c);
const notes = (id: string, answers: Record<string, unknown> = {}, c = ctx()): Note[] => {
	const n = P(id).notes;
	return typeof n === 'function' ? n(values(id, answers) as never, c) : (n ?? []);
};
const allText = (id: string, answers: Record<string, unknown> = {}, c = ctx()) =>
	[
		...notes(id, answers, c).map((n) => n.text),
		...P(id).standards.map((s) => `${s.id} ${s.text}`),
		...rows(id, answers, c).map((r) => `${r.menu} ${r.setting} ${r.value} ${r.note ?? ''}`)
	].join('\n');
const keys = (rs: SettingRow[]) => rs.map((r) => r.key).filter(Boolean);

describe('rate limiting', () => {
	it('the Rate Limiting page saves rate_limit.login.agent.{enabled,limit,time,lockout_time}: 5 / 900 s / 900 s', () => {
		const r = rows('rate-limiting');
		expect(keys(r)).toEqual(expect.arrayContaining(['rate_limit.login.agent.enabled', 'rate_limit.login.agent.limit', 'rate_limit.login.agent.time', 'rate_limit.login.agent.lockout_time']));
		expect(r.find((x) => x.key === 'rate_limit.login.agent.limit')?.note).toMatch(/default: 5\b/);
		expect(r.find((x) => x.key === 'rate_limit.login.agent.lockout_time')?.note).toMatch(/900 s/);
		expect(keys(r)).not.toContain('agent.max_login_attempts');
	});
	it('users: rate_limit.login.* with a 900 s lockout default, not "unknown"', () => {
		const r = rows('rate-limiting');
		expect(r.find((x) => x.key === 'rate_limit.login.lockout_time')?.note).toMatch(/900 s/);
		expect(P('rate-limiting').fields.userLockoutMinutes?.deskproDefault).toBe(15);
	});
	it('reset-password and registration limits (off by default) and the CAPTCHA answer to agent-login floods', () => {
		const r = rows('rate-limiting');
		expect(r.find((x) => x.key === 'rate_limit.reset_password.enabled')?.note).toMatch(/default: off/);
		expect(r.find((x) => x.key === 'rate_limit.registration.enabled')?.note).toMatch(/default: off/);
		expect(rows('rate-limiting', { agentResponse: 'captcha' }).find((x) => x.key === 'rate_limit.login.agent.response')?.value).toMatch(/CAPTCHA/);
	});
	it('no "code and documentation disagree" note: two versions', () => {
		expect(notes('rate-limiting').some((n) => n.kind === 'disagreement')).toBe(false);
	});
});

describe('invented settings are gone', () => {
	it('no helpdesk-wide "Trusted IP ranges" setting', () => {
		const r = rows('ip-whitelisting', { trustedRanges: ['203.0.113.0/24'] });
		expect(r.map((x) => x.setting).join('\n')).not.toMatch(/Trusted IP/i);
	});
	it('IP whitelisting is not per account', () => {
		expect(Object.keys((P('admin-privileges').fields.accounts as { columns: Record<string, unknown> }).columns)).not.toContain('hasIpWhitelist');
	});
	it('the 2FA grace period is a date; TOTP and e-mail 2FA are separate switches', () => {
		const f = P('agent-2fa').fields;
		expect(f.method).toBeUndefined();
		expect(f.totp?.kind).toBe('bool');
		expect(f.email?.kind).toBe('bool');
		expect(f.graceUntil?.kind).toBe('text');
		expect(rows('agent-2fa', { graceUntil: '2026-03-31' }).find((x) => /Grace/.test(x.setting))?.value).toMatch(/2026-03-31/);
	});
});

describe('e-mail 2FA and the 8-character advice', () => {
	it('e-mail 2FA is not a second factor: NIST 800-63B-4 §3.1.3.1 and ASVS 6.3.6 are cited', () => {
		const ids = P('agent-2fa').standards.map((s) => s.id);
		expect(ids).toContain('§3.1.3.1');
		expect(ids.some((i) => i.startsWith('6.3.6'))).toBe(true);
	});
	it('"8 characters" only when TOTP is required for every agent', () => {
		expect(allText('agent-2fa', { requireAll: true, totp: true, email: false })).toMatch(/8 characters/);
		expect(allText('agent-2fa', { requireAll: true, totp: true, email: true })).not.toMatch(/8 characters/);
		expect(allText('agent-2fa', { requireAll: false, totp: true, email: false })).not.toMatch(/8 characters/);
	});
});

describe('standards', () => {
	it('ASVS 16.3.1 is not described with 16.2.1’s wording', () => {
		for (const p of ['resolve-hostnames', 'review-logs', 'login-notifications']) {
			for (const s of P(p).standards) if (s.id.startsWith('16.3.1')) expect(s.text).toMatch(/authentication/i);
		}
		expect(P('resolve-hostnames').standards.map((s) => s.id)).toContain('16.2.1 (L2)');
	});
	it('CAPTCHA cites ASVS 2.4.1, not 6.1.1 / 6.3.1', () => {
		const ids = P('captcha').standards.map((s) => s.id);
		expect(ids).toContain('2.4.1 (L2)');
		expect(ids.some((i) => i.startsWith('6.1.1') || i.startsWith('6.3.1'))).toBe(false);
	});
	it('the NIST preset does not turn "forbid reuse" off', () => {
		const nist = P('password-policy').presets!.find((x) => x.id === 'nist')!;
		expect(nist.values.forbidReuse).not.toBe(false);
	});
});

describe('over-hedged facts now stated', () => {
	it('rdns_ticket_messages and core.session_keepalive_require_page are not "inferred"', () => {
		expect(allText('resolve-hostnames')).not.toMatch(/inferred|not confirmed/i);
		const r = rows('session-length').find((x) => x.key === 'core.session_keepalive_require_page');
		expect(r?.note ?? '').not.toMatch(/inferred/i);
		expect(r?.note).toMatch(/default: off/);
	});
	it('CAPTCHA keys user.captcha.<form> with false / guests / everyone', () => {
		const r = rows('captcha', { audience: 'guests' });
		expect(keys(r)).toEqual(expect.arrayContaining(['user.captcha.tickets', 'user.captcha.comments', 'user.captcha.register', 'user.captcha.sharing']));
		expect(r.find((x) => x.key === 'user.captcha.tickets')?.value).toMatch(/guests/);
		expect(notes('captcha').some((n) => n.kind === 'unknown')).toBe(false);
	});
	it('what a superuser API key may do is stated', () => {
		expect(whyFor(P('api-keys'), { helpdeskName: 'A', helpdeskUrl: 'https://a.example.com/', deployment: 'cloud', os: 'linux', webServer: 'nginx' }).join(' ')).toMatch(/act as any agent/);
	});
});

describe('menus: the current admin only for Cloud and the current On-Premise', () => {
	it('no mixed "newer UI" paths and no old "Admin > Setup" menu on Cloud', () => {
		for (const id of ['password-policy', 'rate-limiting', 'ip-whitelisting', 'session-length', 'captcha', 'agent-2fa']) {
			for (const r of rows(id)) {
				expect(r.menu).not.toMatch(/newer UI|Admin > Setup|Admin > Agents > Settings/);
			}
		}
	});
});

describe('missing content', () => {
	it('agent.notify_login_emaillist: the failed-admin-login alert needs a recipient', () => {
		expect(keys(rows('login-notifications'))).toContain('agent.notify_login_emaillist');
	});
	it('rdns_server defaults to a public resolver', () => {
		expect(rows('resolve-hostnames').find((x) => x.key === 'rdns_server')?.note).toMatch(/8\.8\.8\.8/);
	});
	it('attachments readable without login, upload blocklists (Data > Security)', () => {
		const p = practiceById.get('attachments');
		expect(p).toBeDefined();
		const r = rows('attachments');
		expect(r.find((x) => x.key === 'core_tickets.attachment_require_auth')?.note).toMatch(/default: off/);
		expect(r.find((x) => x.key === 'core.attach_user_not_exts')?.menu).toMatch(/^Data > Security/);
	});
	it('API rate limit (0 = off on-premise) and API key restrictions', () => {
		const r = rows('api-keys', {}, ctx('onprem-docker'));
		expect(r.find((x) => x.key === 'core.api_rate_limit')?.note).toMatch(/0 = no limit/);
		expect(P('api-keys').checklist(values('api-keys') as never, ctx()).map((i) => i.id)).toContain('api-keys.restrict');
	});
	it('before IP whitelisting: e-mail works and the recovery path (CLI on-premise, support on Cloud)', () => {
		const items = (c: PracticeContext) => P('ip-whitelisting').checklist(values('ip-whitelisting') as never, c);
		expect(items(ctx('cloud')).find((i) => i.id === 'ip-whitelisting.recovery')?.text).toMatch(/Deskpro support/);
		expect(items(ctx('onprem-docker')).find((i) => i.id === 'ip-whitelisting.recovery')?.text).toMatch(/command line/);
		expect(items(ctx('cloud')).map((i) => i.id)).toContain('ip-whitelisting.email-works');
	});
});
