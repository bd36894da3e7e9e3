/**
 * Settings rows from the sourced facts of `$lib/deskpro/settings`: the one way a practice names a
 * Deskpro menu, label, stored key or default. Rows are given for the admin's version only; "not
 * sure" gives one row per admin interface (current and the older download's), each menu prefixed
 * with the interface it belongs to.
 */
import { effectiveVersion } from '$lib/plan/about';
import {
	interfaceLabels,
	isUnknown,
	knownText,
	resolveFact,
	versionsFor,
	type DeskproVersion,
	type FactId
} from '$lib/deskpro/settings';
import type { AboutValues, PracticeContext, SettingRow } from './types';

export type { FactId } from '$lib/deskpro/settings';

/** The versions whose menus this helpdesk's steps show. */
export const shownVersions = (about: AboutValues): DeskproVersion[] => versionsFor(effectiveVersion(about));

/** True when the admin does not know which Deskpro they run (both interfaces are shown). */
export const unsure = (about: AboutValues): boolean => shownVersions(about).length > 1;

/** Whether a fact exists in any version this helpdesk's steps show. */
export const hasFact = (id: FactId, ctx: PracticeContext): boolean => shownVersions(ctx.about).some((v) => resolveFact(id, v) !== null);

/** The menu text of a fact in one version ("Unknown: why" when it is not confirmed). */
export function menuOf(id: FactId, v: DeskproVersion): string {
	const r = resolveFact(id, v);
	return r ? knownText(r.menu) : '';
}

/**
 * Where a fact lives, as text, for the admin's version: "Apps > API Keys", or for "not sure" each
 * interface's menu prefixed with its name. For a step's "where" and checklist text when no
 * settings row shows the menu (e.g. a list with no rows yet).
 */
export function menusText(id: FactId, about: AboutValues): string {
	const vs = shownVersions(about).filter((v) => resolveFact(id, v) !== null);
	return vs.map((v) => (vs.length > 1 ? `${interfaceLabels[v === 'legacy' ? 'legacy' : 'current']}: ${menuOf(id, v)}` : menuOf(id, v))).join('; ');
}

/**
 * The row(s) of one fact with the value the admin should set. `note` adds to Deskpro's default,
 * which every row states when the fact has one.
 */
export function factRows(id: FactId, ctx: PracticeContext, value: string, note?: string): SettingRow[] {
	const vs = shownVersions(ctx.about);
	const rows: SettingRow[] = [];
	for (const v of vs) {
		const r = resolveFact(id, v);
		if (!r) continue;
		const menu = knownText(r.menu);
		const dflt = r.default === null ? undefined : knownText(r.default);
		const notes = [dflt !== undefined ? `Deskpro default: ${dflt}` : '', r.key !== null && isUnknown(r.key) ? `Stored key unknown: ${r.key.unknown}` : '', note ?? ''].filter(Boolean);
		rows.push({
			menu: vs.length > 1 ? `${interfaceLabels[v === 'legacy' ? 'legacy' : 'current']}: ${menu}` : menu,
			setting: r.label,
			value,
			key: r.key === null || isUnknown(r.key) ? undefined : r.key,
			note: notes.length ? notes.join('; ') : undefined,
			fact: id,
			version: v,
			deskproDefault: dflt
		});
	}
	return rows;
}
