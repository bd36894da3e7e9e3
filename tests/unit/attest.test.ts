/**
 * Issue 13: a tick attests specific content. Unit tests of the attestation core (digest,
 * "changed since you ticked it", invalid inputs, skips without a reason, migration of old ticks),
 * the salvaging load, and a fast-check property over edits, ticks, reloads and imports.
 */
import { describe, expect, it, beforeEach } from 'vitest';
import fc from 'fast-check';
import { newPlan, PLAN_VERSION, type Plan } from '$lib/plan/schema';
import { derivePlan, type DerivedItem } from '$lib/plan/derive';
import { exportPlanText, readPlanText } from '$lib/plan/io';
import { loadPlan, savePlan, deleteKeptOriginal, STORAGE_KEY, UNREADABLE_KEY } from '$lib/plan/storage';
import { wizard } from '$lib/plan/state.svelte';
import { APPLY_ORDER, fileRank, stepBefore } from '$lib/apply-order';
import { practices } from '$lib/practices';
import { outputsFor } from '$lib/outputs';
import { planWith } from '../servers/env';

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

const items = (p: Plan): DerivedItem[] => derivePlan(p).practices.flatMap((d) => d.items);
const itemOf = (p: Plan, id: string) => items(p).find((i) => i.id === id)!;
const snap = (p: Plan) => JSON.parse(JSON.stringify(p)) as Plan;

beforeEach(() => {
	wizard.replace(newPlan());
	wizard.previous = null;
});

describe('a tick attests the content it was given for', () => {
	it('changing the answer after ticking makes the item "changed"; confirming makes it done again', () => {
		expect(wizard.setItem('password-policy.apply', { state: 'done' })).toBeNull();
		expect(wizard.item('password-policy.apply')!.state).toBe('done');
		wizard.setAnswer('password-policy', 'minLength', 20);
		const it = wizard.item('password-policy.apply')!;
		expect(it.text).toContain('minimum length 20');
		expect(it.state).toBe('changed');
		expect(wizard.derived.progress.changed).toBeGreaterThan(0);
		expect(wizard.derived.practices.find((p) => p.practice.id === 'password-policy')!.status).not.toBe('done');
		// back to the attested value: done again, nothing to confirm
		wizard.setAnswer('password-policy', 'minLength', 15);
		expect(wizard.item('password-policy.apply')!.state).toBe('done');
		wizard.setAnswer('password-policy', 'minLength', 20);
		expect(wizard.confirmItem('password-policy.apply')).toBeNull();
		expect(wizard.item('password-policy.apply')!.state).toBe('done');
	});

	it('a note never re-attests; the digest ignores notes and reasons', () => {
		wizard.setItem('password-policy.apply', { state: 'done' });
		wizard.setAnswer('password-policy', 'minLength', 20);
		wizard.setItem('password-policy.apply', { note: 'checked' });
		expect(wizard.item('password-policy.apply')!.state).toBe('changed');
	});

	it('switching web server makes the old server’s ticks "changed"', () => {
		const p = planWith({}, { webServer: 'nginx' });
		wizard.replace(p);
		expect(wizard.setItem('server-web-config.install', { state: 'done' })).toBeNull();
		expect(wizard.item('server-web-config.install')!.state).toBe('done');
		wizard.setAnswer('about', 'webServer', 'apache');
		expect(wizard.item('server-web-config.install')!.state).toBe('changed');
		wizard.setAnswer('about', 'webServer', 'iis');
		wizard.setAnswer('about', 'os', 'windows');
		expect(['changed', 'na']).toContain(wizard.item('server-web-config.install')!.state);
		expect(wizard.item('server-web-config.install')!.state).not.toBe('done');
	});

	it('an item of a step with invalid answers cannot be Done', () => {
		wizard.setItem('session-length.timeout', { state: 'done' });
		wizard.setAnswer('session-length', 'timeoutMinutes', 3);
		const it = wizard.item('session-length.timeout')!;
		expect(it.blocked).toMatch(/invalid/);
		expect(it.state).not.toBe('done');
		expect(wizard.setItem('session-length.timeout', { state: 'done' })).toMatch(/invalid/);
		expect(wizard.markItems(['session-length.timeout', 'password-policy.apply'], 'done')).toEqual(['password-policy.apply']);
	});

	it('an item whose note or reason holds a control or bidi character can be neither Done, Skipped nor N/A (issue 12)', () => {
		const id = 'password-policy.apply';
		// refused when set, with the field's message; "Mark all" leaves it as it is
		wizard.setItem(id, { note: 'ok \u001b[2J' });
		expect(wizard.item(id)!.blocked).toMatch(/U\+001B/);
		expect(wizard.setItem(id, { state: 'done' })).toMatch(/U\+001B/);
		expect(wizard.setItem(id, { state: 'skipped', reason: 'SSO' })).toMatch(/U\+001B/);
		expect(wizard.setItem(id, { state: 'na', reason: 'not here' })).toMatch(/U\+001B/);
		expect(wizard.plan.checklist[id]!.state).toBe('open');
		expect(wizard.markItems([id, 'password-policy.password-manager'], 'done')).toEqual(['password-policy.password-manager']);
		// a patch that brings its own bad reason is refused too, and stores nothing
		expect(wizard.setItem('session-length.timeout', { state: 'skipped', reason: 'evil \u202e' })).toMatch(/U\+202E/);
		expect(wizard.plan.checklist['session-length.timeout']?.state ?? 'open').toBe('open');
		// the note made clean: Done is possible again
		wizard.setItem(id, { note: 'ok' });
		expect(wizard.item(id)!.blocked).toBeUndefined();
		expect(wizard.setItem(id, { state: 'done' })).toBeNull();
		// a tick stored before (an old plan, an edit after ticking) counts as open while the text holds one
		wizard.setItem(id, { note: 'bell \u0007' });
		expect(wizard.item(id)!.state).toBe('open');
		wizard.setItem('session-length.timeout', { state: 'skipped', reason: 'not used' });
		expect(wizard.item('session-length.timeout')!.state).toBe('skipped');
		wizard.setItem('session-length.timeout', { reason: 'not used \u2066' });
		expect(wizard.item('session-length.timeout')!.state).toBe('open');
		wizard.setItem('session-length.timeout', { state: 'na', reason: 'not used' });
		expect(wizard.item('session-length.timeout')!.state).toBe('na');
		wizard.setItem('session-length.timeout', { reason: 'not used \u200f' });
		expect(wizard.item('session-length.timeout')!.state).toBe('open');
		expect(wizard.derived.practices.find((p) => p.practice.id === 'session-length')!.status).not.toBe('done');
	});

	it('Skipped without a reason counts as open until the reason is given', () => {
		wizard.setItem('password-policy.password-manager', { state: 'skipped' });
		let it = wizard.item('password-policy.password-manager')!;
		expect(it.state).toBe('open');
		expect(it.needsReason).toBe(true);
		wizard.setItem('password-policy.password-manager', { reason: 'Agents sign in with SSO' });
		it = wizard.item('password-policy.password-manager')!;
		expect(it.state).toBe('skipped');
	});

	it('ticks of a version-2 plan are migrated with the digest of their current content', () => {
		const p = newPlan();
		p.checklist['password-policy.apply'] = { state: 'done', reason: '', note: '' };
		p.checklist['password-policy.password-manager'] = { state: 'skipped', reason: 'SSO', note: '' };
		const v2 = { ...JSON.parse(JSON.stringify(p)), version: 2 };
		const r = readPlanText(JSON.stringify(v2));
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.migratedFrom).toBe(2);
		expect(r.plan.version).toBe(PLAN_VERSION);
		expect(itemOf(r.plan, 'password-policy.apply').state).toBe('done');
		expect(itemOf(r.plan, 'password-policy.password-manager').state).toBe('skipped');
		// a version-3 tick without a digest attests nothing
		const bare = readPlanText(JSON.stringify(p));
		expect(bare.ok && itemOf(bare.plan, 'password-policy.apply').state).toBe('changed');
	});
});

describe('loading never discards a plan for one bad value', () => {
	it('a 5,001-character note and a 10,000-character reason are kept; a note over the limit is left out, reported and kept aside', () => {
		const s = new MemoryStorage();
		const p = newPlan();
		(p.answers.about as Record<string, unknown>).helpdeskName = 'Łódź';
		p.checklist['password-policy.apply'] = { state: 'open', reason: '', note: 'n'.repeat(5001) };
		p.checklist['password-policy.password-manager'] = { state: 'skipped', reason: 'r'.repeat(10_000), note: '' };
		savePlan(s, p);
		expect(loadPlan(s).plan).toEqual(p);

		const spoiled = JSON.parse(s.getItem(STORAGE_KEY)!);
		spoiled.checklist['password-policy.apply'].note = 'x'.repeat(30_000);
		const original = JSON.stringify(spoiled);
		s.setItem(STORAGE_KEY, original);
		const r = loadPlan(s);
		expect(r.notice?.kind).toBe('salvaged');
		expect(r.notice?.dropped).toEqual([{ path: 'checklist.password-policy.apply.note', problem: expect.stringMatching(/at most 20000 characters/), text: 'x'.repeat(30_000) }]);
		expect(r.plan.planId).toBe(p.planId);
		expect((r.plan.answers.about as Record<string, unknown>).helpdeskName).toBe('Łódź');
		expect(r.plan.checklist['password-policy.password-manager']!.reason).toHaveLength(10_000);
		expect(s.getItem(UNREADABLE_KEY)).toBe(original);
		// the salvaged plan is saved; the original stays until deleted, and is a loadable plan file
		savePlan(s, r.plan);
		const again = loadPlan(s);
		expect(again.notice?.kind).toBe('kept');
		expect(again.notice?.raw).toBe(original);
		expect(readPlanText(again.notice!.raw!).ok).toBe(true);
		deleteKeptOriginal(s);
		expect(loadPlan(s).notice).toBeNull();
	});

	it('bad top-level values are replaced and reported, never the whole plan', () => {
		const p = newPlan();
		p.checklist['password-policy.apply'] = { state: 'done', reason: '', note: 'kept' };
		const j = JSON.parse(JSON.stringify(p));
		j.planId = 'NOT A VALID ID!';
		j.answers.about = 'not an object';
		j.checklist['x'.repeat(300)] = { state: 'done' };
		const r = readPlanText(JSON.stringify(j));
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.dropped.map((d) => d.path).sort()).toEqual(['answers.about', `checklist.${'x'.repeat(300)}`, 'planId'].sort());
		expect(r.plan.checklist['password-policy.apply']!.note).toBe('kept');
	});

	it('text that is not a plan at all is kept aside, never overwritten by the fresh plan', () => {
		const s = new MemoryStorage();
		s.setItem(STORAGE_KEY, '{"kind":"deskpro-hardening-plan","version":3,"planId":');
		const r = loadPlan(s);
		expect(r.notice?.kind).toBe('unreadable');
		savePlan(s, r.plan);
		s.setItem(STORAGE_KEY, 'also broken');
		loadPlan(s);
		expect(s.getItem(UNREADABLE_KEY)).toBe('{"kind":"deskpro-hardening-plan","version":3,"planId":');
	});
});

describe('the one apply order', () => {
	it('database account before config.php, data moved before config.php and before permissions, web server after', () => {
		const ids = practices.map((p) => p.id);
		const at = (id: string) => ids.indexOf(id);
		expect(at('server-database')).toBeLessThan(at('server-config-php'));
		expect(at('server-data-dir')).toBeLessThan(at('server-config-php'));
		expect(at('server-data-dir')).toBeLessThan(at('server-permissions'));
		expect(at('server-config-php')).toBeLessThan(at('server-permissions'));
		expect(at('server-permissions')).toBeLessThan(at('server-web-config'));
		// the steps follow APPLY_ORDER exactly
		expect(ids.filter((id) => APPLY_ORDER.some((s) => s.step === id))).toEqual(APPLY_ORDER.map((s) => s.step));
		expect(stepBefore('server-permissions')).toBe('server-config-php');
	});

	it('the generated files follow the steps they are applied at', () => {
		const files = outputsFor(planWith({}, { webServer: 'nginx' }));
		expect(files.length).toBeGreaterThan(3);
		const step = (id: string) => APPLY_ORDER.findIndex((s) => s.files.includes(id));
		const ranks = files.filter((f) => f.id !== 'audit-script').map((f) => step(f.id));
		expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
		expect(files.map((f) => f.applyOrder)).toEqual(files.map((f) => fileRank(f.id)));
		const order = files.map((f) => f.id);
		expect(order.indexOf('mysql')).toBeLessThan(order.indexOf('config-php'));
		expect(order.indexOf('move-data')).toBeLessThan(order.indexOf('permissions'));
	});

	it('on Windows, the script that moves data/ comes before config.php names the new place, on the Move data/ step', () => {
		const files = outputsFor(planWith({}, { os: 'windows', webServer: 'iis' }));
		const order = files.map((f) => f.id);
		expect(order).toContain('windows-permissions');
		// deskpro-permissions.ps1 moves data/ (and prints NEXT: add the dir_data line); listed after
		// config.php, an admin following the order points dir_data at a directory that does not exist yet
		expect(order.indexOf('windows-permissions')).toBeLessThan(order.indexOf('config-php'));
		expect(order.indexOf('mysql')).toBeLessThan(order.indexOf('windows-permissions'));
		expect(files.find((f) => f.id === 'windows-permissions')!.practiceId).toBe('server-data-dir');
		expect(files.map((f) => f.applyOrder)).toEqual(files.map((f) => fileRank(f.id)));
		const step = (id: string) => APPLY_ORDER.findIndex((s) => s.files.includes(id));
		const ranks = files.filter((f) => f.id !== 'audit-script').map((f) => step(f.id));
		expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
	});
});

describe('property: edits, ticks, reloads and imports', () => {
	type Op =
		| { kind: 'answer'; step: string; key: string; value: unknown }
		| { kind: 'tick'; item: number; state: 'open' | 'done' | 'skipped' | 'na'; reason: string }
		| { kind: 'confirm'; item: number }
		| { kind: 'reload' }
		| { kind: 'import' }
		| { kind: 'secret'; generated: boolean }
		| { kind: 'newPlanAfterDownload' };
	const answers: fc.Arbitrary<Op> = fc.oneof(
		fc.record({ kind: fc.constant('answer' as const), step: fc.constant('password-policy'), key: fc.constant('minLength'), value: fc.oneof(fc.integer({ min: 1, max: 80 }), fc.constant('abc')) }),
		fc.record({ kind: fc.constant('answer' as const), step: fc.constant('session-length'), key: fc.constant('timeoutMinutes'), value: fc.oneof(fc.integer({ min: 1, max: 2000 }), fc.constant('')) }),
		fc.record({ kind: fc.constant('answer' as const), step: fc.constant('about'), key: fc.constant('webServer'), value: fc.constantFrom('nginx', 'apache', 'iis') }),
		fc.record({ kind: fc.constant('answer' as const), step: fc.constant('about'), key: fc.constant('deployment'), value: fc.constantFrom('cloud', 'download') }),
		fc.record({ kind: fc.constant('answer' as const), step: fc.constant('server-environment'), key: fc.constant('installPath'), value: fc.constantFrom('/var/www/deskpro', '/srv/deskpro', 'relative') })
	);
	const op: fc.Arbitrary<Op> = fc.oneof(
		answers,
		fc.record({ kind: fc.constant('tick' as const), item: fc.nat(200), state: fc.constantFrom('open', 'done', 'skipped', 'na'), reason: fc.constantFrom('', 'SSO', 'x'.repeat(6000)) }),
		fc.record({ kind: fc.constant('confirm' as const), item: fc.nat(200) }),
		fc.constant({ kind: 'reload' as const }),
		fc.constant({ kind: 'import' as const }),
		fc.record({ kind: fc.constant('secret' as const), generated: fc.boolean() }),
		fc.constant({ kind: 'newPlanAfterDownload' as const })
	);
	const SECRET = 'Typed-Database-Password-42';

	it('never yields a Done item whose attested digest differs from its content, and never loses the stored plan', () => {
		fc.assert(
			fc.property(fc.array(op, { minLength: 1, maxLength: 25 }), (ops) => {
				const s = new MemoryStorage();
				wizard.replace(planWith({}, { webServer: 'nginx' }));
				const planId = wizard.plan.planId;
				savePlan(s, wizard.plan);
				for (const o of ops) {
					const all = wizard.derived.practices.flatMap((d) => d.items);
					if (o.kind === 'answer') wizard.setAnswer(o.step, o.key, o.value);
					else if (o.kind === 'tick') {
						const id = all[o.item % all.length]!.id;
						wizard.setItem(id, { state: o.state });
						if (o.reason) wizard.setItem(id, { reason: o.reason });
					} else if (o.kind === 'confirm') wizard.confirmItem(all[o.item % all.length]!.id);
					else if (o.kind === 'reload') {
						const r = loadPlan(s);
						expect(r.notice?.kind ?? 'none').not.toBe('unreadable');
						wizard.replace(r.plan);
					} else if (o.kind === 'secret') {
						// a typed or generated database password: memory only
						if (o.generated) wizard.generateAnswer('server-environment', 'dbPassword', SECRET);
						else wizard.setAnswer('server-environment', 'dbPassword', SECRET);
					} else if (o.kind === 'newPlanAfterDownload') {
						// "Start a new plan" after downloading the current one, then loading the download back
						const text = exportPlanText(snap(wizard.plan), { includeSecrets: false });
						wizard.startNew();
						const r = readPlanText(text);
						expect(r.ok).toBe(true);
						if (r.ok) wizard.replace(r.plan);
					} else {
						const r = readPlanText(exportPlanText(snap(wizard.plan), { includeSecrets: false }));
						expect(r.ok).toBe(true);
						if (r.ok) wizard.replace(r.plan);
					}
					expect(savePlan(s, wizard.plan)).toBeNull();
					expect(s.getItem(STORAGE_KEY) ?? '').not.toContain(SECRET);
					// the invariant, on the live state and on what a reload would give
					for (const plan of [wizard.plan, loadPlan(s).plan]) {
						expect(plan.planId).toBe(planId);
						for (const it of items(plan)) {
							if (it.state === 'done' && !it.audit) expect(plan.checklist[it.id]?.digest).toBe(it.digest);
							if (it.state === 'skipped') expect(it.reason.trim()).not.toBe('');
						}
						const invalid = derivePlan(plan).practices.filter((d) => d.status === 'invalid' || !d.checked.ok);
						for (const d of invalid) for (const it of d.items) expect(it.state).not.toBe('done');
					}
				}
			}),
			{ numRuns: 60 }
		);
	}, 240_000);
});
