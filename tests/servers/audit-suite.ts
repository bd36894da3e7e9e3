/**
 * The audit script on a real server, shared by nginx and Apache: the web server + php-fpm +
 * MariaDB serving a fake Deskpro install hardened exactly as the wizard says. Hardened → every
 * check PASS, exit 0. Then one thing is broken at a time → exactly the check(s) for that thing
 * FAIL, exit 1. The script leaves the filesystem as it found it and never shows the database
 * password to the process list.
 *
 * One web server, two PHP-FPM pools and one MariaDB per file; five sites (plans) on their own
 * ports: hardened, data/ served, only the directory /data/ itself refused (its files served),
 * PHP run in data/, and a pool with display_errors on. A sixth plan names the hardened site by
 * its http:// address (the wizard's port-80 redirect). What differs between web servers is
 * small and given as hooks: the site from the wizard's own generator, the configuration
 * breaks, and starting the server.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { derivePlan } from '$lib/plan/derive';
import { writePlanText } from '$lib/plan/io';
import type { Plan } from '$lib/plan/schema';
import type { ServerEnv } from '$lib/practices/_server-env';
import { readAuditText } from '$lib/audit/read';
import {
	curl,
	freePort,
	removeDir,
	selfSignedCert,
	serverDescribe,
	startMariaDb,
	startPhpFpm,
	tempDir,
	type BinaryName,
	type MariaDb,
	type PhpFpm
} from './harness';
import { FILES, makeFakeDeskpro, ranMarker, SECRET_TEXT } from './fake-deskpro';
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

/** Every check the audit runs for these plans (Linux, Download, nginx or Apache), by role. */
export const AUDIT_ID = {
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
const ID = AUDIT_ID;

export type SiteName = 'hardened' | 'dataServed' | 'dirOnly' | 'phpInData' | 'fpmBad';
/** A plan audited: one per site, plus the hardened site by its http:// address. */
export type PlanName = SiteName | 'hardenedHttp';

export interface Site {
	name: SiteName;
	/** The generated site configuration file (after any break). */
	file: string;
	httpsPort: number;
	httpPort: number;
}

export interface AuditSuiteHooks {
	/** The web server's binary (checked by serverDescribe). */
	binary: BinaryName;
	/** Distinguishes this file's system accounts from other files running in parallel. */
	accountTag: string;
	/** The wizard's site for this plan, bound to 127.0.0.1 (`nginxConfig` / `apacheConfig`). */
	siteConfig(env: ServerEnv): string;
	/** Broken: data/ no longer denied, so /data/secret.txt is served (200). */
	breakDataServed(conf: string, env: ServerEnv): string;
	/**
	 * Broken: only the URL of the directory /data/ itself is refused (403), as a stock server
	 * refuses a directory without an index; names inside it are no longer denied.
	 */
	breakDirOnly(conf: string, env: ServerEnv): string;
	/** Broken: .php files under /data/ are handed to PHP-FPM (the pool at `fpm`). */
	breakPhpInData(conf: string, env: ServerEnv, fpm: PhpFpm): string;
	/** Starts the web server with every site; resolves to something that stops it. */
	start(dir: string, sites: Site[]): Promise<{ stop(): Promise<void> }>;
	/** The Server header the hardened site sends (no version). */
	serverHeader: RegExp;
	/** When set, real results are written there for the Playwright audit-import spec. */
	e2eFixtures?: string;
}

export function auditSuite(webServer: 'nginx' | 'apache', hooks: AuditSuiteHooks): void {
	const label = webServer === 'nginx' ? 'nginx' : 'Apache';
	serverDescribe(
		[hooks.binary, 'php-fpm', 'php', 'curl', 'openssl', 'mariadbd', 'mariadb', 'bash', 'useradd', 'userdel'],
		`audit script on ${label} + php-fpm + MariaDB`,
		() => {
			let dir = '';
			let sysroot = '';
			let cwd = '';
			let tmpBase = '';
			let db: MariaDb;
			let fpm: PhpFpm;
			let fpmBad: PhpFpm;
			let server: { stop(): Promise<void> } | undefined;
			const users = accountNames(hooks.accountTag);
			const plans: Record<PlanName, Plan> = {} as never;
			let base: Omit<SiteAnswers, 'httpsPort' | 'httpPort' | 'fpm'>;
			const fixture = (name: string, text: string) => {
				if (hooks.e2eFixtures) writeFileSync(join(hooks.e2eFixtures, name), text);
			};

			const scriptFor = (name: PlanName) => {
				const f = join(dir, `audit-${name}.sh`);
				writeFileSync(f, output(plans[name], 'audit-script'));
				return f;
			};
			const audit = (name: PlanName, extra: string[] = ['--outside-source', '127.0.0.2'], watchProcesses = false, env: NodeJS.ProcessEnv = {}) =>
				runAudit(scriptFor(name), ['--insecure', '--system-root', sysroot, ...extra], { cwd, env: { ...process.env, TMPDIR: tmpBase, ...env }, watchProcesses });
			const expectOnlyFails = (r: AuditRun, ids: string[]) => {
				expect(r.failed.sort(), describeRun(r)).toEqual([...ids].sort());
				for (const c of r.result.checks) if (!ids.includes(c.id)) expect(c.state, `${c.id}: ${c.evidence}`).toBe('PASS');
				expect(r.code, describeRun(r)).toBe(1);
			};
			const evidence = (r: AuditRun, id: string) => r.result.checks.find((c) => c.id === id)!.evidence;
			const siteUrl = (name: SiteName) => `https://127.0.0.1:${new URL(derivePlan(plans[name]).aboutValues.helpdeskUrl).port}`;

			beforeAll(async () => {
				dir = tempDir(`audit-${webServer}`);
				if (hooks.e2eFixtures) mkdirSync(hooks.e2eFixtures, { recursive: true });
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
				base = { install, data: join(dir, 'var lib', 'deskpro', 'data'), owner: users.owner, cron: users.cron, tls, db, webServer };
				const pools: [SiteName, PhpFpm][] = [
					['hardened', fpm],
					['dataServed', fpm],
					['dirOnly', fpm],
					['phpInData', fpm],
					['fpmBad', fpmBad]
				];
				const sites: Site[] = [];
				for (const [name, pool] of pools) {
					const answers = { ...base, fpm: pool.address, httpsPort: await freePort(), httpPort: await freePort() };
					plans[name] = sitePlan(answers);
					const env = derivePlan(plans[name]).server;
					expect(env, name).not.toBeNull();
					let conf = hooks.siteConfig(env!);
					if (name === 'dataServed') conf = hooks.breakDataServed(conf, env!);
					if (name === 'dirOnly') conf = hooks.breakDirOnly(conf, env!);
					if (name === 'phpInData') conf = hooks.breakPhpInData(conf, env!, fpm);
					const file = join(dir, `${name}.conf`);
					writeFileSync(file, conf);
					sites.push({ name, file, httpsPort: answers.httpsPort, httpPort: answers.httpPort });
					// the same hardened site, named by its http:// address
					if (name === 'hardened') plans.hardenedHttp = sitePlan(answers, `http://127.0.0.1:${answers.httpPort}/`);
				}
				// The wizard's SQL, config.php, move-data and permissions scripts, as root.
				await applyPlan(plans.hardened, { ...base, fpm: fpm.address, httpsPort: 0, httpPort: 0 }, dir, sysroot);
				server = await hooks.start(dir, sites);
			});

			afterAll(async () => {
				await server?.stop();
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
				// each private directory and a random name inside it are refused
				for (const d of ['data', 'app', 'plugins']) expect(evidence(r, ID.denied)).toMatch(new RegExp(`/${d}/ -> 403, /${d}/dp-audit-[0-9a-f]{16}\\.txt -> 403`));
				// the Server header names the web server, without a version
				expect(evidence(r, ID.noVersion)).toMatch(/\/ -> 200, Server: /);
				for (const m of evidence(r, ID.noVersion).matchAll(/Server: ([^,;]*)/g)) expect(m[1]).toMatch(hooks.serverHeader);
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
				fixture('plan.json', writePlanText(plans.hardened));
				fixture('hardened.json', r.stdout);
			});

			it('without an outside address, /admin/ and /agent/ are MANUAL with the curl to run, and the exit code is 2', async () => {
				const r = await audit('hardened', []);
				expect(r.states[ID.allowList]).toBe('MANUAL');
				const ev = evidence(r, ID.allowList);
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
					fixture('failing.json', r.stdout);
				} finally {
					chmodSync(f, mode);
				}
			});

			it('a world-writable directory: only that check FAILs', async () => {
				const d = join(base.data, 'tmp-ww');
				mkdirSync(d);
				chownSync(d, Number(execFileSync('id', ['-u', users.owner]).toString()), statSync(base.data).gid);
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

			it("root's own ~/.my.cnf (common on database servers) does not change which account the grants check reads", async () => {
				const pw = 'Root-cnf_pw.0123456789abc';
				expect((await db.rootSql(`CREATE USER 'root'@'127.0.0.1' IDENTIFIED BY '${pw}'; GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;`)).code).toBe(0);
				const home = mkdtempSync(join(dir, 'roothome-'));
				writeFileSync(join(home, '.my.cnf'), `[client]\nuser=root\npassword=${pw}\n`, { mode: 0o600 });
				try {
					const r = await audit('hardened', undefined, false, { HOME: home });
					expect(r.states[ID.grants], evidence(r, ID.grants)).toBe('PASS');
					expect(evidence(r, ID.grants)).not.toContain('*.*: ALL');
					expect(r.code, describeRun(r)).toBe(0);
				} finally {
					await db.rootSql("DROP USER 'root'@'127.0.0.1';");
				}
			});

			it('a *.* grant for the database account: only the grants check FAILs', async () => {
				expect((await db.rootSql("GRANT SELECT ON *.* TO 'deskpro'@'127.0.0.1';")).code).toBe(0);
				try {
					const r = await audit('hardened');
					expectOnlyFails(r, [ID.grants]);
					expect(evidence(r, ID.grants)).toContain('privileges on *.*: SELECT');
				} finally {
					await db.rootSql("REVOKE SELECT ON *.* FROM 'deskpro'@'127.0.0.1';");
				}
			});

			it('config.php connecting as root: the database-user check FAILs, and so do the grants (root holds *.*)', async () => {
				const pw = 'Root-pw_0123456789.abcdef';
				expect((await db.rootSql(`CREATE USER 'root'@'127.0.0.1' IDENTIFIED BY '${pw}'; GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;`)).code).toBe(0);
				const cfg = join(base.install, 'config.php');
				const good = configPhpFile(plans.hardened);
				const asRoot = good.replace("'user' => 'deskpro',", "'user' => 'root',").replace(`'${TEST_PASSWORD}'`, `'${pw}'`);
				expect(asRoot).toContain("'user' => 'root',");
				writeFileSync(cfg, asRoot);
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
				// the wizard's line, the last assignment (the stock config.php has its own above it)
				const at = good.lastIndexOf("$DP_CONFIG['trust_proxy_data'] = false;");
				writeFileSync(cfg, `${good.slice(0, at)}$DP_CONFIG['trust_proxy_data'] = true;${good.slice(at + "$DP_CONFIG['trust_proxy_data'] = false;".length)}`);
				try {
					const r = await audit('hardened');
					expectOnlyFails(r, [ID.trustProxy]);
					expect(evidence(r, ID.trustProxy)).toContain('sets trust_proxy_data to true');
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
					const served = await curl(`${siteUrl('dataServed')}/data/secret.txt`);
					expect(served.status).toBe(200);
					expect(served.body).toContain(SECRET_TEXT);
					const r = await audit('dataServed');
					expectOnlyFails(r, [ID.dataLocation, ID.denied]);
				} finally {
					writeFileSync(cfg, good);
					rmSync(inRoot, { recursive: true });
				}
			});

			it('only the directory /data/ itself refused (as a stock server refuses a directory without index), its files served: only the denied-paths check FAILs', async () => {
				const inRoot = join(base.install, 'data');
				mkdirSync(inRoot);
				writeFileSync(join(inRoot, 'secret.txt'), FILES['data/secret.txt']!);
				const ref = statSync(join(base.install, 'config.php'));
				for (const [p, m] of [[inRoot, 0o750], [join(inRoot, 'secret.txt'), 0o640]] as const) {
					chownSync(p, ref.uid, ref.gid);
					chmodSync(p, m);
				}
				try {
					// the break is real: the directory answers 403, a file in it is served
					expect((await curl(`${siteUrl('dirOnly')}/data/`)).status).toBe(403);
					const served = await curl(`${siteUrl('dirOnly')}/data/secret.txt`);
					expect(served.status).toBe(200);
					expect(served.body).toContain(SECRET_TEXT);
					const r = await audit('dirOnly');
					expectOnlyFails(r, [ID.denied]);
					const ev = evidence(r, ID.denied);
					expect(ev).toMatch(/^Expected 403 from https:\/\/127\.0\.0\.1:[0-9]+: \/data\/dp-audit-[0-9a-f]{16}\.txt -> (?:200|404)\.$/);
				} finally {
					rmSync(inRoot, { recursive: true });
				}
			});

			it("an http:// helpdesk URL: the wizard's redirect to the same path on https:// is followed and judged there, every check PASS; root's proxy variables are ignored", async () => {
				const httpUrl = derivePlan(plans.hardenedHttp).aboutValues.helpdeskUrl;
				expect(httpUrl).toMatch(/^http:\/\/127\.0\.0\.1:[0-9]+\/$/);
				// the http port answers only with the redirect
				const first = await curl(`${httpUrl}data/`);
				expect(first.status).toBe(301);
				expect(first.headers).toMatch(new RegExp(`^location: ${siteUrl('hardened')}/data/\r?$`, 'im'));
				// a proxy nobody answers on: curl would fail with it
				const proxy = `http://127.0.0.1:${await freePort()}`;
				const r = await audit('hardenedHttp', undefined, false, { http_proxy: proxy, https_proxy: proxy, HTTPS_PROXY: proxy, all_proxy: proxy, ALL_PROXY: proxy, no_proxy: '', NO_PROXY: '' });
				for (const c of r.result.checks) expect(c.state, `${c.id}: ${c.evidence}`).toBe('PASS');
				expect(r.code, describeRun(r)).toBe(0);
				for (const id of [ID.denied, ID.phpInData, ID.noVersion, ID.allowList]) {
					expect(evidence(r, id)).toContain('The http:// address answered 301 to the same host and path on https://; the https answers were judged.');
					expect(evidence(r, id)).not.toContain('-> 301');
				}
				expect(evidence(r, ID.denied)).toContain(`${httpUrl.replace(/\/$/, '')}: /data/ -> 403`);
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
					// the break is real: an uploaded script under data/ runs
					expect((await curl(`${siteUrl('phpInData')}/data/evil.php`)).body).toContain(ranMarker('data/evil.php'));
					const r = await audit('phpInData');
					expectOnlyFails(r, [ID.phpInData]);
					expect(evidence(r, ID.phpInData)).toMatch(/came from PHP|not 403/);
				} finally {
					rmSync(inRoot, { recursive: true });
				}
			});

			it('display_errors on in the PHP-FPM pool (the CLI php.ini is not what counts): only the PHP-FPM check FAILs', async () => {
				const r = await audit('fpmBad');
				expectOnlyFails(r, [ID.fpm]);
				fixture('other-plan.json', r.stdout);
				expect(evidence(r, ID.fpm)).toMatch(/display_errors='?1/);
			});
		}
	);
}
