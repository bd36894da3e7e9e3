/** Wording shared by every place that shows audit results (steps, audit page, summary, exports). */
import type { AuditState } from './types';
import type { ItemVerdict } from './plan-checks';

/** `2026-03-01 10:00 UTC` from the script's UTC time. */
export function auditTime(iso: string): string {
	return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** `2026-03-01`. */
export function auditDate(iso: string): string {
	return iso.slice(0, 10);
}

export const stateLabels: Record<AuditState, string> = {
	PASS: 'Pass',
	FAIL: 'Fail',
	WARN: 'Warning',
	SKIP: 'Skipped',
	MANUAL: 'Check by hand',
	'N/A': 'Not applicable'
};

export const verdictLabels: Record<ItemVerdict, string> = {
	verified: 'Verified by audit',
	failed: 'Audit found a problem',
	attention: 'Audit could not verify'
};

/** Needs the admin's attention (shown with its fix). */
export const isFinding = (s: AuditState) => s !== 'PASS' && s !== 'N/A';
