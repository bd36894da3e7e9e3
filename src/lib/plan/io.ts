/**
 * Reading and writing plans as text: the one path used by localStorage and by JSON
 * import/export. Reading = JSON.parse → migrate → planSchema(). A text that is not a plan at all
 * gives a message and no plan; a plan with some bad values is salvaged value by value (each one
 * left out is reported with its original text), never discarded whole. Writing leaves out
 * secret fields unless the admin opted in.
 */
import { migrate } from './migrate';
import { newPlanId, PLAN_VERSION, planSchema, type Plan } from './schema';
import { derivePlan } from './derive';
import { aboutFields, ABOUT_STEP_ID } from './about';
import { signoffFields, SIGNOFF_STEP_ID } from './signoff';
import { groupForDeployment, groupLoaded, groupOf, loadGroup, practices, type PracticeGroup } from '$lib/practices';
import type { Fields } from './fields';
import { auditResultProblem } from '$lib/audit/result';

/** Refuse larger inputs before parsing them. */
export const MAX_PLAN_BYTES = 2_000_000;

/** A value left out while reading a plan: where it was, why, and its original text (to copy). */
export interface DroppedValue {
	path: string;
	problem: string;
	text: string;
}

export type ReadResult =
	| { ok: true; plan: Plan; migratedFrom: number | null; dropped: DroppedValue[] }
	/** `missingGroups`: not read because these groups of steps are not loaded (nothing wrong with the text). */
	| { ok: false; message: string; missingGroups?: PracticeGroup[] };

/** Top-level values a plan cannot do without; a bad one is replaced by a fresh value (and reported). */
const FRESH: Record<string, () => unknown> = {
	planId: () => newPlanId(),
	createdAt: () => new Date().toISOString(),
	updatedAt: () => new Date().toISOString()
};
const MAX_SALVAGE = 2000;

export function readPlanText(text: string): ReadResult {
	if (text.length > MAX_PLAN_BYTES) {
		return { ok: false, message: `The file is too large (${Math.round(text.length / 1024)} KB; a plan is at most ${MAX_PLAN_BYTES / 1_000_000} MB).` };
	}
	// Editors on Windows may add a byte-order mark.
	if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
	if (text.trim() === '') return { ok: false, message: 'The file is empty.' };
	if (/[\u0000-\u0008\u000e-\u001f]/.test(text.slice(0, 4096))) {
		return { ok: false, message: 'This is a binary file, not a plan saved by the wizard (expected a .json file).' };
	}
	let json: unknown;
	let forbidden: string | null = null;
	try {
		json = JSON.parse(text, (key, value: unknown) => {
			// `__proto__` as an own key is harmless in JSON.parse but can change an object's
			// prototype once copied by assignment; no plan ever contains it.
			if (key === '__proto__') forbidden = key;
			return value;
		});
	} catch (e) {
		return { ok: false, message: `The file is not valid JSON (${(e as Error).message}). It may be truncated or not a plan.` };
	}
	if (forbidden) return { ok: false, message: `The file contains the forbidden key "${forbidden}"; it was not written by the wizard and was not loaded.` };
	return readPlanJson(json);
}

/**
 * A plan file the admin loads: read like saved progress, but it can never opt in to keeping
 * secrets in this browser (`keepSecrets` is the admin's choice here, never a file's).
 */
export function readImportedPlanText(text: string): ReadResult {
	const r = readPlanText(text);
	if (r.ok) r.plan.keepSecrets = false;
	return r;
}

/**
 * The groups of self-hosted steps (see `$lib/practices`) that must be loaded before this plan
 * (JSON, not checked yet) is read: its hosting's, and that of any step whose answers it holds,
 * so that no saved answer is read without its fields (kept, checked, secrets recognised).
 */
export function groupsForPlan(json: unknown): PracticeGroup[] {
	const m = migrate(json);
	if (!m.ok) return [];
	const answers = (m.value as { answers?: unknown }).answers;
	if (!answers || typeof answers !== 'object') return [];
	const out = new Set<PracticeGroup>();
	const hosting = groupForDeployment((answers as Record<string, { deployment?: unknown }>)[ABOUT_STEP_ID]?.deployment);
	if (hosting) out.add(hosting);
	for (const [id, a] of Object.entries(answers)) {
		const g = groupOf(id);
		if (g && a && typeof a === 'object' && Object.keys(a).length > 0) out.add(g);
	}
	return [...out];
}

/** `groupsForPlan` of a plan's text (none for a text that is not a plan: reading it fails anyway). */
function groupsForText(text: string): PracticeGroup[] {
	try {
		return groupsForPlan(JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text));
	} catch {
		return [];
	}
}

/** Loads what `groupsForPlan` names for this text (a failed load is left to the reader's check). */
export async function loadGroupsFor(text: string): Promise<void> {
	await Promise.all(groupsForText(text).map((g) => loadGroup(g).catch(() => {})));
}

/** True when `text` can be read now (`readPlanText`): every group it needs is loaded. */
export const groupsReadyFor = (text: string): boolean => groupsForText(text).every(groupLoaded);

export function readPlanJson(json: unknown): ReadResult {
	const m = migrate(json);
	if (!m.ok) return m;
	const missing = groupsForPlan(m.value).filter((g) => !groupLoaded(g));
	if (missing.length) {
		return { ok: false, message: `The steps of this plan could not be loaded (${missing.join(', ')}): check the connection and try again.`, missingGroups: missing };
	}
	// Salvage value by value: each failing value is left out (its default takes its place) and
	// reported; the rest of the plan is kept.
	const value = JSON.parse(JSON.stringify(m.value)) as Record<string, unknown>;
	const dropped: DroppedValue[] = [];
	for (let n = 0; n <= MAX_SALVAGE; n++) {
		const r = planSchema().safeParse(value);
		if (r.success) {
			const plan = m.from < 3 ? attestMigratedTicks(r.data) : r.data;
			dropUncheckedAudit(plan, dropped);
			return { ok: true, plan, migratedFrom: m.from === PLAN_VERSION ? null : m.from, dropped };
		}
		const issue = r.error.issues[0];
		const path = (issue?.path ?? []).map(String);
		const where = path.length ? ` at ${path.join('.')}` : '';
		const fail = { ok: false as const, message: `The plan does not match the expected format${where}: ${describeIssue(issue)}.` };
		if (!path.length || path[0] === 'kind' || path[0] === 'version' || n === MAX_SALVAGE) return fail;
		// the deepest existing container on the path, and the key in it
		let parent: Record<string, unknown> = value;
		let i = 0;
		for (; i < path.length - 1; i++) {
			const next = parent[path[i]!];
			if (!next || typeof next !== 'object') break;
			parent = next as Record<string, unknown>;
		}
		const key = path[i]!;
		const old = parent[key];
		dropped.push({ path: path.slice(0, i + 1).join('.'), problem: describeIssue(issue), text: typeof old === 'string' ? old : (JSON.stringify(old) ?? 'undefined') });
		if (parent === value && key in FRESH) value[key] = FRESH[key]!();
		else if (Array.isArray(parent)) parent.splice(Number(key), 1);
		else if (key in parent) delete parent[key];
		else return fail;
	}
	return { ok: false, message: 'The plan could not be read.' };
}

/**
 * An audit record inside a plan is checked like an imported result (checksum, exit code, plan
 * id): a record that fails is left out and reported, so editing a saved plan cannot turn a
 * FAIL into "verified by audit" unnoticed.
 */
function dropUncheckedAudit(plan: Plan, dropped: DroppedValue[]): void {
	if (!plan.audit) return;
	const problem = auditResultProblem(plan.audit.result, plan.planId);
	if (!problem) return;
	dropped.push({ path: 'audit', problem: `the audit result was left out: ${problem}`, text: JSON.stringify(plan.audit) });
	plan.audit = null;
}

/**
 * Ticks saved before plan version 3 carry no digest: they attested the content the plan shows
 * today, so each gets the digest of its current content.
 */
function attestMigratedTicks(plan: Plan): Plan {
	const d = derivePlan(plan);
	for (const p of d.practices)
		for (const it of p.items) {
			const s = plan.checklist[it.id];
			if (s && (s.state === 'done' || s.state === 'skipped') && s.digest === undefined) s.digest = it.digest;
		}
	return plan;
}

type Issue = { code?: string; message?: string; maximum?: unknown; minimum?: unknown; values?: unknown[]; expected?: unknown; origin?: unknown; format?: unknown };

/** A zod issue in words (zod/mini carries no message catalogue). */
function describeIssue(issue: Issue | undefined): string {
	if (!issue) return 'invalid';
	const show = (v: unknown) => JSON.stringify(v)?.slice(0, 40) ?? String(v);
	switch (issue.code) {
		case 'too_big':
			return issue.origin === 'string' ? `Too big: at most ${String(issue.maximum)} characters` : `Too big: at most ${String(issue.maximum)}`;
		case 'too_small':
			return `Too small: at least ${String(issue.minimum)}`;
		case 'invalid_value':
			return `expected ${(issue.values ?? []).map(show).join(' or ')}`;
		case 'invalid_type':
			return `expected a ${String(issue.expected)}`;
		case 'invalid_format':
			return 'not in the expected format';
		default:
			return issue.message && issue.message !== 'Invalid input' ? issue.message : 'invalid value';
	}
}

function stepFields(): [string, Fields][] {
	return [[ABOUT_STEP_ID, aboutFields], [SIGNOFF_STEP_ID, signoffFields], ...practices.map((p): [string, Fields] => [p.id, p.fields])];
}

/** A copy of the plan with every secret field set back to its default. */
export function withoutSecrets(plan: Plan): Plan {
	const copy = plainCopy(plan);
	for (const [stepId, fields] of stepFields()) {
		const answers = copy.answers[stepId] as Record<string, unknown> | undefined;
		if (!answers) continue;
		for (const [k, f] of Object.entries(fields)) if (f.secret) answers[k] = f.default;
	}
	return copy;
}

/**
 * `incoming` with the secret fields (never saved unless opted in) of `local` where `incoming`
 * has only their default: another tab's saved plan must not wipe the passwords generated here.
 */
export function keepLocalSecrets(incoming: Plan, local: Plan): Plan {
	for (const [stepId, fields] of stepFields()) {
		const a = incoming.answers[stepId] as Record<string, unknown> | undefined;
		const b = local.answers[stepId] as Record<string, unknown> | undefined;
		if (!a || !b) continue;
		for (const [k, f] of Object.entries(fields)) if (f.secret && a[k] === f.default && b[k] !== undefined) a[k] = b[k];
	}
	return incoming;
}

/**
 * A copy of the plan without the answers of the self-hosted steps its hosting does not need
 * where every one of them is its field's default (`{}` instead): reading it back gives the same
 * values, and a plan that only looked at such a step (Read the whole step, or a switch of hosting
 * and back) does not need that group loaded to be read again (`groupsForPlan`).
 */
function withoutDefaultAnswers(plan: Plan): Plan {
	const copy = plainCopy(plan);
	const hosting = groupForDeployment((copy.answers[ABOUT_STEP_ID] as { deployment?: unknown } | undefined)?.deployment);
	for (const p of practices) {
		const g = groupOf(p.id);
		const a = copy.answers[p.id] as Record<string, unknown> | undefined;
		if (!g || g === hosting || p.pending || !a) continue;
		const fields = p.fields as Fields;
		if (Object.entries(a).every(([k, v]) => k in fields && JSON.stringify(v) === JSON.stringify(fields[k]!.default))) copy.answers[p.id] = {};
	}
	return copy;
}

/** Serialises a plan; secrets only when the admin has opted in (`plan.keepSecrets`). */
export function writePlanText(plan: Plan, space?: number): string {
	return JSON.stringify(withoutDefaultAnswers(plan.keepSecrets ? plan : withoutSecrets(plan)), null, space);
}

export interface ExportOptions {
	/** Include secret fields (generated passwords). The UI asks the admin explicitly and warns. */
	includeSecrets: boolean;
}

/**
 * The JSON file the admin saves to pick their progress up later: the plan itself (with its
 * `kind` and `version`, read back by `readPlanText`), indented for people. Secrets are left out
 * unless the admin ticked the option; `keepSecrets` (storing secrets in this browser) is only
 * carried over when the secrets themselves are.
 */
export function exportPlanText(plan: Plan, opts: ExportOptions): string {
	const out = withoutDefaultAnswers(opts.includeSecrets ? plan : withoutSecrets(plan));
	if (!opts.includeSecrets) out.keepSecrets = false;
	return JSON.stringify(out, null, 2) + '\n';
}

/** Checks a chosen file before reading it (size and obvious wrong types). */
export function checkImportFile(file: { name: string; size: number; type: string }): string | null {
	if (file.size === 0) return `"${file.name}" is empty.`;
	if (file.size > MAX_PLAN_BYTES) {
		return `"${file.name}" is too large (${Math.round(file.size / 1024)} KB; a plan is at most ${MAX_PLAN_BYTES / 1_000_000} MB).`;
	}
	if (/^(image|audio|video|font)\//.test(file.type) || /\.(pdf|zip|png|jpe?g|gif|ics|md|docx?|xlsx?)$/i.test(file.name)) {
		return `"${file.name}" is not a plan file: choose the .json file saved with "Save progress".`;
	}
	return null;
}

function plainCopy<T>(v: T): T {
	// Plans may be Svelte proxies; a JSON round trip gives a plain copy.
	return JSON.parse(JSON.stringify(v)) as T;
}
