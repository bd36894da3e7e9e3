/**
 * The generated SQL and config.php on a real MariaDB and PHP: the SQL runs (twice: it is
 * idempotent and strips rights left from an earlier setup), the runtime account can read and
 * write Deskpro's database and nothing else, runs every statement kind Deskpro needs beyond
 * SELECT/INSERT/UPDATE/DELETE (deskpro/surface/runtime.ts: TRUNCATE TABLE needs DROP), no forbidden privilege exists, the upgrade account
 * can change the schema, config.php passes `php -l`, reads back exactly the values entered, and
 * PHP connects with it.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mysqlSetup, mysqlPasswordChange, FORBIDDEN_PRIVILEGES } from '$lib/generators/mysql';
import { PRIVILEGED_SQL } from '$lib/deskpro/surface/runtime';
import { configPhp } from '$lib/generators/config-php';
import { bin, removeDir, run, serverDescribe, startMariaDb, tempDir, type MariaDb } from './harness';
import { serverEnv } from './env';
import { appendBlock, stockConfigPhp } from './stock-config';
import type { ServerEnv } from '$lib/practices/_server-env';
import { generateDbPassword } from '$lib/practices/_server-env';

const about = { helpdeskName: 'T', helpdeskUrl: 'https://support.example.test/', deployment: 'download', os: 'linux', webServer: 'nginx' };
/** A typed password with every character that could break out of a PHP, SQL or shell string. */
const HOSTILE_PASSWORD = `p'a"s$s\`w;o#r--d{}%_*!&|<>()=x`;

serverDescribe(['mariadbd', 'mariadb-install-db', 'mariadb', 'mariadb-admin', 'php'], 'SQL and config.php on a real MariaDB and PHP', () => {
	let dir = '';
	let db: MariaDb;
	let env: ServerEnv;

	beforeAll(async () => {
		dir = tempDir('mariadb');
		db = await startMariaDb(join(dir, 'db'));
		env = serverEnv({
			dbHost: '127.0.0.1',
			dbPort: db.port,
			dbClientHost: '127.0.0.1',
			dbName: 'deskpro_test',
			dbUser: 'dp_runtime',
			dbUpgradeUser: 'dp_upgrade',
			upgradeAccount: true,
			dbPassword: generateDbPassword(),
			dbUpgradePassword: generateDbPassword(),
			dataPath: '/var/lib/deskpro/data',
			behindProxy: true,
			proxyAddresses: ['192.0.2.10', '2001:db8::/64']
		});
		// Another database whose name the unescaped GRANT wildcard `deskpro_test` would match,
		// a second one, and an earlier over-privileged setup of the same account.
		const pre = await db.rootSql(
			[
				'CREATE DATABASE deskproXtest; CREATE TABLE deskproXtest.t (x INT); INSERT INTO deskproXtest.t VALUES (1);',
				'CREATE DATABASE other_app; CREATE TABLE other_app.secrets (s TEXT);',
				"CREATE USER 'dp_runtime'@'127.0.0.1' IDENTIFIED BY 'old-password-12345';",
				"GRANT ALL PRIVILEGES ON *.* TO 'dp_runtime'@'127.0.0.1' WITH GRANT OPTION;",
				"GRANT FILE, PROCESS, SUPER ON *.* TO 'dp_runtime'@'127.0.0.1';"
			].join('\n')
		);
		expect(pre.code, pre.stderr).toBe(0);
	});
	afterAll(async () => {
		await db?.stop();
		removeDir(dir);
	});

	const rt = (sql: string, database?: string) => db.userSql(env.dbUser, env.dbPassword, sql, database);

	it('runs, and runs again (idempotent), as an administrator', async () => {
		const sql = mysqlSetup(env);
		expect(sql).not.toMatch(/\*\.\*/);
		for (const p of FORBIDDEN_PRIVILEGES) expect(sql).not.toMatch(new RegExp(`GRANT[^;]*\\b${p}\\b`));
		for (let i = 0; i < 2; i++) {
			const r = await db.rootSql(sql);
			expect(r.code, r.stderr).toBe(0);
		}
		const old = await db.userSql('dp_runtime', 'old-password-12345', 'SELECT 1;');
		expect(old.stderr).toMatch(/1045/);
	});

	it('the upgrade account can change the schema; the runtime account can read and write data only', async () => {
		const up = await db.userSql(env.dbUpgradeUser, env.dbUpgradePassword, 'CREATE TABLE tickets (id INT PRIMARY KEY, subject TEXT); ALTER TABLE tickets ADD INDEX s (subject(10));', 'deskpro_test');
		expect(up.code, up.stderr).toBe(0);
		const rw = await rt("INSERT INTO tickets VALUES (1, 'a'), (2, 'b'); UPDATE tickets SET subject = 'c' WHERE id = 2; DELETE FROM tickets WHERE id = 1; SELECT id, subject FROM tickets;", 'deskpro_test');
		expect(rw.code, rw.stderr).toBe(0);
		expect(rw.stdout.trim()).toBe('2\tc');
		const tmp = await rt('CREATE TEMPORARY TABLE t (x INT); LOCK TABLES tickets READ; UNLOCK TABLES;', 'deskpro_test');
		expect(tmp.code, tmp.stderr).toBe(0);
		for (const ddl of ['CREATE TABLE x (y INT);', 'ALTER TABLE tickets ADD COLUMN z INT;', 'CREATE INDEX i ON tickets (id);']) {
			const r = await rt(ddl, 'deskpro_test');
			expect(r.code, ddl).not.toBe(0);
			expect(r.stderr, ddl).toMatch(/ERROR 1142/);
		}
	});

	it('the runtime account can run Deskpro’s own TRUNCATE TABLE (search-table refill)', async () => {
		const up = await db.userSql(env.dbUpgradeUser, env.dbUpgradePassword, 'CREATE TABLE tickets_search_active (id INT PRIMARY KEY); INSERT INTO tickets_search_active VALUES (1);', 'deskpro_test');
		expect(up.code, up.stderr).toBe(0);
		const r = await rt('TRUNCATE TABLE tickets_search_active; SELECT COUNT(*) FROM tickets_search_active;', 'deskpro_test');
		expect(r.code, r.stderr).toBe(0);
		expect(r.stdout.trim()).toBe('0');
	});

	it('every privileged statement kind of the surface (deskpro/surface/runtime.ts) runs as the runtime account; each is explained in the SQL', async () => {
		expect(PRIVILEGED_SQL.length).toBeGreaterThan(0);
		const sql = mysqlSetup(env);
		for (const s of PRIVILEGED_SQL) {
			const t = `surface_${s.privilege.replace(/\W/g, '_').toLowerCase()}`;
			const up = await db.userSql(env.dbUpgradeUser, env.dbUpgradePassword, `CREATE TABLE ${t} (id INT); INSERT INTO ${t} VALUES (1);`, 'deskpro_test');
			expect(up.code, up.stderr).toBe(0);
			const r = await rt(`${s.example.replaceAll('{t}', t)};`, 'deskpro_test');
			expect(r.code, `${s.kind}: ${r.stderr}`).toBe(0);
			expect(sql).toContain(`--   ${s.privilege}: ${s.kind}.`);
		}
	});

	it('the runtime account cannot see another database or mysql.user', async () => {
		const dbs = await rt('SHOW DATABASES;');
		expect(dbs.stdout.trim().split('\n').sort()).toEqual(['deskpro_test', 'information_schema']);
		for (const other of ['deskproXtest', 'other_app', 'mysql']) {
			const r = await rt('SELECT 1;', other);
			expect(r.stderr, other).toMatch(/ERROR 1044/);
		}
		expect((await rt('SELECT * FROM deskproXtest.t;')).stderr).toMatch(/ERROR 1142/);
		expect((await rt('SELECT User FROM mysql.user;')).stderr).toMatch(/ERROR 1142/);
	});

	it('the runtime account holds no forbidden privilege', async () => {
		const grants = await rt('SHOW GRANTS FOR CURRENT_USER();');
		expect(grants.code, grants.stderr).toBe(0);
		for (const line of grants.stdout.trim().split('\n')) {
			if (/ ON \*\.\* /.test(line)) expect(line).toMatch(/^GRANT USAGE ON \*\.\* TO/);
			else expect(line).toMatch(/^GRANT SELECT, INSERT, UPDATE, DELETE, DROP, CREATE TEMPORARY TABLES, LOCK TABLES ON `deskpro\\_test`\.\* TO `dp_runtime`@`127\.0\.0\.1`$/);
			expect(line).not.toMatch(/\b(FILE|SUPER|PROCESS|SHUTDOWN|ALL PRIVILEGES|GRANT OPTION)\b/);
		}
		const global = await db.rootSql("SELECT PRIVILEGE_TYPE FROM information_schema.USER_PRIVILEGES WHERE GRANTEE = \"'dp_runtime'@'127.0.0.1'\";");
		expect(global.stdout.trim()).toBe('USAGE');
		const upgrade = await db.rootSql("SHOW GRANTS FOR 'dp_upgrade'@'127.0.0.1';");
		expect(upgrade.stdout).not.toMatch(/\b(FILE|SUPER|PROCESS|ALL PRIVILEGES|GRANT OPTION)\b/);
		expect(upgrade.stdout).toMatch(/CREATE, DROP, REFERENCES, INDEX, ALTER/);
	});

	it('config.php (appended to a stock-like one) passes php -l, reads back exactly, and PHP connects with it (also with a hostile typed password)', async () => {
		for (const password of [env.dbPassword, HOSTILE_PASSWORD]) {
			const e: ServerEnv = { ...env, dbPassword: password };
			if (password !== env.dbPassword) {
				const r = await db.rootSql(mysqlSetup(e));
				expect(r.code, r.stderr).toBe(0);
			}
			// a stock-like config.php with the lines appended at its end, as the wizard says
			const file = join(dir, 'config.php');
			writeFileSync(file, appendBlock(stockConfigPhp(), configPhp(e, about)));
			const lint = await run(bin('php'), ['-l', file]);
			expect(lint.code, lint.stdout + lint.stderr).toBe(0);
			const script = join(dir, 'read.php');
			writeFileSync(
				script,
				`<?php
include ${JSON.stringify(file)};
// Deskpro's loader order (layn321/deskpro app/sys/load_config.php): $DP_CONFIG['db'] first, a
// DP_DATABASE_* constant only for a key it does not set; host:port split as in app/sys/serve_abstract.php
foreach (array('host' => 'DP_DATABASE_HOST', 'user' => 'DP_DATABASE_USER', 'password' => 'DP_DATABASE_PASSWORD', 'dbname' => 'DP_DATABASE_NAME') as $k => $c) {
  if (!isset($DP_CONFIG['db'][$k])) { $DP_CONFIG['db'][$k] = constant($c); }
}
$db = $DP_CONFIG['db'];
$h = $db['host']; $port = 3306;
if (preg_match('/^(.*):(\\d+)$/', $h, $m)) { $h = $m[1]; $port = (int)$m[2]; }
$pdo = new PDO("mysql:host=$h;port=$port;dbname=" . $db['dbname'], $db['user'], $db['password'], array(PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION));
echo json_encode(array(
  'host' => $db['host'], 'user' => $db['user'], 'password' => $db['password'], 'name' => $db['dbname'],
  'config' => array('dir_data' => $DP_CONFIG['dir_data'], 'trust_proxy_data' => $DP_CONFIG['trust_proxy_data'], 'debug' => $DP_CONFIG['debug']['enable_debug_trace'], 'display_errors' => $DP_CONFIG['enable_display_errors'], 'dev' => $DP_CONFIG['debug']['dev'], 'errorlog' => $DP_CONFIG['enable_request_errorlog']),
  'current_user' => $pdo->query('SELECT CURRENT_USER()')->fetchColumn(),
  'tickets' => (int)$pdo->query('SELECT COUNT(*) FROM tickets')->fetchColumn(),
));
`
			);
			const r = await run(bin('php'), [script]);
			expect(r.code, r.stdout + r.stderr).toBe(0);
			const got = JSON.parse(r.stdout);
			expect(got).toEqual({
				host: `127.0.0.1:${db.port}`,
				user: 'dp_runtime',
				password,
				name: 'deskpro_test',
				config: {
					dir_data: '/var/lib/deskpro/data',
					trust_proxy_data: ['192.0.2.10', '2001:db8::/64'],
					debug: false,
					display_errors: false,
					dev: false,
					errorlog: true
				},
				current_user: 'dp_runtime@127.0.0.1',
				tickets: 1
			});
		}
	});

	it('the password change (ALTER USER) gives the existing accounts the new passwords and keeps their rights', async () => {
		const before = await db.rootSql("SHOW GRANTS FOR 'dp_runtime'@'127.0.0.1'; SHOW GRANTS FOR 'dp_upgrade'@'127.0.0.1';");
		expect(before.code, before.stderr).toBe(0);
		// the accounts have the passwords set by the tests above; the wizard generates new ones
		const next: ServerEnv = { ...env, dbPassword: generateDbPassword(), dbUpgradePassword: generateDbPassword() };
		const sql = mysqlPasswordChange(next, { runtime: true, upgrade: true });
		expect(sql.match(/^ALTER USER/gm)).toHaveLength(2);
		expect(sql).not.toMatch(/CREATE|GRANT|REVOKE|DROP/);
		const r = await db.rootSql(sql);
		expect(r.code, r.stderr).toBe(0);
		for (const [user, pw] of [['dp_runtime', next.dbPassword], ['dp_upgrade', next.dbUpgradePassword]] as const) {
			const ok = await db.userSql(user, pw, 'SELECT CURRENT_USER();');
			expect(ok.code, ok.stderr).toBe(0);
			expect(ok.stdout.trim()).toBe(`${user}@127.0.0.1`);
		}
		// the previous passwords no longer work
		expect((await db.userSql('dp_upgrade', env.dbUpgradePassword, 'SELECT 1;')).stderr).toMatch(/1045/);
		expect((await db.userSql('dp_runtime', HOSTILE_PASSWORD, 'SELECT 1;')).stderr).toMatch(/1045/);
		const after = await db.rootSql("SHOW GRANTS FOR 'dp_runtime'@'127.0.0.1'; SHOW GRANTS FOR 'dp_upgrade'@'127.0.0.1';");
		expect(after.stdout.replace(/IDENTIFIED BY PASSWORD '[^']*'/g, '')).toBe(before.stdout.replace(/IDENTIFIED BY PASSWORD '[^']*'/g, ''));
		// only the runtime account when only its password is new
		const one = mysqlPasswordChange(next, { runtime: true, upgrade: false });
		expect(one.match(/^ALTER USER/gm)).toEqual(["ALTER USER"]);
	});
});
