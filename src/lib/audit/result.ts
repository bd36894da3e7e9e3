/**
 * The audit script's result: a schema-versioned JSON document (its schema, checksum and the
 * problems that make it unusable; what a saved plan needs), read back into the wizard by
 * `readAuditText` in `./read` (upload or paste; loaded by the audit page only). Reading checks, in order: size, the begin/end markers
 * (a missing end marker means the copy was cut short), JSON syntax, kind and schema version,
 * the shape (zod), the checksum the script wrote (a hand-edited result is refused), the plan id,
 * the fingerprint of the plan's expectations, and the check ids. Any failure gives one clear
 * message and no result: nothing in the plan changes.
 */
import * as z from 'zod/mini';
import { AUDIT_STATES, type AuditState } from './types';
import { sha256Hex } from './sha256';

export const AUDIT_KIND = 'deskpro-hardening-audit';
export const AUDIT_SCHEMA_VERSION = 1;
export const BEGIN_MARKER = '-----BEGIN DESKPRO AUDIT RESULT-----';
export const END_MARKER = '-----END DESKPRO AUDIT RESULT-----';
/** Refuse larger inputs before parsing them. */
export const MAX_RESULT_BYTES = 1_000_000;
export const MAX_EVIDENCE = 4000;

const iso = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/, 'must be a UTC time like 2026-01-31T12:00:00Z'));

export const AuditCheckResultSchema = z.object({
	id: z.string().check(z.regex(/^[a-z0-9][a-z0-9.-]{0,199}$/, 'is not a check id')),
	state: z.enum(AUDIT_STATES),
	title: z.string().check(z.maxLength(300)),
	evidence: z.string().check(z.maxLength(MAX_EVIDENCE)),
	remediation: z.string().check(z.maxLength(2000))
});
export type AuditCheckResult = z.infer<typeof AuditCheckResultSchema>;

export const AuditResultSchema = z.object({
	kind: z.literal(AUDIT_KIND),
	schemaVersion: z.literal(AUDIT_SCHEMA_VERSION),
	planId: z.string().check(z.regex(/^[a-z0-9-]{8,64}$/, 'is not a plan id')),
	scriptVersion: z.string().check(z.regex(/^[0-9A-Za-z.+-]{1,40}$/, 'is not a version')),
	expectDigest: z.string().check(z.regex(/^[0-9a-f]{64}$/, 'is not a SHA-256 digest')),
	host: z.string().check(z.maxLength(255)),
	startedAt: iso,
	finishedAt: iso,
	exitCode: z.number().check(z.int(), z.gte(0), z.lte(255)),
	checks: z.array(AuditCheckResultSchema).check(z.maxLength(500)),
	digest: z.string().check(z.regex(/^sha256:[0-9a-f]{64}$/, 'is not a sha256: checksum'))
});
export type AuditResult = z.infer<typeof AuditResultSchema>;

/** What the plan keeps of an imported result. */
export const AuditRecordSchema = z.object({
	result: AuditResultSchema,
	/** ISO time of the import. */
	importedAt: z.string().check(z.maxLength(40))
});
export type AuditRecord = z.infer<typeof AuditRecordSchema>;

/**
 * The exact text the script hashes: the result without its `digest`, keys in this order, no
 * spaces (JSON.stringify's escaping, which the script reproduces byte for byte).
 */
export function canonicalResultText(r: Omit<AuditResult, 'digest'>): string {
	return JSON.stringify({
		kind: r.kind,
		schemaVersion: r.schemaVersion,
		planId: r.planId,
		scriptVersion: r.scriptVersion,
		expectDigest: r.expectDigest,
		host: r.host,
		startedAt: r.startedAt,
		finishedAt: r.finishedAt,
		exitCode: r.exitCode,
		checks: r.checks.map((c) => ({ id: c.id, state: c.state, title: c.title, evidence: c.evidence, remediation: c.remediation }))
	});
}

export function resultDigest(r: Omit<AuditResult, 'digest'>): string {
	return `sha256:${sha256Hex(canonicalResultText(r))}`;
}

/** The exit code the script must have used for these states. */
export function exitCodeFor(states: readonly AuditState[]): number {
	if (states.includes('FAIL')) return 1;
	if (states.some((s) => s === 'WARN' || s === 'SKIP' || s === 'MANUAL')) return 2;
	return 0;
}

const short = (s: string) => (s.length > 13 ? `${s.slice(0, 8)}…` : s);

/**
 * What makes a result unusable for the plan `planId` whatever the plan expects: a checksum that
 * does not match the content, an exit code that does not match the states, another plan, a
 * check listed twice. Used on import and for the audit record inside a saved or imported plan.
 * The checksum only catches accidental changes (see `CHECKSUM_MEANING` in `./read`).
 */
export function auditResultProblem(r: AuditResult, planId: string): string | null {
	if (resultDigest(r) !== r.digest) {
		return 'The result has been changed since the audit script wrote it: its checksum does not match its content. Import the output exactly as the script printed it.';
	}
	if (r.exitCode < 3 && exitCodeFor(r.checks.map((c) => c.state)) !== r.exitCode) {
		return `The result is inconsistent: its exit code ${r.exitCode} does not match its check states.`;
	}
	if (r.planId !== planId) {
		return `This result is for another plan (plan ${short(r.planId)}; the wizard holds plan ${short(planId)}). Download the audit script from this plan, run it and import its result.`;
	}
	const seen = new Set<string>();
	for (const c of r.checks) {
		if (seen.has(c.id)) return `The result lists check ${c.id} twice.`;
		seen.add(c.id);
	}
	return null;
}
