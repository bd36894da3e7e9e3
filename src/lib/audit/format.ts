/** Wording shared by every place that shows audit results (steps, audit page, summary, exports). */
import type { AuditState } from './types';
import type { AuditStatus, ItemAudit, ItemVerdict } from './plan-checks';

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

/** Where and by what a verdict was produced: `host, 2026-03-01 10:00 UTC, audit script 1.1.0`. */
export function auditSource(a: Pick<ItemAudit, 'at' | 'host' | 'scriptVersion'>): string {
	return `${a.host}, ${auditTime(a.at)}, audit script ${a.scriptVersion}`;
}

/** One plain-text line for exports: "Verified by audit on DATE (host, time, script)" or the findings with their fixes. */
export function itemAuditText(a: ItemAudit): string {
	const when = `${auditDate(a.at)} (${auditSource(a)})`;
	if (a.verdict === 'verified') return `Verified by audit on ${when}.`;
	const findings = a.checks.filter((c) => isFinding(c.state)).map((c) => `[${c.state}] ${c.title}: ${c.evidence} Fix: ${c.remediation}`);
	return `${verdictLabels[a.verdict]} on ${when}. ${findings.join(' ')}`;
}

/** One plain-text line about the imported audit as a whole ('' when there is none). */
export function auditSummaryText(s: AuditStatus): string {
	const r = s.record?.result;
	if (!r) return '';
	if (s.stale) return `The audit of ${r.host} on ${auditTime(r.finishedAt)} was made for earlier answers and no longer counts.`;
	const counts = (Object.entries(s.counts) as [AuditState, number][]).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${k}`);
	return `Audit of ${r.host} on ${auditTime(r.finishedAt)} (script ${r.scriptVersion}): ${counts.join(', ') || 'no checks'}.`;
}
