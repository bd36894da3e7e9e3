/**
 * Issue #13, "one apply order": the steps of APPLY_ORDER (src/lib/apply-order.ts) walked in that
 * order on real nginx + php-fpm + MariaDB, each file applied as its own text says, and the
 * helpdesk requested after EVERY step. It starts from an install as Deskpro ships it: data/ in
 * the web root, a stock-like config.php (tests/servers/stock-config.ts) pointing at a root-like
 * database account, a plain site that serves the web root and hands PHP to php-fpm.
 *
 * The front controller (index.php) of this test does what Deskpro needs on every request, as
 * the web user: include config.php; take the database settings as Deskpro's loader does
 * ($DP_CONFIG['db'] first, the DP_DATABASE_* constants for what is missing: layn321/deskpro
 * app/sys/load_config.php lines 48–52) and connect and INSERT with mysqli; find dir_data as
 * Deskpro's dp_get_data_dir() does (dir_data, else DP_WEB_ROOT/data; a missing directory is
 * created with mkdir 0777: same file, lines 188–203) and write a file there. It answers JSON.
 *
 * The pool runs without opcache: with it, php-fpm keeps running the old config.php for up to
 * opcache.revalidate_freq (2 s by default) after each edit, and a request right after an edit
 * would see the previous step.
 *
 * Between the move-data step and the config.php step, dir_data is still '' in config.php, so
 * Deskpro falls back to DP_WEB_ROOT/data and, finding it missing, recreates it (mkdir 0777) in a
 * web root the web server can write (the shipped layout). That was a finding of this walk: new
 * data landed in the web root and the move script's second run stopped with "already exists and
 * is not empty". The move script now leaves a link from data/ to the new place until config.php
 * names it (its run after the config.php step removes the link), and this walk checks that
 * nothing is written in the web root in between.
 *
 * A second install applies config.php BEFORE the database account (the order issue #13 found in
 * the old step list): the helpdesk loses its database at that step, so this walk can fail.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { chmodSync, chownSync, existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { APPLY_ORDER } from '$lib/apply-order';
import { outputsFor } from '$lib/outputs';
import { derivePlan } from '$lib/plan/derive';
import { nginxConfig } from '$lib/generators/nginx';
import { SERVER_ENV_STEP_ID } from '$lib/practices/_server-env';
import type { Plan } from '$lib/plan/schema';
import {
	bin,
	curl,
	freePort,
	nginxMainConf,
	removeDir,
	run,
	selfSignedCert,
	serverDescribe,
	startMariaDb,
	startNginx,
	startPhpFpm,
	tempDir,
	waitFor,
	type MariaDb,
	type Nginx,
	type PhpFpm
} from './harness';
import { makeFakeDeskpro, SECRET_TEXT } from './fake-deskpro';
import { accountNames, createUsers, output, removeUsers, sitePlan, WEB, type SiteAnswers } from './audit-fixture';
import { appendBlock, stockConfigPhp } from './stock-config';

/** The front controller of this test (see the header). `step` names the file written in dir_data. */
const FRONT_CONTROLLER = String.raw`<?php
header('Content-Type: application/json');
define('DP_WEB_ROOT', __DIR__);
$step = preg_replace('/[^a-z0-9-]/', '', (string) ($_GET['step'] ?? 'none'));
$r = array('user' => posix_getpwuid(posix_geteuid())['name'], 'config' => false, 'dbUser' => null, 'db' => null, 'dirData' => null, 'wrote' => false);
$DP_CONFIG = null;
if (is_readable(__DIR__ . '/config.php')) {
	$ok = include __DIR__ . '/config.php';
	$r['config'] = $ok !== false && is_array($DP_CONFIG);
}
if ($r['config']) {
	if (!isset($DP_CONFIG['db'])) $DP_CONFIG['db'] = array();
	$db = $DP_CONFIG['db'] + array(
		'host' => defined('DP_DATABASE_HOST') ? DP_DATABASE_HOST : 'localhost',
		'user' => defined('DP_DATABASE_USER') ? DP_DATABASE_USER : '',
		'password' => defined('DP_DATABASE_PASSWORD') ? DP_DATABASE_PASSWORD : '',
		'dbname' => defined('DP_DATABASE_NAME') ? DP_DATABASE_NAME : ''
	);
	$r['dbUser'] = $db['user'];
	$hp = explode(':', $db['host'], 2);
	mysqli_report(MYSQLI_REPORT_OFF);
	$m = @mysqli_connect($hp[0], $db['user'], $db['password'], $db['dbname'], isset($hp[1]) ? (int) $hp[1] : 3306);
	if (!$m) {
		$r['db'] = 'connect: ' . mysqli_connect_error();
	} else {
		$s = mysqli_prepare($m, 'INSERT INTO walk (step) VALUES (?)');
		if ($s && mysqli_stmt_bind_param($s, 's', $step) && mysqli_stmt_execute($s)) $r['db'] = 'ok';
		else $r['db'] = 'insert: ' . mysqli_error($m);
	}
	$dir = (isset($DP_CONFIG['dir_data']) && $DP_CONFIG['dir_data']) ? $DP_CONFIG['dir_data'] : DP_WEB_ROOT . DIRECTORY_SEPARATOR . 'data';
	if (!is_dir($dir)) { @mkdir($dir, 0777, true); @chmod($dir, 0777); }
	$r['dirData'] = $dir;
	$r['wrote'] = @file_put_contents($dir . '/walk-' . $step . '.txt', "written at step $step\n") !== false;
}
echo json_encode($r);
`;

interface Answer {
	status: number;
	user: string;
	config: boolean;
	dbUser: string | null;
	db: string | null;
	dirData: string | null;
	wrote: boolean;
}

/** walk: APPLY_ORDER; wrong: config.php first; locked: web root not writable by the web server; swapped: config.php before move-data. */
const SITE_NAMES = ['walk', 'wrong', 'locked', 'swapped'] as const;
type SiteName = (typeof SITE_NAMES)[number];

const ROOTISH = { user: 'dpadmin', password: 'Stock-admin_pw.0123456789' };

/** A plain "before" site: the web root as-is, PHP to php-fpm, everything else routed to index.php. */
function beforeSite(port: number, root: string, fpm: PhpFpm): string {
	return [
		'server {',
		`    listen 127.0.0.1:${port};`,
		`    root "${root}";`,
		'    index index.php;',
		'    location / { try_files $uri $uri/ /index.php$is_args$args; }',
		'    location ~ \\.php$ {',
		'        include /etc/nginx/fastcgi_params;',
		'        fastcgi_param SCRIPT_FILENAME $document_root$fastcgi_script_name;',
		`        fastcgi_pass ${fpm.address};`,
		'    }',
		'}',
		''
	].join('\n');
}

serverDescribe(
	['nginx', 'php-fpm', 'php', 'curl', 'openssl', 'mariadbd', 'mariadb', 'bash', 'useradd', 'userdel'],
	'the apply order walked on nginx + php-fpm + MariaDB: the helpdesk answers after every step',
	() => {
		let dir = '';
		let sysroot = '';
		let db: MariaDb;
		let fpm: PhpFpm;
		let nginx: Nginx | undefined;
		let mainConf = '';
		const users = accountNames('w');
		const sites: Record<SiteName, { answers: SiteAnswers; plan: Plan; file: string; beforePort: number }> = {} as never;

		const timings: string[] = [];
		const reloadNginx = async () => {
			const r = await run(bin('nginx'), ['-c', mainConf, '-p', dir, '-e', join(dir, 'error.log'), '-s', 'reload']);
			expect(r.code, r.stderr).toBe(0);
		};
		const ask = async (url: string, step: string): Promise<Answer> => {
			const a = await curl(`${url}?step=${step}`);
			let body: Omit<Answer, 'status'>;
			try {
				body = JSON.parse(a.body) as Omit<Answer, 'status'>;
			} catch {
				throw new Error(`${step}: the helpdesk answered ${a.status} without JSON: ${a.body.slice(0, 500)}`);
			}
			return { status: a.status, ...body };
		};
		const script = async (id: string, plan: Plan, args: string[] = []) => {
			const f = join(dir, `${id}.sh`);
			writeFileSync(f, output(plan, id));
			const t0 = Date.now();
			const r = await run(bin('bash'), [f, ...args]);
			timings.push(`${id}.sh ${Date.now() - t0} ms`);
			return r;
		};
		const install = (name: string) => join(dir, 'srv', `deskpro ${name}`);

		/** Deskpro as shipped: data/ in the web root, writable by the web server, as is the web root (the installer writes config.php there). */
		const stockInstall = (root: string, webRootWritable = true) => {
			makeFakeDeskpro(root);
			writeFileSync(join(root, 'index.php'), FRONT_CONTROLLER);
			const stock = stockConfigPhp()
				.replace("define('DP_DATABASE_HOST', 'localhost');", `define('DP_DATABASE_HOST', '127.0.0.1:${db.port}');`)
				.replace("define('DP_DATABASE_USER', 'root');", `define('DP_DATABASE_USER', '${ROOTISH.user}');`)
				.replace("define('DP_DATABASE_PASSWORD', '');", `define('DP_DATABASE_PASSWORD', '${ROOTISH.password}');`);
			expect(stock).toContain(ROOTISH.password);
			writeFileSync(join(root, 'config.php'), stock);
			chmodSync(join(root, 'config.php'), 0o644);
			const uid = Number(execFileSync('id', ['-u', WEB]).toString());
			const gid = Number(execFileSync('id', ['-g', WEB]).toString());
			if (webRootWritable) chownSync(root, uid, gid);
			const walk = (p: string) => {
				chownSync(p, uid, gid);
				for (const n of readdirSync(p, { withFileTypes: true })) {
					if (n.isDirectory()) walk(join(p, n.name));
					else chownSync(join(p, n.name), uid, gid);
				}
			};
			walk(join(root, 'data'));
		};

		beforeAll(async () => {
			dir = tempDir('apply-walk');
			sysroot = join(dir, 'sysroot');
			await createUsers([users.owner, users.cron]);
			[db, fpm] = await Promise.all([startMariaDb(join(dir, 'mariadb')), startPhpFpm(join(dir, 'fpm'), WEB, WEB, { adminFlags: { 'opcache.enable': 'off' } })]);
			const tls = await selfSignedCert(dir, '127.0.0.1');
			// the database as the Deskpro installer left it: a root-like account and Deskpro's tables (one here)
			const setup = await db.rootSql(
				`CREATE DATABASE deskpro; CREATE TABLE deskpro.walk (id INT AUTO_INCREMENT PRIMARY KEY, step VARCHAR(64) NOT NULL);
				 CREATE USER '${ROOTISH.user}'@'127.0.0.1' IDENTIFIED BY '${ROOTISH.password}'; GRANT ALL PRIVILEGES ON *.* TO '${ROOTISH.user}'@'127.0.0.1' WITH GRANT OPTION;`
			);
			expect(setup.code, setup.stderr).toBe(0);
			const files: string[] = [];
			for (const name of SITE_NAMES) {
				const answers: SiteAnswers = {
					install: install(name),
					data: join(dir, 'var lib', `deskpro-${name}`, 'data'),
					owner: users.owner,
					cron: users.cron,
					fpm: fpm.address,
					tls,
					db,
					webServer: 'nginx',
					httpsPort: await freePort(),
					httpPort: await freePort()
				};
				const plan = sitePlan(answers);
				// the wrong-order install has its own database account, so the two walks do not meet
				if (name === 'wrong') Object.assign(plan.answers[SERVER_ENV_STEP_ID] as Record<string, unknown>, { dbUser: 'dpwrong', dbUpgradeUser: 'dpwrong_up' });
				expect(derivePlan(plan).server, name).not.toBeNull();
				stockInstall(answers.install, name !== 'locked');
				const beforePort = await freePort();
				const file = join(dir, `${name}.conf`);
				writeFileSync(file, beforeSite(beforePort, answers.install, fpm));
				files.push(file);
				sites[name] = { answers, plan, file, beforePort };
			}
			mainConf = join(dir, 'nginx.conf');
			writeFileSync(mainConf, nginxMainConf(dir, files));
			nginx = await startNginx(dir, mainConf);
		}, 60_000);

		afterAll(async () => {
			console.log(`script run times: ${timings.join(', ')}`);
			await nginx?.stop();
			await Promise.all([fpm?.stop(), db?.stop()]);
			await removeUsers([users.owner, users.cron]);
			removeDir(dir);
		});

		it('every step of APPLY_ORDER, in order, as its files say: after each one the helpdesk answers 200, reads config.php, uses its database account and writes to dir_data; between moving data/ and the dir_data line, Deskpro writes through the move script\'s link to the new place, and nothing is recreated in the web root', async () => {
			const { answers: a, plan, file, beforePort } = sites.walk;
			const produced = new Set(outputsFor(plan).map((o) => o.id));
			let url = `http://127.0.0.1:${beforePort}/`;
			const log: string[] = [];
			const expectHealthy = (r: Answer, step: string, dbUser: string, dirData: string) => {
				log.push(`${step}: ${JSON.stringify(r)}`);
				expect(r, step).toMatchObject({ status: 200, user: WEB, config: true, dbUser, db: 'ok', dirData, wrote: true });
			};

			// as shipped: the root-like account, data/ in the web root, served by the plain site
			expectHealthy(await ask(url, 'shipped'), 'shipped', ROOTISH.user, join(a.install, 'data'));
			expect((await curl(`${url}data/files/0001/attachment.bin`)).body).toContain(SECRET_TEXT);

			const applied: string[] = [];
			for (const { step, files } of APPLY_ORDER) {
				const here = files.filter((f) => produced.has(f));
				for (const id of here) {
					applied.push(id);
					if (id === 'mysql') {
						// "Run as a MariaDB/MySQL administrator, e.g.: sudo mariadb < deskpro-database.sql"
						const r = await db.rootSql(output(plan, 'mysql'));
						expect(r.code, r.stderr).toBe(0);
					} else if (id === 'move-data') {
						const r = await script('move-data', plan);
						expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0);
						// it says what comes next: the dir_data line of the config.php step
						expect(r.stdout).toContain('NEXT: append the lines of (step');
						expect(existsSync(join(a.data, 'files', '0001', 'attachment.bin'))).toBe(true);
						expect(readlinkSync(join(a.install, 'data'))).toBe(a.data);
					} else if (id === 'config-php') {
						// "APPEND these lines to the END of config.php"
						const cfg = join(a.install, 'config.php');
						writeFileSync(cfg, appendBlock(readFileSync(cfg, 'utf8'), output(plan, 'config-php')));
						// the move script said: "then run this script again: it resumes cron and removes the link"
						const r = await script('move-data', plan);
						expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0);
						expect(r.stdout).toContain(`ok: PHP reads dir_data from config.php as ${a.data}`);
						expect(r.stdout).toContain(`removing the link ${join(a.install, 'data')}`);
						expect(existsSync(join(a.install, 'data'))).toBe(false);
					} else if (id === 'permissions') {
						const r = await script('permissions', plan);
						expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0);
					} else if (id === 'crontab') {
						// "Install as /etc/cron.d/deskpro (owner root, mode 0644)": under a private system root here
						mkdirSync(join(sysroot, 'etc', 'cron.d'), { recursive: true });
						writeFileSync(join(sysroot, 'etc', 'cron.d', 'deskpro'), output(plan, 'crontab'), { mode: 0o644 });
					} else if (id === 'nginx') {
						// the generated site replaces the plain one (bound to 127.0.0.1 for the test), then a reload
						const env = derivePlan(plan).server!;
						expect(output(plan, 'nginx')).toBe(nginxConfig(env));
						writeFileSync(file, nginxConfig(env, { bind: '127.0.0.1' }));
						await reloadNginx();
						url = `https://127.0.0.1:${a.httpsPort}/`;
						await waitFor('the generated site', async () => (await curl(url).catch(() => ({ status: 0 }))).status === 200);
					} else if (id === 'post-checks') {
						const r = await script('post-checks', plan, ['--', '-k']);
						expect(r.code, r.stdout).toBe(0);
						expect(r.stdout).toContain('all checks passed');
					} else {
						throw new Error(`${step}: no way to apply ${id} in this walk`);
					}
				}
				// the step is done: the helpdesk answers
				const r = await ask(url, step);
				if (step === 'server-data-dir') {
					// between the move and the dir_data line, Deskpro's dp_get_data_dir() falls back to
					// DP_WEB_ROOT/data: the link sends it to the new place, nothing is recreated in the web root
					log.push(`${step}: ${JSON.stringify(r)}`);
					expect(r).toMatchObject({ status: 200, user: WEB, config: true, dbUser: ROOTISH.user, db: 'ok', dirData: join(a.install, 'data'), wrote: true });
					expect(lstatSync(join(a.install, 'data')).isSymbolicLink()).toBe(true);
					expect(readFileSync(join(a.data, `walk-${step}.txt`), 'utf8')).toContain(`written at step ${step}`);
					continue;
				}
				const dbUser = applied.includes('config-php') ? 'deskpro' : ROOTISH.user;
				const dirData = applied.includes('config-php') ? a.data : join(a.install, 'data');
				expectHealthy(r, step, dbUser, dirData);
			}
			expect(applied).toEqual(['mysql', 'move-data', 'config-php', 'permissions', 'crontab', 'nginx', 'post-checks']);
			// finished: data/ is refused, and nothing is left of it in the web root
			expect((await curl(`${url}data/files/0001/attachment.bin`)).status).toBe(403);
			expect((await curl(`${url}data/walk-server-data-dir.txt`)).status).toBe(403);
			expect(existsSync(join(a.install, 'data'))).toBe(false);
			expect(readFileSync(join(a.data, 'walk-server-post-checks.txt'), 'utf8')).toContain('written at step server-post-checks');
			console.log(log.join('\n'));
		}, 90_000);

		it('the wrong order (config.php before the database account): the helpdesk loses its database at that step', async () => {
			const { answers: a, plan, beforePort } = sites.wrong;
			const url = `http://127.0.0.1:${beforePort}/`;
			const cfg = join(a.install, 'config.php');
			expect(await ask(url, 'shipped')).toMatchObject({ status: 200, config: true, dbUser: ROOTISH.user, db: 'ok' });
			writeFileSync(cfg, appendBlock(readFileSync(cfg, 'utf8'), output(plan, 'config-php')));
			const broken = await ask(url, 'config-first');
			expect(broken).toMatchObject({ status: 200, config: true, dbUser: 'dpwrong' });
			expect(broken.db).toMatch(/^connect: Access denied for user 'dpwrong'@/);
			// the account created afterwards brings it back: it was the order
			const r = await db.rootSql(output(plan, 'mysql'));
			expect(r.code, r.stderr).toBe(0);
			expect(await ask(url, 'database-after')).toMatchObject({ status: 200, dbUser: 'dpwrong', db: 'ok' });
		});

		it('the same window with a web root the web server cannot write: the link (made by root) still lets the helpdesk write its data in the new place', async () => {
			const { answers: a, plan, beforePort } = sites.locked;
			const url = `http://127.0.0.1:${beforePort}/`;
			expect((await db.rootSql(output(plan, 'mysql'))).code).toBe(0);
			const r = await script('move-data', plan);
			expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0);
			const window = await ask(url, 'window');
			expect(window).toMatchObject({ status: 200, config: true, db: 'ok', dirData: join(a.install, 'data'), wrote: true });
			expect(readlinkSync(join(a.install, 'data'))).toBe(a.data);
			expect(readFileSync(join(a.data, 'walk-window.txt'), 'utf8')).toContain('written at step window');
			const cfg = join(a.install, 'config.php');
			writeFileSync(cfg, appendBlock(readFileSync(cfg, 'utf8'), output(plan, 'config-php')));
			const again = await script('move-data', plan);
			expect(again.code, `${again.stdout}\n${again.stderr}`).toBe(0);
			expect(await ask(url, 'after-config')).toMatchObject({ status: 200, dbUser: 'deskpro', db: 'ok', dirData: a.data, wrote: true });
			expect(existsSync(join(a.install, 'data'))).toBe(false);
		});

		it('evidence for a fix, not the apply order: config.php before move-data leaves no data/ in the web root and the move script finishes in one run; in between the helpdesk cannot write its data', async () => {
			const { answers: a, plan, beforePort } = sites.swapped;
			const url = `http://127.0.0.1:${beforePort}/`;
			expect((await db.rootSql(output(plan, 'mysql'))).code).toBe(0);
			const cfg = join(a.install, 'config.php');
			writeFileSync(cfg, appendBlock(readFileSync(cfg, 'utf8'), output(plan, 'config-php')));
			// dir_data names a directory that does not exist yet; Deskpro's mkdir cannot make it (root's parents)
			const between = await ask(url, 'between');
			expect(between).toMatchObject({ status: 200, config: true, dbUser: 'deskpro', db: 'ok', dirData: a.data, wrote: false });
			expect(existsSync(a.data)).toBe(false);
			const r = await script('move-data', plan);
			expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0);
			expect(r.stdout).toContain(`ok: PHP reads dir_data from config.php as ${a.data}`);
			expect(r.stdout).not.toContain('NEXT:');
			expect(existsSync(join(a.install, 'data'))).toBe(false);
			expect(await ask(url, 'moved')).toMatchObject({ status: 200, db: 'ok', dirData: a.data, wrote: true });
		});
	},
	{ root: true }
);
