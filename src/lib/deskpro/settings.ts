/**
 * Deskpro admin-interface facts: every menu path, label, stored setting key and default the
 * wizard shows, written down once with its source. Practices read them from here (a unit test
 * fails when a practice module spells a settings key itself, or when a fact has neither a source
 * nor an explicit Unknown).
 *
 * One fact = `{ menu, label, key, default, versions, source }`; `at` holds what differs in one
 * version (the older download's admin interface has other menus; some defaults changed).
 * A value we could not confirm is `{ unknown: '<why>' }` and is shown as "Unknown".
 *
 * Where they are written (each fact once; `FACTS` below gathers them, for the tests and tools):
 * - `./settings-core`: the versions, how a fact is resolved for one version, and the facts a
 *   checklist item names in its text (`CHECKLIST_FACTS`), which every step page loads (a tick
 *   attests its item's text, so they cannot wait for a step's detail);
 * - `./settings/<step>.ts`: the other facts of one step, imported by that step's detail only
 *   (through `factsOf` of `$lib/practices/_facts`), so a step page loads its own facts and no
 *   other step's. The browser never loads this module.
 *
 * Sources (read for facts, never copied):
 * - nathanfdev/deskpro and layn321/deskpro: public copies of Deskpro's download (PHP source).
 * - support.deskpro.com: Deskpro's admin guides (current and legacy).
 */

export {
	DESKPRO_VERSIONS,
	VERSION_ANSWERS,
	versionLabels,
	interfaceLabels,
	isUnknown,
	versionsFor,
	unknownText,
	knownText,
	type DeskproVersion,
	type VersionAnswer,
	type Unknown,
	type Known,
	type Source,
	type SettingFact,
	type Resolved
} from './settings-core';
import {
	CHECKLIST_FACTS,
	defaultIn,
	keyIn,
	resolveOne,
	unknownText,
	type DeskproVersion,
	type Resolved,
	type SettingFact,
	type Source
} from './settings-core';
import { PASSWORD_FACTS } from './settings/password';
import { RATE_FACTS } from './settings/rate';
import { NOTIFY_FACTS } from './settings/notify';
import { HOSTNAMES_FACTS } from './settings/hostnames';
import { IPW_FACTS } from './settings/ipw';
import { SESSION_FACTS } from './settings/session';
import { REVIEW_FACTS } from './settings/review';
import { TFA_FACTS } from './settings/tfa';
import { CAPTCHA_FACTS } from './settings/captcha';
import { UPLOADS_FACTS } from './settings/uploads';
import { API_FACTS } from './settings/api';

/** Every fact, by a stable id that practices use (ids are unique across the modules: a unit test checks). */
export const FACTS = {
	...CHECKLIST_FACTS,
	...PASSWORD_FACTS,
	...RATE_FACTS,
	...NOTIFY_FACTS,
	...HOSTNAMES_FACTS,
	...IPW_FACTS,
	...SESSION_FACTS,
	...REVIEW_FACTS,
	...TFA_FACTS,
	...CAPTCHA_FACTS,
	...UPLOADS_FACTS,
	...API_FACTS
} satisfies Record<string, SettingFact>;

export type FactId = keyof typeof FACTS;
export const factById = (id: FactId): SettingFact => FACTS[id];

/** What one fact looks like in one version, with every override applied. */
export function resolveFact(id: FactId, version: DeskproVersion): Resolved | null {
	return resolveOne(FACTS[id], version);
}

/** A source as one line: "repo: path" or the guide's address. */
export function sourceText(s: Source): string {
	if ('url' in s) return s.url;
	if ('repo' in s) return `${s.repo}: ${s.path}`;
	return unknownText(s);
}

/** The key and default of a fact in one version, for text (e.g. a step's notes): the one spelling. */
export const keyOf = (id: FactId, version: DeskproVersion = 'current'): string => keyIn(FACTS[id], version);
export const defaultOf = (id: FactId, version: DeskproVersion = 'current'): string => defaultIn(FACTS[id], version);
