/**
 * The plan: every answer of the wizard, one versioned zod schema. It is the single source of
 * truth; the UI reads and writes it, and every output derives from it. Storage, import and
 * export all go through `planSchema()` (after `migrate`).
 */
import * as z from 'zod/mini';
import { storedObject } from './fields';
import { aboutFields, ABOUT_STEP_ID } from './about';
import { signoffFields, SIGNOFF_STEP_ID } from './signoff';
import { practices, registryVersion } from '$lib/practices';
import { AuditRecordSchema } from '$lib/audit/result';

export const PLAN_KIND = 'deskpro-hardening-plan';
export const PLAN_VERSION = 4;

export const ITEM_STATES = ['open', 'done', 'skipped', 'na'] as const;
export type ItemStateName = (typeof ITEM_STATES)[number];

/**
 * The limits of a checklist item's free text: the one definition used by the saved-plan schema
 * and by the fields (maxlength and counter) in `ChecklistItem.svelte`.
 */
export const ITEM_TEXT_LIMITS = { reason: 20_000, note: 20_000 } as const;

/** Length of an attestation digest (hex), see `attestDigest` in `derive.ts`. */
export const DIGEST_PATTERN = /^[0-9a-f]{16,64}$/;

export const ItemStateSchema = z.object({
	state: z._default(z.enum(ITEM_STATES), 'open'),
	/** Why it was skipped or is not applicable. */
	reason: z._default(z.string().check(z.maxLength(ITEM_TEXT_LIMITS.reason)), ''),
	note: z._default(z.string().check(z.maxLength(ITEM_TEXT_LIMITS.note)), ''),
	/** ISO date-time of the last change. */
	at: z.optional(z.string().check(z.maxLength(40))),
	/**
	 * What a done/skipped tick attested: the digest of the item's text and the values it was
	 * generated from when the admin ticked it (version 3). A different current digest means
	 * "changed since you ticked it".
	 */
	digest: z.optional(z.string().check(z.regex(DIGEST_PATTERN)))
});
export type ItemState = z.infer<typeof ItemStateSchema>;

/**
 * A step's saved answers, checked field by field. The answers of a self-hosted step whose group
 * has not loaded (see `$lib/practices`) are kept as they are, never dropped: a plan only reaches
 * such a state with none (`{}`), because a saved or imported plan with any loads its group first
 * (`groupsForPlan` in `io.ts`); once the group loads they are checked like the others.
 */
function answersShape() {
	const shape: Record<string, z.ZodMiniType> = { [ABOUT_STEP_ID]: z.prefault(storedObject(aboutFields), {}) };
	for (const p of practices) shape[p.id] = z.prefault(p.pending ? z.record(z.string().check(z.maxLength(200)), z.unknown()) : storedObject(p.fields), {});
	// Who prepared and signs off the checklist (added in version 2 with defaults: older
	// version-2 plans simply get empty values, so no migration is needed).
	shape[SIGNOFF_STEP_ID] = z.prefault(storedObject(signoffFields), {});
	return shape;
}

function buildPlanSchema() {
	return z.object({
		kind: z.literal(PLAN_KIND),
		version: z.literal(PLAN_VERSION),
		planId: z.string().check(z.regex(/^[a-z0-9-]{8,64}$/)),
		createdAt: z.string().check(z.maxLength(40)),
		updatedAt: z.string().check(z.maxLength(40)),
		answers: z.prefault(z.object(answersShape()), {}),
		checklist: z._default(z.record(z.string().check(z.maxLength(200)), ItemStateSchema), () => ({})),
		/** The admin explicitly allowed secrets (generated passwords) to be saved and exported. */
		keepSecrets: z._default(z.boolean(), false),
		/** The last audit result imported from the server (see `$lib/audit/result`); a damaged one is dropped. */
		audit: z.catch(z._default(z.nullable(AuditRecordSchema), null), null)
	});
}

let built: { version: number; schema: ReturnType<typeof buildPlanSchema> } | null = null;

/** The plan schema for the practices loaded now (rebuilt when a group of steps loads). */
export function planSchema(): ReturnType<typeof buildPlanSchema> {
	if (built?.version !== registryVersion()) built = { version: registryVersion(), schema: buildPlanSchema() };
	return built.schema;
}

export type Plan = z.infer<ReturnType<typeof buildPlanSchema>>;
export type Answers = Record<string, Record<string, unknown>>;

export function newPlanId(): string {
	const b = new Uint8Array(16);
	crypto.getRandomValues(b);
	b[6] = (b[6]! & 0x0f) | 0x40;
	b[8] = (b[8]! & 0x3f) | 0x80;
	const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function newPlan(now = new Date()): Plan {
	const t = now.toISOString();
	return planSchema().parse({ kind: PLAN_KIND, version: PLAN_VERSION, planId: newPlanId(), createdAt: t, updatedAt: t });
}
