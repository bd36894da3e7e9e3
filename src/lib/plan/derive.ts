/**
 * Everything the UI and the exports show is derived here from the plan, in one pure function:
 * per practice whether it applies, its checked values and field errors, its settings rows and
 * checklist items with their states, and overall progress.
 */
import { checkFields, defaults, type Checked, type Fields, type Values } from './fields';
import { aboutFields, refineAbout, ABOUT_STEP_ID } from './about';
import type { ItemState, ItemStateName, Plan } from './schema';
import { attestDigest, publicValues } from './attest';
import { envKits, practices } from '$lib/practices';
import { evaluateApplicability, type ApplicabilityResult } from '$lib/practices/applicability';
import type { AboutValues, ChecklistItemDef, Note, Practice, PracticeContext, SettingRow } from '$lib/practices/types';
import type { ServerEnv } from '$lib/practices/_server-env';
import type { DockerEnv } from '$lib/practices/_docker-env';
import { DOCKER_ENV_STEP_ID, SERVER_ENV_STEP_ID } from '$lib/practices/_self-hosted-steps';
import type { PlannedCheck } from '$lib/audit/types';
import { freeTextProblem } from '$lib/validate/text';
import { auditStatus, expectDigest, type AuditStatus, type ItemAudit } from '$lib/audit/plan-checks';

/**
 * The state an item is shown in: the stored states plus `changed` (ticked done or skipped, but
 * its content changed since: neither done nor open until the admin confirms it again).
 */
export type ShownState = ItemStateName | 'changed';
export const SHOWN_STATES: readonly ShownState[] = ['done', 'skipped', 'changed', 'na', 'open'];

export interface DerivedItem extends ChecklistItemDef {
	practiceId: string;
	/**
	 * The effective state: `na` whenever the practice does not apply; `changed` when the tick's
	 * attested digest differs from `digest`; `open` for a done tick while the step's answers are
	 * invalid (`blocked`), for a done, skipped or N/A tick while its note or reason holds a refused
	 * character (`textProblem`) and for a skip without a reason (`needsReason`).
	 */
	state: ShownState;
	/** The digest of the item's current content (what a tick now would attest). */
	digest: string;
	/** Why the item cannot be Done now (the step's answers are invalid, or `textProblem`), or undefined. */
	blocked?: string;
	/** Why the item can be neither Done, Skipped nor Not applicable now: its note or reason holds a refused character. */
	textProblem?: string;
	/** Skipped by hand without a reason: counted as open until a reason is given. */
	needsReason: boolean;
	reason: string;
	note: string;
	at?: string;
	/** True when the state is fixed to N/A (practice or item does not apply). */
	locked: boolean;
	/** The imported audit's verdict for this item, when an audit check covers it. */
	audit?: ItemAudit;
	/** The state the admin set by hand (before the audit's verdict was applied). */
	manualState: ItemStateName;
}

export type StepStatus = 'todo' | 'in-progress' | 'done' | 'na' | 'invalid';

export interface DerivedPractice {
	practice: Practice;
	applicability: ApplicabilityResult;
	checked: Checked<Fields>;
	settings: SettingRow[];
	items: DerivedItem[];
	notes: Note[];
	status: StepStatus;
	/** The audit checks this practice declares for the plan (empty when none or inputs invalid). */
	audit: PlannedCheck[];
	/** The practice declares audit checks but its inputs are invalid, so none are generated. */
	auditBlocked: boolean;
}

/**
 * The plan's progress counts the items of the steps that apply; a step that does not apply is
 * listed apart with its reason (its items are not counted, so the figures are the same whether or
 * not a self-hosted step's module has loaded: see `$lib/practices`). `na` counts the single items
 * that do not apply within a step that does (e.g. the error-log review on Deskpro Cloud).
 */
export interface Progress {
	total: number;
	done: number;
	skipped: number;
	na: number;
	open: number;
	/** Ticked, but the content changed since (see `ShownState`). */
	changed: number;
	/**
	 * Steps that apply but whose module has not loaded yet (see `$lib/practices`): their items are
	 * unknown, so the plan is not complete while any is pending (each counts as one unsettled unit
	 * in `ratio`, and in `unsettled`).
	 */
	pending: number;
	/**
	 * done + skipped over the items that apply (total − na) and the pending steps, 0–1; 1 when none
	 * applies. Items that do not apply are not progress: a new Cloud plan is at 0 %.
	 */
	ratio: number;
}

export interface DerivedPlan {
	about: Checked<typeof aboutFields>;
	aboutValues: AboutValues;
	/** The checked server environment (Deskpro Download), or null while invalid / not applicable. */
	server: ServerEnv | null;
	/** The checked Docker environment (Deskpro On-Premise), or null while invalid / not applicable. */
	docker: DockerEnv | null;
	practices: DerivedPractice[];
	progress: Progress;
	audit: DerivedAudit;
	/**
	 * The steps that apply whose detail (why, where, standards, notes, settings; see `loadDetail`
	 * in `$lib/practices`) has not loaded: no report is made until this is empty.
	 */
	detailsPending: string[];
}

export interface DerivedAudit extends AuditStatus {
	/** Every audit check of the plan, in practice order. */
	checks: PlannedCheck[];
	/** Fingerprint of the checks' expectations (written into the script, compared on import). */
	expectDigest: string;
	/** Practices whose invalid inputs keep the script from being generated. */
	blockedBy: Practice[];
}

const EMPTY: ItemState = { state: 'open', reason: '', note: '' };

export function countProgress(items: readonly { state: ShownState }[], pending = 0): Progress {
	const p = { total: items.length, done: 0, skipped: 0, na: 0, open: 0, changed: 0, pending, ratio: 0 };
	for (const i of items) p[i.state]++;
	const applicable = p.total - p.na + pending;
	p.ratio = applicable === 0 ? 1 : (p.done + p.skipped) / applicable;
	return p;
}

/** Items still to settle: open or changed since ticked (a pending step counts as one). */
export const unsettled = (p: Progress) => p.open + p.changed + p.pending;

/**
 * Checks a step's stored answers: only the fields that apply to this helpdesk (the others keep
 * their defaults), then the step's cross-field checks once every field is valid.
 */
export function checkStepFields<F extends Fields>(
	fields: F,
	raw: Record<string, unknown> | undefined,
	about: AboutValues,
	refine?: (values: Values<F>) => Record<string, string>
): Checked<F> {
	const active: Fields = {};
	for (const [k, f] of Object.entries(fields)) if (evaluateApplicability(f.appliesTo, about).applies) active[k] = f;
	const c = checkFields(active, raw);
	const base = defaults(fields);
	const lenient = { ...base, ...c.lenient } as Values<F>;
	if (!c.ok) return { ok: false, values: null, errors: c.errors, lenient };
	const values = { ...base, ...c.values } as Values<F>;
	const errors = refine ? refine(values) : {};
	const ok = Object.keys(errors).length === 0;
	return { ok, values: ok ? values : null, errors, lenient };
}

/**
 * The shared server environment, or null while it is invalid or does not apply. With
 * `ignoreSecrets`, secret fields (generated passwords, never saved) do not count: the audit
 * needs no password, and must still be generated after a reload has cleared them.
 */
export function deriveServerEnv(plan: Plan, about: AboutValues, opts: { ignoreSecrets?: boolean } = {}): ServerEnv | null {
	const kit = envKits.server;
	if (about.deployment !== 'download' || !kit) return null;
	const c = checkStepFields(kit.fields, plan.answers[SERVER_ENV_STEP_ID] as Record<string, unknown>, about, (v) => {
		const errors = kit.refine(v, about);
		if (opts.ignoreSecrets) for (const [k, f] of Object.entries(kit.fields)) if (f.secret) delete errors[k];
		return errors;
	});
	return c.values ? kit.to(c.values, about) : null;
}

/** The Docker environment (Deskpro On-Premise), or null while it is invalid or does not apply. */
export function deriveDockerEnv(plan: Plan, about: AboutValues): DockerEnv | null {
	const kit = envKits.docker;
	if (about.deployment !== 'onprem-docker' || !kit) return null;
	const c = checkStepFields(kit.fields, plan.answers[DOCKER_ENV_STEP_ID] as Record<string, unknown>, about, (v) => kit.refine(v, about));
	return c.values ? kit.to(c.values, about) : null;
}

export function derivePlan(plan: Plan): DerivedPlan {
	const aboutRaw = checkFields(aboutFields, plan.answers[ABOUT_STEP_ID] as Record<string, unknown>);
	const aboutCross = aboutRaw.errors.deployment || aboutRaw.errors.deskproVersion ? {} : refineAbout(aboutRaw.lenient);
	const about: Checked<typeof aboutFields> = Object.keys(aboutCross).length
		? { ok: false, values: null, errors: { ...aboutRaw.errors, ...aboutCross }, lenient: aboutRaw.lenient }
		: aboutRaw;
	const aboutValues: AboutValues = about.lenient;
	const ctx: PracticeContext = { about: aboutValues, server: deriveServerEnv(plan, aboutValues), docker: deriveDockerEnv(plan, aboutValues) };
	// The audit's view: the same answers, without the never-saved secrets.
	const auditCtx: PracticeContext = { ...ctx, server: ctx.server ?? deriveServerEnv(plan, aboutValues, { ignoreSecrets: true }) };
	const base = practices.map((practice) => derivePractice(plan, practice, ctx, auditCtx));
	const checks = base.flatMap((d) => d.audit);
	const digest = expectDigest(checks);
	const status = auditStatus(checks, digest, plan.audit);
	const derived = status.items.size ? base.map((d) => applyAudit(plan, d, status.items)) : base;
	const audit: DerivedAudit = { ...status, checks, expectDigest: digest, blockedBy: base.filter((d) => d.auditBlocked).map((d) => d.practice) };
	const applying = derived.filter((d) => d.applicability.applies);
	const progress = countProgress(
		applying.flatMap((d) => d.items),
		applying.filter((d) => d.practice.pending).length
	);
	const detailsPending = applying.filter((d) => d.practice.detailPending).map((d) => d.practice.id);
	return { about, aboutValues, server: ctx.server, docker: ctx.docker ?? null, practices: derived, progress, audit, detailsPending };
}

/**
 * The audit's verdict on an item: verified → done (even if still open by hand); failed → open
 * (even if ticked by hand), with the finding shown beside it; a skip decided by hand stays.
 */
function applyAudit(plan: Plan, d: DerivedPractice, verdicts: Map<string, ItemAudit>): DerivedPractice {
	if (!d.applicability.applies) return d;
	let changed = false;
	const items = d.items.map((i) => {
		const audit = verdicts.get(i.id);
		if (!audit || i.locked) return i;
		changed = true;
		const state: ShownState =
			audit.verdict === 'verified' && !i.blocked ? 'done' : audit.verdict === 'failed' && (i.state === 'done' || i.state === 'changed') ? 'open' : i.state;
		return { ...i, audit, state };
	});
	return changed ? { ...d, items, status: stepStatus(plan, d.applicability, d.checked.ok, items) } : d;
}

function stepStatus(plan: Plan, applicability: ApplicabilityResult, ok: boolean, items: DerivedItem[]): StepStatus {
	const progress = countProgress(items);
	return !applicability.applies
		? 'na'
		: !ok
			? 'invalid'
			: unsettled(progress) === 0
				? 'done'
				: progress.open === progress.total - items.filter((i) => i.locked).length && !items.some((i) => !i.locked && (plan.checklist[i.id] || i.audit))
					? 'todo'
					: 'in-progress';
}

/**
 * Why an item with this note and reason can be neither Done, Skipped nor Not applicable, or undefined: free text
 * refuses control and bidirectional characters (`freeTextProblem`, the one definition), and a tick
 * would attest them, so they block a tick the way invalid answers block Done.
 */
export function itemTextProblem(s: Pick<ItemState, 'note' | 'reason'>): string | undefined {
	const note = freeTextProblem(s.note, true);
	if (note) return `Correct the note before marking this item done, skipped or not applicable. ${note}`;
	const reason = freeTextProblem(s.reason, true);
	if (reason) return `Correct the reason before marking this item done, skipped or not applicable. ${reason}`;
	return undefined;
}

/**
 * The state shown for a stored tick, given the current digest, whether Done is possible
 * (`blocked`) and whether any tick is (`textProblem`).
 */
export function shownState(s: ItemState, digest: string, blocked: string | undefined, textProblem?: string): { state: ShownState; needsReason: boolean } {
	if (s.state === 'na' && textProblem) return { state: 'open', needsReason: false };
	if (s.state === 'done' || s.state === 'skipped') {
		if (s.digest !== digest) return { state: 'changed', needsReason: false };
		if (textProblem || (s.state === 'done' && blocked)) return { state: 'open', needsReason: false };
		if (s.state === 'skipped' && s.reason.trim() === '') return { state: 'open', needsReason: true };
	}
	return { state: s.state, needsReason: false };
}

const isServerPractice = (p: Practice) => p.id.startsWith('server-');

/** What a server step's items are generated from besides their own answers (secrets left out). */
function serverAttested(plan: Plan, about: AboutValues): Record<string, unknown> | undefined {
	const kit = envKits.server;
	if (!kit) return undefined; // only a placeholder (no items) can be derived without its group
	const c = checkStepFields(kit.fields, plan.answers[SERVER_ENV_STEP_ID] as Record<string, unknown>, about);
	return { os: about.os, webServer: about.webServer, env: publicValues(kit.fields, c.lenient as Record<string, unknown>) };
}

function derivePractice(plan: Plan, practice: Practice, ctx: PracticeContext, auditCtx: PracticeContext): DerivedPractice {
	const applicability = evaluateApplicability(practice.appliesTo, ctx.about);
	const refine = practice.refine;
	const checked = checkStepFields(
		practice.fields,
		plan.answers[practice.id] as Record<string, unknown>,
		ctx.about,
		refine ? (v) => refine(v, ctx) : undefined
	);
	const settings = checked.values ? practice.settings(checked.values, ctx) : [];
	const defs = practice.checklist(checked.lenient, ctx);
	const values = publicValues(practice.fields, checked.lenient as Record<string, unknown>);
	const server = isServerPractice(practice) ? serverAttested(plan, ctx.about) : undefined;
	// A server step's items depend on the server environment too: while it is invalid (secrets
	// aside, they are never saved) nothing on the step can be Done.
	const blocked = !checked.ok
		? 'The answers of this step are invalid: correct them before marking an item done.'
		: server && practice.id !== SERVER_ENV_STEP_ID && !auditCtx.server
			? 'The Server environment step has invalid answers: correct them before marking an item done.'
			: undefined;
	const items: DerivedItem[] = defs.map((d) => {
		const s = plan.checklist[d.id] ?? EMPTY;
		const digest = attestDigest({ text: d.text, detail: d.detail, values, server });
		const base = { ...d, practiceId: practice.id, manualState: s.state, note: s.note, at: s.at, digest, needsReason: false };
		if (!applicability.applies) return { ...base, state: 'na', reason: applicability.reason, locked: true };
		if (d.notApplicable) return { ...base, state: 'na', reason: d.notApplicable, locked: true };
		const textProblem = itemTextProblem(s);
		const itemBlocked = blocked ?? textProblem;
		return { ...base, ...shownState(s, digest, itemBlocked, textProblem), reason: s.reason, blocked: itemBlocked, textProblem, locked: false };
	});
	const notes = typeof practice.notes === 'function' ? practice.notes(checked.values, ctx) : (practice.notes ?? []);
	// a placeholder (its group not loaded yet) has no items: never shown as done
	const status = practice.pending && applicability.applies ? 'todo' : stepStatus(plan, applicability, checked.ok, items);
	const declaresAudit = applicability.applies && typeof practice.audit === 'function';
	const defsOrNull = declaresAudit && checked.values ? practice.audit!(checked.values, auditCtx) : null;
	const audit: PlannedCheck[] = (defsOrNull ?? []).map((c) => ({ ...c, practiceId: practice.id }));
	return { practice, applicability, checked, settings, items, notes, status, audit, auditBlocked: declaresAudit && defsOrNull === null };
}
