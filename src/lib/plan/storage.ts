/**
 * localStorage persistence. Unreadable or invalid saved data never crashes the page: it is
 * moved aside (so saving the fresh plan does not destroy it) and reported with its raw text.
 */
import { newPlan, type Plan } from './schema';
import { readPlanText, writePlanText } from './io';

import { STORAGE_KEY, UNREADABLE_KEY } from './storage-key';

export { STORAGE_KEY, UNREADABLE_KEY };

export interface LoadNotice {
	kind: 'unreadable' | 'migrated';
	message: string;
	/** The raw saved text, offered for download. */
	raw?: string;
}

export interface LoadResult {
	plan: Plan;
	notice: LoadNotice | null;
}

type KV = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function loadPlan(store: KV | null): LoadResult {
	let raw: string | null = null;
	try {
		raw = store?.getItem(STORAGE_KEY) ?? null;
	} catch {
		return { plan: newPlan(), notice: { kind: 'unreadable', message: 'This browser does not allow the wizard to read saved progress (storage is blocked). Your answers will not be kept after you close the tab.' } };
	}
	if (raw === null) return { plan: newPlan(), notice: null };
	const r = readPlanText(raw);
	if (r.ok) {
		return {
			plan: r.plan,
			notice: r.migratedFrom !== null ? { kind: 'migrated', message: `Your saved progress was upgraded from plan version ${r.migratedFrom}.` } : null
		};
	}
	try {
		store?.setItem(UNREADABLE_KEY, raw);
		store?.removeItem(STORAGE_KEY);
	} catch {
		/* keep going with a fresh plan */
	}
	return {
		plan: newPlan(),
		notice: { kind: 'unreadable', message: `Your saved progress could not be read and a fresh plan was started. ${r.message}`, raw }
	};
}

/** Saves the plan; returns an error message when the browser refuses. */
export function savePlan(store: KV | null, plan: Plan): string | null {
	if (!store) return null;
	try {
		store.setItem(STORAGE_KEY, writePlanText(plan));
		return null;
	} catch (e) {
		return `Progress could not be saved in this browser: ${(e as Error).message}`;
	}
}
