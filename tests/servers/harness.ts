/**
 * Real servers for tests: nginx, php-fpm, Apache and MariaDB started on 127.0.0.1 with private
 * prefixes (config, pid, logs, sockets, data under a temporary directory) and ports the OS
 * hands out, so several test runs on the same machine never collide.
 *
 * Binary detection: `serverDescribe(['nginx', 'php-fpm'], ...)` runs the suite when every
 * binary is present. When one is missing it prints a loud SKIPPED line and skips — unless
 * REQUIRE_SERVERS=1 (CI), where the suite fails instead.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, writeFileSync, chmodSync, rmSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'vitest';

/* ------------------------------------------------------------------ binaries */

const CANDIDATES: Record<string, string[]> = {
	nginx: ['/usr/sbin/nginx'],
	'php-fpm': ['/usr/sbin/php-fpm8.2', '/usr/sbin/php-fpm8.3', '/usr/sbin/php-fpm8.4', '/usr/sbin/php-fpm8.1', '/usr/sbin/php-fpm'],
	php: ['/usr/bin/php'],
	apache2: ['/usr/sbin/apache2'],
	mariadbd: ['/usr/sbin/mariadbd'],
	'mariadb-install-db': ['/usr/bin/mariadb-install-db'],
	mariadb: ['/usr/bin/mariadb'],
	'mariadb-admin': ['/usr/bin/mariadb-admin'],
	curl: ['/usr/bin/curl'],
	shellcheck: ['/usr/bin/shellcheck'],
	xmllint: ['/usr/bin/xmllint'],
	openssl: ['/usr/bin/openssl'],
	bash: ['/bin/bash', '/usr/bin/bash'],
	useradd: ['/usr/sbin/useradd'],
	dockerd: ['/usr/sbin/dockerd', '/usr/bin/dockerd'],
	docker: ['/usr/bin/docker', '/usr/local/bin/docker'],
	'docker-compose': ['/usr/bin/docker-compose'],
	busybox: ['/bin/busybox', '/usr/bin/busybox'],
	nft: ['/usr/sbin/nft'],
	iptables: ['/usr/sbin/iptables'],
	ip: ['/usr/sbin/ip', '/sbin/ip', '/bin/ip'],
	nsenter: ['/usr/bin/nsenter'],
	userdel: ['/usr/sbin/userdel'],
	python3: ['/usr/bin/python3']
};
export type BinaryName = keyof typeof CANDIDATES;

/** Absolute path of a binary, or null when it is not installed. */
export function findBinary(name: BinaryName): string | null {
	for (const p of CANDIDATES[name] ?? []) if (existsSync(p)) return p;
	return null;
}

export function bin(name: BinaryName): string {
	const p = findBinary(name);
	if (!p) throw new Error(`${name} is not installed`);
	return p;
}

export const serversRequired = process.env.REQUIRE_SERVERS === '1';

/**
 * `describe` that needs real binaries (and, with `root: true`, root privileges for useradd/chown).
 * Missing → loud skip, or a failing test under REQUIRE_SERVERS=1.
 */
export function serverDescribe(needs: BinaryName[], name: string, fn: () => void, opts: { root?: boolean } = {}): void {
	const missing: string[] = needs.filter((b) => findBinary(b) === null);
	if (opts.root && process.getuid?.() !== 0) missing.push('root privileges');
	if (missing.length === 0) {
		describe(name, fn);
		return;
	}
	if (serversRequired) {
		describe(name, () => {
			it('has the real servers it needs', () => {
				throw new Error(`REQUIRE_SERVERS=1 but missing: ${missing.join(', ')}`);
			});
		});
		return;
	}
	// Only here: a binary is missing and REQUIRE_SERVERS is unset (CI sets it, so CI fails instead).
	const why = `missing ${missing.join(', ')}; set REQUIRE_SERVERS=1 to make this a failure`;
	console.warn(`\n*** SKIPPED "${name}": ${why} ***\n`);
	describe.skip(`${name} (SKIPPED: ${why})`, fn);
}

/* ------------------------------------------------------------------ processes */

export interface RunResult {
	code: number;
	stdout: string;
	stderr: string;
}

/** Runs a program (no shell) and resolves with its exit code and output. */
export function run(file: string, args: string[], opts: { input?: string; cwd?: string; env?: NodeJS.ProcessEnv; timeout?: number } = {}): Promise<RunResult> {
	return new Promise((resolve, reject) => {
		const child = execFile(
			file,
			args,
			{ cwd: opts.cwd, env: opts.env ?? process.env, timeout: opts.timeout ?? 30_000, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' },
			(err, stdout, stderr) => {
				if (err && typeof (err as { code?: unknown }).code !== 'number') {
					reject(new Error(`${file} ${args.join(' ')}: ${err.message}\n${stderr}`));
					return;
				}
				resolve({ code: err ? Number((err as { code?: unknown }).code) : 0, stdout, stderr });
			}
		);
		if (opts.input !== undefined) child.stdin?.end(opts.input);
	});
}

/**
 * A port free on 127.0.0.1 right now, and kept out of others' way until the server binds it.
 *
 * Not port 0: the OS hands those out of the ephemeral range (ip_local_port_range, 32768–60999
 * here), the same range every outgoing connection takes its source port from, so between the
 * moment a test picks a port and the moment Apache binds it, a curl or database connection in
 * another test file could own it (CI failed once that way: "could not bind to address
 * 127.0.0.1:44493"). The ports come from below that range, from a block of 1,000 that belongs to
 * this vitest worker (VITEST_POOL_ID), never twice in one process, and each is checked by binding.
 */
const handedOut = new Set<number>();
const PORT_BLOCK = 20_000 + ((Number(process.env.VITEST_POOL_ID ?? 0) || 0) % 12) * 1_000;

function bindable(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const s = createServer();
		s.unref();
		s.once('error', () => resolve(false));
		s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
	});
}

export async function freePort(): Promise<number> {
	for (let tries = 0; tries < 1_000; tries++) {
		const port = PORT_BLOCK + Math.floor(Math.random() * 1_000);
		if (handedOut.has(port)) continue;
		handedOut.add(port);
		if (await bindable(port)) return port;
	}
	throw new Error(`no free port in ${PORT_BLOCK}–${PORT_BLOCK + 999}`);
}

/** A private temporary directory readable by the web-server user (tests run as root). */
export function tempDir(label: string): string {
	const d = mkdtempSync(join(tmpdir(), `dphw-${label}-`));
	chmodSync(d, 0o755);
	return d;
}

export async function waitFor(what: string, test: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
	const end = Date.now() + timeoutMs;
	for (;;) {
		if (await test()) return;
		if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 25));
	}
}

function readIfExists(p: string): string {
	try {
		return readFileSync(p, 'utf8');
	} catch {
		return '';
	}
}

/* ------------------------------------------------------------------ php -S */

export interface PhpServer {
	port: number;
	stop(): void;
}

/**
 * A stand-in helpdesk: PHP's built-in server (`php -n -S`) on a free 127.0.0.1 port running
 * ROUTER (a PHP file) for every request; returns once GET / answers. EXTRA are php options
 * placed before -S (e.g. `-d expose_php=0`).
 */
export async function startPhpServer(router: string, extra: string[] = []): Promise<PhpServer> {
	const port = await freePort();
	const p = spawn(bin('php'), ['-n', ...extra, '-S', `127.0.0.1:${port}`, router], { stdio: 'ignore' });
	await waitFor(`php -S on ${port}`, async () => {
		try {
			await curl(`http://127.0.0.1:${port}/`);
			return true;
		} catch {
			return false;
		}
	});
	return { port, stop: () => p.kill() };
}

/* ------------------------------------------------------------------ php-fpm */

export interface PhpFpm {
	socket: string;
	/** For nginx `fastcgi_pass` / the generators' `phpFpm` field: `unix:/…/php-fpm.sock`. */
	address: string;
	stop(): Promise<void>;
}

/**
 * Starts a php-fpm pool as www-data on a private unix socket. `adminFlags` overrides the pool's
 * php_admin_flag lines (display_errors and expose_php are off unless given here).
 */
export async function startPhpFpm(
	prefix: string,
	user = 'www-data',
	group = 'www-data',
	opts: { adminFlags?: Record<string, 'on' | 'off'> } = {}
): Promise<PhpFpm> {
	const flags = { display_errors: 'off', expose_php: 'off', ...opts.adminFlags };
	mkdirSync(prefix, { recursive: true });
	chmodSync(prefix, 0o755);
	const socket = join(prefix, 'php-fpm.sock');
	const conf = join(prefix, 'php-fpm.conf');
	writeFileSync(
		conf,
		[
			'[global]',
			`pid = ${prefix}/php-fpm.pid`,
			`error_log = ${prefix}/php-fpm.log`,
			'daemonize = no',
			'[www]',
			`user = ${user}`,
			`group = ${group}`,
			`listen = ${socket}`,
			`listen.owner = ${user}`,
			`listen.group = ${group}`,
			'listen.mode = 0660',
			'pm = static',
			'pm.max_children = 2',
			'security.limit_extensions = .php',
			...Object.entries(flags).map(([k, v]) => `php_admin_flag[${k}] = ${v}`),
			'catch_workers_output = yes',
			''
		].join('\n')
	);
	const fpm = bin('php-fpm');
	const t = await run(fpm, ['-t', '-y', conf]);
	if (t.code !== 0) throw new Error(`php-fpm -t failed: ${t.stderr}`);
	const child: ChildProcess = spawn(fpm, ['-F', '-y', conf], { stdio: 'ignore' });
	let exited = false;
	child.on('exit', () => (exited = true));
	await waitFor('php-fpm socket', () => {
		if (exited) throw new Error(`php-fpm exited: ${readIfExists(join(prefix, 'php-fpm.log'))}`);
		return existsSync(socket);
	});
	return {
		socket,
		address: `unix:${socket}`,
		async stop() {
			if (exited) return;
			const done = new Promise<void>((r) => child.once('exit', () => r()));
			child.kill('SIGQUIT');
			await Promise.race([done, new Promise((r) => setTimeout(r, 5000))]);
			if (!exited) child.kill('SIGKILL');
		}
	};
}

/* ------------------------------------------------------------------ nginx */

/**
 * The main nginx.conf around one or more generated server blocks, every path inside `prefix`.
 * `include` is the path of the generated file(s).
 */
export function nginxMainConf(prefix: string, includes: string[]): string {
	return [
		'user www-data;',
		'worker_processes 1;',
		`pid ${prefix}/nginx.pid;`,
		`error_log ${prefix}/error.log warn;`,
		'events { worker_connections 64; }',
		'http {',
		'  include /etc/nginx/mime.types;',
		'  default_type application/octet-stream;',
		'  access_log off;',
		`  client_body_temp_path ${prefix}/client_body;`,
		`  proxy_temp_path ${prefix}/proxy;`,
		`  fastcgi_temp_path ${prefix}/fastcgi;`,
		`  uwsgi_temp_path ${prefix}/uwsgi;`,
		`  scgi_temp_path ${prefix}/scgi;`,
		...includes.map((i) => `  include ${i};`),
		'}',
		''
	].join('\n');
}

/** `nginx -t` on a main config: resolves with the exit code and messages. */
export function nginxTest(prefix: string, conf: string): Promise<RunResult> {
	return run(bin('nginx'), ['-t', '-q', '-c', conf, '-p', prefix, '-e', join(prefix, 'error.log')]);
}

export interface Nginx {
	stop(): Promise<void>;
	errorLog(): string;
}

export async function startNginx(prefix: string, conf: string): Promise<Nginx> {
	const args = ['-c', conf, '-p', prefix, '-e', join(prefix, 'error.log')];
	const t = await nginxTest(prefix, conf);
	if (t.code !== 0) throw new Error(`nginx -t failed:\n${t.stderr}`);
	const r = await run(bin('nginx'), args);
	if (r.code !== 0) throw new Error(`nginx failed to start:\n${r.stderr}`);
	const pidFile = join(prefix, 'nginx.pid');
	await waitFor('nginx pid', () => existsSync(pidFile));
	return {
		errorLog: () => readIfExists(join(prefix, 'error.log')),
		async stop() {
			await run(bin('nginx'), [...args, '-s', 'quit']);
			await waitFor('nginx to stop', () => !existsSync(pidFile), 10_000).catch(() => undefined);
		}
	};
}

/* ------------------------------------------------------------------ Apache */

const APACHE_MODULES = [
	'mpm_event',
	'authz_core',
	'authz_host',
	'dir',
	'mime',
	'alias',
	'proxy',
	'proxy_fcgi',
	'proxy_http',
	'rewrite',
	'headers',
	'remoteip',
	'setenvif',
	'socache_shmcb',
	'ssl'
];

/** A private main apache2.conf that listens on the given ports and includes generated vhosts. */
export function apacheMainConf(prefix: string, listen: string[], includes: string[]): string {
	mkdirSync(prefix, { recursive: true });
	return [
		`ServerRoot "${prefix}"`,
		`PidFile "${prefix}/apache.pid"`,
		`DefaultRuntimeDir "${prefix}"`,
		`Mutex file:${prefix} default`,
		`ErrorLog "${prefix}/error.log"`,
		'LogLevel warn',
		'User www-data',
		'Group www-data',
		'ServerName localhost',
		'TypesConfig /etc/mime.types',
		...APACHE_MODULES.map((m) => `LoadModule ${m}_module /usr/lib/apache2/modules/mod_${m}.so`),
		'StartServers 1',
		'ServerLimit 1',
		'ThreadsPerChild 8',
		'MaxRequestWorkers 8',
		'<Directory />',
		'  AllowOverride None',
		'  Require all denied',
		'</Directory>',
		...listen.map((l) => `Listen ${l}`),
		...includes.map((i) => `Include "${i}"`),
		''
	].join('\n');
}

export function apacheTest(conf: string): Promise<RunResult> {
	return run(bin('apache2'), ['-t', '-f', conf]);
}

export interface Apache {
	stop(): Promise<void>;
	errorLog(): string;
}

export async function startApache(prefix: string, conf: string): Promise<Apache> {
	const t = await apacheTest(conf);
	if (t.code !== 0) throw new Error(`apache2 -t failed:\n${t.stderr}`);
	const r = await run(bin('apache2'), ['-f', conf, '-k', 'start']);
	if (r.code !== 0) throw new Error(`apache2 failed to start:\n${r.stderr}\n${readIfExists(join(prefix, 'error.log'))}`);
	const pidFile = join(prefix, 'apache.pid');
	await waitFor('apache pid', () => existsSync(pidFile));
	return {
		errorLog: () => readIfExists(join(prefix, 'error.log')),
		async stop() {
			await run(bin('apache2'), ['-f', conf, '-k', 'stop']);
			await waitFor('apache to stop', () => !existsSync(pidFile), 10_000).catch(() => undefined);
		}
	};
}

/* ------------------------------------------------------------------ TLS */

/** A throw-away self-signed certificate (EC P-256, fast to make). */
export async function selfSignedCert(dir: string, cn = 'support.example.test'): Promise<{ cert: string; key: string }> {
	const cert = join(dir, 'cert.pem');
	const key = join(dir, 'key.pem');
	const r = await run(bin('openssl'), [
		'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2',
		'-subj', `/CN=${cn}`, '-keyout', key, '-out', cert
	]);
	if (r.code !== 0) throw new Error(`openssl failed: ${r.stderr}`);
	return { cert, key };
}

/* ------------------------------------------------------------------ HTTP client */

export interface HttpAnswer {
	status: number;
	body: string;
	headers: string;
}

/**
 * One request with curl (so the source address can be chosen with --interface).
 * `url` is https://host:port/path; the host is resolved to 127.0.0.1.
 */
export async function curl(url: string, opts: { from?: string; headers?: Record<string, string> } = {}): Promise<HttpAnswer> {
	const u = new URL(url);
	const port = u.port || (u.protocol === 'https:' ? '443' : '80');
	const args = ['-sk', '--max-time', '10', '--path-as-is', '--resolve', `${u.hostname}:${port}:127.0.0.1`, '-D', '-', '-o', '-', '-w', '\n%{http_code}'];
	if (opts.from) args.push('--interface', opts.from);
	for (const [k, v] of Object.entries(opts.headers ?? {})) args.push('-H', `${k}: ${v}`);
	args.push(url);
	const r = await run(bin('curl'), args);
	if (r.code !== 0) throw new Error(`curl ${url} failed (${r.code}): ${r.stderr}`);
	const out = r.stdout;
	const nl = out.lastIndexOf('\n');
	const status = Number(out.slice(nl + 1));
	const rest = out.slice(0, nl);
	const split = rest.indexOf('\r\n\r\n');
	return { status, headers: split >= 0 ? rest.slice(0, split) : '', body: split >= 0 ? rest.slice(split + 4) : rest };
}

/* ------------------------------------------------------------------ MariaDB */

export interface MariaDb {
	socket: string;
	port: number;
	/** Runs SQL as root over the socket. */
	rootSql(sql: string): Promise<RunResult>;
	/** Runs SQL as a user over TCP 127.0.0.1 (password through MYSQL_PWD, never argv). */
	userSql(user: string, password: string, sql: string, database?: string): Promise<RunResult>;
	stop(): Promise<void>;
}

export async function startMariaDb(prefix: string): Promise<MariaDb> {
	mkdirSync(prefix, { recursive: true });
	const datadir = join(prefix, 'data');
	const socket = join(prefix, 'mysqld.sock');
	const port = await freePort();
	// A private tmpdir: concurrent installs sharing /tmp have collided on their temporary tables.
	const tmp = join(prefix, 'tmp');
	mkdirSync(tmp, { recursive: true });
	const inst = await run(bin('mariadb-install-db'), [
		'--no-defaults', '--user=root', `--datadir=${datadir}`, `--tmpdir=${tmp}`, '--auth-root-authentication-method=socket', '--skip-test-db'
	], { timeout: 60_000 });
	if (inst.code !== 0) throw new Error(`mariadb-install-db failed: ${inst.stderr}`);
	const child = spawn(
		bin('mariadbd'),
		[
			'--no-defaults', '--user=root', `--datadir=${datadir}`, `--tmpdir=${tmp}`, `--socket=${socket}`, `--port=${port}`, '--bind-address=127.0.0.1',
			`--pid-file=${prefix}/mariadb.pid`, `--log-error=${prefix}/mariadb.err`, '--innodb-buffer-pool-size=64M', '--skip-name-resolve',
			'--innodb-log-file-size=8M', '--skip-log-bin'
		],
		{ stdio: 'ignore' }
	);
	let exited = false;
	child.on('exit', () => (exited = true));
	const admin = bin('mariadb-admin');
	await waitFor('mariadb', async () => {
		if (exited) throw new Error(`mariadbd exited: ${readIfExists(join(prefix, 'mariadb.err'))}`);
		return (await run(admin, ['--no-defaults', `--socket=${socket}`, '-uroot', 'ping'])).code === 0;
	}, 30_000);
	const client = bin('mariadb');
	return {
		socket,
		port,
		rootSql: (sql) => run(client, ['--no-defaults', `--socket=${socket}`, '-uroot', '--batch', '--raw', '--skip-column-names'], { input: sql }),
		userSql: (user, password, sql, database) =>
			run(
				client,
				['--no-defaults', '--protocol=TCP', '-h127.0.0.1', `-P${port}`, `-u${user}`, '--batch', '--raw', '--skip-column-names', ...(database ? [database] : [])],
				{ input: sql, env: { ...process.env, MYSQL_PWD: password } }
			),
		async stop() {
			if (exited) return;
			const done = new Promise<void>((r) => child.once('exit', () => r()));
			await run(admin, ['--no-defaults', `--socket=${socket}`, '-uroot', 'shutdown']);
			await Promise.race([done, new Promise((r) => setTimeout(r, 10_000))]);
			if (!exited) child.kill('SIGKILL');
		}
	};
}

export function removeDir(d: string): void {
	rmSync(d, { recursive: true, force: true });
}
