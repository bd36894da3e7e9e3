/**
 * The audit script's skeleton, without servers: syntax (bash -n, shellcheck), its JSON writer
 * against JavaScript's JSON.stringify byte for byte (hostile strings), the checksum the wizard
 * verifies, refusal to start on missing paths, exit codes, and the temporary directory.
 */
import { describe, expect, it, beforeAll, afterAll, vi } from 'vitest';

// Every test here starts bash (and shellcheck); on a loaded 2-core machine that takes seconds.
vi.setConfig({ testTimeout: 60_000 });
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync, rmSync, readdirSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import lib from '$lib/generators/audit-lib.sh?raw';
import { auditScript } from '$lib/generators/audit';
import { sha256Hex } from '$lib/audit/sha256';
import { resultDigest, type AuditResult } from '$lib/audit/result';
import { readAuditText } from '$lib/audit/read';
import type { PlannedCheck } from '$lib/audit/types';
import { newPlan } from '$lib/plan/schema';
import { derivePlan } from '$lib/plan/derive';

const isRoot = process.getuid?.() === 0;
const hasShellcheck = existsSync('/usr/bin/shellcheck');
if (!hasShellcheck && process.env.REQUIRE_SERVERS === '1') throw new Error('REQUIRE_SERVERS=1 but shellcheck is missing');

let dir = '';
beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'dphw-audit-unit-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PLAN = 'abcdef12-3456-4789-8abc-def012345678';
const DIGEST = 'a'.repeat(64);

function cronCheck(install: string): PlannedCheck {
	return {
		id: 'server-permissions.audit.cron-user',
		practiceId: 'server-permissions',
		items: ['server-permissions.apply'],
		title: 'Cron runs as www-data',
		expected: 'cron.php runs as www-data',
		remediation: "Move the line to www-data's crontab: it's 'quoted' $HOME `x`",
		probe: { kind: 'cron-user', installPath: install, expectedUser: 'www-data' },
		requires: [{ type: 'dir', path: install, what: 'install directory' }]
	};
}

function runScript(text: string, args: string[] = [], env: NodeJS.ProcessEnv = {}) {
	const f = join(dir, `s-${Math.random().toString(36).slice(2)}.sh`);
	writeFileSync(f, text);
	const r = spawnSync('bash', [f, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, cwd: dir });
	return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('sha256', () => {
	it('matches node:crypto on random Unicode text', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => {
				expect(sha256Hex(s)).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
			}),
			{ numRuns: 300 }
		);
		expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
		expect(sha256Hex('a'.repeat(1000))).toBe(createHash('sha256').update('a'.repeat(1000)).digest('hex'));
	});
});

describe('the JSON writer in bash', () => {
	it('escapes any string exactly like JSON.stringify (control characters, quotes, backslashes, Unicode)', () => {
		const hostile = fc.oneof(
			fc.string({ unit: fc.integer({ min: 1, max: 0x7f }).map((c) => String.fromCharCode(c)), maxLength: 80 }),
			fc.string({ unit: 'grapheme', maxLength: 40 }),
			fc.constantFrom('"', '\\', '\\"', '\u001b[31mred', 'a\nb\r\nc\td\fe\bf', "'; rm -rf / #", '$(id) `id` ${HOME}', 'é—€😀\u2028\u2029', '\u007f', '&amp; & \\&')
		);
		const samples = fc.sample(hostile.filter((s) => !s.includes('\u0000')), 300);
		const input = join(dir, 'strings.bin');
		writeFileSync(input, Buffer.concat(samples.map((s) => Buffer.concat([Buffer.from(s, 'utf8'), Buffer.from([0])]))));
		const driver = `${lib}\nexport LC_ALL=C\ninit_json\nwhile IFS= read -r -d '' s; do utf8_clean "$s"; json_str "$J"; printf '%s\\n' "$J"; done < "$1"\n`;
		writeFileSync(join(dir, 'driver.sh'), driver);
		const out = execFileSync('bash', [join(dir, 'driver.sh'), input], { encoding: 'utf8' }).split('\n').slice(0, -1);
		expect(out).toHaveLength(samples.length);
		samples.forEach((s, i) => expect(out[i], JSON.stringify(s)).toBe(JSON.stringify(s)));
	});

	it('the human lines show no control character, C1 (U+0080-U+009F) included', () => {
		const driver = `${lib}\nexport LC_ALL=C\nprintable "$1"\nprintf '%s' "$J"\n`;
		writeFileSync(join(dir, 'driver-printable.sh'), driver);
		const out = execFileSync('bash', [join(dir, 'driver-printable.sh'), 'a\u009b31mb\u0085c\u001bd\u00e9\u20ac'], { encoding: 'utf8' });
		expect(out).toBe('a?31mb?c?dé€');
	});

	it('drops invalid UTF-8 bytes so the result stays valid JSON', () => {
		const input = join(dir, 'bad.bin');
		writeFileSync(input, Buffer.from([0x61, 0xff, 0x62, 0xc3, 0x28, 0x63, 0xe2, 0x82, 0xac, 0x00]));
		const driver = `${lib}\nexport LC_ALL=C\ninit_json\nwhile IFS= read -r -d '' s; do utf8_clean "$s"; json_str "$J"; printf '%s\\n' "$J"; done < "$1"\n`;
		writeFileSync(join(dir, 'driver2.sh'), driver);
		const out = execFileSync('bash', [join(dir, 'driver2.sh'), input]).toString('utf8').trim();
		expect(JSON.parse(out)).toBe('ab(c€');

		// Sequences glibc's iconv -c passes through or that look almost valid: above U+10FFFF
		// (f4 90.., f5.., f6.., f7..), 5- and 6-byte forms, UTF-16 surrogates, an overlong '/'.
		// Each sits between valid text, which must survive; the bad bytes become '?' or vanish.
		const bad = [[0xf5, 0x80, 0x80, 0x80], [0xf6, 0x80, 0x80, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xf7, 0xbf, 0xbf, 0xbf], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xfc, 0x84, 0x80, 0x80, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xed, 0xbf, 0xbf], [0xc0, 0xaf], [0xe0, 0x80, 0xaf]];
		const euro = [0xe2, 0x82, 0xac];
		const records = bad.flatMap((b) => [0x78, ...b, 0x79, ...euro, ...b, 0x00]);
		writeFileSync(input, Buffer.from(records));
		const lines = execFileSync('bash', [join(dir, 'driver2.sh'), input]).toString('latin1').split('\n').slice(0, -1);
		expect(lines).toHaveLength(bad.length);
		const strict = new TextDecoder('utf-8', { fatal: true });
		lines.forEach((line, i) => {
			const text = strict.decode(Buffer.from(line, 'latin1'));
			expect(JSON.parse(text), bad[i]!.map((b) => b.toString(16)).join(' ')).toMatch(/^x\?*y€\?*$/);
		});
	});

	it('turns any bytes into valid UTF-8 and JSON, leaving valid UTF-8 as it is (property)', () => {
		const input = join(dir, 'random.bin');
		const byte = fc.oneof(fc.integer({ min: 1, max: 0x7f }), fc.integer({ min: 0x80, max: 0xff }), fc.constantFrom(0xc2, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0x80, 0xbf));
		const samples = fc.sample(fc.oneof(fc.array(byte, { maxLength: 24 }), fc.string({ unit: 'binary', maxLength: 12 }).map((t) => [...Buffer.from(t.replace(/\0/g, ''), 'utf8')])), { numRuns: 400, seed: 20261128 });
		writeFileSync(input, Buffer.concat(samples.map((b) => Buffer.from([...b, 0]))));
		// with iconv, and without it (an empty PATH: the pure-bash repair alone)
		const noPath = join(dir, 'empty-path');
		mkdirSync(noPath, { recursive: true });
		const withIconv = execFileSync('bash', [join(dir, 'driver2.sh'), input]);
		const without = execFileSync('/bin/bash', [join(dir, 'driver2.sh'), input], { env: { PATH: noPath } });
		for (const out of [withIconv, without]) {
			const lines = out.toString('latin1').split('\n').slice(0, -1);
			expect(lines).toHaveLength(samples.length);
			const strict = new TextDecoder('utf-8', { fatal: true });
			lines.forEach((line, i) => {
				const raw = Buffer.from(samples[i]!);
				const text = strict.decode(Buffer.from(line, 'latin1'));
				const value: unknown = JSON.parse(text);
				let valid: string | null = null;
				try {
					valid = strict.decode(raw);
				} catch {
					valid = null;
				}
				if (valid !== null) expect(value, raw.toString('hex')).toBe(valid);
				else expect(typeof value, raw.toString('hex')).toBe('string');
			});
		}
	});
});

describe('the generated script', () => {
	const install = () => {
		const d = join(dir, "install dir with 'quote' and $x");
		mkdirSync(d, { recursive: true });
		return d;
	};

	it('passes bash -n and shellcheck (a hand-made check, and every check of a real self-hosted plan, legacy and Docker)', () => {
		const plan = newPlan();
		Object.assign(plan.answers.about as Record<string, unknown>, { deployment: 'download', os: 'linux', webServer: 'nginx', helpdeskUrl: 'https://support.example.com/' });
		const real = derivePlan(plan).audit;
		expect(real.checks.length).toBeGreaterThan(10);
		const docker = newPlan();
		Object.assign(docker.answers.about as Record<string, unknown>, { deployment: 'onprem-docker', helpdeskUrl: 'https://support.example.com/' });
		const dockerAudit = derivePlan(docker).audit;
		expect(dockerAudit.checks.map((c) => c.probe.kind)).toEqual(expect.arrayContaining(['docker-ports', 'docker-secrets', 'http-allow-list', 'http-xff-ignored']));
		const scripts = {
			'gen.sh': auditScript({ planId: PLAN, expectDigest: DIGEST, checks: [cronCheck(install())] }),
			'real.sh': auditScript({ planId: plan.planId, expectDigest: real.expectDigest, checks: real.checks }),
			'docker.sh': auditScript({ planId: docker.planId, expectDigest: dockerAudit.expectDigest, checks: dockerAudit.checks })
		};
		expect(scripts['real.sh']).not.toContain('check_docker_ports()');
		expect(scripts['docker.sh']).toContain('check_docker_ports()');
		for (const [name, text] of Object.entries(scripts)) {
			const f = join(dir, name);
			writeFileSync(f, text);
			expect(spawnSync('bash', ['-n', f]).status).toBe(0);
			if (!hasShellcheck) return console.warn('*** SKIPPED shellcheck: not installed ***');
			const sc = spawnSync('shellcheck', ['-s', 'bash', f], { encoding: 'utf8' });
			expect(sc.stdout + sc.stderr, name).toBe('');
			expect(sc.status).toBe(0);
		}
	});

	it('keeps hostile plan values inert inside their words', () => {
		const evil = "x'; touch /tmp/pwned-audit; echo '";
		const c = { ...cronCheck(install()), title: evil, remediation: '$(touch /tmp/pwned-audit2)`id`' };
		const text = auditScript({ planId: PLAN, expectDigest: DIGEST, checks: [c] });
		expect(spawnSync('bash', ['-n', '-c', text]).status).toBe(0);
		expect(() => auditScript({ planId: PLAN, expectDigest: DIGEST, checks: [{ ...c, title: 'a\u0000b' }] })).toThrow(/NUL byte/);
		expect(() => auditScript({ planId: PLAN, expectDigest: DIGEST, checks: [{ ...c, id: 'Bad Id' }] })).toThrow(/check id/);
	});

	it.runIf(isRoot)('refuses to start when a path it was generated for is missing, and says which (exit 3)', () => {
		const missing = join(dir, 'no such install');
		const r = runScript(auditScript({ planId: PLAN, expectDigest: DIGEST, checks: [cronCheck(missing)] }));
		expect(r.code).toBe(3);
		expect(r.stderr).toContain(`the install directory ${missing} does not exist`);
		expect(r.stderr).toContain('refusing to start');
		expect(r.stdout).not.toContain('BEGIN DESKPRO AUDIT RESULT');
	});

	it.runIf(isRoot)('writes a result whose checksum the wizard verifies, with hostile evidence intact', () => {
		const inst = install();
		const root = join(dir, 'sysroot');
		mkdirSync(join(root, 'etc/cron.d'), { recursive: true });
		// a crontab line full of characters that must not break the JSON
		const line = Buffer.concat([
			Buffer.from(`* * * * * www-data php "${inst}/cron.php" # "quoted" \\back\\ \ttab é€ \u001b[31m `, 'utf8'),
			Buffer.from([0xff, 0x0a])
		]);
		writeFileSync(join(root, 'etc/cron.d/deskpro'), line);
		const checks = [cronCheck(inst)];
		const r = runScript(auditScript({ planId: PLAN, expectDigest: DIGEST, checks }), ['--system-root', root]);
		expect(r.stderr).toBe('');
		expect(r.code).toBe(0);
		expect(r.stdout).toMatch(/^PASS +Cron runs as www-data: /m);
		// the human line shows no raw escape character
		expect(r.stdout.split('-----BEGIN')[0]).not.toContain('\u001b');
		const read = readAuditText(r.stdout, { planId: PLAN, expectDigest: DIGEST, checkIds: checks.map((c) => c.id) });
		expect(read.ok, read.ok ? '' : read.message).toBe(true);
		if (!read.ok) return;
		expect(read.result.checks[0]!.state).toBe('PASS');
		expect(read.result.checks[0]!.evidence).toContain('"quoted" \\back\\ \ttab é€ \u001b[31m');
		expect(read.result.checks[0]!.remediation).toBe(checks[0]!.remediation);
		expect(read.result.exitCode).toBe(0);
	});

	it.runIf(isRoot)('exit codes: 1 when a check fails, 2 when one is skipped; --json prints only JSON', () => {
		const inst = install();
		const root = join(dir, 'sysroot-root');
		mkdirSync(join(root, 'etc'), { recursive: true });
		writeFileSync(join(root, 'etc/crontab'), `* * * * * root php ${inst}/cron.php\n`);
		const script = auditScript({ planId: PLAN, expectDigest: DIGEST, checks: [cronCheck(inst)] });
		const fail = runScript(script, ['--system-root', root, '--json']);
		expect(fail.code).toBe(1);
		const json = JSON.parse(fail.stdout) as AuditResult;
		expect(json.checks[0]!.state).toBe('FAIL');
		expect(json.checks[0]!.evidence).toContain('root');
		expect(fail.stderr).toMatch(/^FAIL +Cron runs as www-data: .*-> Fix: /m);
		const empty = join(dir, 'sysroot-empty');
		mkdirSync(empty, { recursive: true });
		const skip = runScript(script, ['--system-root', empty, '--json']);
		expect(skip.code).toBe(2);
		expect((JSON.parse(skip.stdout) as AuditResult).checks[0]!.state).toBe('SKIP');
		expect(runScript(script, ['--bogus']).code).toBe(3);
		expect(runScript(script, ['--help']).code).toBe(0);
	});

	it.runIf(isRoot)('never writes to the current directory and removes its temporary directory', () => {
		const inst = install();
		const cwd = mkdtempSync(join(tmpdir(), 'dphw-audit-cwd-'));
		const tmpBase = mkdtempSync(join(tmpdir(), 'dphw-audit-tmp-'));
		// its own system root (no dependence on the other tests' files): cron as www-data → PASS
		const root = join(dir, 'sysroot-cwd');
		mkdirSync(join(root, 'etc/cron.d'), { recursive: true });
		writeFileSync(join(root, 'etc/cron.d/deskpro'), `* * * * * www-data php '${inst}/cron.php'\n`);
		const f = join(dir, 'cwdtest.sh');
		writeFileSync(f, auditScript({ planId: PLAN, expectDigest: DIGEST, checks: [cronCheck(inst)] }));
		const r = spawnSync('bash', [f, '--system-root', root], { cwd, env: { ...process.env, TMPDIR: tmpBase }, encoding: 'utf8' });
		expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
		expect(readdirSync(cwd)).toEqual([]);
		expect(readdirSync(tmpBase)).toEqual([]);
		rmSync(cwd, { recursive: true });
		rmSync(tmpBase, { recursive: true });
	});

	it('the digest in a result is the one resultDigest computes', () => {
		const base = {
			kind: 'deskpro-hardening-audit' as const,
			schemaVersion: 1 as const,
			planId: PLAN,
			scriptVersion: '1.0.0',
			expectDigest: DIGEST,
			host: 'h',
			startedAt: '2026-01-01T00:00:00Z',
			finishedAt: '2026-01-01T00:00:01Z',
			exitCode: 0,
			checks: []
		};
		expect(resultDigest(base)).toMatch(/^sha256:[0-9a-f]{64}$/);
	});
});
