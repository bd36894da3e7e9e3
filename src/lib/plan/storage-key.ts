/**
 * The localStorage keys, in a module of their own so the welcome page can tell whether there is
 * saved progress without loading the wizard (schema, zod, practices).
 */
export const STORAGE_KEY = 'deskpro-hardening-wizard:plan';
export const UNREADABLE_KEY = 'deskpro-hardening-wizard:unreadable-plan';
/** "Do not save progress" is on: the value is "1", and no plan text is written while it is set. */
export const NO_SAVE_KEY = 'deskpro-hardening-wizard:do-not-save';

/**
 * True when this browser holds a saved plan the admin has changed (every change through the
 * wizard store bumps `updatedAt`; a fresh plan has `updatedAt === createdAt`). A cheap look at
 * the JSON, without the schema: it only picks the welcome page's wording.
 * Never throws (storage may be blocked, the text may be unreadable).
 */
export function hasSavedProgress(): boolean {
	try {
		const raw = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
		if (raw === null) return false;
		const plan = JSON.parse(raw) as { createdAt?: unknown; updatedAt?: unknown } | null;
		return typeof plan?.updatedAt === 'string' && plan.updatedAt !== plan.createdAt;
	} catch {
		return false;
	}
}
