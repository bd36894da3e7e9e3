/**
 * Whether a wizard step applies to this helpdesk, and why not: practices decide from their data
 * (`practices/applicability.ts`), the audit step from the deployment. Back and Next pass over the
 * steps that do not apply; the step list keeps them, collapsed, with this reason.
 */
import type { AboutValues } from '$lib/practices/types';
import type { ApplicabilityResult } from '$lib/practices/applicability';
import type { DerivedPlan } from '$lib/plan/derive';

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
