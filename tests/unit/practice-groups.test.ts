/**
 * The self-hosted steps load by group, only when a plan needs them (issue 16, "Weight"; see
 * `$lib/practices`). Every other test file sees every group loaded (tests/setup-practices.ts);
 * here each test starts from a fresh module registry, as the browser does on a cold visit.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
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

/* ------------------------------------------------------------------ the wizard's state */

const KEY = 'deskpro-hardening-wizard:plan';
const KEPT = 'deskpro-hardening-wizard:unreadable-plan';

function fakeStorage(): Map<string, string> {
	const saved = new Map<string, string>();
	(globalThis as { localStorage?: unknown }).localStorage = {
		getItem: (k: string) => saved.get(k) ?? null,
		setItem: (k: string, v: string) => void saved.set(k, v),
		removeItem: (k: string) => void saved.delete(k)
	};
	return saved;
}

/** A plan's text for this hosting, written with its group loaded. */
async function hostedPlanText(deployment: string, extra: (a: Record<string, Json>) => void = () => {}): Promise<string> {
	const m = await fresh();
	const g = m.groupForDeployment(deployment);
	if (g) await m.loadGroup(g);
	const p = m.newPlan();
	answers(p).about!.deployment = deployment;
	extra(answers(p));
	return m.writePlanText(p);
}

async function freshWizard() {
	vi.resetModules();
	return (await import('$lib/plan/state.svelte')).wizard;
}

describe('the wizard with groups loading (review findings)', () => {
	afterEach(() => {
		delete (globalThis as { localStorage?: unknown }).localStorage;
		delete (globalThis as { window?: unknown }).window;
		vi.doUnmock('$lib/practices/_group-server');
	});

	it('another tab saves a plan of the other hosting while this tab loads its steps: that newest plan is read, nothing lost', async () => {
		const mine = await hostedPlanText('download', (a) => (a['server-environment']!.installPath = '/srv/one'));
		const theirs = await hostedPlanText('onprem-docker', (a) => (a.about!.helpdeskName = 'Tab B work'));
		const saved = fakeStorage();
		saved.set(KEY, mine);
		saved.set(KEPT, '{"older":"kept text"}');
		const wizard = await freshWizard();
		wizard.load();
		expect(wizard.loaded).toBe(false);
		wizard.save(); // the shell's save effect runs at once: it must not write
		expect(saved.get(KEY)).toBe(mine);
		saved.set(KEY, theirs); // the other tab saves meanwhile
		await vi.waitFor(() => expect(wizard.loaded).toBe(true));
		wizard.save();
		expect(wizard.plan.planId).toBe(JSON.parse(theirs).planId);
		expect(JSON.parse(saved.get(KEY)!).planId).toBe(JSON.parse(theirs).planId);
		expect(wizard.notice?.kind ?? null).not.toBe('unreadable');
		expect(saved.get(KEPT)).toBe('{"older":"kept text"}');
	});

	it('a Cloud plan that opened a server step once still needs no group to be read', async () => {
		const saved = fakeStorage();
		saved.set(KEY, await hostedPlanText('cloud'));
		const wizard = await freshWizard();
		const io = await import('$lib/plan/io');
		wizard.load();
		expect(wizard.loaded).toBe(true);
		expect(await wizard.openStep('server-database')).toBe(true);
		wizard.save();
		const after = JSON.parse(saved.get(KEY)!);
		expect(after.answers.about.deployment).toBe('cloud');
		expect(io.groupsForPlan(after)).toEqual([]);
		// an answer changed on such a step is kept, and then needs its group
		wizard.setAnswer('server-environment', 'installPath', '/srv/kept');
		wizard.save();
		const changed = JSON.parse(saved.get(KEY)!);
		expect(changed.answers['server-environment'].installPath).toBe('/srv/kept');
		expect(io.groupsForPlan(changed)).toEqual(['server']);
	});

	it('another tab’s older change that waits for its steps never replaces a newer one', async () => {
		const older = await hostedPlanText('download', (a) => (a['server-environment']!.installPath = '/srv/old'));
		const newer = await hostedPlanText('cloud', (a) => (a.about!.helpdeskName = 'Newest'));
		fakeStorage();
		let handler: ((e: { key: string; newValue: string | null }) => void) | undefined;
		(globalThis as { window?: unknown }).window = { addEventListener: (_: string, h: typeof handler) => (handler = h), removeEventListener() {} };
		const wizard = await freshWizard();
		wizard.load();
		const stop = wizard.listen();
		handler!({ key: KEY, newValue: older });
		handler!({ key: KEY, newValue: newer });
		expect(wizard.plan.planId).toBe(JSON.parse(newer).planId);
		await new Promise((r) => setTimeout(r, 500));
		stop();
		expect(wizard.plan.planId, 'the newest saved plan stays').toBe(JSON.parse(newer).planId);
	});

	it('another tab’s change whose steps cannot be fetched: this tab says so and saves nothing over it', async () => {
		const theirs = await hostedPlanText('download', (a) => (a['server-environment']!.installPath = '/srv/theirs'));
		const saved = fakeStorage();
		let handler: ((e: { key: string; newValue: string | null }) => void) | undefined;
		(globalThis as { window?: unknown }).window = { addEventListener: (_: string, h: typeof handler) => (handler = h), removeEventListener() {} };
		const wizard = await freshWizard();
		vi.doMock('$lib/practices/_group-server', () => {
			throw new Error('offline');
		});
		wizard.load();
		const stop = wizard.listen();
		saved.set(KEY, theirs);
		handler!({ key: KEY, newValue: theirs });
		await vi.waitFor(() => expect(wizard.syncError).toMatch(/could not load/));
		wizard.setAnswer('about', 'helpdeskName', 'Typed here');
		wizard.save();
		stop();
		expect(saved.get(KEY)).toBe(theirs);
	});

	it('a Download plan whose server steps have not loaded is not complete, and no report is made of it', async () => {
		const m = await fresh();
		const { buildReport } = await import('$lib/generators/report');
		const p = m.newPlan();
		answers(p).about!.deployment = 'download';
		answers(p).about!.helpdeskName = 'Acme';
		for (const x of m.derivePlan(p).practices) for (const it of x.items) if (!it.locked) p.checklist[it.id] = { state: 'done', reason: '', note: '', digest: it.digest };
		const d = m.derivePlan(p);
		expect(d.progress.pending).toBe(7);
		expect(d.progress.open).toBe(0);
		expect(d.progress.ratio).toBeLessThan(1);
		expect(m.unsettled(d.progress)).toBe(7);
		expect(() => buildReport(p)).toThrow(/have not loaded/);
		await m.loadGroup('server');
		expect(m.derivePlan(p).progress.pending).toBe(0);
	});
});
