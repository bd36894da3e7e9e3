/**
 * Attack (issue #12, finding 4): commands the wizard and the audit SHOW the admin, pasted into a
 * root shell as they are. Every value in them must be one inert shell word:
 * - the audit's MANUAL evidence for the admin allow-list prints a curl command with the helpdesk
 *   URL, whose path may hold ' ; and $ (a URL the wizard accepts): pasted, it must request that
 *   URL and run nothing (a marker file proves it);
 * - the remediation texts of the audit checks print chown/chmod and crontab commands with the
 *   install path, which may hold spaces: pasted, they must act on that path only (a decoy file
 *   named like the path's first word must keep its owner).
 * Each command is run with bash exactly as shown.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { derivePlan } from '$lib/plan/derive';
import { bin, removeDir, run, serverDescribe, startPhpServer, type PhpServer } from '../harness';
import { runLib, runLibCheck } from '../audit-lib-driver';
import { shellQuote } from '$lib/generators/escape';
import { planWith } from '../env';

serverDescribe(
	['php', 'bash', 'curl'],
	'attack: commands shown to the admin, pasted as they are',
	() => {
		let dir = '';
		let port = 0;
		let php: PhpServer | undefined;

		beforeAll(async () => {
			dir = mkdtempSync(join(tmpdir(), 'dphw-attack-shown-'));
			chmodSync(dir, 0o755);
			const router = join(dir, 'router.php');
			// a helpdesk answering every path (the front page must answer for the audit to judge)
			writeFileSync(router, `<?php\nheader('Content-Type: text/plain');\necho "page\\n";\n`);
			php = await startPhpServer(router);
			port = php.port;
		});
		afterAll(() => {
			php?.stop();
			removeDir(dir);
		});

		const plan = (installPath: string, helpdeskUrl: string) =>
			planWith(
				{
					installPath,
					dataPath: join(dir, 'data'),
					ownerUser: 'daemon',
					webUser: 'www-data',
					webGroup: 'www-data',
					cronUser: 'nobody',
					serverNames: [],
					adminCidrs: ['10.0.0.0/8']
				},
				{ helpdeskUrl }
			);

		it("the audit's MANUAL curl for a URL holding '$(cmd)': pasted, it requests the URL and runs nothing", async () => {
			const marker = join(dir, 'pwned');
			const p = plan(join(dir, 'www'), `http://127.0.0.1:${port}/h'$(touch$IFS${marker})';x/`);
			const d = derivePlan(p);
			expect(d.about.errors, 'the wizard accepts this URL').toEqual({});
			const check = d.audit.checks.find((c) => c.probe.kind === 'http-allow-list')!;
			const probe = check.probe as Extract<typeof check.probe, { kind: 'http-allow-list' }>;
			expect(probe.url).toContain("'$(touch$IFS");
			const r = await runLibCheck(dir, 'check_http_allow_list', [probe.url, ...probe.paths, '--', ...probe.allowed]);
			expect(r.state, r.output).toBe('MANUAL');
			const cmd = /run: (curl .*) \(it must print 403\)/.exec(r.evidence)?.[1];
			expect(cmd, r.evidence).toBeDefined();
			const pasted = await run(bin('bash'), ['-c', cmd!], { cwd: dir });
			expect(existsSync(marker), `pasting ran a command: ${cmd}`).toBe(false);
			// and it asks for the very URL the audit named (the stand-in answers 200)
			expect(pasted.stdout.trim(), `${cmd}\n${pasted.stderr}`).toBe('200');
		});

		it('remediation commands with an install path holding a space: pasted, they act on that path only', async () => {
			const install = join(dir, 'help desk', 'deskpro');
			mkdirSync(install, { recursive: true });
			writeFileSync(join(install, 'config.php'), '<?php\n', { mode: 0o644 });
			writeFileSync(join(install, 'cron.php'), '<?php echo "RAN:cron.php\\n";\n', { mode: 0o644 });
			// a decoy named like the path up to the space
			const decoy = join(dir, 'help');
			writeFileSync(decoy, 'decoy\n', { mode: 0o644 });
			const before = statSync(decoy);
			const d = derivePlan(plan(install, `http://127.0.0.1:${port}/`));
			const remediation = (id: string) => d.audit.checks.find((c) => c.id === id)!.remediation;

			const chown = /, or: (chown .*)$/.exec(remediation('server-config-php.audit.mode'))?.[1];
			expect(chown, remediation('server-config-php.audit.mode')).toBeDefined();
			const r = await run(bin('bash'), ['-c', chown!], { cwd: dir });
			const after = statSync(decoy);
			expect([after.uid, after.gid, after.mode], `${chown}\n${r.stderr}`).toEqual([before.uid, before.gid, before.mode]);
			expect(r.code, `${chown}\n${r.stderr}`).toBe(0);
			const cfg = statSync(join(install, 'config.php'));
			const daemon = Number((await run('/usr/bin/id', ['-u', 'daemon'])).stdout.trim());
			expect([cfg.uid, cfg.mode & 0o777]).toEqual([daemon, 0o640]);

			const cron = /\* \* \* \* \* (php .*)$/.exec(remediation('server-permissions.audit.cron-user'))?.[1];
			expect(cron, remediation('server-permissions.audit.cron-user')).toBeDefined();
			const c = await run(bin('bash'), ['-c', cron!], { cwd: dir });
			expect(c.stdout, `${cron}\n${c.stderr}`).toContain('RAN:cron.php');
		});

		it("the audit's sh_quote writes exactly the wizard's shellQuote, and bash reads the word back unchanged", async () => {
			const values = ["a'b", "'$(id)'", '`id`', '"x" \\ y', 'line\nbreak', "''", '', 'é 𝔘 \u202e', '; rm -rf / #', "it's"];
			const code = values.map((v, i) => `sh_quote ${shellQuote(v)}; printf '%s\\0' "$J" >>${shellQuote(join(dir, 'quoted'))}; eval "W=$J"; printf '%s\\0' "$W" >>${shellQuote(join(dir, 'back'))} # ${i}`).join('\n');
			const r = await runLib(dir, code);
			expect(r.code, r.stderr).toBe(0);
			const { readFileSync } = await import('node:fs');
			expect(readFileSync(join(dir, 'quoted'), 'utf8').split('\0').slice(0, -1)).toEqual(values.map(shellQuote));
			expect(readFileSync(join(dir, 'back'), 'utf8').split('\0').slice(0, -1)).toEqual(values);
		});
	},
	{ root: true }
);
