/**
 * Property tests: hundreds of random and hostile values (quotes, newlines, ;, {}, $, backticks,
 * #, NUL, backslashes, non-ASCII...) for every server input. Each value goes through the wizard's
 * own path (answers → derivePlan → checked ServerEnv). It is either refused with a field-level
 * message, or every generator produces output that
 *   - passes the real syntax checks (nginx -t, apache2 -t, php -l, xmllint, bash -n, shellcheck),
 *     batched so a few hundred cases cost a few seconds, and
 *   - keeps the value confined to its slot: PHP reads back exactly the values entered, bash reads
 *     back exactly the assigned variables, MariaDB holds exactly the account and password given,
 *     XML attributes read back exactly, and the nginx/Apache files differ from a baseline only
 *     inside their quoted strings.
 * A generator throwing (an escaper refusing a value the validators let through) fails the test.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nginxConfig } from '$lib/generators/nginx';
import { apacheConfig } from '$lib/generators/apache';
import { configPhp } from '$lib/generators/config-php';
import { mysqlSetup, RUNTIME_PRIVILEGES } from '$lib/generators/mysql';
import { permissionsScript } from '$lib/generators/permissions';
import { moveDataScript } from '$lib/generators/move-data';
import { iisPostChecksScript, iisSetupScript, iisWebConfig, windowsPermissionsScript } from '$lib/generators/iis';
import { postChecksScript } from '$lib/generators/post-checks';
import { helpdeskBaseUrl } from '$lib/validate/net';
import type { ServerEnv } from '$lib/practices/_server-env';
import {
	apacheMainConf,
	apacheTest,
	bin,
	nginxMainConf,
	nginxTest,
	removeDir,
	run,
	selfSignedCert,
	serverDescribe,
	startMariaDb,
	tempDir,
	type MariaDb
} from './harness';
import { planWith, tryServerEnv, type AboutAnswers } from './env';
import { outputsFor } from '$lib/outputs';
import { derivePlan } from '$lib/plan/derive';
import lib from '$lib/generators/audit-lib.sh?raw';
import { checkWords, requiredPaths } from '$lib/generators/audit';
import { composeFile, configEnv, configValues, CONTAINERS, deskproMounts, secretFiles } from '$lib/generators/docker-compose';
import { DOCKER_ENV_STEP_ID, type DockerEnv } from '$lib/practices/_docker-env';
import { dockerPlan } from './docker-env';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 300);
const SEED = Number(process.env.PROPERTY_SEED ?? Date.now() % 2 ** 31);

const HOSTILE = ["'", '"', '\n', '\r', '\t', ';', '{', '}', '$', '`', '#', '\u0000', '\\', 'é', '𝔘', '%', '*', '[', ']', '|', '&', '<', '>', '(', ')', '!', '~', '=', ':', '@', ',', '+', ' ', '$(id)', '${x}', '../', '--', '\u2019', '\u202e'];
const PLAIN = 'abcdefxyz0123456789/._-'.split('');
const piece = fc.oneof(
	{ weight: 3, arbitrary: fc.constantFrom(...PLAIN) },
	{ weight: 2, arbitrary: fc.constantFrom(...HOSTILE) },
	{ weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) }
);
const hostile = fc.array(piece, { maxLength: 16 }).map((xs) => xs.join(''));
const withPrefix = (prefixes: string[]) => fc.tuple(fc.constantFrom(...prefixes), hostile).map(([a, b]) => a + b);

type Case = { field: string; value: unknown; about?: AboutAnswers };

/** Per field: hostile values, plus odd-but-valid ones so accepted values are exercised too. */
const FIELD_ARBS: Record<string, fc.Arbitrary<unknown>> = {
	installPath: fc.oneof(withPrefix(['/', '/var/www/', '/srv/a b/', '']), fc.constantFrom('/srv/help desk+1/www', '/opt/dp@x,y=z~')),
	dataPath: fc.oneof(withPrefix(['/', '/var/lib/', '/data/x y/']), fc.constantFrom('/var/lib/dp data', '/mnt/a+b/c=d')),
	tlsCertificate: withPrefix(['/etc/ssl/', '/']),
	ownerUser: withPrefix(['', 'dp', 'deskpro']),
	webGroup: withPrefix(['', 'www']),
	cronUser: withPrefix(['', 'cron']),
	phpFpm: fc.oneof(withPrefix(['unix:/run/', '/run/', '127.0.0.1:', '[::1]:', 'host:']), fc.constantFrom('unix:/run/php/a b.sock', '[::1]:9000', 'fpm.internal:9001')),
	proxyHeader: withPrefix(['X-', '']),
	serverNames: fc.array(fc.oneof(hostile, fc.constantFrom('a.example.com', 'xn--bcher-kva.example', 'localhost', '192.0.2.1')), { maxLength: 3 }),
	adminCidrs: fc.array(fc.oneof(hostile, fc.constantFrom('10.0.0.0/8', '2001:db8::/32', '192.0.2.7', '::1', '0.0.0.0/0')), { minLength: 1, maxLength: 3 }),
	proxyAddresses: fc.array(fc.oneof(hostile, fc.constantFrom('192.0.2.10', '2001:db8::1', '10.1.0.0/16')), { minLength: 1, maxLength: 3 }),
	dbName: withPrefix(['', 'deskpro', 'dp_']),
	dbUser: withPrefix(['', 'dp']),
	dbUpgradeUser: withPrefix(['', 'up']),
	dbClientHost: withPrefix(['', 'app.', '10.']),
	dbPassword: fc.oneof(
		fc.array(piece, { minLength: 14, maxLength: 40 }).map((xs) => xs.join('')),
		fc.string({ unit: fc.constantFrom(...`'"$\`;#{}%!&|<>()*?~=:@,+-_.abcXYZ019`.split('')), minLength: 16, maxLength: 40 })
	),
	helpdeskUrl: withPrefix(['https://', 'https://support.example.com/', 'http://a.b/', 'javascript:']),
	winInstallPath: fc.oneof(withPrefix(['C:\\', 'C:\\inetpub\\', 'D:']), fc.constantFrom('C:\\Program Files (x86)\\Deskpro', 'E:\\web\\a+b=c')),
	winDataPath: withPrefix(['C:\\', 'D:\\data\\']),
	winWebAccount: withPrefix(['IIS AppPool\\', 'CONTOSO\\', '']),
	winCronAccount: withPrefix(['', 'CONTOSO\\svc-'])
};

const caseArb: fc.Arbitrary<Case> = fc.oneof(
	...Object.entries(FIELD_ARBS).map(([field, arb]) =>
		arb.map((value): Case => {
			if (field === 'helpdeskUrl') return { field, value, about: { helpdeskUrl: value as string } };
			if (field.startsWith('win')) return { field, value, about: { os: 'windows', webServer: 'iis' } };
			return { field, value };
		})
	)
);

/** A baseline that makes every field matter (proxy on, upgrade account on). */
const BASE = {
	behindProxy: true,
	proxyAddresses: ['192.0.2.10'],
	// a database on another host: any account host is then a valid pair (a loopback database
	// host requires the same account host, which would refuse every hostile account host)
	dbHost: '192.0.2.20',
	dbClientHost: '127.0.0.1',
	upgradeAccount: true
};

interface Accepted {
	i: number;
	c: Case;
	env: ServerEnv;
	os: 'linux' | 'windows';
	helpdeskUrl: string;
}

/** The text outside nginx/Apache double-quoted strings (a `\` escapes the next character). */
function outsideQuotes(text: string): string {
	let out = '';
	let q = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i]!;
		if (q) {
			if (ch === '\\') i++;
			else if (ch === '"') {
				q = false;
				out += '"';
			}
			continue;
		}
		if (ch === '"') q = true;
		out += ch;
	}
	return out;
}

/** A case whose value lands only inside quoted strings of the nginx and Apache files. */
function onlyInQuotes(a: Accepted): boolean {
	return ['installPath', 'tlsCertificate', 'dataPath', 'dbPassword', 'dbName'].includes(a.c.field) || (a.c.field === 'phpFpm' && /^(unix:)?\//.test(a.env.phpFpm));
}

const SLOW = { timeout: 300_000 };

serverDescribe(['nginx', 'apache2', 'php', 'xmllint', 'bash', 'shellcheck', 'mariadbd', 'mariadb-install-db', 'mariadb', 'mariadb-admin', 'openssl'], 'hostile inputs: refused with a message, or inert in every generated file', () => {
	let dir = '';
	let db: MariaDb;
	let tls: { cert: string; key: string };
	const accepted: Accepted[] = [];
	let refused = 0;

	beforeAll(async () => {
		dir = tempDir('props');
		tls = await selfSignedCert(dir);
		db = await startMariaDb(join(dir, 'db'));
		console.info(`property tests: ${RUNS} cases, seed ${SEED} (set PROPERTY_SEED to replay)`);
		fc.assert(
			fc.property(caseArb, (c) => {
				const server: Record<string, unknown> = { ...BASE, [c.field]: c.value };
				const r = tryServerEnv(server, c.about ?? {});
				if ('errors' in r) {
					// refused: there is a clear, non-empty message
					const messages = Object.values(r.errors);
					expect(messages.length, JSON.stringify(c)).toBeGreaterThan(0);
					for (const m of messages) expect(m.trim().length).toBeGreaterThan(5);
					refused++;
					return;
				}
				const os = c.about?.os ?? 'linux';
				const helpdeskUrl = c.about?.helpdeskUrl ?? 'https://support.example.test/';
				const a: Accepted = { i: accepted.length, c, env: r.env, os, helpdeskUrl };
				// every generator must accept what the validators accepted (escapers never throw)
				generateAll(a);
				accepted.push(a);
			}),
			{ numRuns: RUNS, seed: SEED }
		);
		console.info(`property tests: ${refused} refused with a message, ${accepted.length} accepted and checked on real tools`);
	});
	afterAll(async () => {
		await db?.stop();
		removeDir(dir);
	});

	function generateAll(a: Accepted) {
		const about = { helpdeskName: 'T', helpdeskUrl: a.helpdeskUrl, deployment: 'download', os: a.os, webServer: 'nginx' };
		const env = { ...a.env, tlsCertificate: a.c.field === 'tlsCertificate' ? a.env.tlsCertificate : tls.cert, tlsKey: tls.key };
		return {
			nginx: nginxConfig(env, { bind: '127.0.0.1' }),
			apache: apacheConfig(env, { bind: '127.0.0.1' }),
			php: configPhp(a.env, about),
			sql: mysqlSetup(a.env),
			perms: permissionsScript(a.env),
			move: moveDataScript(a.env),
			iis: iisWebConfig(a.env),
			ps1: windowsPermissionsScript(a.env),
			iisSetup: iisSetupScript(a.env),
			iisChecks: iisPostChecksScript(a.helpdeskUrl),
			checks: postChecksScript(a.helpdeskUrl)
		};
	}

	it('refuses most hostile values and accepts some (both paths are exercised)', () => {
		expect(refused).toBeGreaterThan(RUNS / 10);
		expect(accepted.length).toBeGreaterThan(RUNS / 10);
	});

	it('nginx: every accepted case passes nginx -t and differs from the baseline only inside quoted strings', SLOW, async () => {
		const d = join(dir, 'nginx');
		mkdirSync(d);
		const baseline = outsideQuotes(nginxConfig({ ...tryEnv(), tlsCertificate: tls.cert, tlsKey: tls.key }, { bind: '127.0.0.1' }));
		const files: string[] = [];
		const seen = new Set<string>();
		for (const a of accepted) {
			const text = generateAll(a).nginx;
			// tls files must exist for nginx -t: point cases that fuzz the certificate path at a real file
			let testable = a.c.field === 'tlsCertificate' ? text.replace(/ssl_certificate "(?:[^"\\]|\\.)*";/, `ssl_certificate "${tls.cert}";`) : text;
			// nginx resolves a PHP-FPM host name while testing; the test machine cannot resolve made-up
			// names, so the exact fastcgi_pass line is asserted here and 127.0.0.1 used for nginx -t.
			const fpm = /^([a-z0-9.-]+):(\d+)$/i.exec(a.env.phpFpm);
			if (fpm && !/^[0-9.]+$/.test(fpm[1]!)) {
				const line = `fastcgi_pass ${fpm[1]}:${fpm[2]};`;
				// the PHP locations: staff behind an entry point, staff through the front controller, the entry points
				expect(text.split(line).length - 1).toBe(3);
				testable = testable.split(line).join(`fastcgi_pass 127.0.0.1:${fpm[2]};`);
			}
			if (seen.has(testable)) continue;
			seen.add(testable);
			const f = join(d, `c${a.i}.conf`);
			writeFileSync(f, testable);
			files.push(f);
			if (onlyInQuotes(a)) {
				expect(outsideQuotes(text), JSON.stringify(a.c)).toBe(baseline);
			}
		}
		await batched(files, 60, async (chunk, n) => {
			const main = join(d, `main${n}.conf`);
			writeFileSync(main, nginxMainConf(d, chunk));
			const r = await nginxTest(d, main);
			if (r.code !== 0) await explain(chunk, async (f) => {
				const one = join(d, 'one.conf');
				writeFileSync(one, nginxMainConf(d, [f]));
				return nginxTest(d, one);
			});
		});
	});

	it('Apache: every accepted case passes apache2 -t and differs from the baseline only inside quoted strings', SLOW, async () => {
		const d = join(dir, 'apache');
		mkdirSync(d);
		const baseline = outsideQuotes(apacheConfig({ ...tryEnv(), tlsCertificate: tls.cert, tlsKey: tls.key }, { bind: '127.0.0.1' }));
		const files: string[] = [];
		const seen = new Set<string>();
		for (const a of accepted) {
			const text = generateAll(a).apache;
			const testable = a.c.field === 'tlsCertificate' ? text.replace(/SSLCertificateFile "[^"]*"/, `SSLCertificateFile "${tls.cert}"`) : text;
			if (!seen.has(testable)) {
				seen.add(testable);
				const f = join(d, `c${a.i}.conf`);
				writeFileSync(f, testable);
				files.push(f);
			}
			if (onlyInQuotes(a)) {
				expect(outsideQuotes(text), JSON.stringify(a.c)).toBe(baseline);
			}
		}
		await batched(files, 40, async (chunk, n) => {
			const main = join(d, `main${n}.conf`);
			writeFileSync(main, apacheMainConf(join(d, `p${n}`), [], chunk));
			const r = await apacheTest(main);
			if (r.code !== 0) await explain(chunk, async (f) => {
				const one = join(d, 'one.conf');
				writeFileSync(one, apacheMainConf(join(d, 'one'), [], [f]));
				return apacheTest(one);
			});
		});
	});

	it('config.php: PHP parses every case (php -l on a sample) and reads back exactly the values entered', SLOW, async () => {
		const d = join(dir, 'php');
		mkdirSync(d);
		// One PHP process for all cases (PHP starts slowly): the real parser checks each file
		// (token_get_all with TOKEN_PARSE throws ParseError like php -l), then a forked child
		// includes it (each in a fresh process) and reports the values.
		const reader = join(d, 'read.php');
		writeFileSync(
			reader,
			`<?php
$out = array();
foreach (array_slice($argv, 1) as $f) {
	try { token_get_all(file_get_contents($f), TOKEN_PARSE); } catch (ParseError $e) { $out[$f] = array('parse' => $e->getMessage()); continue; }
	$pair = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
	$pid = pcntl_fork();
	if ($pid === 0) {
		fclose($pair[0]);
		$DP_CONFIG = array('debug' => array(), 'cache' => array());
		include $f;
		fwrite($pair[1], json_encode(array($DP_CONFIG['db']['host'], $DP_CONFIG['db']['user'], $DP_CONFIG['db']['password'], $DP_CONFIG['db']['dbname'], $DP_CONFIG['dir_data'], $DP_CONFIG['trust_proxy_data'], $DP_CONFIG['debug'], $DP_CONFIG['enable_display_errors']), JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES));
		exit(0);
	}
	fclose($pair[1]);
	$json = stream_get_contents($pair[0]);
	pcntl_waitpid($pid, $status);
	$out[$f] = array('values' => json_decode($json, true), 'status' => $status);
}
echo json_encode($out, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES);
`
		);
		const files = accepted.map((a) => {
			const f = join(d, `c${a.i}.php`);
			const about = { helpdeskName: 'T', helpdeskUrl: a.helpdeskUrl, deployment: 'download', os: a.os, webServer: 'nginx' };
			// the lines are appended to config.php, after PHP code
			writeFileSync(f, `<?php\n${configPhp(a.env, about)}`);
			return f;
		});
		const r = await run(bin('php'), [reader, ...files], { timeout: 120_000 });
		expect(r.code, r.stderr).toBe(0);
		const got = JSON.parse(r.stdout) as Record<string, { parse?: string; values?: unknown[]; status?: number }>;
		for (const a of accepted) {
			const res = got[join(d, `c${a.i}.php`)]!;
			expect(res.parse, JSON.stringify(a.c)).toBeUndefined();
			const host = a.env.dbPort === 3306 ? a.env.dbHost : `${a.env.dbHost}:${a.env.dbPort}`;
			expect(res.values, JSON.stringify(a.c)).toEqual([
				host,
				a.env.dbUser,
				a.env.dbPassword,
				a.env.dbName,
				a.os === 'windows' ? a.env.winDataPath : a.env.dataPath,
				a.env.proxies.length ? a.env.proxies : false,
				{ dev: false, enable_debug_trace: false },
				false
			]);
		}
		// and php -l itself, on the cases whose values land in config.php
		const sample = accepted.filter((a) => /^(db|dataPath|winDataPath|proxyAddresses)/.test(a.c.field)).slice(0, 12);
		await Promise.all(
			sample.map(async (a) => {
				const lint = await run(bin('php'), ['-n', '-l', join(d, `c${a.i}.php`)]);
				expect(lint.code, lint.stdout).toBe(0);
			})
		);
	});

	it('SQL: every database case runs on MariaDB and creates exactly the account, host, password and grant given', SLOW, async () => {
		const dbCases = accepted.filter((a) => a.c.field.startsWith('db'));
		expect(dbCases.length).toBeGreaterThan(0);
		for (const a of dbCases) {
			const sql = mysqlSetup(a.env);
			const r = await db.rootSql(sql);
			expect(r.code, `${JSON.stringify(a.c)}\n${r.stderr}`).toBe(0);
			const acct = await db.rootSql(`SELECT COUNT(*) FROM mysql.user WHERE User = '${a.env.dbUser}' AND Host = '${a.env.dbClientHost}';`);
			expect(acct.stdout.trim(), JSON.stringify(a.c)).toBe('1');
			if (a.env.dbClientHost === '127.0.0.1') {
				const who = await db.userSql(a.env.dbUser, a.env.dbPassword, 'SELECT CURRENT_USER(); SHOW GRANTS;');
				expect(who.code, `${JSON.stringify(a.c)}\n${who.stderr}`).toBe(0);
				const lines = who.stdout.trim().split('\n');
				expect(lines[0]).toBe(`${a.env.dbUser}@127.0.0.1`);
				const escapedDb = a.env.dbName.replace(/_/g, '\\_');
				const grants = lines.filter((l) => !/^GRANT USAGE ON \*\.\*/.test(l)).slice(1);
				expect(grants.length, grants.join('\n')).toBe(1);
				// exactly the runtime rights the generator lists (MariaDB prints them in its own order)
				const m = /^GRANT (.+) ON (`.+`)\.\* TO (.+)$/.exec(grants[0]!);
				expect(m, grants[0]).not.toBeNull();
				expect(m![1]!.split(', ').sort()).toEqual([...RUNTIME_PRIVILEGES].sort());
				expect(m![2]).toBe(`\`${escapedDb}\``);
				expect(m![3]).toBe(`\`${a.env.dbUser}\`@\`127.0.0.1\``);
			}
		}
	});

	it('bash scripts: bash -n and shellcheck pass, and bash reads back exactly the values assigned', SLOW, async () => {
		const d = join(dir, 'sh');
		mkdirSync(d);
		const files: string[] = [];
		const seen = new Set<string>();
		// One bash process reads back every script's variables (each in a subshell): records are
		// separated by \x1e, values by NUL.
		const reader = join(d, 'read.sh');
		writeFileSync(
			reader,
			[
				'set -eu',
				'for f in "$@"; do',
				'	(',
				'		case "$f" in',
				'		*-perms.sh) eval "$(sed -n "/^INSTALL_DIR=/,/^CRON_USER=/p" "$f")"; printf "%s\\0" "$INSTALL_DIR" "$DATA_DIR" "$OWNER" "$WEB_USER" "$WEB_GROUP" "$CRON_USER" ;;',
				'		*-checks.sh) eval "$(grep "^BASE_URL=" "$f")"; printf "%s\\0" "$BASE_URL" ;;',
				'		esac',
				'	)',
				"	printf '\\036'",
				'done',
				''
			].join('\n')
		);
		const readable: string[] = [];
		for (const a of accepted) {
			const g = generateAll(a);
			for (const [k, t] of [['perms', g.perms], ['move', g.move], ['checks', g.checks]] as const) {
				const f = join(d, `c${a.i}-${k}.sh`);
				writeFileSync(f, t);
				if (k !== 'move') readable.push(f);
				if (!seen.has(t)) {
					seen.add(t);
					files.push(f);
				}
			}
		}
		const back = await run(bin('bash'), [reader, ...readable], { timeout: 240_000 });
		expect(back.code, back.stderr).toBe(0);
		const records = back.stdout.split('\x1e');
		accepted.forEach((a, i) => {
			const perms = records[2 * i]!.split('\0').slice(0, 6);
			expect(perms, JSON.stringify(a.c)).toEqual([a.env.installPath, a.env.dataPath, a.env.ownerUser, a.env.webUser, a.env.webGroup, a.env.cronUser]);
			expect(records[2 * i + 1]!.split('\0')[0], JSON.stringify(a.c)).toBe(helpdeskBaseUrl(a.helpdeskUrl));
		});
		for (const f of files) {
			const n = await run(bin('bash'), ['-n', f]);
			expect(n.code, `${f}\n${n.stderr}`).toBe(0);
		}
		// every distinct script through shellcheck, two batches at a time
		const chunks: string[][] = [];
		for (let i = 0; i < files.length; i += 20) chunks.push(files.slice(i, i + 20));
		for (let i = 0; i < chunks.length; i += 2) {
			await Promise.all(
				chunks.slice(i, i + 2).map(async (chunk) => {
					const sc = await run(bin('shellcheck'), ['-s', 'bash', '-S', 'style', ...chunk], { timeout: 240_000 });
					expect(sc.code, sc.stdout.slice(0, 3000)).toBe(0);
				})
			);
		}
		console.info(`property tests: ${files.length} distinct bash scripts through bash -n and shellcheck`);
	});

	it('audit script: bash -n passes, its plan part is shellcheck clean, and bash reads back exactly the planned paths and check words', SLOW, async () => {
		const d = join(dir, 'audit');
		mkdirSync(d);
		// One bash process: for each script, its REQUIRED_PATHS, then every run_check call of main()
		// (the library's functions stubbed out). Groups end with \x1d, scripts with \x1e.
		const reader = join(d, 'read.sh');
		writeFileSync(
			reader,
			[
				'set -eu',
				'for f in "$@"; do',
				'	(',
				'		eval "$(sed -n \'/^REQUIRED_PATHS=(/,/^)$/p\' "$f")"',
				'		printf "%s\\0" "${REQUIRED_PATHS[@]}"; printf "\\035"',
				'		parse_args() { :; }; preflight() { :; }; begin() { :; }; finish() { :; }',
				'		run_check() { printf "%s\\0" "$@"; printf "\\035"; }',
				'		eval "$(sed -n \'/^main() {$/,/^}$/p\' "$f")"',
				'		main',
				'	)',
				"	printf '\\036'",
				'done',
				''
			].join('\n')
		);
		const cases: { a: Accepted; f: string; want: string[][] }[] = [];
		const planParts = new Set<string>();
		const partFiles: string[] = [];
		for (const a of accepted) {
			if (a.os !== 'linux') continue;
			const plan = planWith({ ...BASE, [a.c.field]: a.c.value }, a.c.about ?? {});
			const text = outputsFor(plan).find((o) => o.id === 'audit-script')?.text;
			if (!text) continue; // e.g. a helpdesk URL the audit cannot request: no script, said in the UI
			const checks = derivePlan(plan).audit.checks;
			const f = join(d, `c${a.i}-audit.sh`);
			writeFileSync(f, text);
			cases.push({ a, f, want: [requiredPaths(checks).flatMap((r) => [r.type, r.path, r.what]), ...checks.map(checkWords)] });
			// the plan-specific part (the constant library is shellchecked once in tests/unit)
			expect(text).toContain(lib.trimEnd());
			const part = text.replace(lib.trimEnd(), '# (library)');
			if (!planParts.has(part)) {
				planParts.add(part);
				const pf = join(d, `c${a.i}-plan-part.sh`);
				writeFileSync(pf, part);
				partFiles.push(pf);
			}
		}
		expect(cases.length).toBeGreaterThan(RUNS / 20);
		const back = await run(bin('bash'), [reader, ...cases.map((c) => c.f)], { timeout: 240_000 });
		expect(back.code, back.stderr).toBe(0);
		const scripts = back.stdout.split('\x1e');
		cases.forEach((c, i) => {
			const groups = scripts[i]!.split('\x1d').slice(0, -1).map((g) => g.split('\0').slice(0, -1));
			expect(groups, JSON.stringify(c.a.c)).toEqual(c.want);
		});
		for (const c of cases) {
			const n = await run(bin('bash'), ['-n', c.f]);
			expect(n.code, `${c.f}\n${n.stderr}`).toBe(0);
		}
		for (let i = 0; i < partFiles.length; i += 40) {
			// SC2034: the constants are used by the library, which is cut out of these files
			const sc = await run(bin('shellcheck'), ['-s', 'bash', '-S', 'style', '-e', 'SC2034', ...partFiles.slice(i, i + 40)], { timeout: 240_000 });
			expect(sc.code, sc.stdout.slice(0, 3000)).toBe(0);
		}
		console.info(`property tests: ${cases.length} audit scripts read back by bash, ${partFiles.length} distinct plan parts through shellcheck`);
	});

	it('web.config: every case is well-formed XML and its attributes read back exactly', SLOW, async () => {
		const d = join(dir, 'xml');
		mkdirSync(d);
		const files = accepted.map((a) => {
			const f = join(d, `c${a.i}.xml`);
			writeFileSync(f, generateAll(a).iis);
			return f;
		});
		// xmllint is fast: every file is checked, duplicates included
		await batched(files, 200, async (chunk) => {
			const r = await run(bin('xmllint'), ['--noout', ...chunk]);
			expect(r.code, r.stderr.slice(0, 3000)).toBe(0);
		});
		for (const a of accepted.filter((x) => ['adminCidrs', 'proxyAddresses'].includes(x.c.field)).slice(0, 30)) {
			const f = join(d, `c${a.i}.xml`);
			const r = await run(bin('xmllint'), ['--xpath', '//location[@path="agent"]//add/@ipAddress', f]);
			const got = [...r.stdout.matchAll(/ipAddress="([^"]*)"/g)].map((m) => m[1]);
			const want = (a.env.proxies.length ? a.env.proxies : a.env.allowed).map((c) => c.split('/')[0]);
			expect(got, JSON.stringify(a.c)).toEqual(want);
		}
	});

	it('PowerShell: every value sits in one single-quoted string that reads back exactly', () => {
		// No PowerShell on the test machines: this checks the quoting rule (PowerShell single-quoted
		// strings end only at a quote character, which is doubled inside), not PowerShell itself.
		for (const a of accepted) {
			const text = generateAll(a).ps1;
			for (const [name, value] of [
				['InstallDir', a.env.winInstallPath],
				['DataDir', a.env.winDataPath],
				['WebAccount', a.env.winWebAccount],
				['CronAccount', a.env.winCronAccount]
			] as const) {
				const m = new RegExp(`^\\$${name} = '((?:[^'\\u2018\\u2019\\u201a\\u201b]|'')*)'\\r?$`, 'm').exec(text);
				expect(m, `${name} ${JSON.stringify(a.c)}`).not.toBeNull();
				expect(m![1]!.replace(/''/g, "'")).toBe(value);
			}
		}
	});
});

function tryEnv(): ServerEnv {
	const r = tryServerEnv({ ...BASE });
	if ('errors' in r) throw new Error(JSON.stringify(r.errors));
	return r.env;
}

async function batched<T>(xs: T[], size: number, fn: (chunk: T[], n: number) => Promise<void>): Promise<void> {
	for (let i = 0; i < xs.length; i += size) await fn(xs.slice(i, i + size), i / size);
}

/** A batch failed: find and report the first file that fails on its own. */
async function explain(files: string[], one: (f: string) => Promise<{ code: number; stderr: string }>): Promise<never> {
	for (const f of files) {
		const r = await one(f);
		if (r.code !== 0) throw new Error(`${f} fails on its own:\n${r.stderr}`);
	}
	throw new Error('the batch failed but no single file does (a conflict between files?)');
}

/* ------------------------------------------------------------------ Deskpro On-Premise (Docker) */

/** Per Docker field: hostile values, plus odd-but-valid ones. */
const DOCKER_ARBS: Record<string, fc.Arbitrary<unknown>> = {
	imageRepository: fc.oneof(withPrefix(['deskpro/', '', 'registry.example.com:5000/']), fc.constantFrom('deskpro/deskpro-product', 'r.example.com:5000/a/b_c', 'a__b/c-d', 'Deskpro/X')),
	deskproVersion: fc.oneof(withPrefix(['2025.', '']), fc.constantFrom('latest', 'LATEST ', '2025.3.6', '2025.12.1000')),
	containerVersion: fc.oneof(withPrefix(['4.0.', '']), fc.constantFrom('latest', '4.0.0', '10.20.30')),
	publishAddress: fc.oneof(withPrefix(['127.0.0.1', '0.0.0.0', '']), fc.constantFrom('203.0.113.10', '0.0.0.0', '::1', '010.0.0.1')),
	proxyAddresses: FIELD_ARBS.proxyAddresses!,
	serverNames: FIELD_ARBS.serverNames!,
	adminCidrs: FIELD_ARBS.adminCidrs!,
	tlsCertificate: withPrefix(['/etc/ssl/', '/']),
	tlsKey: withPrefix(['/etc/ssl/private/', '/']),
	projectDir: fc.oneof(withPrefix(['/', '/opt/', '/srv/a b/']), fc.constantFrom('/opt/deskpro', '/srv/dp+1/x=y')),
	logsDir: withPrefix(['/var/log/', '/']),
	dbHost: withPrefix(['', 'db.', '10.']),
	dbName: withPrefix(['', 'deskpro', 'dp_']),
	dbUser: withPrefix(['', 'dp']),
	dbUpgradeUser: withPrefix(['', 'up']),
	dbClientHost: withPrefix(['', 'app.', '10.']),
	esUrl: fc.oneof(withPrefix(['https://', 'https://search.example.com:9200', 'http://a.b', 'https://u:p@']), fc.constantFrom('https://search.example.com:9200/x', 'http://[::1]:9200')),
	httpsPort: fc.oneof(fc.integer({ min: -5, max: 70000 }), hostile),
	loopbackPort: fc.oneof(fc.integer({ min: -5, max: 70000 }), hostile),
	proxyPort: fc.oneof(fc.integer({ min: -5, max: 70000 }), hostile)
};

/** The arrival path and locations that make each field land in the files. */
function dockerBase(field: string): Record<string, unknown> {
	const common = { serverNames: ['support.example.test'], dbLocation: 'external', esLocation: 'external', dbTls: true, dbHost: 'db.example.test' };
	if (field === 'tlsCertificate' || field === 'tlsKey' || field === 'publishAddress') return { ...common, arrival: 'direct' };
	if (field === 'proxyAddresses' || field === 'proxyPort') return { ...common, arrival: 'proxy-protocol', proxyAddresses: ['192.0.2.10'], publishAddress: '0.0.0.0' };
	return { ...common, arrival: 'proxy', runMode: field === 'dbName' ? 'compose' : 'run', ...(field === 'dbName' ? { dbLocation: 'compose', esLocation: 'compose' } : {}) };
}

serverDescribe(['bash', 'shellcheck', 'python3', 'nft'], 'hostile Docker inputs: refused with a message, or inert in every generated Docker file', () => {
	const DOCKER_RUNS = Math.min(RUNS, 200);
	let dir = '';
	const accepted: { i: number; field: string; value: unknown; env: DockerEnv; files: Map<string, string> }[] = [];
	let refused = 0;

	beforeAll(() => {
		dir = tempDir('props-docker');
		const caseArb = fc.oneof(...Object.entries(DOCKER_ARBS).map(([field, arb]) => arb.map((value) => ({ field, value }))));
		fc.assert(
			fc.property(caseArb, (c) => {
				const answers = { ...dockerBase(c.field), [c.field]: c.value };
				const plan = dockerPlan(answers);
				const d = derivePlan(plan);
				if (!d.docker) {
					const step = d.practices.find((p) => p.practice.id === DOCKER_ENV_STEP_ID)!;
					const messages = Object.values({ ...d.about.errors, ...step.checked.errors });
					expect(messages.length, JSON.stringify(c)).toBeGreaterThan(0);
					for (const m of messages) expect(m.trim().length).toBeGreaterThan(5);
					refused++;
					return;
				}
				// every generator accepts what the validators accepted (escapers never throw)
				const files = new Map(outputsFor(plan, d).map((o) => [o.filename, o.text]));
				expect(files.has('docker-compose.yml') || files.has('deskpro-docker-run.sh')).toBe(true);
				expect(files.has('deskpro-audit.sh')).toBe(true);
				accepted.push({ i: accepted.length, field: c.field, value: c.value, env: d.docker, files });
			}),
			{ numRuns: DOCKER_RUNS, seed: SEED }
		);
		console.info(`Docker property tests: ${refused} refused with a message, ${accepted.length} accepted and checked`);
	});
	afterAll(() => removeDir(dir));

	it('refuses most hostile values and accepts some', () => {
		expect(refused).toBeGreaterThan(DOCKER_RUNS / 10);
		expect(accepted.length).toBeGreaterThan(DOCKER_RUNS / 10);
	});

	it('bash scripts (secrets, run, database, audit): bash -n, shellcheck, and the docker run arguments read back exactly', SLOW, async () => {
		const d = join(dir, 'sh');
		mkdirSync(d);
		const check: string[] = [];
		const runs: { a: (typeof accepted)[number]; f: string }[] = [];
		for (const a of accepted) {
			for (const [name, text] of a.files) {
				if (!name.endsWith('.sh')) continue;
				const f = join(d, `c${a.i}-${name}`);
				writeFileSync(f, text);
				const n = await run(bin('bash'), ['-n', f]);
				expect(n.code, `${name} ${JSON.stringify(a.value)}\n${n.stderr}`).toBe(0);
				if (name === 'deskpro-audit.sh') continue; // its library is shellchecked in tests/unit
				check.push(f);
				if (name === 'deskpro-docker-run.sh') runs.push({ a, f });
			}
		}
		for (let i = 0; i < check.length; i += 40) {
			const sc = await run(bin('shellcheck'), ['-s', 'bash', ...check.slice(i, i + 40)], { timeout: 120_000 });
			expect(sc.stdout + sc.stderr).toBe('');
		}
		// docker replaced by a function that prints its arguments: what docker would receive
		const reader = join(d, 'read.sh');
		writeFileSync(reader, ['for f in "$@"; do', "	( docker() { printf '%s\\0' \"$@\"; printf '\\035'; }; . \"$f\" )", "	printf '\\036'", 'done', ''].join('\n'));
		const back = await run(bin('bash'), [reader, ...runs.map((r) => r.f)], { timeout: 120_000 });
		expect(back.code, back.stderr).toBe(0);
		const scripts = back.stdout.split('\x1e');
		runs.forEach(({ a }, i) => {
			const calls = scripts[i]!.split('\x1d').slice(0, -1).map((g) => g.split('\0').slice(0, -1));
			const web = calls.find((c) => c[0] === 'run' && c.includes(CONTAINERS.web))!;
			expect(web, JSON.stringify(a.value)).toBeDefined();
			expect(web.at(-2)).toBe(a.env.image);
			const vols = web.flatMap((x, j) => (x === '-v' ? [web[j + 1]!] : []));
			expect(vols).toEqual([
				...Object.values(secretFiles(a.env, 'web')).map((s) => `${a.env.projectDir}/secrets/${s}:/run/secrets/${s}:ro`),
				...deskproMounts(a.env).map((m) => `${m.source}:${m.target}${m.readOnly ? ':ro' : ''}`)
			]);
			expect(web.flatMap((x, j) => (x === '-p' ? [web[j + 1]!] : []))).toEqual(a.env.published.map((p) => `${p.hostIp}:${p.hostPort}:${p.container}`));
			expect(web[web.indexOf('--env-file') + 1]).toBe(`${a.env.projectDir}/config.env`);
		});
	});

	it('docker-compose.yml and config.env: YAML and env-file readers get back exactly the planned image, ports, mounts and values', SLOW, async () => {
		const d = join(dir, 'yml');
		mkdirSync(d);
		const cases = accepted.filter((a) => a.files.has('docker-compose.yml'));
		const list: string[] = [];
		for (const a of accepted) {
			const y = join(d, `c${a.i}.yml`);
			const e = join(d, `c${a.i}.env`);
			writeFileSync(y, a.files.get('docker-compose.yml') ?? composeFile(a.env));
			writeFileSync(e, a.files.get('config.env') ?? configEnv(a.env));
			list.push(y, e);
		}
		// Docker's env-file rule: KEY=VALUE per line, the value taken literally to the line end
		const py = [
			'import sys, json, yaml',
			'out = []',
			'args = sys.argv[1:]',
			'for i in range(0, len(args), 2):',
			'    c = yaml.safe_load(open(args[i], encoding="utf-8"))',
			'    web = c["services"]["web"]',
			'    env = {}',
			'    for line in open(args[i + 1], encoding="utf-8").read().split("\\n"):',
			'        if line and not line.startswith("#"):',
			'            k, _, v = line.partition("=")',
			'            env[k] = v',
			'    out.append({"image": web["image"], "ports": web.get("ports", []), "volumes": web.get("volumes", []), "secrets": sorted(c.get("secrets", {}).items()), "env": env})',
			'print(json.dumps(out))'
		].join('\n');
		writeFileSync(join(d, 'read.py'), py);
		const back = await run(bin('python3'), [join(d, 'read.py'), ...list], { timeout: 120_000 });
		expect(back.code, back.stderr).toBe(0);
		const got = JSON.parse(back.stdout) as { image: string; ports: string[]; volumes: string[]; secrets: [string, { file: string }][]; env: Record<string, string> }[];
		expect(cases.length + accepted.length).toBeGreaterThan(0);
		accepted.forEach((a, i) => {
			const g = got[i]!;
			const why = JSON.stringify({ field: a.field, value: a.value });
			expect(g.image, why).toBe(a.env.image);
			expect(g.ports, why).toEqual(a.env.published.map((p) => `${p.hostIp}:${p.hostPort}:${p.container}`));
			expect(g.volumes, why).toEqual(deskproMounts(a.env).map((m) => `${m.source}:${m.target}${m.readOnly ? ':ro' : ''}`));
			expect(Object.fromEntries(g.secrets.map(([k, v]) => [k, v.file])), why).toEqual(Object.fromEntries(a.env.secrets.map((s) => [s, `${a.env.projectDir}/secrets/${s}`])));
			expect(Object.entries(g.env).filter(([k]) => !k.endsWith('_FILE')), why).toEqual(configValues(a.env));
		});
	});

	it('nftables: nft -c accepts every generated table', SLOW, async () => {
		const d = join(dir, 'nft');
		mkdirSync(d);
		const files: string[] = [];
		for (const a of accepted) {
			const t = a.files.get('deskpro-docker.nft');
			if (!t) continue;
			const f = join(d, `c${a.i}.nft`);
			writeFileSync(f, t);
			files.push(f);
		}
		expect(files.length).toBeGreaterThan(0);
		const r = await run(bin('bash'), ['-c', 'for f in "$@"; do nft -c -f "$f" || { echo "FAILED $f" >&2; exit 1; }; done', 'nft-check', ...files], { timeout: 120_000 });
		expect(r.code, r.stderr).toBe(0);
	});
});
