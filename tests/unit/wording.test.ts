/**
 * Wording slips found by a new user (issue 16), each pinned: a note that repeats its own title,
 * an admin with 2FA told it still needs 2FA, the web-config "where" listing every web server
 * after one was chosen, "check it with opening the site in IIS Manager".
 */
import { describe, expect, it } from 'vitest';
import { newPlan, type Plan } from '$lib/plan/schema';
import { derivePlan } from '$lib/plan/derive';
import { practiceById } from '$lib/practices';
import { whereFor } from '$lib/practices/types';

const ABOUTS = [
	{ deployment: 'cloud', os: 'linux', webServer: 'nginx' },
	{ deployment: 'download', os: 'linux', webServer: 'nginx' },
	{ deployment: 'download', os: 'linux', webServer: 'apache' },
	{ deployment: 'download', os: 'windows', webServer: 'iis' },
	{ deployment: 'onprem-docker', os: 'linux', webServer: 'nginx' }
];
const plan = (about: Record<string, string>, answers: Record<string, unknown> = {}): Plan => {
	const p = newPlan();
	(p.answers as Record<string, unknown>).about = { helpdeskName: 'Acme', helpdeskUrl: 'https://support.example.com/', ...about };
	Object.assign(p.answers, answers);
	return p;
};
const NOTE_TITLES = { info: 'Note', warning: 'Warning', disagreement: 'Sources disagree', unknown: 'Unknown' };

describe('wording', () => {
	it('no note repeats its own title ("Sources disagree: Where the sources disagree:")', () => {
		for (const about of ABOUTS) {
			for (const d of derivePlan(plan(about)).practices) {
				for (const n of d.notes) {
					expect(n.text, `${d.practice.id} ${n.kind}`).not.toMatch(/^\s*(where\s+)?(the\s+)?sources\s+disagree\b/i);
					expect(n.text.toLowerCase().startsWith(NOTE_TITLES[n.kind].toLowerCase()), `${d.practice.id}: "${n.text.slice(0, 40)}"`).toBe(false);
				}
			}
		}
	});

	it('an admin account keeps its rights: the value names only what it still lacks (2FA)', () => {
		const accounts = [
			{ id: 'a1', name: 'both@example.com', keepAdmin: true, has2fa: true, hasIpWhitelist: true },
			{ id: 'a2', name: 'tfa@example.com', keepAdmin: true, has2fa: true, hasIpWhitelist: false },
			{ id: 'a3', name: 'ip@example.com', keepAdmin: true, has2fa: false, hasIpWhitelist: true },
			{ id: 'a4', name: 'none@example.com', keepAdmin: true, has2fa: false, hasIpWhitelist: false },
			{ id: 'a5', name: 'gone@example.com', keepAdmin: false, has2fa: false, hasIpWhitelist: false }
		];
		const d = derivePlan(plan(ABOUTS[0]!, { 'admin-privileges': { accounts } })).practices.find((p) => p.practice.id === 'admin-privileges')!;
		// IP whitelisting is one helpdesk-wide setting, not per account (issue #15): only 2FA is named.
		const value = (who: string) => d.settings.find((r) => r.value.startsWith(`${who}: `))?.value.slice(who.length + 2);
		expect(value('both@example.com')).toBe('Keep (2FA in place)');
		expect(value('tfa@example.com')).toBe('Keep (2FA in place)');
		expect(value('ip@example.com')).toBe('Keep (needs 2FA)');
		expect(value('none@example.com')).toBe('Keep (needs 2FA)');
		expect(value('gone@example.com')).toBe('Remove admin rights');
	});

	it('the web-config step says where for the chosen web server only', () => {
		const p = practiceById.get('server-web-config')!;
		const where = (webServer: string) => whereFor(p, { helpdeskName: 'A', helpdeskUrl: 'https://a.example.com/', deployment: 'download', os: webServer === 'iis' ? 'windows' : 'linux', webServer });
		expect(where('nginx')).toMatch(/nginx/);
		expect(where('nginx')).not.toMatch(/Apache|IIS/);
		expect(where('apache')).toMatch(/Apache/);
		expect(where('apache')).not.toMatch(/nginx|IIS/);
		expect(where('iis')).toMatch(/IIS/);
		expect(where('iis')).not.toMatch(/nginx|Apache/);
	});

	it('checklist items read as English: no "check it with opening"', () => {
		for (const about of ABOUTS) {
			for (const d of derivePlan(plan(about)).practices) {
				for (const it of d.items) expect(it.text, it.id).not.toMatch(/\bwith opening\b/);
			}
		}
		const iis = derivePlan(plan(ABOUTS[3]!)).practices.find((p) => p.practice.id === 'server-web-config')!;
		expect(iis.items.find((i) => i.id === 'server-web-config.install')?.text).toMatch(/check it by opening the site in IIS Manager/);
	});
});
