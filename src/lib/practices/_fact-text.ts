/**
 * Facts in a practice's own text (checklist items, `where`): the versions a helpdesk's steps
 * show, and where a fact lives. For the facts a checklist item names only (`CHECKLIST_FACTS` of
 * `$lib/deskpro/settings-core`), which every step page loads; the settings rows of every fact are
 * `factRows` in `./_facts`, which loads with the steps' details.
 */
import { effectiveVersion } from '$lib/plan/about';
import { CHECKLIST_FACTS, interfaceLabels, knownText, resolveOne, versionsFor, type ChecklistFactId, type DeskproVersion } from '$lib/deskpro/settings-core';
import type { AboutValues, PracticeContext } from './types';

/** The versions whose menus this helpdesk's steps show. */
export const shownVersions = (about: AboutValues): DeskproVersion[] => versionsFor(effectiveVersion(about));

/** True when the admin does not know which Deskpro they run (both interfaces are shown). */
export const unsure = (about: AboutValues): boolean => shownVersions(about).length > 1;

/** Whether a fact exists in any version this helpdesk's steps show. */
export const hasFact = (id: ChecklistFactId, ctx: PracticeContext): boolean => shownVersions(ctx.about).some((v) => resolveOne(CHECKLIST_FACTS[id], v) !== null);

/** The menu text of a fact in one version ("Unknown: why" when it is not confirmed). */
export function menuOf(id: ChecklistFactId, v: DeskproVersion): string {
	const r = resolveOne(CHECKLIST_FACTS[id], v);
	return r ? knownText(r.menu) : '';
}

/**
 * Where a fact lives, as text, for the admin's version: "Apps > API Keys", or for "not sure" each
 * interface's menu prefixed with its name. For a step's "where" and checklist text when no
 * settings row shows the menu (e.g. a list with no rows yet).
 */
export function menusText(id: ChecklistFactId, about: AboutValues): string {
	const vs = shownVersions(about).filter((v) => resolveOne(CHECKLIST_FACTS[id], v) !== null);
	return vs.map((v) => (vs.length > 1 ? `${interfaceLabels[v === 'legacy' ? 'legacy' : 'current']}: ${menuOf(id, v)}` : menuOf(id, v))).join('; ');
}
