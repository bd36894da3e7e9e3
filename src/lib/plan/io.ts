/**
 * Reading and writing plans as text: the one path used by localStorage and by JSON
 * import/export. Reading = JSON.parse → migrate → PlanSchema; any failure gives a message
 * and no plan. Writing leaves out secret fields unless the admin opted in.
 */
import { migrate } from './migrate';
import { PLAN_VERSION, PlanSchema, type Plan } from './schema';
import { aboutFields, ABOUT_STEP_ID } from './about';
import { practices } from '$lib/practices';
import type { Fields } from './fields';

/** Refuse larger inputs before parsing them. */
export const MAX_PLAN_BYTES = 2_000_000;

export type ReadResult = { ok: true; plan: Plan; migratedFrom: number | null } | { ok: false; message: string };

export function readPlanText(text: string): ReadResult {
	if (text.length > MAX_PLAN_BYTES) {
		return { ok: false, message: `The file is too large (${Math.round(text.length / 1024)} KB; a plan is at most ${MAX_PLAN_BYTES / 1_000_000} MB).` };
	}
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (e) {
		return { ok: false, message: `The file is not valid JSON (${(e as Error).message}). It may be truncated or not a plan.` };
	}
	return readPlanJson(json);
}

export function readPlanJson(json: unknown): ReadResult {
	const m = migrate(json);
	if (!m.ok) return m;
	const r = PlanSchema.safeParse(m.value);
	if (!r.success) {
		const issue = r.error.issues[0];
		const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
		return { ok: false, message: `The plan does not match the expected format${where}: ${issue?.message ?? 'invalid'}.` };
	}
	return { ok: true, plan: r.data, migratedFrom: m.from === PLAN_VERSION ? null : m.from };
}

function stepFields(): [string, Fields][] {
	return [[ABOUT_STEP_ID, aboutFields], ...practices.map((p): [string, Fields] => [p.id, p.fields])];
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

/** Serialises a plan; secrets only when the admin has opted in (`plan.keepSecrets`). */
export function writePlanText(plan: Plan, space?: number): string {
	return JSON.stringify(plan.keepSecrets ? plan : withoutSecrets(plan), null, space);
}

function plainCopy<T>(v: T): T {
	// Plans may be Svelte proxies; a JSON round trip gives a plain copy.
	return JSON.parse(JSON.stringify(v)) as T;
}
