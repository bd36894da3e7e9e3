/**
 * Each step's detail (why, where, standards, notes, settings rows) is its own module,
 * `<id>.detail.ts`, loaded with the step's page (issue 16, "Weight"; see `loadDetail` in
 * `$lib/practices`). What a step asks and attests (fields, items, digests, progress) never depends
 * on it; what a report prints does, so no report is made without it. Every other test file sees
 * every detail loaded (tests/setup-practices.ts); here each test starts from a fresh module
 * registry, as the browser does on a cold visit.
 */
import { describe, expect, it, vi } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { whyFor, whereFor, standardsFor } from '$lib/practices/types';

async function fresh() {
	vi.resetModules();
	const practices = await import('$lib/practices');
	const schema = await import('$lib/plan/schema');
	const derive = await import('$lib/plan/derive');
	const report = await import('$lib/generators/report');
	return { ...practices, ...schema, ...derive, ...report };
}

type Json = Record<string, unknown>;
const answers = (p: { answers: unknown }) => p.answers as Record<string, Json>;
const about = { helpdeskName: 'Acme', helpdeskUrl: 'https://help.acme.example/', deployment: 'cloud', os: 'linux', webServer: 'nginx' };

/** A Cloud plan with a few answers and ticks, so items, digests and settings have content. */
function cloudPlan(m: Awaited<ReturnType<typeof fresh>>) {
	const plan = m.newPlan();
	answers(plan).about!.helpdeskName = 'Acme';
	answers(plan).about!.helpdeskUrl = 'https://help.acme.example/';
	answers(plan)['session-length'] = { ...answers(plan)['session-length'], timeoutMinutes: 30 };
	answers(plan)['password-policy'] = { ...answers(plan)['password-policy'], minLength: 16 };
	return plan;
}

describe('a step before its detail loads', () => {
	it('has its fields, items and digests, and none of its prose; loading the detail changes no item, digest or progress', async () => {
		const m = await fresh();
		const admin = m.practices.filter((p) => !m.groupOf(p.id));
		expect(admin.length).toBeGreaterThan(10);
		for (const p of admin) {
			expect(p.detailPending, p.id).toBe(true);
			expect(whyFor(p, about), p.id).toEqual([]);
			expect(whereFor(p, about), p.id).toBe('');
			expect(p.standards, p.id).toEqual([]);
		}
		const plan = cloudPlan(m);
		const before = m.derivePlan(plan);
		// every step that applies waits for its text
		expect(before.detailsPending.sort()).toEqual(before.practices.filter((d) => d.applicability.applies).map((d) => d.practice.id).sort());
		expect(before.practices.every((d) => d.settings.length === 0 && d.notes.length === 0)).toBe(true);
		// ...and has its items (what the progress counts and a tick attests)
		for (const d of before.practices.filter((x) => x.applicability.applies)) expect(d.items.length, d.practice.id).toBeGreaterThan(0);
		const list = m.practices;
		const version = m.registryVersion();
		await m.loadDetail('session-length');
		expect(m.registryVersion()).toBeGreaterThan(version);
		expect(m.practices).toBe(list);
		const p = m.practiceById.get('session-length')!;
		expect(m.practices.find((x) => x.id === 'session-length')).toBe(p);
		expect(p.detailPending).toBeUndefined();
		expect(whyFor(p, about).join(' ')).toMatch(/unlocked/);
		// the fields' help comes with the detail, on new field objects (the module's own are untouched)
		const before2 = m.practices.find((x) => x.id === 'password-policy')!;
		expect(before2.fields.minLength!.help).toBeUndefined();
		expect(p.fields.timeoutMinutes!.help).toMatch(/From 5 minutes to 24 hours/);
		expect(standardsFor(p, about).length).toBeGreaterThan(0);
		const after = m.derivePlan(plan);
		expect(after.detailsPending).not.toContain('session-length');
		const s = after.practices.find((d) => d.practice.id === 'session-length')!;
		expect(s.settings.length).toBeGreaterThan(0);
		expect(s.settings.some((r) => r.value.includes('30 minutes'))).toBe(true);
		expect(s.notes.length).toBeGreaterThan(0);
		const shape = (d: typeof before) => d.practices.map((x) => ({ id: x.practice.id, status: x.status, items: x.items.map((i) => [i.id, i.text, i.state, i.digest]) }));
		expect(shape(after)).toEqual(shape(before));
		expect(after.progress).toEqual(before.progress);
	});

	it('no report is made while a step that applies lacks its detail; once loaded, the report is the one made with everything loaded', async () => {
		const m = await fresh();
		const plan = cloudPlan(m);
		const now = new Date('2026-12-02T10:00:00Z');
		expect(() => m.buildReport(plan, now)).toThrow(/has not loaded/);
		await m.loadDetails(m.derivePlan(plan).detailsPending);
		expect(m.derivePlan(plan).detailsPending).toEqual([]);
		const report = m.buildReport(plan, now);
		// the self-hosted steps do not apply: their detail (and group) is never needed
		expect(m.practices.filter((p) => m.groupOf(p.id)).every((p) => p.pending && p.detailPending)).toBe(true);
		const all = await fresh();
		await all.loadAllDetails();
		expect(report).toEqual(all.buildReport(structuredClone(plan), now));
		expect(report.practices.find((p) => p.id === 'password-policy')!.settings.some((r) => r.value === '16')).toBe(true);
	});

	it('a self-hosted step’s detail loads with its group: a placeholder is never given one', async () => {
		const m = await fresh();
		expect(m.practiceById.get('server-data-dir')!.pending).toBe('server');
		await m.loadDetail('server-data-dir');
		const p = m.practiceById.get('server-data-dir')!;
		expect(p.pending).toBeUndefined();
		expect(p.detailPending).toBeUndefined();
		expect(m.groupLoaded('server')).toBe(true);
		expect(Object.keys(p.fields).length + p.checklist({}, { about: { ...about, deployment: 'download' }, server: null }).length).toBeGreaterThan(0);
		expect(whyFor(p, { ...about, deployment: 'download' }).length).toBeGreaterThan(0);
		// the group's other steps are in place, still waiting for their own detail
		expect(m.practiceById.get('server-database')!.pending).toBeUndefined();
		expect(m.practiceById.get('server-database')!.detailPending).toBe(true);
		await expect(m.loadDetail('no-such-step')).rejects.toThrow(/no detail/);
	});
});

describe('every practice keeps its prose in its detail module', () => {
	const dir = join(process.cwd(), 'src/lib/practices');
	const modules = readdirSync(dir).filter((f) => /^[a-z][a-z0-9-]*\.ts$/.test(f) && !['index.ts', 'types.ts', 'applicability.ts'].includes(f));
	it.each(modules)('%s has a detail, and states none of why, where, standards, notes or settings itself', (file) => {
		const id = file.replace(/\.ts$/, '');
		const detail = readFileSync(join(dir, `${id}.detail.ts`), 'utf8');
		expect(detail).toMatch(new RegExp(`export const detail = defineDetail<typeof practice>\\(`));
		expect(detail).toMatch(/^\twhy:/m);
		expect(detail).toMatch(/^\tstandards:/m);
		const own = readFileSync(join(dir, file), 'utf8');
		for (const key of ['why', 'where', 'standards', 'notes', 'settings']) expect(own, `${file} states ${key}`).not.toMatch(new RegExp(`^\\t${key}:`, 'm'));
	});
});
