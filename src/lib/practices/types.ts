import type { FieldErrors, Fields, Values } from '$lib/plan/fields';
import type { ServerEnv } from './_server-env';
import type { DockerEnv } from './_docker-env';
import type { AuditCheckDef } from '$lib/audit/types';
import type { PracticeGroup } from './_self-hosted-steps';

export type Deployment = 'cloud' | 'download' | 'onprem-docker';
export type OperatingSystem = 'linux' | 'windows';
export type WebServer = 'nginx' | 'apache' | 'iis';

/** Where a practice applies. Absent keys mean "any". Data, evaluated in one place. */
export interface Applicability {
	deployments?: Deployment[];
	/**
	 * Why this practice has no equivalent for a deployment it does not apply to (shown as
	 * "Not covered for …, because …" instead of a bare "not applicable").
	 */
	notCoveredBecause?: Partial<Record<Deployment, string>>;
	os?: OperatingSystem[];
	webServers?: WebServer[];
}

export interface StandardRef {
	standard: 'NIST SP 800-63B rev 4' | 'OWASP ASVS 5.0' | 'CIS NGINX' | 'CIS Apache 2.4' | 'CIS MySQL' | 'OWASP Cheat Sheet';
	/** Section or requirement id, e.g. `§3.1.1.2` or `6.2.5 (L1)`. */
	id: string;
	text: string;
	/** Shown only for these operating systems (absent = any), e.g. a Linux-only benchmark. Read through `standardsFor`. */
	os?: OperatingSystem[];
	/** Shown only for these web servers (absent = any): CIS NGINX only for nginx, CIS Apache only for Apache. */
	webServers?: WebServer[];
}

/** One line of the "Settings to apply" table. */
export interface SettingRow {
	/** Deskpro admin menu path, e.g. `Admin > Agents > Settings`. */
	menu: string;
	setting: string;
	value: string;
	/** The stored setting key, when known (shown because UI labels vary between versions). */
	key?: string;
	note?: string;
	/** The fact of `$lib/deskpro/settings` this row shows, and the version it was given for. */
	fact?: string;
	version?: string;
	/** Deskpro's default as the fact states it (also in `note`). */
	deskproDefault?: string;
}

export interface ChecklistItemDef {
	/** Stable id, never derived from the text: `<practice-id>.<item>`. */
	id: string;
	text: string;
	detail?: string;
	/**
	 * Set when this one item does not apply to the helpdesk although the practice does (e.g.
	 * the error-log review on Deskpro Cloud): the reason shown. The item is fixed to N/A.
	 */
	notApplicable?: string;
}

export interface Note {
	kind: 'info' | 'warning' | 'disagreement' | 'unknown';
	text: string;
}

export interface Preset<F extends Fields> {
	id: string;
	label: string;
	description: string;
	values: Partial<Values<F>>;
}

/** What a practice sees of the rest of the plan. */
export interface PracticeContext {
	about: AboutValues;
	/**
	 * The checked values of the "Server environment" step (shared by every server-side step),
	 * or null while any of its fields is invalid.
	 */
	server: ServerEnv | null;
	/** The checked values of the "Docker environment" step (Deskpro On-Premise), or null. */
	docker?: DockerEnv | null;
}

export interface AboutValues {
	helpdeskName: string;
	helpdeskUrl: string;
	deployment: string;
	/** Which Deskpro the admin runs (`VersionAnswer` of `$lib/deskpro/settings`); absent = the one the hosting implies. */
	deskproVersion?: string;
	os: string;
	webServer: string;
}

export interface Practice<F extends Fields = Fields> {
	/** Stable id: used in URLs, storage and exports. Never change it. */
	id: string;
	/**
	 * Set on the placeholder of a self-hosted step whose group has not loaded (see
	 * `$lib/practices`): it has its identity and where it applies, no fields and no items.
	 */
	pending?: PracticeGroup;
	/**
	 * Set while the step's detail (`<id>.detail.ts`: why, where, standards, notes, settings) has
	 * not loaded: those are empty until `loadDetail` puts it in place.
	 */
	detailPending?: true;
	/** Position in the wizard (ascending). */
	order: number;
	title: string;
	/**
	 * One line shown on the step page, the welcome catalogue and the exports; a function when it
	 * depends on the helpdesk (e.g. its OS), called with null where there is no plan (the welcome
	 * catalogue: the neutral wording). Read it through `summaryFor`.
	 */
	summary: string | ((about: AboutValues | null) => string);
	/** Why it matters, in our words (paragraphs); a function when it depends on the helpdesk (e.g. its OS). Read it through `whyFor`. */
	why: string[] | ((about: AboutValues) => string[]);
	/** Where it lives in Deskpro's admin UI; a function when it depends on the helpdesk (e.g. its web server). Read it through `whereFor`. */
	where: string | ((about: AboutValues) => string);
	/** Whether the practice comes from Deskpro's article or goes beyond it. */
	source: 'article' | 'beyond';
	/** Read through `standardsFor` (entries may be limited to an OS or web server). */
	standards: StandardRef[];
	appliesTo?: Applicability;
	notes?: Note[] | ((values: Values<F> | null, ctx: PracticeContext) => Note[]);
	fields: F;
	/** Checks across fields, run once every field is valid on its own: message per field key. */
	refine?: (values: Values<F>, ctx: PracticeContext) => FieldErrors;
	presets?: Preset<F>[];
	settings(values: Values<F>, ctx: PracticeContext): SettingRow[];
	checklist(values: Values<F>, ctx: PracticeContext): ChecklistItemDef[];
	/**
	 * The audit checks that prove this practice's server change was applied, with the expected
	 * values taken from `values` (see `$lib/audit/types`). Only practices that change a server
	 * declare them; called only when the practice applies and its values are valid. Returns null
	 * while inputs it depends on elsewhere (e.g. `ctx.server`) are invalid: no script then.
	 */
	audit?(values: Values<F>, ctx: PracticeContext): AuditCheckDef[] | null;
}

/**
 * What a step page says beyond what the step asks and attests: why it matters, where it is done,
 * the standards, its notes, its settings rows and its fields' help. Each practice keeps it in `<id>.detail.ts`,
 * loaded with the step's page (`loadDetail` in `./index`), so a step page never downloads the
 * prose of every other step (issue 16, "Weight"). The progress, the plan schema and the
 * attestation of items need only the practice itself.
 */
export type DetailKey = 'why' | 'where' | 'standards' | 'notes' | 'settings';

export type PracticeDetail<F extends Fields = Fields> = Pick<Practice<F>, 'why' | 'where' | 'standards' | 'notes'> & {
	/** The "Settings to apply" rows; absent = nothing to set in Deskpro. */
	settings?: Practice<F>['settings'];
	/** Each field's help, shown under its input on the step's page (put on the fields when the detail loads). */
	help?: Partial<Record<keyof F & string, string>>;
};
/** A practice module's own export: everything but its detail. */
export type PracticeCore<F extends Fields = Fields> = Omit<Practice<F>, DetailKey>;

/** Identity function that keeps the field types for the module's callbacks. */
export function definePractice<F extends Fields>(p: PracticeCore<F>): PracticeCore<F> {
	return p;
}

/** Identity function that types a detail's callbacks with its practice's fields: `defineDetail<typeof practice>({...})`. */
export function defineDetail<P extends { fields: Fields }>(d: PracticeDetail<P['fields']>): PracticeDetail<P['fields']> {
	return d;
}

/** Where a practice lives, for this helpdesk. */
export function whereFor(p: { where: string | ((about: AboutValues) => string) }, about: AboutValues): string {
	return typeof p.where === 'function' ? p.where(about) : p.where;
}

/** A practice's one-line summary for this helpdesk, or its neutral wording with no plan (`null`). */
export function summaryFor(p: { summary: string | ((about: AboutValues | null) => string) }, about: AboutValues | null): string {
	return typeof p.summary === 'function' ? p.summary(about) : p.summary;
}

/** Why a practice matters, for this helpdesk. */
export function whyFor(p: { why: string[] | ((about: AboutValues) => string[]) }, about: AboutValues): string[] {
	return typeof p.why === 'function' ? p.why(about) : p.why;
}

/** The standards of a practice that apply to this helpdesk's OS and web server. */
export function standardsFor(p: { standards: readonly StandardRef[] }, about: AboutValues): StandardRef[] {
	return p.standards.filter(
		(s) => (!s.os || s.os.includes(about.os as OperatingSystem)) && (!s.webServers || s.webServers.includes(about.webServer as WebServer))
	);
}
