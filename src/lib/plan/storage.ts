/**
 * localStorage persistence. Saved data never crashes the page and is never lost:
 * - a plan with some bad values is salvaged value by value (see `readPlanJson`); what was left
 *   out is reported with its original text, and the original saved text is kept aside;
 * - saved data that is not a plan at all is kept aside too, and a fresh plan is started.
 * The kept original stays (and is offered for download, as a plan file the wizard can load)
 * until the admin deletes it.
 */
import { newPlan, type Plan } from './schema';
import { readPlanText, writePlanText, type DroppedValue } from './io';
import type { PracticeGroup } from '$lib/practices';

import { NO_SAVE_KEY, STORAGE_KEY, UNREADABLE_KEY } from './storage-key';

export { NO_SAVE_KEY, STORAGE_KEY, UNREADABLE_KEY };

export interface LoadNotice {
	kind: 'unreadable' | 'salvaged' | 'migrated' | 'kept';
	message: string;
	/** The original saved text kept aside (until the admin deletes it), offered for download. */
	raw?: string;
	/** Values left out while loading, each with its original text. */
	dropped?: DroppedValue[];
}

export interface LoadResult {
	plan: Plan;
	notice: LoadNotice | null;
	/**
	 * The saved plan was not read because these groups of steps are not loaded (see
	 * `groupsForPlan`): load them and call again. Nothing in storage was touched.
	 */
	missingGroups?: PracticeGroup[];
}

type KV = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * "Do not save progress": while on, no plan text is written to this browser's storage (only the
 * switch itself, the value "1"). Browsers share one storage between every local HTML file opened
 * from file:// (the offline single file), so there the plan would be readable by any of them.
 */
export function savingOff(store: KV | null): boolean {
	try {
		return store?.getItem(NO_SAVE_KEY) === '1';
	} catch {
		return false;
	}
}

/** Turns "do not save progress" on (deleting the saved plan) or off; an error message, or null. */
export function setSavingOff(store: KV | null, off: boolean): string | null {
	if (!store) return null;
	try {
		if (off) {
			store.setItem(NO_SAVE_KEY, '1');
			store.removeItem(STORAGE_KEY);
		} else store.removeItem(NO_SAVE_KEY);
		return null;
	} catch (e) {
		return `This browser refused the change: ${(e as Error).message}`;
	}
}

/** Keeps the original saved text aside, unless an earlier original is still kept (never overwritten). */
function keepOriginal(store: KV | null, raw: string): string {
	if (savingOff(store)) return raw;
	try {
		const kept = store?.getItem(UNREADABLE_KEY) ?? null;
		if (kept !== null) return kept;
		store?.setItem(UNREADABLE_KEY, raw);
	} catch {
		/* the notice still carries the text for this session */
	}
	return raw;
}

export function loadPlan(store: KV | null): LoadResult {
	let raw: string | null = null;
	let kept: string | null = null;
	try {
		raw = store?.getItem(STORAGE_KEY) ?? null;
		kept = store?.getItem(UNREADABLE_KEY) ?? null;
	} catch {
		return { plan: newPlan(), notice: { kind: 'unreadable', message: 'This browser does not allow the wizard to read saved progress (storage is blocked). Your answers will not be kept after you close the tab.' } };
	}
	const keptNotice = (): LoadNotice | null =>
		kept === null
			? null
			: {
					kind: 'kept',
					message:
						'The original text of saved progress that could not be fully read is kept in this browser. Download it (a plan file: load it with "Load progress" to compare), then delete it when you no longer need it.',
					raw: kept
				};
	if (raw === null) return { plan: newPlan(), notice: keptNotice() };
	const r = readPlanText(raw);
	if (!r.ok && r.missingGroups) return { plan: newPlan(), notice: null, missingGroups: r.missingGroups };
	if (r.ok) {
		if (r.dropped.length) {
			const original = keepOriginal(store, raw);
			const list = r.dropped.map((d) => `${d.path} (${d.problem})`).join('; ');
			return {
				plan: r.plan,
				notice: {
					kind: 'salvaged',
					message: `Some saved values could not be read and were left out; the rest of your progress was kept. Left out: ${list}. Their text is below, and the original saved text is kept until you delete it.`,
					raw: original,
					dropped: r.dropped
				}
			};
		}
		if (r.migratedFrom !== null) return { plan: r.plan, notice: { kind: 'migrated', message: `Your saved progress was upgraded from plan version ${r.migratedFrom}.`, raw: kept ?? undefined } };
		return { plan: r.plan, notice: keptNotice() };
	}
	const original = keepOriginal(store, raw);
	try {
		store?.removeItem(STORAGE_KEY);
	} catch {
		/* keep going with a fresh plan */
	}
	return {
		plan: newPlan(),
		notice: { kind: 'unreadable', message: `Your saved progress could not be read and a fresh plan was started. ${r.message} The saved text is kept until you delete it.`, raw: original }
	};
}

/** Deletes the kept original text (the admin's decision). */
export function deleteKeptOriginal(store: KV | null): void {
	try {
		store?.removeItem(UNREADABLE_KEY);
	} catch {
		/* nothing kept */
	}
}

/** Saves the plan; returns an error message when the browser refuses. Unchanged text is not written again. */
export function savePlan(store: KV | null, plan: Plan): string | null {
	if (!store || savingOff(store)) return null;
	try {
		const text = writePlanText(plan);
		if (store.getItem(STORAGE_KEY) !== text) store.setItem(STORAGE_KEY, text);
		return null;
	} catch (e) {
		return `Progress could not be saved in this browser: ${(e as Error).message}`;
	}
}
