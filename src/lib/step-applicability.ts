/**
 * Whether a wizard step applies to this helpdesk, and why not: practices decide from their data
 * (`practices/applicability.ts`), the audit step from the deployment. Back and Next pass over the
 * steps that do not apply; the step list keeps them, collapsed, with this reason.
 */
import type { AboutValues } from '$lib/practices/types';
import type { ApplicabilityResult } from '$lib/practices/applicability';
import type { DerivedPlan } from '$lib/plan/derive';
import { auditStep } from '$lib/steps';

/**
 * The audit script (bash) checks a Deskpro Download install on Linux, or the containers of Deskpro
 * On-Premise (Docker) on their host: the same cases the audit page offers a script for.
 */
export function auditApplicability(about: AboutValues): ApplicabilityResult {
	return (about.deployment === 'download' && about.os === 'linux') || about.deployment === 'onprem-docker'
		? { applies: true }
		: { applies: false, reason: 'The audit script checks a Deskpro Download (legacy self-hosted) install on a Linux server, or Deskpro On-Premise (Docker) on its Docker host.' };
}

/** About and the summary always apply; a practice as derived; the audit from the deployment. */
export function stepApplicability(d: DerivedPlan, id: string): ApplicabilityResult {
	if (id === 'audit') return auditApplicability(d.aboutValues);
	return d.practices.find((p) => p.practice.id === id)?.applicability ?? { applies: true };
}

/** A wizard step that does not apply to this helpdesk, with the reason shown. */
export interface NotApplicableStep {
	id: string;
	title: string;
	reason: string;
}

/**
 * The steps that do not apply to this helpdesk, in route order: every practice that does not
 * apply and the audit when it does not. The one list behind the About step's "N steps do not
 * apply" and the step list's collapsed groups, so the two counts cannot differ.
 */
export function notApplicableSteps(d: DerivedPlan): NotApplicableStep[] {
	const out: NotApplicableStep[] = [];
	for (const p of d.practices) if (!p.applicability.applies) out.push({ id: p.practice.id, title: p.practice.title, reason: p.applicability.reason });
	const a = auditApplicability(d.aboutValues);
	if (!a.applies) out.push({ id: auditStep.id, title: auditStep.title, reason: a.reason });
	return out;
}
