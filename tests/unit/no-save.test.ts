/**
 * "Do not save progress" in the storage module (the switch itself: tests/e2e/no-save.spec.ts):
 * while it is on, neither the plan nor the kept original of unreadable progress is written.
 */
import { describe, expect, it } from 'vitest';
import { loadPlan, NO_SAVE_KEY, savePlan, setSavingOff, STORAGE_KEY, UNREADABLE_KEY } from '$lib/plan/storage';
import { planWith } from '../servers/env';

function memory() {
	const m = new Map<string, string>();
	const writes: string[] = [];
	return {
		m,
		writes,
		store: { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => (writes.push(k), void m.set(k, v)), removeItem: (k: string) => void m.delete(k) }
	};
}

describe('do not save progress', () => {
	it('switched on: the saved plan is deleted, and saving writes nothing but the switch', () => {
		const { m, writes, store } = memory();
		const plan = planWith({}, { helpdeskName: 'Acme Private' });
		expect(savePlan(store, plan)).toBeNull();
		expect(m.get(STORAGE_KEY)).toContain('Acme Private');
		expect(setSavingOff(store, true)).toBeNull();
		writes.length = 0;
		(plan.answers.about as Record<string, unknown>).helpdeskName = 'Changed';
		expect(savePlan(store, plan)).toBeNull();
		expect(writes).toEqual([]);
		expect([...m.entries()]).toEqual([[NO_SAVE_KEY, '1']]);
	});

	it('switched on: unreadable saved text is not copied aside; switched off: saving works again', () => {
		const { m, writes, store } = memory();
		setSavingOff(store, true);
		m.set(STORAGE_KEY, '{"kind":"deskpro-hardening-plan","version":3,"planId":"x"');
		writes.length = 0;
		loadPlan(store);
		expect(writes).toEqual([]);
		expect(m.has(UNREADABLE_KEY)).toBe(false);
		setSavingOff(store, false);
		savePlan(store, planWith({}));
		expect(m.has(STORAGE_KEY)).toBe(true);
		expect(m.has(NO_SAVE_KEY)).toBe(false);
	});
});
