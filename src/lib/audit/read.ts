/**
 * The one path that reads the audit script's result back into the wizard (upload or paste).
 * Reading checks, in order: size, the begin/end markers (a missing end marker means the copy was
 * cut short), JSON syntax, kind and schema version, the shape (zod), the checksum the script
 * wrote (a hand-edited result is refused), the plan id, the fingerprint of the plan's
 * expectations, and the check ids. Any failure gives one clear message and no result: nothing in
 * the plan changes. Loaded by the audit page only (`./result` holds what a saved plan needs).
 */
import { AUDIT_KIND, AUDIT_SCHEMA_VERSION, AuditResultSchema, BEGIN_MARKER, END_MARKER, MAX_RESULT_BYTES, auditResultProblem, type AuditResult } from './result';

/** What the plan expects of a result: its id, the fingerprint of its checks and their ids. */
export interface AuditExpectation {
	planId: string;
	expectDigest: string;
	checkIds: readonly string[];
}

export type ReadAuditResult = { ok: true; result: AuditResult; warnings: string[] } | { ok: false; message: string };

/**
 * Finds the JSON inside pasted script output or takes the whole text. The markers count only as
 * whole lines (the script prints them so), and the LAST begin line is the result: the script
 * prints its result last, after every line that may quote what the server sent (headers, file
 * names), and it removes marker text from those lines too. `blocks` counts the begin lines.
 */
function extractJson(text: string): { ok: true; json: string; blocks: number } | { ok: false; message: string } {
	const lines = text.split(/\r?\n|\r/);
	const isLine = (l: string, marker: string) => l.trim() === marker;
	let begin = -1;
	let blocks = 0;
	lines.forEach((l, i) => {
		if (isLine(l, BEGIN_MARKER)) {
			begin = i;
			blocks++;
		}
	});
	if (begin === -1) {
		const t = text.trim();
		if (t === '') return { ok: false, message: 'Nothing to import: paste the audit script’s output or choose its result file.' };
		if (!t.startsWith('{')) {
			return {
				ok: false,
				message: `This is not an audit result: it has no “${BEGIN_MARKER}” line and is not JSON. Paste the script’s whole output, or the JSON it printed with --json.`
			};
		}
		return { ok: true, json: t, blocks: 0 };
	}
	const end = lines.findIndex((l, i) => i > begin && isLine(l, END_MARKER));
	if (end === -1) {
		return { ok: false, message: 'The result is truncated: its “END DESKPRO AUDIT RESULT” line is missing. Copy the script’s output again, to the end.' };
	}
	return { ok: true, json: lines.slice(begin + 1, end).join('\n').trim(), blocks };
}

export function readAuditText(text: string, expect: AuditExpectation): ReadAuditResult {
	if (text.length > MAX_RESULT_BYTES) {
		return { ok: false, message: `The file is too large (${Math.round(text.length / 1024)} KB; an audit result is at most ${MAX_RESULT_BYTES / 1_000_000} MB).` };
	}
	const ex = extractJson(text.replace(/^\uFEFF/, ''));
	if (!ex.ok) return ex;
	let json: unknown;
	try {
		json = JSON.parse(ex.json);
	} catch (e) {
		return { ok: false, message: `The result is not valid JSON (${(e as Error).message}). It may be truncated or edited: copy it again from the script’s output.` };
	}
	if (typeof json !== 'object' || json === null || Array.isArray(json)) return { ok: false, message: 'This is not an audit result: expected a JSON object.' };
	const obj = json as Record<string, unknown>;
	if (obj.kind !== AUDIT_KIND) {
		return {
			ok: false,
			message:
				obj.kind === 'deskpro-hardening-plan'
					? 'This is a saved plan, not an audit result. Import plans from the summary page.'
					: 'This is not a Deskpro hardening audit result (its “kind” is missing or different).'
		};
	}
	if (typeof obj.schemaVersion === 'number' && obj.schemaVersion > AUDIT_SCHEMA_VERSION) {
		return { ok: false, message: `The result was written by a newer audit script (result schema ${obj.schemaVersion}; this wizard reads ${AUDIT_SCHEMA_VERSION}).` };
	}
	const parsed = AuditResultSchema.safeParse(json);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
		return { ok: false, message: `The result does not match the expected format${where}: ${issue?.message ?? 'invalid'}. It may be truncated or edited.` };
	}
	const r = parsed.data;
	const problem = auditResultProblem(r, expect.planId);
	if (problem) return { ok: false, message: problem };
	if (r.expectDigest !== expect.expectDigest) {
		return {
			ok: false,
			message: 'This result was produced by an audit script made for different answers: the plan has changed since the script was downloaded. Download the audit script again, run it and import the new result.'
		};
	}
	const known = new Set(expect.checkIds);
	const unknown = r.checks.filter((c) => !known.has(c.id)).map((c) => c.id);
	if (unknown.length) return { ok: false, message: `The result holds checks this plan does not define (${unknown.slice(0, 3).join(', ')}).` };
	const seen = new Set<string>();
	for (const c of r.checks) {
		if (seen.has(c.id)) return { ok: false, message: `The result lists check ${c.id} twice.` };
		seen.add(c.id);
	}
	const warnings: string[] = [];
	if (ex.blocks > 1) {
		warnings.push(
			`The text holds ${ex.blocks} result blocks; the last one was imported. One run of the script prints one: if you pasted several runs, this is the latest.`
		);
	}
	const missing = expect.checkIds.filter((id) => !seen.has(id));
	if (r.exitCode >= 3) warnings.push(`The audit script stopped with an error (exit code ${r.exitCode}); only the checks it finished are shown.`);
	if (missing.length) warnings.push(`${missing.length} check${missing.length === 1 ? ' was' : 's were'} not run: ${missing.join(', ')}.`);
	return { ok: true, result: r, warnings };
}

/**
 * What the result's checksum proves and what it does not, in the words the audit page shows
 * (here, not in `./result`, which every page loads).
 */
export const CHECKSUM_MEANING =
	'The checksum in a result only shows that the text was not changed by accident (cut short or edited while copying). Anyone can compute it, so it does not show that the audit script wrote the result: a result someone typed, or one printed by a hostile server, carries a valid checksum too. Import only output you copied from the script yourself, on the server.';
