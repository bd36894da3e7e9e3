/**
 * The imported audit in the exports: the Markdown and the PDF say, beside each server item,
 * "Verified by audit on DATE" or the finding and its fix, and give the audit's summary on the
 * cover. No secret ever reaches them (the audit holds none: password hashes are hidden by the
 * script).
 */
import { outputsFor } from '$lib/outputs';
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jsPDF } from 'jspdf';
import { newPlan, type Plan } from '$lib/plan/schema';
import { derivePlan } from '$lib/plan/derive';
import { resultDigest, type AuditResult } from '$lib/audit/result';
import { buildReport } from '$lib/generators/report';
import { reportMarkdown } from '$lib/generators/markdown';
import { renderChecklistPdf } from '$lib/pdf/checklist';
import { binaryString } from '$lib/pdf/load';

const FAILING = 'server-permissions.audit.app-not-writable';

function auditedPlan(): Plan {
	const plan = newPlan(new Date('2026-03-14T09:00:00.000Z'));
	Object.assign(plan.answers.about as Record<string, unknown>, {
		helpdeskName: 'Acme Support',
		helpdeskUrl: 'https://support.example.com/',
		deployment: 'download',
		os: 'linux',
		webServer: 'nginx'
	});
	const a = derivePlan(plan).audit;
	expect(a.checks.length).toBeGreaterThan(10);
	const r = {
		kind: 'deskpro-hardening-audit' as const,
		schemaVersion: 1 as const,
		planId: plan.planId,
		scriptVersion: '1.0.0',
		expectDigest: a.expectDigest,
		host: 'web1.example.com',
		startedAt: '2026-03-14T10:00:00Z',
		finishedAt: '2026-03-14T10:00:09Z',
		exitCode: 1,
		checks: a.checks.map((c) => ({
			id: c.id,
			state: c.id === FAILING ? ('FAIL' as const) : ('PASS' as const),
			title: c.title,
			evidence: c.id === FAILING ? 'www-data can write to 1 entry under /var/www/deskpro (tested as www-data): /var/www/deskpro/index.php' : `ok: /admin/ → 403 …`,
			remediation: c.remediation
		}))
	};
	plan.audit = { result: { ...r, digest: resultDigest(r) } as AuditResult, importedAt: '2026-03-14T10:05:00.000Z' };
	return plan;
}

describe('audit results in the exports', () => {
	it('Markdown: the cover line, verified items and the finding with its fix', () => {
		const plan = auditedPlan();
		const pass = plan.audit!.result.checks.length - 1;
		const raw = reportMarkdown(buildReport(plan, new Date('2026-03-14T11:00:00Z'), undefined, outputsFor(plan)));
		// the Markdown escaper backslashes ( ) [ ] : @: read it without them
		const md = raw.replace(/\\([()[\]:@])/g, '$1');
		expect(raw).not.toMatch(/(?<!\\)\[FAIL\]/);
		expect(md).toContain(`| Server audit | Audit of web1.example.com on 2026-03-14 10:00 UTC (script 1.0.0): ${pass} PASS, 1 FAIL. |`);
		expect(md).toContain('**Done:** Confirm no file under the install or data directory is world-writable');
		expect(md).toMatch(/\\\n {2}Verified by audit on 2026-03-14 \(web1\.example\.com, 2026-03-14 10:00 UTC, audit script 1\.0\.0\)\./);
		expect(md).toMatch(/- \[ \] \*\*Open:\*\* Run the permissions script as root\.\\\n {2}Audit found a problem on 2026-03-14 \(web1\.example\.com, 2026-03-14 10:00 UTC, audit script 1\.0\.0\)\. \[FAIL\] Application not writable by www-data: www-data can write to 1 entry .* Fix: Run the permissions script/);
	});

	it('PDF: the same words, read back with pdftotext', () => {
		if (spawnSync('pdftotext', ['-v']).status !== 0) {
			if (process.env.REQUIRE_SERVERS === '1') throw new Error('pdftotext is required');
			return console.warn('*** SKIPPED PDF audit text check: pdftotext missing ***');
		}
		const fontDir = join(import.meta.dirname, '../../src/lib/pdf/fonts');
		const fonts = {
			regular: binaryString(readFileSync(join(fontDir, 'DejaVuSans-subset.ttf'))),
			bold: binaryString(readFileSync(join(fontDir, 'DejaVuSans-Bold-subset.ttf')))
		};
		const plan = auditedPlan();
		const pass = plan.audit!.result.checks.length - 1;
		const report = buildReport(plan, new Date('2026-03-14T11:00:00Z'), undefined, outputsFor(plan));
		const file = join(mkdtempSync(join(tmpdir(), 'audit-pdf-')), 'audit.pdf');
		writeFileSync(file, new Uint8Array(renderChecklistPdf(jsPDF as never, fonts, report)));
		const t = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
		expect(t).toContain(`Server audit Audit of web1.example.com on 2026-03-14 10:00 UTC (script 1.0.0): ${pass} PASS, 1 FAIL.`);
		expect(t).toContain('Verified by audit on 2026-03-14 (web1.example.com, 2026-03-14 10:00 UTC, audit script 1.0.0).');
		expect(t).toMatch(/Audit found a problem on 2026-03-14 \(web1\.example\.com, 2026-03-14 10:00 UTC, audit script 1\.0\.0\)\. \[FAIL\] Application not writable by www-data: www-data can write to 1 entry/);
		expect(t).toContain('Fix: Run the permissions script');
	});
});
