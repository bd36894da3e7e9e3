import { describe, expect, it } from 'vitest';
import { practices, practiceById } from '$lib/practices';
import { checkFields, defaults, type Field, type Fields, type Row } from '$lib/plan/fields';
import { standardsFor, summaryFor, whereFor, whyFor, type AboutValues, type Note, type Practice, type PracticeContext } from '$lib/practices/types';

const about = (deployment: string, os = 'linux', webServer = 'nginx'): AboutValues => ({
	helpdeskName: 'Acme Support',
	helpdeskUrl: 'https://support.example.com/',
	deployment,
	os,
	webServer
});
const contexts: Record<string, PracticeContext> = {
	cloud: { about: about('cloud'), server: null },
	'download-nginx': { about: about('download', 'linux', 'nginx'), server: null },
	'download-iis': { about: about('download', 'windows', 'iis'), server: null },
	docker: { about: about('onprem-docker'), server: null }
};

/** The practices done in Deskpro's admin interface: each must produce settings rows. */
const ADMIN_UI = [
	'admin-privileges',
	'password-policy',
	'rate-limiting',
	'login-notifications',
	'resolve-hostnames',
	'ip-whitelisting',
	'session-length',
	'review-logs',
	'agent-2fa',
	'captcha',
	'attachments',
	'api-keys'
];

/** Defaults, with one sample row in every table so per-row output is exercised. */
function sampleAnswers(fields: Fields): Record<string, unknown> {
	const out: Record<string, unknown> = defaults(fields);
	for (const [k, f] of Object.entries(fields)) {
		if (f.kind !== 'table') continue;
		const row: Row = { id: 'row1' };
		for (const [ck, c] of Object.entries(f.columns)) row[ck] = c.kind === 'text' ? 'Sample value' : c.default;
		out[k] = [row];
	}
	return out;
}

function notesOf(p: Practice, ctx: PracticeContext, values: Parameters<Practice['settings']>[0] | null): Note[] {
	return typeof p.notes === 'function' ? p.notes(values, ctx) : (p.notes ?? []);
}

describe('every practice module is complete', () => {
	it('has the admin-interface practices in the agreed order, server-side steps at 100 and later', () => {
		const order = practices.filter((p) => p.order < 100).map((p) => [p.id, p.order]);
		expect(order.slice(0, 9)).toEqual([
			['admin-privileges', 10],
			['password-policy', 20],
			['rate-limiting', 30],
			['login-notifications', 40],
			['resolve-hostnames', 50],
			['ip-whitelisting', 60],
			['session-length', 70],
			['review-logs', 80],
			['agent-2fa', 90]
		]);
		// Beyond the article, after agent 2FA and before the server-side steps.
		expect(practices.filter((p) => p.order > 90 && p.order < 100).map((p) => [p.id, p.order])).toEqual([
			['captcha', 93],
			['attachments', 95],
			['api-keys', 96]
		]);
		expect(new Set(practices.map((p) => p.order)).size).toBe(practices.length);
		expect(new Set(practices.map((p) => p.id)).size).toBe(practices.length);
	});

	for (const p of practices) {
		describe(p.id, () => {
			it('has an id, title, summary, why, where and standards with section ids', () => {
				expect(p.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
				expect(p.title.length).toBeGreaterThan(3);
				expect(summaryFor(p, null).length).toBeGreaterThan(20);
				for (const webServer of ['nginx', 'apache', 'iis']) {
					const about = { helpdeskName: 'A', helpdeskUrl: 'https://a.example.com/', deployment: 'download', os: webServer === 'iis' ? 'windows' : 'linux', webServer };
					expect(summaryFor(p, about).length).toBeGreaterThan(20);
					expect(whereFor(p, about).length).toBeGreaterThan(3);
					expect(whyFor(p, about).length).toBeGreaterThan(0);
					for (const para of whyFor(p, about)) expect(para.length).toBeGreaterThan(40);
					expect(standardsFor(p, about).length).toBeGreaterThan(0);
				}
				for (const s of p.standards) {
					// NIST and ASVS are cited by section / requirement number; cheat sheets and CIS Apache by title.
					if (s.standard.startsWith('NIST') || s.standard.startsWith('OWASP ASVS')) expect(s.id).toMatch(/\d/);
					else expect(s.id.trim().length).toBeGreaterThan(2);
					expect(s.text.length).toBeGreaterThan(10);
				}
			});

			it('labels every field and every table column; defaults pass their own checks', () => {
				const all: Field[] = Object.values(p.fields);
				for (const f of Object.values(p.fields)) if (f.kind === 'table') all.push(...Object.values(f.columns));
				for (const f of all) expect(f.label.trim().length).toBeGreaterThan(2);
				expect(checkFields(p.fields, defaults(p.fields)).ok).toBe(true);
			});

			for (const [name, ctx] of Object.entries(contexts)) {
				it(`gives checklist items with unique, prefixed ids and (admin UI) settings rows: ${name}`, () => {
					const checked = checkFields(p.fields, sampleAnswers(p.fields));
					expect(checked.errors).toEqual({});
					const values = checked.values!;
					const items = p.checklist(values, ctx);
					expect(items.length).toBeGreaterThan(0);
					const ids = items.map((i) => i.id);
					expect(new Set(ids).size).toBe(ids.length);
					for (const i of items) {
						expect(i.id.startsWith(`${p.id}.`)).toBe(true);
						expect(i.id).toMatch(/^[a-z0-9-]+(\.[a-zA-Z0-9_-]+)+$/);
						expect(i.text.trim().length).toBeGreaterThan(10);
					}
					const rows = p.settings(values, ctx);
					// The older download has no agent 2FA settings (the step says so in a note).
					if (ADMIN_UI.includes(p.id) && !(p.id === 'agent-2fa' && ctx.about.deployment === 'download')) expect(rows.length).toBeGreaterThan(0);
					for (const r of rows) {
						expect(r.menu.trim()).not.toBe('');
						expect(r.setting.trim()).not.toBe('');
						expect(r.value.trim()).not.toBe('');
					}
					for (const n of notesOf(p, ctx, values)) expect(n.text.length).toBeGreaterThan(10);
				});
			}
		});
	}
});

describe('stable ids', () => {
	// Changing an id loses every admin's saved ticks for it. If this fails, you renamed or removed
	// an id: add a migration instead (src/lib/plan/migrate.ts), then update the list.
	it('keeps the practice and checklist item ids of the admin-interface steps', () => {
		const ctx = contexts['download-nginx']!;
		const ids: Record<string, string[]> = {};
		for (const id of ADMIN_UI) {
			const p = practiceById.get(id)!;
			ids[id] = p.checklist(checkFields(p.fields, defaults(p.fields)).values!, ctx).map((i) => i.id);
		}
		expect(ids).toEqual({
			'admin-privileges': ['admin-privileges.review'],
			'password-policy': ['password-policy.apply', 'password-policy.existing-agents', 'password-policy.password-manager'],
			'rate-limiting': ['rate-limiting.agents', 'rate-limiting.users', 'rate-limiting.reset-register', 'rate-limiting.test', 'rate-limiting.proxy'],
			'login-notifications': [
				'login-notifications.agents',
				'login-notifications.admin-list',
				'login-notifications.recipients',
				'login-notifications.train',
				'login-notifications.response'
			],
			'resolve-hostnames': [
				'resolve-hostnames.install',
				'resolve-hostnames.dns-server',
				'resolve-hostnames.check-ticket',
				'resolve-hostnames.report-new',
				'resolve-hostnames.report-agents',
				'resolve-hostnames.report-hostname',
				'resolve-hostnames.report-range',
				'resolve-hostnames.report-test',
				'resolve-hostnames.report-review'
			],
			'ip-whitelisting': [
				'ip-whitelisting.email-works',
				'ip-whitelisting.recovery',
				'ip-whitelisting.enable',
				'ip-whitelisting.lifetime',
				'ip-whitelisting.trusted',
				'ip-whitelisting.train',
				'ip-whitelisting.mailboxes',
				'ip-whitelisting.test',
				'ip-whitelisting.proxy'
			],
			'session-length': [
				'session-length.timeout',
				'session-length.require-activity',
				'session-length.remember-me-agents',
				'session-length.remember-me-users',
				'session-length.lock-screens'
			],
			'review-logs': ['review-logs.audit-log', 'review-logs.admin-list', 'review-logs.error-logs', 'review-logs.reminders', 'review-logs.keep-copy'],
			'agent-2fa': ['agent-2fa.require', 'agent-2fa.announce', 'agent-2fa.method', 'agent-2fa.admins', 'agent-2fa.verify', 'agent-2fa.recovery'],
			captcha: ['captcha.enable', 'captcha.test', 'captcha.privacy'],
			'api-keys': ['api-keys.inventory', 'api-keys.restrict', 'api-keys.rate-limit', 'api-keys.least-privilege', 'api-keys.storage', 'api-keys.rotate'],
			attachments: ['attachments.require-auth', 'attachments.blocklists', 'attachments.test']
		});
	});

	it('gives each API key row an item id from the row id, and advises by kind', () => {
		const p = practiceById.get('api-keys')!;
		const v = checkFields(p.fields, {
			keys: [
				{ id: 'a1', usedBy: 'CRM sync', keyKind: 'superuser', stillNeeded: true },
				{ id: 'b2', usedBy: 'Old chat bot', keyKind: 'agent', stillNeeded: false },
				{ id: 'c3', usedBy: 'Status page', keyKind: 'agent', stillNeeded: true }
			]
		}).values!;
		const items = p.checklist(v, contexts.cloud!);
		expect(items.map((i) => i.id)).toEqual(expect.arrayContaining(['api-keys.key.a1', 'api-keys.key.b2', 'api-keys.key.c3']));
		expect(p.settings(v, contexts.cloud!).map((r) => r.value)).toEqual([
			'CRM sync: Replace with a key bound to a dedicated agent',
			'Old chat bot: Delete the key',
			'Status page: Keep (agent-bound); check the agent’s permissions'
		]);
	});

	it('fixes the reCAPTCHA privacy item to N/A for the built-in CAPTCHA, with the reason', () => {
		const p = practiceById.get('captcha')!;
		const builtin = p.checklist(checkFields(p.fields, {}).values!, contexts.cloud!).find((i) => i.id === 'captcha.privacy')!;
		expect(builtin.notApplicable).toMatch(/built-in CAPTCHA/);
		const re = p.checklist(checkFields(p.fields, { provider: 'recaptcha' }).values!, contexts.cloud!).find((i) => i.id === 'captcha.privacy')!;
		expect(re.notApplicable).toBeUndefined();
	});

	it('gives each admin account row an item id from the row id, not its name', () => {
		const p = practiceById.get('admin-privileges')!;
		const v = checkFields(p.fields, { accounts: [{ id: 'k3j9x', name: 'Ana', keepAdmin: true, has2fa: false, hasIpWhitelist: false }] }).values!;
		const ids = p.checklist(v, contexts.cloud!).map((i) => i.id);
		expect(ids).toContain('admin-privileges.account.k3j9x');
		const renamed = checkFields(p.fields, { accounts: [{ id: 'k3j9x', name: 'Ana María', keepAdmin: true, has2fa: false, hasIpWhitelist: false }] }).values!;
		expect(p.checklist(renamed, contexts.cloud!).map((i) => i.id)).toEqual(ids);
	});
});
