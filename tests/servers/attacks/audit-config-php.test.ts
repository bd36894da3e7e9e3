/**
 * Attack (issue #12, finding 1): config.php is code the web-server user may control. The audit
 * runs it as that user, but root must not trust what it prints. Each case runs the real audit
 * library as root against a hostile config.php read as the unprivileged account `nobody`:
 * - it prints its own `mycnf` block (a `[client]` section with plugin-dir/default-auth naming a
 *   library it wrote), then exit(0) so its output buffer flushes past the end-marker check;
 * - it prints the same from a shutdown function, after the reader's own output;
 * - it writes a forged result to stdout directly, then lets the reader finish.
 * The library is a real shared object whose constructor records the uid it ran as; a stand-in
 * MySQL server answers the handshake so the client gets as far as loading it. The attack fails
 * when no file is ever created by uid 0 and no config check PASSes on forged values.
 * The last case proves the database client itself runs as the reader account, not as root.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, serverDescribe } from '../harness';
import { caseDir, runLibCheck, scratchDir } from '../audit-lib-driver';
import { startFakeMysql, type FakeMysql } from './fake-mysql';

const GCC = '/usr/bin/gcc';

serverDescribe(
	['php', 'bash', 'mariadb'],
	'attack: a hostile config.php against the root audit',
	() => {
		const root = scratchDir('attack-config');
		let db: FakeMysql;
		let lib = '';
		let marks = '';

		beforeAll(async () => {
			if (!existsSync(GCC)) throw new Error('gcc is needed to build the attacker library');
			db = await startFakeMysql();
			marks = join(root(), 'marks');
			mkdirSync(marks, { mode: 0o777 });
			chmodSync(marks, 0o777);
			const src = join(root(), 'evil.c');
			// what an attacker's plugin would do: run as whoever loads it (here: leave a mark)
			writeFileSync(
				src,
				`#include <stdio.h>\n#include <unistd.h>\n__attribute__((constructor)) static void boom(void) {\n  char p[600]; snprintf(p, sizeof p, "%s/ran-as-%d", ${JSON.stringify(marks)}, (int)geteuid());\n  FILE *f = fopen(p, "w"); if (f) fclose(f);\n}\n`
			);
			const pluginDir = join(root(), 'plugins');
			mkdirSync(pluginDir, { mode: 0o755 });
			chmodSync(pluginDir, 0o755);
			lib = join(pluginDir, 'evil.so');
			const cc = await run(GCC, ['-shared', '-fPIC', '-o', lib, src]);
			expect(cc.code, cc.stderr).toBe(0);
			chmodSync(lib, 0o755);
		});
		afterAll(async () => db?.close());

		const rootMarks = () => readdirSync(marks).filter((f) => f === 'ran-as-0');

		/** The NUL-separated answer the reader printed before this fix, with a hostile my.cnf. */
		function forged(): string {
			const cnf = `[client]\\nuser=deskpro\\npassword=x\\nhost=127.0.0.1\\nport=${db.port}\\nplugin-dir=${join(root(), 'plugins')}\\ndefault-auth=evil\\n`;
			const pairs: [string, string][] = [
				['db_found', '1'], ['db_host', '127.0.0.1'], ['db_user', 'deskpro'], ['db_name', 'deskpro'], ['db_password_empty', '0'],
				['dir_data_set', '1'], ['dir_data', '/srv/deskpro-data'], ['debug.dev', '0'], ['debug.enable_debug_trace', '0'], ['enable_display_errors', '0'],
				['enable_request_errorlog', '0'], ['trust_proxy_kind', 'off'], ['trust_proxy_list', ''], ['mycnf', '" . "' + cnf + '" . "'], ['end', 'ok']
			];
			return '"' + pairs.map(([k, v]) => `${k}\\x00${v}\\x00`).join('') + '"';
		}

		async function attack(configPhp: string) {
			for (const f of readdirSync(marks)) rmSync(join(marks, f));
			const sub = caseDir(root(), { 'config.php': configPhp });
			const cfg = join(sub, 'config.php');
			const grants = await runLibCheck(sub, 'check_db_grants', [cfg, 'nobody', 'deskpro', 'SELECT', '--', 'ALTER']);
			const user = await runLibCheck(sub, 'check_config_db_user', [cfg, 'nobody', 'deskpro']);
			const debug = await runLibCheck(sub, 'check_config_debug_off', [cfg, 'nobody']);
			return { grants, user, debug };
		}

		it('forged mycnf, then exit(0): no code runs as root, the config checks do not PASS', async () => {
			const r = await attack(`<?php\necho ${forged()};\nexit(0);\n`);
			expect(rootMarks(), `the attacker's library ran as root: ${r.grants.evidence}`).toEqual([]);
			expect(r.user.state, r.user.evidence).toMatch(/^(SKIP|FAIL|WARN)$/);
			expect(r.debug.state, r.debug.evidence).toMatch(/^(SKIP|FAIL|WARN)$/);
		});

		it('forged mycnf printed by a shutdown function after the reader’s own answer: no code runs as root', async () => {
			const r = await attack(
				`<?php\n$DP_CONFIG = array('debug' => array());\ndefine('DP_DATABASE_HOST', '127.0.0.1:${db.port}');\ndefine('DP_DATABASE_USER', 'deskpro');\ndefine('DP_DATABASE_PASSWORD', 'pw');\ndefine('DP_DATABASE_NAME', 'deskpro');\nregister_shutdown_function(function () { for ($i = 0; $i < 9 && ob_get_level(); $i++) { @ob_end_clean(); } fwrite(STDOUT, ${forged()}); });\n`
			);
			expect(rootMarks(), `the attacker's library ran as root: ${r.grants.evidence}`).toEqual([]);
			expect(r.user.state, r.user.evidence).toMatch(/^(SKIP|FAIL|WARN)$/);
		});

		it('a forged answer written to stdout before the reader’s own: refused, nothing runs as root', async () => {
			const r = await attack(
				`<?php\n$DP_CONFIG = array('debug' => array('enable_debug_trace' => true));\ndefine('DP_DATABASE_HOST', '127.0.0.1:${db.port}');\ndefine('DP_DATABASE_USER', 'root');\ndefine('DP_DATABASE_PASSWORD', '');\ndefine('DP_DATABASE_NAME', 'deskpro');\nfwrite(STDOUT, ${forged()});\n`
			);
			expect(rootMarks()).toEqual([]);
			// the real values are a FAIL; the forged ones would PASS
			expect(r.user.state, r.user.evidence).toMatch(/^(SKIP|FAIL|WARN)$/);
			expect(r.debug.state, r.debug.evidence).toMatch(/^(SKIP|FAIL|WARN)$/);
		});

		it('values crafted to break out of my.cnf (newlines, quotes in user, password, host) change nothing', async () => {
			const r = await attack(
				`<?php\n$DP_CONFIG = array('debug' => array());\n$DP_CONFIG['db'] = array('host' => "127.0.0.1:${db.port}\\nplugin-dir=${join(root(), 'plugins')}\\ndefault-auth=evil", 'user' => "deskpro\\"\\ndefault-auth=evil\\n#", 'password' => "pw\\"\\nplugin-dir=${join(root(), 'plugins')}\\ndefault-auth=evil\\n#", 'dbname' => 'deskpro');\n`
			);
			expect(rootMarks(), r.grants.evidence).toEqual([]);
		});

		it('the database client runs as the reader account, never as root', async () => {
			const before = db.clientUids.length;
			const sub = caseDir(root(), {
				'config.php': `<?php\n$DP_CONFIG = array('debug' => array());\ndefine('DP_DATABASE_HOST', '127.0.0.1:${db.port}');\ndefine('DP_DATABASE_USER', 'deskpro');\ndefine('DP_DATABASE_PASSWORD', 'pw');\ndefine('DP_DATABASE_NAME', 'deskpro');\n`
			});
			const g = await runLibCheck(sub, 'check_db_grants', [join(sub, 'config.php'), 'nobody', 'deskpro', 'SELECT', '--', 'ALTER']);
			const uids = db.clientUids.slice(before);
			const nobody = Number((await run('/usr/bin/id', ['-u', 'nobody'])).stdout.trim());
			expect(uids, g.evidence).toEqual([nobody]);
			expect(g.state).toBe('SKIP');
		});
	},
	{ root: true }
);
