/**
 * The recurring reviews a plan calls for (audit log, admin list, error logs), read from the
 * cadences the admin chose in the `review-logs` practice. Small interface between that practice
 * and the calendar generator: `reviewsFor(derived)` → `Review[]`.
 */
import type { DerivedPlan } from '$lib/plan/derive';

export const REVIEW_PRACTICE_ID = 'review-logs';

export type Freq = 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';

export interface Cadence {
	freq: Freq;
	interval: number;
	/** e.g. "every 3 months". */
	label: string;
}

export interface Review {
	/** Stable id, part of the calendar UID. */
	id: string;
	title: string;
	description: string;
	cadence: Cadence;
}

interface ReviewDef {
	id: string;
	/** The practice field holding its cadence. */
	field: string;
	title: string;
	description: string;
	/** Only for these deployments (absent: all). Deskpro Cloud has no server error logs. */
	deployments?: string[];
}

export const REVIEW_DEFS: readonly ReviewDef[] = [
	{
		id: 'audit-log',
		field: 'auditLogCadence',
		title: 'Review the Deskpro audit log',
		description:
			'In Deskpro, open Agents > Audit Log and look through the actions taken by admin accounts since the last review. Follow up anything you cannot explain.'
	},
	{
		id: 'admin-list',
		field: 'adminReviewCadence',
		title: 'Review who has Deskpro admin rights',
		description:
			'In Deskpro, open Admin > Agents and check every agent marked with the wrench icon: remove admin rights that are no longer needed and confirm each admin has two-factor authentication.'
	},
	{
		id: 'error-logs',
		field: 'errorLogCadence',
		title: 'Review the Deskpro server error logs',
		description: 'In Deskpro, open Server > Error Logs (Deskpro Download) and look for repeated failures, unknown paths and errors that follow an attack since the last review.',
		deployments: ['download', 'onprem-docker']
	}
];

const NAMED: Record<string, Omit<Cadence, 'label'>> = {
	daily: { freq: 'DAILY', interval: 1 },
	weekly: { freq: 'WEEKLY', interval: 1 },
	fortnightly: { freq: 'WEEKLY', interval: 2 },
	biweekly: { freq: 'WEEKLY', interval: 2 },
	monthly: { freq: 'MONTHLY', interval: 1 },
	bimonthly: { freq: 'MONTHLY', interval: 2 },
	quarterly: { freq: 'MONTHLY', interval: 3 },
	'half-yearly': { freq: 'MONTHLY', interval: 6 },
	semiannually: { freq: 'MONTHLY', interval: 6 },
	yearly: { freq: 'YEARLY', interval: 1 },
	annually: { freq: 'YEARLY', interval: 1 }
};

const UNIT: Record<Freq, [string, string]> = { DAILY: ['day', 'days'], WEEKLY: ['week', 'weeks'], MONTHLY: ['month', 'months'], YEARLY: ['year', 'years'] };

export function cadenceLabel(c: Omit<Cadence, 'label'>): string {
	const [one, many] = UNIT[c.freq];
	return c.interval === 1 ? `every ${one}` : `every ${c.interval} ${many}`;
}

/**
 * A cadence value as the practice stores it: a name (`weekly`, `monthly`, `quarterly`...), or a
 * number of days (`30`, `"30"`, `"30d"`). `off`, `never`, `none`, '' and 0 mean no reminder.
 */
export function parseCadence(v: unknown): Cadence | null {
	let days: number | null = null;
	if (typeof v === 'number') days = v;
	else if (typeof v === 'string') {
		const s = v.trim().toLowerCase();
		const named = NAMED[s];
		if (named) return { ...named, label: cadenceLabel(named) };
		const m = /^(\d{1,4})\s*(?:d|days?)?$/.exec(s);
		if (m) days = Number(m[1]);
	}
	if (days === null || !Number.isInteger(days) || days < 1 || days > 3660) return null;
	const c: Omit<Cadence, 'label'> = days % 7 === 0 ? { freq: 'WEEKLY', interval: days / 7 } : { freq: 'DAILY', interval: days };
	return { ...c, label: cadenceLabel(c) };
}

/** The reviews the plan calls for; empty while the review practice is absent or does not apply. */
export function reviewsFor(d: DerivedPlan): Review[] {
	const p = d.practices.find((x) => x.practice.id === REVIEW_PRACTICE_ID);
	if (!p || !p.applicability.applies) return [];
	const values = p.checked.lenient as Record<string, unknown>;
	const reviewer = typeof values.reviewer === 'string' ? values.reviewer.trim() : '';
	const out: Review[] = [];
	for (const def of REVIEW_DEFS) {
		if (!(def.field in values)) continue;
		if (def.deployments && !def.deployments.includes(d.aboutValues.deployment)) continue;
		const cadence = parseCadence(values[def.field]);
		if (cadence) out.push({ id: def.id, title: def.title, description: reviewer ? `${def.description}\nReviewer: ${reviewer}.` : def.description, cadence });
	}
	return out;
}
