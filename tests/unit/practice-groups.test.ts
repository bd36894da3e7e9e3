/**
 * The self-hosted steps load by group, only when a plan needs them (issue 16, "Weight"; see
 * `$lib/practices`). Every other test file sees every group loaded (tests/setup-practices.ts);
 * here each test starts from a fresh module registry, as the browser does on a cold visit.
 */
import { describe, expect, it, vi } from 'vitest';
import { summaryFor } from '$lib/practices/types';

async function fresh() {
	vi.resetModules();
	const practices = await import('$lib/practices');
	const schema = await import('$lib/plan/schema');
	const io = await import('$lib/plan/io');
	const derive = await import('$lib/plan/derive');
	return { ...practices, ...schema, ...io, ...derive };
}

type Json = Record<string, unknown>;
const answers = (p: { answers: unknown }) => p.answers as Record<string, Json>;

describe('self-hosted steps before their group loads', () => {
	it('are placeholders in their place, with title, summary and where they apply, and no fields or items', async () => {
		const m = await fresh();
		const pending = m.practices.filter((p) => p.pending);
		expect(pending.map((p) => p.id).sort()).toEqual(
			['docker-compose', 'docker-database', 'docker-environment', 'docker-proxy', 'server-config-php', 'server-data-dir', 'server-database', 'server-environment', 'server-permissions', 'server-post-checks', 'server-web-config'].sort()
		);
		for (const p of pending) {
			expect(p.title.length, p.id).toBeGreaterThan(3);
			expect(summaryFor(p, null).length, p.id).toBeGreaterThan(20);
			expect(p.appliesTo?.deployments, p.id).toBeDefined();
			expect(p.fields).toEqual({});
		}
		const order = m.practices.map((p) => p.id);
		const list = m.practices;
		await m.loadAllGroups();
		// the same array, the same order, every placeholder replaced by its step
		expect(m.practices).toBe(list);
		expect(m.practices.map((p) => p.id)).toEqual(order);
		expect(m.practices.some((p) => p.pending)).toBe(false);
		for (const p of m.practices) expect(m.practiceById.get(p.id)).toBe(p);
	});

	it('a Cloud plan derives exactly as with every step loaded: the self-hosted steps not applicable, with their reason', async () => {
		const a = await fresh();
		const plan = a.newPlan();
		answers(plan).about!.helpdeskName = 'Acme';
		const before = a.derivePlan(plan);
		for (const d of before.practices.filter((x) => x.practice.pending)) {
			expect(d.status, d.practice.id).toBe('na');
			expect(d.applicability).toMatchObject({ applies: false, reason: expect.stringMatching(/Deskpro Cloud/) });
		}
		const text = a.writePlanText(plan);
		await a.loadAllGroups();
		const after = a.derivePlan(a.readPlanText(text).ok ? (a.readPlanText(text) as { plan: typeof plan }).plan : plan);
		const admin = (d: typeof before) =>
			d.practices.filter((x) => !a.groupOf(x.practice.id)).map((x) => ({ id: x.practice.id, status: x.status, items: x.items.map((i) => [i.id, i.state, i.digest]) }));
		expect(admin(before)).toEqual(admin(after));
		expect(before.practices.map((x) => [x.practice.id, x.applicability])).toEqual(after.practices.map((x) => [x.practice.id, x.applicability]));
		// the progress counts the steps that apply only: the same figures with or without the self-hosted steps
		expect(before.progress).toEqual(after.progress);
	});

	it('a new Cloud plan saves no self-hosted answers and reads back without loading any group', async () => {
		const m = await fresh();
		const text = m.writePlanText(m.newPlan());
		const json = JSON.parse(text) as { answers: Record<string, unknown> };
		expect(json.answers['server-environment']).toEqual({});
		expect(m.groupsForPlan(json)).toEqual([]);
		const r = m.readPlanText(text);
		expect(r.ok).toBe(true);
		expect(m.practices.some((p) => p.pending)).toBe(true);
	});

	it('a placeholder in a plan whose hosting needs it is never shown as done', async () => {
		const m = await fresh();
		const plan = m.newPlan();
		answers(plan).about!.deployment = 'download';
		const d = m.derivePlan(plan).practices.find((x) => x.practice.id === 'server-post-checks')!;
		expect(d.applicability.applies).toBe(true);
		expect(d.status).toBe('todo');
	});
});

describe('reading a plan that needs a group', () => {
	/** A Download plan's text, written with every group loaded. */
	async function downloadPlanText(extra: (p: Record<string, Json>) => void = () => {}): Promise<string> {
		const m = await fresh();
		await m.loadAllGroups();
		const p = m.newPlan();
		answers(p).about!.deployment = 'download';
		answers(p)['server-environment']!.installPath = '/srv/deskpro/www';
		extra(answers(p));
		return JSON.stringify(p);
	}

	it('names the groups it needs: its hosting’s, and any whose answers it holds', async () => {
		const text = await downloadPlanText();
		const m = await fresh();
		expect(m.groupsForPlan(JSON.parse(text))).toEqual(['server', 'docker']);
		const cloud = JSON.parse(text) as { answers: Record<string, Json> };
		cloud.answers.about!.deployment = 'cloud';
		for (const k of Object.keys(cloud.answers)) if (k.startsWith('docker-')) cloud.answers[k] = {};
		expect(m.groupsForPlan(cloud)).toEqual(['server']);
		cloud.answers['server-environment'] = {};
		for (const k of Object.keys(cloud.answers)) if (k.startsWith('server-')) cloud.answers[k] = {};
		expect(m.groupsForPlan(cloud)).toEqual([]);
	});

	it('is refused, not read without its fields, until the group is loaded; then its answers are kept', async () => {
		const text = await downloadPlanText();
		const m = await fresh();
		expect(m.groupsReadyFor(text)).toBe(false);
		const early = m.readPlanText(text);
		expect(early.ok).toBe(false);
		if (!early.ok) expect(early.message).toMatch(/could not be loaded/);
		await m.loadGroupsFor(text);
		expect(m.groupsReadyFor(text)).toBe(true);
		const r = m.readPlanText(text);
		expect(r.ok).toBe(true);
		if (r.ok) {
			expect(answers(r.plan)['server-environment']!.installPath).toBe('/srv/deskpro/www');
			expect(m.derivePlan(r.plan).practices.find((x) => x.practice.id === 'server-environment')!.practice.pending).toBeUndefined();
		}
	});

	it('an imported Cloud plan carrying a database password: the secret is recognised and never written back', async () => {
		const text = await downloadPlanText((a) => {
			a.about!.deployment = 'cloud';
			a['server-environment']!.dbPassword = 'Smuggled-Secret-123456789';
		});
		const withKeep = JSON.stringify({ ...JSON.parse(text), keepSecrets: true });
		const m = await fresh();
		expect(m.readImportedPlanText(withKeep).ok).toBe(false);
		await m.loadGroupsFor(withKeep);
		const r = m.readImportedPlanText(withKeep);
		expect(r.ok).toBe(true);
		if (r.ok) {
			expect(r.plan.keepSecrets).toBe(false);
			expect(m.writePlanText(r.plan)).not.toContain('Smuggled-Secret');
		}
	});

	it('a group installs once: the schema is rebuilt for it and the version moves', async () => {
		const m = await fresh();
		const s0 = m.planSchema();
		const v0 = m.registryVersion();
		expect(m.planSchema()).toBe(s0);
		await m.loadGroup('server');
		await m.loadGroup('server');
		expect(m.registryVersion()).toBe(v0 + 1);
		expect(m.planSchema()).not.toBe(s0);
		expect(m.groupLoaded('server')).toBe(true);
		expect(m.groupLoaded('docker')).toBe(false);
	});
});
