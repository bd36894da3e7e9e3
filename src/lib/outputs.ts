/**
 * The one derived map of generated files for a plan: it feeds the live previews, the copy and
 * download buttons, the config bundle (zip) and the exports. The server and Docker files come
 * from `outputs-files.ts`; this module adds the audit script (with the audit library, about
 * 25 KB gzip of shell text), so only the audit page, the summary and the exports load it, lazily
 * and only for a self-hosted plan (`wizard.loadGenerators()` in plan/state.svelte.ts); a Cloud
 * plan has no generated files (`generatesFiles` in output-types.ts) and never fetches it.
 */
import type { Plan } from './plan/schema';
import { derivePlan, type DerivedPlan } from './plan/derive';
import { auditScript, AUDIT_SCRIPT_FILENAME } from './generators/audit';
import { fileRank } from './apply-order';
import { fileOutputsFor } from './outputs-files';

export type { OutputFile, OutputLanguage } from './output-types';
export type { ServerOutputInput } from './outputs-files';
import type { OutputFile } from './output-types';

/**
 * The audit script: one when the plan declares audit checks (Deskpro Download on Linux) and no
 * server step that declares checks has invalid inputs.
 */
function auditOutput(plan: Plan, derived: DerivedPlan): OutputFile | null {
	const a = derived.audit;
	if (a.checks.length === 0 || a.blockedBy.length > 0) return null;
	return {
		id: 'audit-script',
		practiceId: 'audit',
		filename: AUDIT_SCRIPT_FILENAME,
		language: 'bash',
		description: 'Read-only audit: checks the server against this plan and prints a result to import into the wizard.',
		applyOrder: fileRank('audit-script'),
		text: auditScript({ planId: plan.planId, checks: a.checks, expectDigest: a.expectDigest })
	};
}

/**
 * Every generated file that applies to this plan (empty while inputs are invalid), in apply
 * order: the server and Docker files (`fileOutputsFor`) and the audit script.
 */
export function outputsFor(plan: Plan, derived: DerivedPlan = derivePlan(plan)): OutputFile[] {
	const out = fileOutputsFor(plan, derived);
	const audit = auditOutput(plan, derived);
	if (audit) out.push(audit);
	return out.sort((a, b) => a.applyOrder - b.applyOrder);
}
