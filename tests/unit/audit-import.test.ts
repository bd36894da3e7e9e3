/**
 * Importing an audit result: what is accepted, what is refused and with which message, and
 * what the plan shows afterwards (verified / flagged items, stale results).
 */
import { describe, expect, it } from 'vitest';
import { BEGIN_MARKER, END_MARKER, canonicalResultText, resultDigest, type AuditResult } from '$lib/audit/result';
import { readAuditText, type AuditExpectation } from '$lib/audit/read';
import { auditStatus, expectDigest, verdictOf } from '$lib/audit/plan-checks';
import type { AuditState, PlannedCheck } from '$lib/audit/types';
import { newPlan, planSchema } from '$lib/plan/schema';
import { readPlanText, writePlanText } from '$lib/plan/io';

const PLAN = 'abcdef12-3456-4789-8abc-def012345678';
const checks: PlannedCheck[] = [
	{
		id: 'p.audit.one',
		practiceId: 'p',
		items: ['p.a'],
		title: 'One',
		expected: 'one',
		remediation: 'fix one',
		probe: { kind: 'cron-user', installPath: '/var/www/deskpro', expectedUser: 'www-data' }
	},
	{
		id: 'p.audit.two',
		practiceId: 'p',
		items: ['p.a', 'p.b'],
		title: 'Two',
		expected: 'two',
		remediation: 'fix two',
		probe: { kind: 'no-world-writable', paths: ['/var/www/deskpro'] }
	}
];
const digest = expectDigest(checks);
const expectation: AuditExpectation = { planId: PLAN, expectDigest: digest, checkIds: checks.map((c) => c.id) };

function result(states: AuditState[], over: Partial<AuditResult> = {}): AuditResult {
	const r = {
		kind: 'deskpro-hardening-audit' as const,
		schemaVersion: 1 as const,
		planId: PLAN,
		scriptVersion: '1.0.0',
		expectDigest: digest,
		host: 'web1.example.com',
		startedAt: '2026-03-01T10:00:00Z',
		finishedAt: '2026-03-01T10:00:05Z',
		exitCode: states.includes('FAIL') ? 1 : states.some((s) => s !== 'PASS' && s !== 'N/A') ? 2 : 0,
		checks: states.map((state, i) => ({ id: checks[i]!.id, state, title: checks[i]!.title, evidence: `evidence "${i}"\n`, remediation: checks[i]!.remediation })),
		...over
	};
	return { ...r, digest: over.digest ?? resultDigest(r) };
}
const asOutput = (r: AuditResult) => `PASS  One: ...\nSummary\n${BEGIN_MARKER}\n${JSON.stringify(r)}\n${END_MARKER}\n`;

describe('reading a result', () => {
	it('accepts the script output (markers), the bare JSON and a pretty-printed copy', () => {
		const r = result(['PASS', 'PASS']);
		for (const text of [asOutput(r), JSON.stringify(r), JSON.stringify(r, null, 2), '\uFEFF' + JSON.stringify(r)]) {
			const x = readAuditText(text, expectation);
			expect(x.ok).toBe(true);
		}
	});

	it('refuses a result for another plan, saying so', () => {
		const other = result(['PASS', 'PASS'], { planId: '99999999-3456-4789-8abc-def012345678' });
		const x = readAuditText(asOutput(other), expectation);
		expect(x.ok).toBe(false);
		if (!x.ok) expect(x.message).toMatch(/for another plan/);
	});

	it('refuses a hand-edited result (a FAIL turned into PASS) by its checksum', () => {
		const r = result(['FAIL', 'PASS']);
		const text = asOutput(r).replace('"state":"FAIL"', '"state":"PASS"');
		const x = readAuditText(text, expectation);
		expect(x.ok).toBe(false);
		if (!x.ok) expect(x.message).toMatch(/changed since the audit script wrote it/);
	});

	it('refuses a truncated copy, with or without the end marker', () => {
		const text = asOutput(result(['PASS', 'PASS']));
		const cut = text.slice(0, text.indexOf(END_MARKER));
		const a = readAuditText(cut, expectation);
		expect(a.ok).toBe(false);
		if (!a.ok) expect(a.message).toMatch(/truncated/);
		const json = JSON.stringify(result(['PASS', 'PASS']));
		const b = readAuditText(json.slice(0, json.length - 40), expectation);
		expect(b.ok).toBe(false);
		if (!b.ok) expect(b.message).toMatch(/not valid JSON/);
	});

	it('refuses malformed results with the place of the problem', () => {
		const bad = JSON.parse(JSON.stringify(result(['PASS', 'PASS'])));
		bad.checks[1].state = 'OK';
		const x = readAuditText(JSON.stringify(bad), expectation);
		expect(x.ok).toBe(false);
		if (!x.ok) expect(x.message).toMatch(/at checks\.1\.state/);
		for (const [text, re] of [
			['', /Nothing to import/],
			['hello', /not an audit result/],
			['[1,2]', /not an audit result/],
			['"a string"', /not an audit result/],
			[JSON.stringify({ kind: 'deskpro-hardening-plan', version: 2 }), /saved plan, not an audit result/],
			[JSON.stringify({ kind: 'something-else' }), /not a Deskpro hardening audit result/],
			[JSON.stringify({ ...result(['PASS', 'PASS']), schemaVersion: 7 }), /newer audit script/],
			['x'.repeat(1_000_001), /too large/]
		] as const) {
			const r = readAuditText(text, expectation);
			expect(r.ok, text.slice(0, 40)).toBe(false);
			if (!r.ok) expect(r.message).toMatch(re);
		}
	});

	it('refuses a result made for different answers, checks the plan does not define, duplicates and a wrong exit code', () => {
		const stale = result(['PASS', 'PASS'], { expectDigest: 'b'.repeat(64) });
		const a = readAuditText(JSON.stringify(stale), expectation);
		expect(!a.ok && a.message).toMatch(/made for different answers/);
		const extra = result(['PASS', 'PASS']);
		const withExtra = { ...extra, checks: [...extra.checks, { ...extra.checks[0]!, id: 'p.audit.nope' }] };
		const b = readAuditText(JSON.stringify({ ...withExtra, digest: resultDigest(withExtra) }), expectation);
		expect(!b.ok && b.message).toMatch(/does not define \(p\.audit\.nope\)/);
		const dup = { ...extra, checks: [extra.checks[0]!, extra.checks[0]!] };
		const c = readAuditText(JSON.stringify({ ...dup, digest: resultDigest(dup) }), expectation);
		expect(!c.ok && c.message).toMatch(/twice/);
		const wrongExit = result(['FAIL', 'PASS'], { exitCode: 0 });
		const d = readAuditText(JSON.stringify(wrongExit), expectation);
		expect(!d.ok && d.message).toMatch(/exit code 0 does not match/);
	});

	it('accepts a result of a script that stopped early, with a warning naming the checks not run', () => {
		const r = result(['PASS'], { exitCode: 3 });
		const x = readAuditText(JSON.stringify(r), expectation);
		expect(x.ok).toBe(true);
		if (x.ok) expect(x.warnings.join(' ')).toMatch(/stopped with an error.*p\.audit\.two/s);
	});

	it('the canonical text is the compact JSON the script writes', () => {
		const r = result(['PASS', 'WARN']);
		const { digest: _d, ...rest } = r;
		expect(JSON.stringify(r)).toBe(canonicalResultText(rest).slice(0, -1) + `,"digest":"${r.digest}"}`);
	});
});

describe('verdicts', () => {
	it('FAIL wins; all PASS (or N/A with a PASS) verifies; anything else needs attention', () => {
		expect(verdictOf(['PASS', 'FAIL'])).toBe('failed');
		expect(verdictOf(['PASS', 'N/A'])).toBe('verified');
		expect(verdictOf(['N/A'])).toBe('attention');
		expect(verdictOf(['PASS', 'MANUAL'])).toBe('attention');
		expect(verdictOf(['SKIP'])).toBe('attention');
	});

	it('maps checks to the items they verify, and ignores a stale result', () => {
		const record = { result: result(['PASS', 'FAIL']), importedAt: '2026-03-01T10:01:00Z' };
		const s = auditStatus(checks, digest, record);
		expect(s.stale).toBe(false);
		expect(s.items.get('p.a')?.verdict).toBe('failed');
		expect(s.items.get('p.b')?.verdict).toBe('failed');
		expect(s.items.get('p.a')?.checks.map((c) => c.id)).toEqual(['p.audit.one', 'p.audit.two']);
		const ok = auditStatus(checks, digest, { ...record, result: result(['PASS', 'PASS']) });
		expect(ok.items.get('p.a')?.verdict).toBe('verified');
		expect(ok.counts.PASS).toBe(2);
		const stale = auditStatus(checks, expectDigest([checks[0]!]), record);
		expect(stale.stale).toBe(true);
		expect(stale.items.size).toBe(0);
	});
});

describe('the plan keeps the imported result', () => {
	it('round-trips through storage, and a damaged record is dropped without losing the plan', () => {
		const p = newPlan();
		p.audit = { result: result(['PASS', 'PASS'], { planId: p.planId }), importedAt: '2026-03-01T10:01:00Z' };
		const back = readPlanText(writePlanText(p));
		expect(back.ok && back.plan.audit?.result.host).toBe('web1.example.com');
		const raw = JSON.parse(writePlanText(p));
		raw.audit.result.checks[0].state = 'MAYBE';
		const damaged = readPlanText(JSON.stringify(raw));
		expect(damaged.ok).toBe(true);
		if (damaged.ok) expect(damaged.plan.audit).toBeNull();
		// plans saved before the audit existed read with no result
		const old = JSON.parse(writePlanText(newPlan()));
		delete old.audit;
		expect(planSchema().parse(old).audit).toBeNull();
	});
});
