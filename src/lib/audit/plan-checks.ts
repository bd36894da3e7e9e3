/**
 * From a plan's audit checks and its imported result to what the wizard shows: the
 * fingerprint of the expectations (written into the script, compared on import), and a
 * verdict per checklist item. Pure.
 */
import { sha256Hex } from './sha256';
import type { AuditCheckResult, AuditRecord } from './result';
import type { PlannedCheck } from './types';

/** Fingerprint of what the audit expects: check ids and their probes (the plan's values). */
export function expectDigest(checks: readonly PlannedCheck[]): string {
	return sha256Hex(JSON.stringify(checks.map((c) => [c.id, c.probe])));
}

export type ItemVerdict = 'verified' | 'failed' | 'attention';

export interface ItemAudit {
	verdict: ItemVerdict;
	/** When the script finished (UTC ISO). */
	at: string;
	host: string;
	/** The audit script's version that produced the result. */
	scriptVersion: string;
	/** The results of the checks that verify this item (in plan order). */
	checks: (AuditCheckResult & { expected: string })[];
}

export interface AuditStatus {
	record: AuditRecord | null;
	/** The imported result was made for other expectations (answers changed since). */
	stale: boolean;
	/** Verdict per checklist item id (only when a current result is imported). */
	items: Map<string, ItemAudit>;
	counts: Record<AuditCheckResult['state'], number>;
}

export function verdictOf(states: readonly AuditCheckResult['state'][]): ItemVerdict {
	if (states.includes('FAIL')) return 'failed';
	if (states.length > 0 && states.every((s) => s === 'PASS' || s === 'N/A') && states.includes('PASS')) return 'verified';
	return 'attention';
}

export function auditStatus(checks: readonly PlannedCheck[], digest: string, record: AuditRecord | null): AuditStatus {
	const counts = { PASS: 0, FAIL: 0, WARN: 0, SKIP: 0, MANUAL: 0, 'N/A': 0 };
	const items = new Map<string, ItemAudit>();
	if (!record) return { record, stale: false, items, counts };
	const r = record.result;
	if (r.expectDigest !== digest) return { record, stale: true, items, counts };
	const byId = new Map(r.checks.map((c) => [c.id, c]));
	const perItem = new Map<string, ItemAudit['checks']>();
	for (const c of checks) {
		const res = byId.get(c.id);
		if (!res) continue;
		counts[res.state]++;
		for (const item of c.items) perItem.set(item, [...(perItem.get(item) ?? []), { ...res, expected: c.expected }]);
	}
	for (const [item, list] of perItem) {
		items.set(item, { verdict: verdictOf(list.map((x) => x.state)), at: r.finishedAt, host: r.host, scriptVersion: r.scriptVersion, checks: list });
	}
	return { record, stale: false, items, counts };
}
