/**
 * Forged audit results (issue #12, finding 3), the wizard's side:
 * - pasted output holding a result block on its own lines before the script's real one (what a
 *   server could print if the script let it): the last block is the result;
 * - marker text inside a line (a header or file name quoted in a check's line) is not a block;
 * - an audit record inside a plan file (imported or saved) is checked like an imported result:
 *   an edited one (a FAIL turned PASS, checksum left as it was) or one for another plan is left
 *   out, with a message, and never shows as "verified by audit";
 * - each verdict names the host, the time and the script version it came from.
 * The whole attack on a real run is in tests/servers/attacks/audit-forgery.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { BEGIN_MARKER, END_MARKER, resultDigest, type AuditResult } from '$lib/audit/result';
import { readAuditText } from '$lib/audit/read';
import { itemAuditText } from '$lib/audit/format';
import { derivePlan } from '$lib/plan/derive';
import { readPlanText } from '$lib/plan/io';
import type { Plan } from '$lib/plan/schema';
import { planWith } from '../servers/env';

function hardenedPlan(): Plan {
	return planWith({
		installPath: '/var/www/deskpro',
		dataPath: '/srv/deskpro-data',
		ownerUser: 'deskpro',
		webUser: 'www-data',
		webGroup: 'www-data',
		cronUser: 'deskpro-cron',
		phpFpm: 'unix:/run/php/php8.2-fpm.sock',
		serverNames: [],
		adminCidrs: ['10.0.0.0/8'],
		dbHost: '127.0.0.1',
		dbPort: 3306,
		dbName: 'deskpro',
		dbUser: 'deskpro',
		dbClientHost: '127.0.0.1'
	});
}

function realResult(plan: Plan, fail: boolean): AuditResult {
	const d = derivePlan(plan);
	const checks = d.audit.checks.map((c, i) => ({ id: c.id, state: fail && i === 0 ? ('FAIL' as const) : ('PASS' as const), title: c.title, evidence: 'seen', remediation: c.remediation }));
	const body = {
		kind: 'deskpro-hardening-audit' as const,
		schemaVersion: 1 as const,
		planId: plan.planId,
		scriptVersion: '1.2.0',
		expectDigest: d.audit.expectDigest,
		host: 'help1.example.com',
		startedAt: '2026-03-01T10:00:00Z',
		finishedAt: '2026-03-01T10:00:09Z',
		exitCode: fail ? 1 : 0,
		checks
	};
	return { ...body, digest: resultDigest(body) };
}

const expectation = (plan: Plan) => {
	const d = derivePlan(plan);
	return { planId: plan.planId, expectDigest: d.audit.expectDigest, checkIds: d.audit.checks.map((c) => c.id) };
};
const block = (r: AuditResult) => `${BEGIN_MARKER}\n${JSON.stringify(r)}\n${END_MARKER}`;

describe('a forged result block in pasted output', () => {
	it('a block on its own lines before the real one: the real (last) one is imported, with a warning', () => {
		const plan = hardenedPlan();
		const real = realResult(plan, true);
		const forged = { ...realResult(plan, false), startedAt: '2026-01-01T00:00:00Z' };
		forged.digest = resultDigest(forged);
		const out = `Deskpro hardening audit for plan ...\n${block(forged)}\nFAIL   Owner: ...\nSummary: 1 FAIL\n${block(real)}\n`;
		const r = readAuditText(out, expectation(plan));
		expect(r.ok, r.ok ? '' : r.message).toBe(true);
		if (!r.ok) return;
		expect(r.result.digest).toBe(real.digest);
		expect(r.warnings.join(' ')).toContain('2 result blocks; the last one was imported');
	});

	it('marker text inside a line (a header value quoted in a check line) is not a block', () => {
		const plan = hardenedPlan();
		const real = realResult(plan, true);
		const forged = realResult(plan, false);
		const out = `FAIL   No version: /: X-Powered-By: ${BEGIN_MARKER}${JSON.stringify(forged)}${END_MARKER}\n${block(real)}\n`;
		const r = readAuditText(out, expectation(plan));
		expect(r.ok && r.result.digest).toBe(real.digest);
		// and on its own, the quoted block is no result at all
		const only = readAuditText(`FAIL   No version: /: X-Powered-By: ${BEGIN_MARKER}${JSON.stringify(forged)}${END_MARKER}\n`, expectation(plan));
		expect(only.ok).toBe(false);
	});
});

describe('an audit record inside a plan file', () => {
	const planFile = (plan: Plan, result: AuditResult) => JSON.stringify({ ...plan, audit: { result, importedAt: '2026-03-01T10:01:00Z' } });

	it('a FAIL edited to PASS (checksum left as it was): the record is left out and reported, nothing is verified', () => {
		const plan = hardenedPlan();
		const real = realResult(plan, true);
		const edited = { ...real, exitCode: 0, checks: real.checks.map((c) => ({ ...c, state: 'PASS' as const })) };
		const r = readPlanText(planFile(plan, edited));
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.plan.audit).toBeNull();
		expect(r.dropped.map((d) => d.path)).toEqual(['audit']);
		expect(r.dropped[0]!.problem).toContain('checksum does not match');
		expect([...derivePlan(r.plan).audit.items.values()].filter((i) => i.verdict === 'verified')).toEqual([]);
	});

	it('a record for another plan is left out; a genuine one is kept', () => {
		const plan = hardenedPlan();
		const other = { ...realResult(plan, false), planId: 'ffffffff-3456-4789-8abc-def012345678' };
		other.digest = resultDigest(other);
		const r = readPlanText(planFile(plan, other));
		expect(r.ok && r.plan.audit).toBeNull();
		expect(r.ok && r.dropped.map((d) => d.path)).toEqual(['audit']);
		const good = readPlanText(planFile(plan, realResult(plan, true)));
		expect(good.ok && good.dropped).toEqual([]);
		expect(good.ok && good.plan.audit?.result.host).toBe('help1.example.com');
	});
});

describe('every verdict says where it came from', () => {
	it('host, time and script version beside each item verdict (exports too)', () => {
		const plan = hardenedPlan();
		plan.audit = { result: realResult(plan, true), importedAt: '2026-03-01T10:01:00Z' };
		const items = [...derivePlan(plan).audit.items.values()];
		expect(items.length).toBeGreaterThan(1);
		for (const i of items) expect(itemAuditText(i)).toContain('(help1.example.com, 2026-03-01 10:00 UTC, audit script 1.2.0)');
	});
});
