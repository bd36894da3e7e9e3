/**
 * Settings rows from the sourced facts of `$lib/deskpro/settings`: the one way a practice names a
 * Deskpro menu, label, stored key or default. Rows are given for the admin's version only; "not
 * sure" gives one row per admin interface (current and the older download's), each menu prefixed
 * with the interface it belongs to.
 *
 * Imported by the steps' details only, each with its own facts (`factsOf`, from
 * `$lib/deskpro/settings/<step>.ts` and the checklist facts), so a step page loads its own facts
 * and no other step's; a practice's own text uses `./_fact-text`, which every step page loads.
 */
import { defaultIn, interfaceLabels, isUnknown, keyIn, knownText, resolveOne, type DeskproVersion, type SettingFact } from '$lib/deskpro/settings-core';
import { shownVersions } from './_fact-text';
import type { PracticeContext, SettingRow } from './types';

export { hasFact, menuOf, menusText, shownVersions, unsure } from './_fact-text';

/** What a step's detail reads of its facts (`facts`: the step's own and the checklist facts it names). */
export interface FactsOf<Id extends string> {
	/**
	 * The row(s) of one fact with the value the admin should set. `note` adds to Deskpro's
	 * default, which every row states when the fact has one.
	 */
	factRows(id: Id, ctx: PracticeContext, value: string, note?: string): SettingRow[];
	/** The key of a fact in one version, for text (e.g. a step's notes): the one spelling. */
	keyOf(id: Id, version?: DeskproVersion): string;
	/** The default of a fact in one version, for text. */
	defaultOf(id: Id, version?: DeskproVersion): string;
}

export function factsOf<T extends Record<string, SettingFact>>(facts: T): FactsOf<keyof T & string> {
	return {
		factRows(id, ctx, value, note) {
			const vs = shownVersions(ctx.about);
			const rows: SettingRow[] = [];
			for (const v of vs) {
				const r = resolveOne(facts[id]!, v);
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
		},
		keyOf: (id, version = 'current') => keyIn(facts[id]!, version),
		defaultOf: (id, version = 'current') => defaultIn(facts[id]!, version)
	};
}
