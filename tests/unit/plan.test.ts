import { describe, expect, it } from 'vitest';
import { newPlan, planSchema, PLAN_VERSION } from '$lib/plan/schema';
import { readPlanText, writePlanText } from '$lib/plan/io';
import { loadPlan, savePlan, STORAGE_KEY, UNREADABLE_KEY } from '$lib/plan/storage';
import { derivePlan } from '$lib/plan/derive';
import { practices } from '$lib/practices';

class MemoryStorage {
	m = new Map<string, string>();
	getItem(k: string) {
		return this.m.get(k) ?? null;
	}
	setItem(k: string, v: string) {
		this.m.set(k, v);
	}
	removeItem(k: string) {
		this.m.delete(k);
	}
}

describe('plan schema', () => {
	it('a new plan has the current version and defaults for every step', () => {
		const p = newPlan();
		expect(p.version).toBe(PLAN_VERSION);
		expect(p.answers.about).toMatchObject({ deployment: 'cloud', os: 'linux', webServer: 'nginx', helpdeskName: '' });
		for (const pr of practices) expect(p.answers[pr.id as keyof typeof p.answers]).toBeTypeOf('object');
	});

	it('keeps an invalid half-typed value so it can be fixed after a reload', () => {
		const p = newPlan();
		(p.answers['password-policy'] as Record<string, unknown>).minLength = '1x';
		const back = readPlanText(writePlanText(p));
		expect(back.ok && (back.plan.answers['password-policy'] as Record<string, unknown>).minLength).toBe('1x');
		const d = derivePlan(back.ok ? back.plan : p);
		const pp = d.practices.find((x) => x.practice.id === 'password-policy')!;
		expect(pp.checked.errors.minLength).toMatch(/whole number/);
		expect(pp.settings).toEqual([]);
		expect(pp.status).toBe('invalid');
	});

	it('replaces a value of the wrong JSON type by its default rather than failing', () => {
		const p = JSON.parse(writePlanText(newPlan()));
		p.answers['password-policy'].forbidReuse = 'yes';
		const r = readPlanText(JSON.stringify(p));
		expect(r.ok).toBe(true);
		if (r.ok) expect((r.plan.answers['password-policy'] as Record<string, unknown>).forbidReuse).toBe(false);
	});
});

describe('migration', () => {
	it('migrates a version 1 plan (prototype shape) to the current version', () => {
		const v1 = {
			version: 1,
			planId: 'abcdef12-3456-4789-8abc-def012345678',
			createdAt: '2026-01-02T03:04:05.000Z',
			helpdesk: { name: 'Ñuñoa Soporte', url: 'https://help.example.cl/', deployment: 'download', os: 'linux', webServer: 'apache' },
			practices: { 'password-policy': { minLength: 16 } },
			done: ['password-policy.apply']
		};
		const r = readPlanText(JSON.stringify(v1));
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.migratedFrom).toBe(1);
		expect(r.plan.version).toBe(PLAN_VERSION);
		expect(r.plan.answers.about).toMatchObject({ helpdeskName: 'Ñuñoa Soporte', deployment: 'download', webServer: 'apache' });
		expect((r.plan.answers['password-policy'] as Record<string, unknown>).minLength).toBe(16);
		expect(r.plan.checklist['password-policy.apply']?.state).toBe('done');
		expect(() => planSchema().parse(r.plan)).not.toThrow();
	});

	it('refuses plans from a newer wizard and non-plans with a message', () => {
		const newer = readPlanText(JSON.stringify({ ...newPlan(), version: PLAN_VERSION + 1 }));
		expect(newer).toMatchObject({ ok: false, message: expect.stringMatching(/newer version/) });
		expect(readPlanText('[1,2]')).toMatchObject({ ok: false, message: expect.stringMatching(/not a plan/) });
		expect(readPlanText('{"kind":"something-else","version":2}')).toMatchObject({ ok: false, message: expect.stringMatching(/not a Deskpro hardening plan/) });
		expect(readPlanText('{"kind":"deskpro-hardening-plan","vers')).toMatchObject({ ok: false, message: expect.stringMatching(/not valid JSON/) });
	});
});

describe('migration to version 4 (which Deskpro the admin runs)', () => {
	const v3 = (about: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
		JSON.stringify({ kind: 'deskpro-hardening-plan', version: 3, planId: 'abcdef12-3456', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', answers: { about, ...extra }, checklist: {} });
	it.each([
		['cloud', 'cloud'],
		['download', 'legacy'],
		['onprem-docker', 'current']
	])('a version-3 plan hosted on %s loads with the version %s, its answers kept', (deployment, version) => {
		const r = readPlanText(v3({ helpdeskName: 'Acme', helpdeskUrl: 'https://support.example.com/', deployment }));
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.migratedFrom).toBe(3);
		expect(r.plan.version).toBe(PLAN_VERSION);
		expect(r.plan.answers.about).toMatchObject({ helpdeskName: 'Acme', deployment, deskproVersion: version });
		expect(derivePlan(r.plan).about.errors).toEqual({});
	});
	it('the one 2FA "method" of version 3 becomes the two switches', () => {
		const r = readPlanText(v3({ deployment: 'cloud' }, { 'agent-2fa': { method: 'email', requireAll: true } }));
		expect(r.ok && r.plan.answers['agent-2fa']).toMatchObject({ totp: false, email: true, requireAll: true });
	});
	it('a hosting and version that contradict each other are refused at the field', () => {
		const p = newPlan();
		p.answers.about = { ...(p.answers.about as Record<string, unknown>), deployment: 'download', deskproVersion: 'cloud' };
		expect(derivePlan(p).about.errors.deskproVersion).toMatch(/self-hosted/);
	});
});

describe('storage', () => {
	it('saves and restores a plan', () => {
		const s = new MemoryStorage();
		const p = newPlan();
		(p.answers.about as Record<string, unknown>).helpdeskName = 'Łódź Śródmieście';
		p.checklist['password-policy.apply'] = { state: 'skipped', reason: 'SSO only', note: '' };
		expect(savePlan(s, p)).toBeNull();
		const r = loadPlan(s);
		expect(r.notice).toBeNull();
		expect(r.plan).toEqual(p);
	});

	it('corrupt storage starts fresh, keeps the raw text aside and offers it', () => {
		const s = new MemoryStorage();
		s.setItem(STORAGE_KEY, '{"kind":"deskpro-hardening-plan","version":2,"planId":');
		const r = loadPlan(s);
		expect(r.plan.version).toBe(PLAN_VERSION);
		expect(r.notice?.kind).toBe('unreadable');
		expect(r.notice?.raw).toContain('"planId":');
		expect(s.getItem(UNREADABLE_KEY)).toContain('"planId":');
		expect(s.getItem(STORAGE_KEY)).toBeNull();
	});

	it('a storage that throws does not crash', () => {
		const r = loadPlan({
			getItem: () => {
				throw new Error('SecurityError');
			},
			setItem: () => {},
			removeItem: () => {}
		});
		expect(r.notice?.kind).toBe('unreadable');
		expect(savePlan({ getItem: () => null, removeItem: () => {}, setItem: () => { throw new Error('QuotaExceededError'); } }, r.plan)).toMatch(/could not be saved/);
	});
});
