/**
 * Settings rows from the sourced facts of `$lib/deskpro/settings`: the one way a practice names a
 * Deskpro menu, label, stored key or default. Rows are given for the admin's version only; "not
 * sure" gives one row per admin interface (current and the older download's), each menu prefixed
 * with the interface it belongs to. Imported by the steps' details only (the settings rows); a
 * practice's own text uses `./_fact-text`, which every step page loads.
 */
import { interfaceLabels, isUnknown, knownText, resolveFact, type FactId } from '$lib/deskpro/settings';
import { shownVersions } from './_fact-text';
import type { PracticeContext, SettingRow } from './types';

export type { FactId } from '$lib/deskpro/settings';
export { hasFact, menuOf, menusText, shownVersions, unsure } from './_fact-text';

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
