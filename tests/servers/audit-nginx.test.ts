/**
 * The audit script on a real server: nginx + php-fpm + MariaDB serving a fake Deskpro install
 * hardened exactly as the wizard says. Hardened → every check PASS, exit 0. Then one thing is
 * broken at a time → exactly the check(s) for that thing FAIL, exit 1. The script leaves the
 * filesystem as it found it and never shows the database password to the process list.
 *
 * One nginx, two PHP-FPM pools and one MariaDB for the whole file; four sites (plans) on their
 * own ports: hardened, data/ served, PHP run in data/, and a pool with display_errors on.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nginxConfig } from '$lib/generators/nginx';
import { derivePlan } from '$lib/plan/derive';
import { writePlanText } from '$lib/plan/io';
import type { Plan } from '$lib/plan/schema';
import { readAuditText } from '$lib/audit/result';
import {
	curl,
	freePort,
	nginxMainConf,
	removeDir,
	selfSignedCert,
	serverDescribe,
	startMariaDb,
	startNginx,
	startPhpFpm,
	tempDir,
	type MariaDb,
	type Nginx,
	type PhpFpm
} from './harness';
import { FILES, makeFakeDeskpro, ranMarker } from './fake-deskpro';
import { TEST_PASSWORD } from './env';
import {
	accountNames,
	applyPlan,
	configPhpFile,
	createUsers,
	describeRun,
	fsSnapshot,
	output,
	removeUsers,
	runAudit,
	sitePlan,
	type AuditRun,
	type SiteAnswers
} from './audit-fixture';

/** Where the e2e test finds real results for a real plan (written by this file, gitignored). */
export const E2E_FIXTURES = join(process.cwd(), 'tmp', 'audit-fixtures');

const ID = {
	owner: 'server-permissions.audit.owner',
	appNotWritable: 'server-permissions.audit.app-not-writable',
	worldWritable: 'server-permissions.audit.no-world-writable',
	cron: 'server-permissions.audit.cron-user',
	dataLocation: 'server-data-dir.audit.location',
	dataWritable: 'server-data-dir.audit.writable',
	configMode: 'server-config-php.audit.mode',
	dbUser: 'server-config-php.audit.db-user',
	debugOff: 'server-config-php.audit.debug-off',
	trustProxy: 'server-config-php.audit.trust-proxy',
	grants: 'server-database.audit.grants',
	denied: 'server-web-config.audit.denied-paths',
	phpInData: 'server-web-config.audit.php-in-data',
	noVersion: 'server-web-config.audit.no-version',
	fpm: 'server-web-config.audit.php-fpm',
	allowList: 'server-web-config.audit.admin-allow-list'
};

serverDescribe(
	['nginx', 'php-fpm', 'php', 'curl', 'openssl', 'mariadbd', 'mariadb', 'bash', 'useradd', 'userdel'],
	'audit script on nginx + php-fpm + MariaDB',
	() => {
		let dir = '';
		let sysroot = '';
		let cwd = '';
		let tmpBase = '';
		let db: MariaDb;
		let fpm: PhpFpm;
		let fpmBad: PhpFpm;
		let nginx: Nginx;
		const users = accountNames('n');
		const plans: Record<'hardened' | 'dataServed' | 'phpInData' | 'fpmBad', Plan> = {} as never;
		let base: Omit<SiteAnswers, 'httpsPort' | 'httpPort' | 'fpm'>;

		const scriptFor = (name: keyof typeof plans) => {
			const f = join(dir, `audit-${name}.sh`);
			writeFileSync(f, output(plans[name], 'audit-script'));
			return f;
		};
		const audit = (name: keyof typeof plans, extra: string[] = ['--outside-source', '127.0.0.2'], watchProcesses = false) =>
			runAudit(scriptFor(name), ['--insecure', '--system-root', sysroot, ...extra], { cwd, env: { ...process.env, TMPDIR: tmpBase }, watchProcesses });
		const expectOnlyFails = (r: AuditRun, ids: string[]) => {
			expect(r.failed.sort(), describeRun(r)).toEqual([...ids].sort());
			for (const c of r.result.checks) if (!ids.includes(c.id)) expect(c.state, `${c.id}: ${c.evidence}`).toBe('PASS');
			expect(r.code, describeRun(r)).toBe(1);
		};

		beforeAll(async () => {
			dir = tempDir('audit-nginx');
			sysroot = join(dir, 'sysroot');
			cwd = mkdtempSync(join(dir, 'cwd-'));
			tmpBase = mkdtempSync(join(dir, 'tmpdir-'));
			await createUsers([users.owner, users.cron]);
			const install = join(dir, 'srv', 'deskpro www');
			makeFakeDeskpro(install);
			[db, fpm, fpmBad] = await Promise.all([
				startMariaDb(join(dir, 'mariadb')),
				startPhpFpm(join(dir, 'fpm')),
				startPhpFpm(join(dir, 'fpm-bad'), 'www-data', 'www-data', { adminFlags: { display_errors: 'on' } })
			]);
			const tls = await selfSignedCert(dir, '127.0.0.1');
			base = { install, data: join(dir, 'var lib', 'deskpro', 'data'), owner: users.owner, cron: users.cron, tls, db, webServer: 'nginx' };
			const sites: [keyof typeof plans, PhpFpm][] = [
				['hardened', fpm],
				['dataServed', fpm],
				['phpInData', fpm],
				['fpmBad', fpmBad]
			];
			const confs: string[] = [];
			for (const [name, pool] of sites) {
				const answers = { ...base, fpm: pool.address, httpsPort: await freePort(), httpPort: await freePort() };
				plans[name] = sitePlan(answers);
				const env = derivePlan(plans[name]).server;
				expect(env, name).not.toBeNull();
				let conf = nginxConfig(env!, { bind: '127.0.0.1' });
				if (name === 'dataServed') {
					// broken: data/ no longer among the private directories
					expect(conf).toContain('(?:data|app|plugins)');
					conf = conf.replace('(?:data|app|plugins)', '(?:app|plugins)');
				}
				if (name === 'phpInData') {
					// broken: a location that hands .php files under /data/ to PHP-FPM, placed first
					const fpmLoc = [
						'    location ~ ^/data/.+\\.php$ {',
						'        fastcgi_param SCRIPT_FILENAME $document_root$fastcgi_script_name;',
						'        fastcgi_param SCRIPT_NAME $fastcgi_script_name;',
						'        fastcgi_param REQUEST_METHOD $request_method;',
						'        fastcgi_param QUERY_STRING $query_string;',
						'        fastcgi_param REQUEST_URI $request_uri;',
						`        fastcgi_pass unix:${fpm.socket};`,
						'    }',
						''
					].join('\n');
					const at = conf.indexOf('    location ~ /\\.');
					expect(at).toBeGreaterThan(0);
					conf = conf.slice(0, at) + fpmLoc + conf.slice(at);
				}
				const f = join(dir, `${name}.conf`);
				writeFileSync(f, conf);
				confs.push(f);
			}
			// The wizard's SQL, config.php, move-data and permissions scripts, as root.
			await applyPlan(plans.hardened, { ...base, fpm: fpm.address, httpsPort: 0, httpPort: 0 }, dir, sysroot);
			const main = join(dir, 'nginx.conf');
			writeFileSync(main, nginxMainConf(dir, confs));
			nginx = await startNginx(dir, main);
		});

		afterAll(async () => {
			await nginx?.stop();
			await Promise.all([fpm?.stop(), fpmBad?.stop(), db?.stop()]);
			await removeUsers([users.owner, users.cron]);
			removeDir(dir);
		});

		it('hardened as the wizard said: every check PASS, exit 0; the filesystem is left as it was and the password never shows', async () => {
			// (the script's own temporary directory lives in tmpBase: only its emptiness is checked)
			const roots = [base.install, base.data, sysroot, cwd];
			const before = fsSnapshot(roots);
			const r = await audit('hardened', undefined, true);
			expect(r.result.checks.map((c) => c.id).sort()).toEqual(Object.values(ID).sort());
			for (const c of r.result.checks) expect(c.state, `${c.id}: ${c.evidence}`).toBe('PASS');
			expect(r.code, describeRun(r)).toBe(0);
			// nothing changed, nothing left behind, nothing written to the current directory
			const after = fsSnapshot(roots);
			const changed = after.split('\n').filter((l) => !before.split('\n').includes(l));
			expect(changed).toEqual([]);
			expect(after).toBe(before);
			expect(readdirSync(cwd)).toEqual([]);
			expect(readdirSync(tmpBase)).toEqual([]);
			// the database password: in config.php, never on a command line, in an environment or in the output
			expect(configPhpFile(plans.hardened)).toContain(TEST_PASSWORD);
			expect(r.procSeen.length).toBeGreaterThan(50);
			expect(r.procSeen.some((l) => l.includes('SHOW GRANTS') || l.includes('mariadb'))).toBe(true);
			for (const l of r.procSeen) expect(l.includes(TEST_PASSWORD), l.slice(0, 200)).toBe(false);
			expect(r.stdout + r.stderr).not.toContain(TEST_PASSWORD);
			// the result imports into the wizard for this plan
			const read = readAuditText(r.stdout, { planId: plans.hardened.planId, expectDigest: derivePlan(plans.hardened).audit.expectDigest, checkIds: Object.values(ID) });
			expect(read.ok).toBe(true);
			mkdirSync(E2E_FIXTURES, { recursive: true });
			writeFileSync(join(E2E_FIXTURES, 'plan.json'), writePlanText(plans.hardened));
			writeFileSync(join(E2E_FIXTURES, 'hardened.json'), r.stdout);
		});

		it('without an outside address, /admin/ and /agent/ are MANUAL with the curl to run, and the exit code is 2', async () => {
			const r = await audit('hardened', []);
			expect(r.states[ID.allowList]).toBe('MANUAL');
			const ev = r.result.checks.find((c) => c.id === ID.allowList)!.evidence;
			expect(ev, ev).toMatch(/\/admin\/ -> 200/);
			expect(ev).toContain(`curl -s -o /dev/null -w '%{http_code}\\n' 'https://127.0.0.1:`);
			expect(r.failed).toEqual([]);
			expect(r.code).toBe(2);
		});

		it('application writable by the web server: only that check FAILs', async () => {
			const f = join(base.install, 'index.php');
			const mode = statSync(f).mode & 0o7777;
			chmodSync(f, mode | 0o020);
			try {
				const r = await audit('hardened');
				expectOnlyFails(r, [ID.appNotWritable]);
				writeFileSync(join(E2E_FIXTURES, 'failing.json'), r.stdout);
			} finally {
				chmodSync(f, mode);
			}
		});

		it('a world-writable directory: only that check FAILs', async () => {
			const d = join(base.data, 'tmp-ww');
			mkdirSync(d);
			chownSync(d, Number((await import('node:child_process')).execFileSync('id', ['-u', users.owner]).toString()), statSync(base.data).gid);
			chmodSync(d, 0o777);
			try {
				expectOnlyFails(await audit('hardened'), [ID.worldWritable]);
			} finally {
				rmSync(d, { recursive: true });
			}
		});

		it('cron.php run by root: only the cron check FAILs', async () => {
			const f = join(sysroot, 'etc', 'cron.d', 'deskpro');
			mkdirSync(join(sysroot, 'etc', 'cron.d'), { recursive: true });
			writeFileSync(f, `* * * * * root php '${base.install}/cron.php'\n`);
			try {
				expectOnlyFails(await audit('hardened'), [ID.cron]);
			} finally {
				rmSync(f);
			}
		});

		it('a *.* grant for the database account: only the grants check FAILs', async () => {
			expect((await db.rootSql("GRANT SELECT ON *.* TO 'deskpro'@'127.0.0.1';")).code).toBe(0);
			try {
				const r = await audit('hardened');
				expectOnlyFails(r, [ID.grants]);
				expect(r.result.checks.find((c) => c.id === ID.grants)!.evidence).toContain('privileges on *.*: SELECT');
			} finally {
				await db.rootSql("REVOKE SELECT ON *.* FROM 'deskpro'@'127.0.0.1';");
			}
		});

		it('config.php connecting as root: the database-user check FAILs, and so do the grants (root holds *.*)', async () => {
			const pw = 'Root-pw_0123456789.abcdef';
			expect((await db.rootSql(`CREATE USER 'root'@'127.0.0.1' IDENTIFIED BY '${pw}'; GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;`)).code).toBe(0);
			const cfg = join(base.install, 'config.php');
			const good = configPhpFile(plans.hardened);
			writeFileSync(cfg, good.replace("define('DP_DATABASE_USER', 'deskpro');", "define('DP_DATABASE_USER', 'root');").replace(`'${TEST_PASSWORD}'`, `'${pw}'`));
			try {
				const r = await audit('hardened', undefined, true);
				expectOnlyFails(r, [ID.dbUser, ID.grants]);
				for (const l of r.procSeen) expect(l.includes(pw)).toBe(false);
			} finally {
				writeFileSync(cfg, good);
				await db.rootSql("DROP USER 'root'@'127.0.0.1';");
			}
		});

		it('trust_proxy_data true in config.php (anyone can fake their address): only the trust-proxy check FAILs', async () => {
			const cfg = join(base.install, 'config.php');
			const good = configPhpFile(plans.hardened);
			expect(good).toContain("$DP_CONFIG['trust_proxy_data'] = false;");
			writeFileSync(cfg, good.replace("$DP_CONFIG['trust_proxy_data'] = false;", "$DP_CONFIG['trust_proxy_data'] = true;"));
			try {
				const r = await audit('hardened');
				expectOnlyFails(r, [ID.trustProxy]);
				expect(r.result.checks.find((c) => c.id === ID.trustProxy)!.evidence).toContain('sets trust_proxy_data to true');
			} finally {
				writeFileSync(cfg, good);
			}
		});

		it('data/ inside the web root and served: the data-location check and the denied-paths check FAIL', async () => {
			const inRoot = join(base.install, 'data');
			mkdirSync(inRoot);
			writeFileSync(join(inRoot, 'secret.txt'), FILES['data/secret.txt']!);
			const cfg = join(base.install, 'config.php');
			const good = configPhpFile(plans.hardened);
			writeFileSync(cfg, good.replace(`$DP_CONFIG['dir_data'] = '${base.data}';`, `$DP_CONFIG['dir_data'] = '${inRoot}';`));
			const ownerUid = statSync(cfg).uid;
			const gid = statSync(cfg).gid;
			for (const [p, m] of [[inRoot, 0o750], [join(inRoot, 'secret.txt'), 0o640]] as const) {
				chownSync(p, ownerUid, gid);
				chmodSync(p, m);
			}
			try {
				const port = new URL(derivePlan(plans.dataServed).aboutValues.helpdeskUrl).port;
				const served = await curl(`https://127.0.0.1:${port}/data/secret.txt`);
				expect(served.status).toBe(200);
				const r = await audit('dataServed');
				expectOnlyFails(r, [ID.dataLocation, ID.denied]);
			} finally {
				writeFileSync(cfg, good);
				rmSync(inRoot, { recursive: true });
			}
		});

		it('PHP executed in data/: only the PHP-in-data check FAILs', async () => {
			const inRoot = join(base.install, 'data');
			mkdirSync(inRoot);
			writeFileSync(join(inRoot, 'evil.php'), FILES['data/evil.php']!);
			const ref = statSync(join(base.install, 'config.php'));
			for (const [p, m] of [[inRoot, 0o750], [join(inRoot, 'evil.php'), 0o640]] as const) {
				chownSync(p, ref.uid, ref.gid);
				chmodSync(p, m);
			}
			try {
				const port = new URL(derivePlan(plans.phpInData).aboutValues.helpdeskUrl).port;
				// the break is real: an uploaded script under data/ runs
				expect((await curl(`https://127.0.0.1:${port}/data/evil.php`)).body).toContain(ranMarker('data/evil.php'));
				const r = await audit('phpInData');
				expectOnlyFails(r, [ID.phpInData]);
				expect(r.result.checks.find((c) => c.id === ID.phpInData)!.evidence).toMatch(/came from PHP|not 403/);
			} finally {
				rmSync(inRoot, { recursive: true });
			}
		});

		it('display_errors on in the PHP-FPM pool (the CLI php.ini is not what counts): only the PHP-FPM check FAILs', async () => {
			const r = await audit('fpmBad');
			expectOnlyFails(r, [ID.fpm]);
			writeFileSync(join(E2E_FIXTURES, 'other-plan.json'), r.stdout);
			expect(r.result.checks.find((c) => c.id === ID.fpm)!.evidence).toMatch(/display_errors='?1/);
		});
	}
);
