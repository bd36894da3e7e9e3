/**
 * How the audit reads config.php: PHP runs it as the web-server user, so config.php is code the
 * audit must not trust. Proven on real PHP, under a real terminal where it matters:
 * - code in config.php gets no controlling terminal (it could otherwise push keystrokes into
 *   root's shell with TIOCSTI) and no stdin;
 * - a config.php that stops half-way (exit, die) with status 0 yields SKIP, never PASS;
 * - a broken config.php never puts its text (the password) into the evidence;
 * - an @file of trust_proxy_data cannot change what is read from config.php itself;
 * - a non-root account with an empty password is a FAIL even when it is not the planned one.
 */
import { expect, it } from 'vitest';
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { shellQuote } from '$lib/generators/escape';
import { run, serverDescribe } from './harness';
import { caseDir, runLibCheck, scratchDir } from './audit-lib-driver';

const HEAD = "<?php\n$DP_CONFIG = array('debug' => array(), 'cache' => array());\n";
const DB = "define('DP_DATABASE_HOST', '127.0.0.1');\ndefine('DP_DATABASE_USER', 'deskpro');\ndefine('DP_DATABASE_PASSWORD', 'S3cret-Pw_0123');\ndefine('DP_DATABASE_NAME', 'deskpro');\n";

serverDescribe(
	['php', 'bash'],
	'audit: reading config.php safely',
	() => {
		const root = scratchDir('config-read');

		it('config.php gets no terminal and no stdin, even when the audit runs in one', async () => {
			if (!existsSync('/usr/bin/script')) {
				if (process.env.REQUIRE_SERVERS === '1') throw new Error('REQUIRE_SERVERS=1 but script (bsdutils) is missing');
				return console.warn('*** SKIPPED terminal test: script (bsdutils) is missing ***');
			}
			const marks = join(root(), 'marks');
			mkdirSync(marks, { mode: 0o777 });
			chmodSync(marks, 0o777);
			const sub = caseDir(root(), {
				'config.php': `${HEAD}${DB}$m = ${JSON.stringify(marks)};\n$t = @fopen('/dev/tty', 'w');\nif ($t) { touch("$m/opened-tty"); }\n$in = @stream_get_contents(STDIN);\nif ($in !== false && $in !== '') { touch("$m/read-stdin"); }\n`
			});
			// `script` gives the audit a real terminal, as when an admin runs it from a shell
			const r = await runLibCheck(sub, 'check_config_debug_off', [join(sub, 'config.php'), 'nobody'], {
				wrap: (driver) => ['/usr/bin/script', ['-qec', `bash ${shellQuote(driver)} < /dev/null`, '/dev/null']]
			});
			expect(r.state, r.output).toBe('PASS');
			expect(existsSync(join(marks, 'opened-tty')), 'config.php opened the terminal').toBe(false);
			expect(existsSync(join(marks, 'read-stdin')), 'config.php read stdin').toBe(false);
		});

		it('a config.php that stops half-way with status 0 gives SKIP, never PASS', async () => {
			for (const stop of ["exit(0);", "die('no direct access');", "defined('DP_ROOT') or die('x');"]) {
				const sub = caseDir(root(), { 'config.php': `${HEAD}${DB}${stop}\n$DP_CONFIG['debug']['enable_debug_trace'] = true;\n` });
				const r = await runLibCheck(sub, 'check_config_debug_off', [join(sub, 'config.php'), 'nobody']);
				expect(r.state, `${stop}: ${r.evidence}`).toBe('SKIP');
				expect(r.evidence).toContain('stopped before it had read all of');
				const u = await runLibCheck(sub, 'check_config_db_user', [join(sub, 'config.php'), 'nobody', 'deskpro']);
				expect(u.state, stop).toBe('SKIP');
			}
		});

		it('a broken config.php never puts its text, the password included, into the evidence', async () => {
			for (const bad of ["define('DP_DATABASE_PASSWORD', 'Tr0ub4dor'sAndHorse');", "define('DP_DATABASE_PASSWORD', Tr0ub4dorAndHorse);"]) {
				const sub = caseDir(root(), { 'config.php': `${HEAD}define('DP_DATABASE_USER', 'deskpro');\n${bad}\n` });
				const r = await runLibCheck(sub, 'check_config_db_user', [join(sub, 'config.php'), 'nobody', 'deskpro']);
				expect(r.state).toBe('SKIP');
				expect(r.evidence).toMatch(/config\.php stopped with \w*Error at line 4 of config\.php/);
				expect(r.output).not.toMatch(/Tr0ub4dor|sAndHorse/);
			}
		});

		it('an @file of trust_proxy_data cannot change what is read from config.php (own scope, output discarded)', async () => {
			const sub = caseDir(root(), {
				'p.php': "\n<?php $user = 'root'; $pass = ''; $debug = array('enable_debug_trace' => true); echo \"db_found\\0\"; return array('192.0.2.9');\n",
				'config.php': `${HEAD}${DB}$DP_CONFIG['trust_proxy_data'] = array('@' . __DIR__ . '/p.php');\n`
			});
			const cfg = join(sub, 'config.php');
			const u = await runLibCheck(sub, 'check_config_db_user', [cfg, 'nobody', 'deskpro']);
			expect(u.state, u.evidence).toBe('PASS');
			expect(u.evidence).toContain('connects as deskpro');
			expect((await runLibCheck(sub, 'check_config_debug_off', [cfg, 'nobody'])).state).toBe('PASS');
		});

		it('an access control list that lets another user read config.php is a FAIL; one for the web user only is fine', async () => {
			if (!existsSync('/usr/bin/setfacl')) {
				if (process.env.REQUIRE_SERVERS === '1') throw new Error('REQUIRE_SERVERS=1 but setfacl (package acl) is missing');
				return console.warn('*** SKIPPED ACL test: setfacl (package acl) is missing ***');
			}
			const sub = caseDir(root(), { 'config.php': `${HEAD}${DB}` });
			const cfg = join(sub, 'config.php');
			chmodSync(cfg, 0o600);
			// the web user reads it through the ACL only
			expect((await run('/usr/bin/setfacl', ['-m', 'u:nobody:r', cfg])).code).toBe(0);
			const ok = await runLibCheck(sub, 'check_config_private', [cfg, 'nobody']);
			expect(ok.state, ok.evidence).toBe('PASS');
			expect(ok.evidence).toContain('with an access control list');
			// and someone else too: mode 0640 looks private, the ACL says otherwise
			expect((await run('/usr/bin/setfacl', ['-m', 'u:daemon:r', cfg])).code).toBe(0);
			const bad = await runLibCheck(sub, 'check_config_private', [cfg, 'nobody']);
			expect(bad.state, bad.evidence).toBe('FAIL');
			expect(bad.evidence).toContain('access control list lets user daemon read it');
		});

		it('an empty password is a FAIL, whoever the account is', async () => {
			const sub = caseDir(root(), { 'config.php': `${HEAD}define('DP_DATABASE_USER', 'helpdesk');\ndefine('DP_DATABASE_PASSWORD', '');\n` });
			const r = await runLibCheck(sub, 'check_config_db_user', [join(sub, 'config.php'), 'nobody', 'deskpro']);
			expect(r.state).toBe('FAIL');
			expect(r.evidence).toContain('empty password');
		});

		// Deskpro's developer switch is $DP_CONFIG['debug']['dev'] (layn321/deskpro app/sys/KernelBooter.php:
		// env dev, debug on; app/sys/bootstrap.php: debug turns display_errors on); enable_request_errorlog
		// is a log of 404, permission and method errors (nathanfdev/deskpro
		// app/src/Application/DeskPRO/HttpKernel/ExceptionListener.php), useful after an attack, not debugging.
		it("debug.dev on is a FAIL; off, unset or a falsy value is not; Deskpro's truthiness decides", async () => {
			for (const [line, want] of [
				["$DP_CONFIG['debug']['dev'] = true;", 'FAIL'],
				["$DP_CONFIG['debug']['dev'] = 1;", 'FAIL'],
				["$DP_CONFIG['debug']['dev'] = 'yes';", 'FAIL'],
				["$DP_CONFIG['debug'] = array('dev' => true);", 'FAIL'],
				["$DP_CONFIG['debug']['dev'] = false;", 'PASS'],
				["$DP_CONFIG['debug']['dev'] = 0;", 'PASS'],
				["$DP_CONFIG['debug']['dev'] = '';", 'PASS'],
				['', 'PASS']
			] as const) {
				const sub = caseDir(root(), { 'config.php': `${HEAD}${DB}${line}\n` });
				const r = await runLibCheck(sub, 'check_config_debug_off', [join(sub, 'config.php'), 'nobody']);
				expect(r.state, `${line || 'unset'}: ${r.evidence}`).toBe(want);
				if (want === 'FAIL') expect(r.evidence).toContain('debug.dev');
			}
		});

		it('the request error log on is not a debug FAIL: PASS, and the evidence says the log is on', async () => {
			const sub = caseDir(root(), { 'config.php': `${HEAD}${DB}$DP_CONFIG['enable_request_errorlog'] = true;\n` });
			const r = await runLibCheck(sub, 'check_config_debug_off', [join(sub, 'config.php'), 'nobody']);
			expect(r.state, r.evidence).toBe('PASS');
			expect(r.evidence).toMatch(/request error log .*on/i);
		});
	},
	{ root: true }
);
