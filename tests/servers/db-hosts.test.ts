/**
 * Database host (config.php) and account host (the SQL's 'user'@'host') must agree, on a real
 * MariaDB (started with --skip-name-resolve, as tests/servers/harness.ts does): PHP given host
 * 127.0.0.1 connects over TCP from 127.0.0.1, which MariaDB matches against an account host
 * 127.0.0.1, never 'localhost' (that one matches socket connections; a TCP client from
 * 127.0.0.1 would match it only if the server resolved names). So the pair 127.0.0.1 +
 * 'localhost' is refused at the field, and every pair the wizard accepts logs in.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { join } from 'node:path';
import { mysqlSetup } from '$lib/generators/mysql';
import { generateDbPassword } from '$lib/practices/_server-env';
import { bin, removeDir, run, serverDescribe, startMariaDb, tempDir, type MariaDb } from './harness';
import { tryServerEnv } from './env';

serverDescribe(['mariadbd', 'mariadb-install-db', 'mariadb', 'mariadb-admin'], 'database host and account host agree (real MariaDB)', () => {
	let dir = '';
	let db: MariaDb;
	beforeAll(async () => {
		dir = tempDir('dbhosts');
		db = await startMariaDb(join(dir, 'db'));
	});
	afterAll(async () => {
		await db?.stop();
		removeDir(dir);
	});

	/** Logs in the way PHP would with DP_DATABASE_HOST = host: localhost = the socket, otherwise TCP. */
	const login = (host: string, user: string, password: string) =>
		run(
			bin('mariadb'),
			['--no-defaults', ...(host === 'localhost' ? [`--socket=${db.socket}`, '-hlocalhost'] : ['--protocol=TCP', `-h${host}`, `-P${db.port}`]), `-u${user}`, '--batch', '--skip-column-names', '-e', 'SELECT CURRENT_USER()'],
			{ env: { ...process.env, MYSQL_PWD: password } }
		);

	it('MariaDB refuses a TCP login from 127.0.0.1 for an account created for localhost (the fact)', async () => {
		const pw = generateDbPassword();
		const sql = mysqlSetup({ dbName: 'dh', dbUser: 'dh_fact', dbClientHost: 'localhost', dbPassword: pw, upgradeAccount: false, dbUpgradeUser: 'x', dbUpgradePassword: '' });
		expect((await db.rootSql(sql)).code).toBe(0);
		const tcp = await login('127.0.0.1', 'dh_fact', pw);
		expect(tcp.code).not.toBe(0);
		expect(tcp.stderr).toMatch(/1045|1130/);
		expect((await login('localhost', 'dh_fact', pw)).code).toBe(0);
	});

	it('every database-host / account-host pair the wizard accepts logs in; 127.0.0.1 with localhost is refused at the field', async () => {
		let n = 0;
		const results: string[] = [];
		for (const dbHost of ['localhost', '127.0.0.1']) {
			for (const dbClientHost of ['localhost', '127.0.0.1']) {
				const pw = generateDbPassword();
				const user = `dh_${++n}`;
				const r = tryServerEnv({ dbHost, dbClientHost, dbUser: user, dbPassword: pw, dbUpgradePassword: generateDbPassword(), dbUpgradeUser: `dh_up_${n}`, dbName: 'dh' });
				if ('errors' in r) {
					results.push(`${dbHost}+${dbClientHost}: refused (${r.errors.dbClientHost ?? JSON.stringify(r.errors)})`);
					continue;
				}
				expect((await db.rootSql(mysqlSetup(r.env))).code).toBe(0);
				const l = await login(dbHost, user, pw);
				results.push(`${dbHost}+${dbClientHost}: ${l.code === 0 ? 'login ok' : `login REFUSED ${l.stderr.trim()}`}`);
			}
		}
		expect(results.filter((x) => x.includes('REFUSED')), results.join('\n')).toEqual([]);
		expect(results.find((x) => x.startsWith('127.0.0.1+localhost')), results.join('\n')).toMatch(/refused \(.*127\.0\.0\.1/);
	});
});
