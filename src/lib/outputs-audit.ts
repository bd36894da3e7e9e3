/**
 * Every generated file of a plan: the server and Docker files (`outputs-files.ts`, made by the
 * generator modules given) and the audit script, with the audit library (about 25 KB gzip of
 * shell text). The browser loads this module lazily, only for a self-hosted plan and only on the
 * pages that need every file: the audit page, the summary and the exports
 * (`wizard.useGenerators('all')`, `wizard.generatedFiles()` in plan/state.svelte.ts), with the
 * generator modules of the plan's target alone. `outputs.ts` gives it every module (tests, scripts).
 */
import type { Plan } from './plan/schema';
import { derivePlan, type DerivedPlan } from './plan/derive';
import { auditScript, AUDIT_SCRIPT_FILENAME } from './generators/audit';
import { fileRank } from './apply-order';
import { fileOutputsFor, type LoadedGenerators } from './outputs-files';
import type { OutputFile } from './output-types';

/**
 * The audit script: one when the plan declares audit checks (Deskpro Download on Linux) and no
 * server step that declares checks has invalid inputs.
 */
export function auditOutput(plan: Plan, derived: DerivedPlan): OutputFile | null {
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
 * order: the server and Docker files the `generators` given make (`fileOutputsFor`; give every
 * module the plan needs, `generatorsFor`) and the audit script.
 */
export function outputsWith(generators: LoadedGenerators, plan: Plan, derived: DerivedPlan = derivePlan(plan)): OutputFile[] {
	const out = fileOutputsFor(generators, plan, derived);
	const audit = auditOutput(plan, derived);
	if (audit) out.push(audit);
	return out.sort((a, b) => a.applyOrder - b.applyOrder);
}
