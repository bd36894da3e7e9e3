/**
 * Attack (issue #12, finding 3): a forged audit result. The admin pastes everything the audit
 * script printed into the wizard. Text the web-server user controls is printed before the real
 * result: an HTTP header of the helpdesk (X-Powered-By) and file names in the data directory.
 * Each case runs the real generated audit script as root on an install that is NOT hardened
 * (so the real run FAILs), with the hostile text in place, and imports the whole terminal output
 * (stdout and stderr, as a terminal shows them) exactly as the wizard does. The forged block is
 * the worst case: the attacker knows the plan id and the expectations' fingerprint, and computes
 * the checksum (a plain SHA-256) itself. The attack fails when the import gives the real result
 * (every FAIL still FAIL) and the printed output holds no marker line but the script's own.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { derivePlan } from '$lib/plan/derive';
import type { Plan } from '$lib/plan/schema';
import { BEGIN_MARKER, END_MARKER, resultDigest, type AuditResult } from '$lib/audit/result';
import { readAuditText } from '$lib/audit/read';
import { AUDIT_SCRIPT_VERSION } from '$lib/generators/audit';
import { shellQuote } from '$lib/generators/escape';
import { bin, curl, removeDir, run, serverDescribe, startPhpServer, type PhpServer } from '../harness';
import { makeFakeDeskpro } from '../fake-deskpro';
import { accountNames, createUsers, output, removeUsers } from '../audit-fixture';
import { runLib } from '../audit-lib-driver';
import { planWith } from '../env';

/** A forged result for `plan`: the given checks, all PASS, with a checksum that matches. */
function forgedResult(plan: Plan, ids: string[], text: string): AuditResult {
	const d = derivePlan(plan);
	const body = {
		kind: 'deskpro-hardening-audit' as const,
		schemaVersion: 1 as const,
		planId: plan.planId,
		scriptVersion: AUDIT_SCRIPT_VERSION,
		expectDigest: d.audit.expectDigest,
		host: text,
		startedAt: '2026-01-01T00:00:00Z',
		finishedAt: '2026-01-01T00:00:01Z',
		exitCode: 0,
		checks: ids.map((id) => ({ id, state: 'PASS' as const, title: text, evidence: text, remediation: text }))
	};
	return { ...body, digest: resultDigest(body) };
}

/**
 * The forged result as JSON whose every `/` lies inside a string, so that it can be spread over
 * nested directory names (each at most 255 bytes): keys in an order that keeps the pieces short,
 * with filler keys (ignored on import) between them.
 */
function forgedPathJson(r: AuditResult): string {
	const q = JSON.stringify;
	const checks = r.checks.map((c) => `{"id":${q(c.id)},"state":"PASS","title":${q(c.title)},"evidence":${q(c.evidence)},"remediation":${q(c.remediation)}}`);
	return (
		`{"planId":${q(r.planId)},"host":${q(r.host)},"expectDigest":${q(r.expectDigest)},"_a":"/","kind":${q(r.kind)},"schemaVersion":1,` +
		`"scriptVersion":${q(r.scriptVersion)},"_b":"/","startedAt":${q(r.startedAt)},"finishedAt":${q(r.finishedAt)},"exitCode":0,"_c":"/",` +
		`"digest":${q(r.digest)},"checks":[${checks.join(',')}]}`
	);
}

const markerLines = (out: string) => out.split(/\r?\n/).filter((l) => l.includes('DESKPRO AUDIT RESULT'));

serverDescribe(
	['php', 'bash', 'curl', 'useradd'],
	'attack: a forged result block in what the web-server user controls, against the audit import',
	() => {
		let dir = '';
		let install = '';
		let data = '';
		let sysroot = '';
		let port = 0;
		let header = '';
		let php: PhpServer | undefined;
		// the cron user, in the web server's group like the wizard says (it must write data/)
		const { cron } = accountNames('frg');

		beforeAll(async () => {
			await createUsers([cron]);
			const g = await run('/usr/sbin/usermod', ['-a', '-G', 'www-data', cron]);
			expect(g.code, g.stderr).toBe(0);
			dir = mkdtempSync(join(tmpdir(), 'dphw-attack-forgery-'));
			chmodSync(dir, 0o755);
			install = join(dir, 'deskpro');
			data = join(dir, 'deskpro-data');
			sysroot = join(dir, 'sysroot');
			makeFakeDeskpro(install);
			mkdirSync(data, { mode: 0o775 });
			mkdirSync(sysroot);
			// the data directory is the web user's, as Deskpro needs it
			const own = await run('/bin/chown', ['www-data:www-data', data]);
			expect(own.code, own.stderr).toBe(0);
			// the stand-in helpdesk: every answer carries the header the router reads from a file
			header = join(dir, 'header.txt');
			writeFileSync(header, 'PleskLin');
			const router = join(dir, 'router.php');
			writeFileSync(
				router,
				`<?php\nheader('X-Powered-By: ' . trim(file_get_contents(${JSON.stringify(header)})));\n$p = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);\nif ($p !== '/') { http_response_code(404); }\necho "helpdesk\\n";\n`
			);
			php = await startPhpServer(router, ['-d', 'expose_php=0']);
			port = php.port;
		});
		afterAll(async () => {
			php?.stop();
			removeDir(dir);
			await removeUsers([cron]);
		});

		const plan = () =>
			planWith(
				{
					installPath: install,
					dataPath: data,
					ownerUser: 'daemon',
					webUser: 'www-data',
					webGroup: 'www-data',
					cronUser: cron,
					phpFpm: '127.0.0.1:9',
					serverNames: [],
					adminCidrs: ['10.0.0.0/8'],
					dbHost: '127.0.0.1',
					dbPort: 3306,
					dbName: 'deskpro',
					dbUser: 'deskpro',
					dbClientHost: '127.0.0.1'
				},
				{ helpdeskUrl: `http://127.0.0.1:${port}/`, webServer: 'nginx' }
			);

		/** Runs the plan's audit script as root; everything it printed, as a terminal shows it. */
		async function audit(p: Plan): Promise<{ code: number; out: string }> {
			const script = join(dir, `audit-${p.planId}.sh`);
			writeFileSync(script, output(p, 'audit-script'));
			const r = await run(bin('bash'), ['-c', `bash ${shellQuote(script)} --system-root ${shellQuote(sysroot)} 2>&1`], { cwd: dir, timeout: 240_000 });
			return { code: r.code, out: r.stdout };
		}

		function importAll(p: Plan, out: string) {
			const d = derivePlan(p);
			return readAuditText(out, { planId: p.planId, expectDigest: d.audit.expectDigest, checkIds: d.audit.checks.map((c) => c.id) });
		}

		/** The real run FAILs; what the wizard imports from the whole output must say so. */
		function expectRealResult(p: Plan, run: { code: number; out: string }) {
			expect(run.code, run.out).toBe(1);
			const r = importAll(p, run.out);
			expect(r.ok, r.ok ? '' : r.message).toBe(true);
			if (!r.ok) return;
			const states = r.result.checks.map((c) => `${c.state} ${c.id}`);
			expect(r.result.exitCode, `imported: ${states.join(', ')}`).toBe(1);
			expect(states.filter((s) => s.startsWith('FAIL')).length, `imported: ${states.join(', ')}`).toBeGreaterThan(0);
			expect(r.result.startedAt).not.toBe('2026-01-01T00:00:00Z');
			// only the script's own marker lines are left in what it printed
			expect(markerLines(run.out), 'marker text printed outside the result').toEqual([BEGIN_MARKER, END_MARKER]);
		}

		it('a helpdesk whose X-Powered-By header holds a forged result: the real result (with its FAILs) is imported', async () => {
			const p = plan();
			// a dry run: the checks that FAIL are the ones the attacker forges as PASS
			writeFileSync(header, 'PleskLin');
			const dry = await audit(p);
			const dryRead = importAll(p, dry.out);
			expect(dryRead.ok, dryRead.ok ? '' : dryRead.message).toBe(true);
			if (!dryRead.ok) return;
			const failed = dryRead.result.checks.filter((c) => c.state === 'FAIL').map((c) => c.id);
			expect(failed.length, dry.out).toBeGreaterThan(0);
			const forged = forgedResult(p, failed, 'ok');
			writeFileSync(header, `${BEGIN_MARKER}${JSON.stringify(forged)}${END_MARKER}`);
			// the stand-in really sends it
			expect((await curl(`http://127.0.0.1:${port}/`)).status).toBe(200);
			expectRealResult(p, await audit(p));
		});

		it('file names in the data directory that spell a forged result: the real result (with its FAILs) is imported', async () => {
			const p = plan();
			writeFileSync(header, 'PleskLin');
			const dry = await audit(p);
			const dryRead = importAll(p, dry.out);
			expect(dryRead.ok, dryRead.ok ? '' : dryRead.message).toBe(true);
			if (!dryRead.ok) return;
			const failed = dryRead.result.checks.filter((c) => c.state === 'FAIL').map((c) => c.id);
			const forged = forgedResult(p, failed, 'o/k');
			const parts = `${BEGIN_MARKER}${forgedPathJson(forged)}${END_MARKER}`.split('/');
			for (const part of parts) expect(Buffer.byteLength(part) <= 255 && part !== '' && part !== '.' && part !== '..', part).toBe(true);
			// created by the web-server user itself, in the data directory it may write; the file
			// is world-writable, so the audit lists its path name (the directories are writable by
			// the web server's group, as the data directory's are)
			const sub = join(data, ...parts.slice(0, -1));
			const made = await run('/usr/sbin/runuser', [
				'-u',
				'www-data',
				'--',
				'/bin/sh',
				'-c',
				'umask 002 && mkdir -p -- "$1" && : >"$1/$2" && chmod 0666 -- "$1/$2"',
				'sh',
				sub,
				parts[parts.length - 1]!
			]);
			expect(made.code, made.stderr).toBe(0);
			const r = await audit(p);
			// the path name really reached the output
			expect(r.out).toContain(forged.digest);
			expectRealResult(p, r);
		});

		it('marker text in any spelling is removed from what the server controls (evidence and printed lines)', async () => {
			const spellings = [BEGIN_MARKER, END_MARKER, '-----begin deskpro audit result-----', 'BEGIN  DESKPRO_AUDIT-RESULT', 'xEND\tDeskpro\u00a0Audit Result!'];
			for (const m of spellings) {
				const r = await runLib(dir, `C_STATE=PASS; C_EVIDENCE=${shellQuote(`a ${m} b`)}; unmark "$C_EVIDENCE"; C_EVIDENCE=$J; printable ${shellQuote(`${m}`)}; printf '%s\\n' "$J"`);
				expect(r.code, r.stderr).toBe(0);
				expect(r.evidence, m).toMatch(/^a .*\[marker removed\].* b$/);
				expect(r.output.toUpperCase(), m).not.toMatch(/(BEGIN|END)[^A-Z0-9]*DESKPRO[^A-Z0-9]*AUDIT[^A-Z0-9]*RESULT/);
			}
		});
	},
	{ root: true }
);
