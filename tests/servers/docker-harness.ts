/**
 * A private Docker for tests: a network namespace made for the test (loopback only, plus the
 * veth links a test adds), a dockerd started inside it with its own --data-root, --exec-root,
 * unix socket and pid file (vfs storage), and a small stand-in image built locally with
 * `docker import` (no registry): busybox-static's httpd with a CGI that reports the client
 * address, the request path and every header it received.
 *
 * dockerd runs in the namespace through `nsenter --net` (not `ip netns exec`, which remounts
 * /sys and hides the cgroup mounts dockerd needs), so its bridge, its iptables rules and every
 * published port live in the test's namespace: nothing touches the machine's own network.
 * Docker's bridge and address pools use 198.18.0.0/15 (reserved for benchmarking), inside the
 * namespace only.
 */
import { mkdirSync, writeFileSync, chmodSync, symlinkSync, copyFileSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { bin, removeDir, run, tempDir, waitFor, type RunResult } from './harness';

export interface Netns {
	name: string;
	path: string;
	/** Runs a program inside the namespace (no shell). */
	exec(file: string, args: string[], opts?: { input?: string; env?: NodeJS.ProcessEnv; timeout?: number }): Promise<RunResult>;
	remove(): Promise<void>;
}

export async function makeNetns(label: string): Promise<Netns> {
	const name = `dphw-${label}-${randomBytes(3).toString('hex')}`;
	const ip = bin('ip');
	const r = await run(ip, ['netns', 'add', name]);
	if (r.code !== 0) throw new Error(`ip netns add: ${r.stderr}`);
	await run(ip, ['-n', name, 'link', 'set', 'lo', 'up']);
	const path = `/run/netns/${name}`;
	return {
		name,
		path,
		exec: (file, args, opts = {}) => run(bin('nsenter'), [`--net=${path}`, '--', file, ...args], opts),
		remove: async () => {
			await run(ip, ['netns', 'del', name]);
		}
	};
}

export interface PrivateDocker {
	ns: Netns;
	dir: string;
	socket: string;
	env: NodeJS.ProcessEnv;
	docker(args: string[], opts?: { input?: string; timeout?: number; cwd?: string }): Promise<RunResult>;
	compose(file: string, project: string, args: string[], opts?: { timeout?: number }): Promise<RunResult>;
	inspect(container: string): Promise<DockerInspect>;
	stop(): Promise<void>;
}

/** The parts of `docker inspect` the tests and the audit read. */
export interface DockerInspect {
	Name: string;
	Config: { Image: string; Env: string[] | null };
	HostConfig: {
		PortBindings: Record<string, { HostIp: string; HostPort: string }[] | null> | null;
		Privileged: boolean;
		CapAdd: string[] | null;
		SecurityOpt: string[] | null;
		RestartPolicy: { Name: string };
		LogConfig: { Type: string; Config: Record<string, string> };
	};
	Mounts: { Type: string; Source: string; Destination: string; RW: boolean }[];
	NetworkSettings: { Ports: Record<string, { HostIp: string; HostPort: string }[] | null> | null };
}

export async function startDocker(label: string, ns?: Netns): Promise<PrivateDocker> {
	const netns = ns ?? (await makeNetns(label));
	const dir = tempDir(`docker-${label}`);
	const socket = join(dir, 'docker.sock');
	const pidfile = join(dir, 'docker.pid');
	const log = join(dir, 'dockerd.log');
	const out = (await import('node:fs')).openSync(log, 'a');
	const child = spawn(
		bin('nsenter'),
		[
			`--net=${netns.path}`,
			'--',
			bin('dockerd'),
			'--data-root',
			join(dir, 'data'),
			'--exec-root',
			join(dir, 'exec'),
			'-H',
			`unix://${socket}`,
			'--pidfile',
			pidfile,
			'--storage-driver',
			'vfs',
			'--bip',
			'198.18.0.1/24',
			'--default-address-pool',
			'base=198.18.16.0/20,size=24',
			'--log-level',
			'warn'
		],
		{ stdio: ['ignore', out, out], detached: false }
	);
	const env = { ...process.env, DOCKER_HOST: `unix://${socket}`, COMPOSE_INTERACTIVE_NO_CLI: '1', DOCKER_CLI_HINTS: 'false' };
	const docker = (args: string[], opts: { input?: string; timeout?: number; cwd?: string } = {}) => run(bin('docker'), args, { env, timeout: opts.timeout ?? 60_000, input: opts.input, cwd: opts.cwd });
	try {
		await waitFor('dockerd', async () => child.exitCode === null && existsSync(socket) && (await docker(['info', '--format', '{{.ServerVersion}}'])).code === 0, 30_000);
	} catch (e) {
		child.kill();
		throw new Error(`dockerd did not start: ${(e as Error).message}\n${readFileSync(log, 'utf8').slice(-3000)}`);
	}
	return {
		ns: netns,
		dir,
		socket,
		env,
		docker,
		compose: (file, project, args, opts = {}) => run(bin('docker-compose'), ['-f', file, '-p', project, ...args], { env, timeout: opts.timeout ?? 120_000 }),
		inspect: async (container) => {
			const r = await docker(['inspect', container]);
			if (r.code !== 0) throw new Error(`docker inspect ${container}: ${r.stderr}`);
			return (JSON.parse(r.stdout) as DockerInspect[])[0]!;
		},
		stop: async () => {
			const ids = (await docker(['ps', '-aq'])).stdout.split('\n').filter(Boolean);
			if (ids.length) await docker(['rm', '-f', ...ids]);
			if (child.exitCode === null) {
				child.kill('SIGTERM');
				await waitFor('dockerd to stop', () => child.exitCode !== null || child.signalCode !== null, 20_000).catch(() => child.kill('SIGKILL'));
			}
			if (!ns) await netns.remove();
			// vfs layers are plain directories: remove them with the rest
			removeDir(dir);
		}
	};
}

/**
 * The stand-in HTTP app: answers every directory URL with what it received. Like Deskpro's
 * container it also logs each request, when /deskpro/logs is mounted, to
 * <CONTAINER_NAME>-nginx-access.log as a JSON line with request_uri and user_remote_addr; the
 * address is what Deskpro's nginx makes of it: with HTTP_USER_REAL_IP_HEADER set it trusts that
 * header from anyone (set_real_ip_from 0.0.0.0/0, deskpro/docker-product-base:
 * etc/nginx/conf.d/02-deskpro.conf.tmpl) and, without real_ip_recursive, takes its last address.
 */
const ECHO_CGI = `#!/bin/sh
printf 'Content-Type: text/plain\\r\\n\\r\\n'
echo "remote=$REMOTE_ADDR"
echo "path=$REQUEST_URI"
env | grep '^HTTP_' | sort
addr=$REMOTE_ADDR
if [ -n "$HTTP_USER_REAL_IP_HEADER" ]; then
	var=HTTP_$(echo "$HTTP_USER_REAL_IP_HEADER" | tr 'a-z-' 'A-Z_')
	val=$(env | grep "^$var=" | cut -d= -f2-)
	if [ -n "$val" ]; then addr=\${val##*,}; addr=\${addr# }; fi
fi
if [ -d /deskpro/logs ]; then
	printf '{"app":"nginx","chan":"access","request_uri":"%s","user_remote_addr":"%s"}\\n' "$REQUEST_URI" "$addr" >>"/deskpro/logs/\${CONTAINER_NAME:-web}-nginx-access.log"
fi
`;

/**
 * Builds the stand-in image (busybox-static httpd + the echo CGI) and tags it as each of `tags`
 * (e.g. the planned Deskpro image, mysql:8.0): Compose then runs it in place of images that
 * cannot be pulled here. Whatever command Compose passes (web, tasks) is ignored.
 */
export async function buildStandIn(d: PrivateDocker, tags: string[]): Promise<void> {
	const root = join(d.dir, 'rootfs');
	mkdirSync(join(root, 'bin'), { recursive: true });
	mkdirSync(join(root, 'www', 'cgi-bin'), { recursive: true });
	mkdirSync(join(root, 'tmp'), { recursive: true });
	copyFileSync(bin('busybox'), join(root, 'bin', 'busybox'));
	chmodSync(join(root, 'bin', 'busybox'), 0o755);
	for (const l of ['sh', 'httpd', 'env', 'grep', 'sort', 'echo', 'cat', 'printf', 'tr', 'cut']) symlinkSync('busybox', join(root, 'bin', l));
	writeFileSync(join(root, 'www', 'cgi-bin', 'index.cgi'), ECHO_CGI, { mode: 0o755 });
	// The ports Deskpro's image listens on: 80, 443, 9080, 9443 and the status port 10001.
	writeFileSync(join(root, 'entry'), '#!/bin/sh\nfor p in 443 9080 9443 10001; do /bin/httpd -p $p -h /www; done\nexec /bin/httpd -f -p 80 -h /www\n', { mode: 0o755 });
	const tar = await run('/bin/tar', ['-C', root, '-cf', join(d.dir, 'rootfs.tar'), '.']);
	if (tar.code !== 0) throw new Error(`tar: ${tar.stderr}`);
	const [first, ...rest] = tags;
	const imp = await d.docker(['import', '-c', 'ENTRYPOINT ["/bin/sh","/entry"]', join(d.dir, 'rootfs.tar'), first!]);
	if (imp.code !== 0) throw new Error(`docker import: ${imp.stderr}`);
	for (const t of rest) {
		const r = await d.docker(['tag', first!, t]);
		if (r.code !== 0) throw new Error(`docker tag: ${r.stderr}`);
	}
}

/** A daemon (nginx, Apache) started inside the namespace with its own start and stop commands. */
export interface NsDaemon {
	stop(): Promise<void>;
	errorLog(): string;
}

export async function startNginxIn(ns: Netns, prefix: string, conf: string): Promise<NsDaemon> {
	const args = ['-c', conf, '-p', prefix, '-e', join(prefix, 'error.log')];
	const t = await ns.exec(bin('nginx'), ['-t', '-q', ...args]);
	if (t.code !== 0) throw new Error(`nginx -t failed:\n${t.stderr}`);
	const r = await ns.exec(bin('nginx'), args);
	if (r.code !== 0) throw new Error(`nginx failed to start:\n${r.stderr}`);
	const pid = join(prefix, 'nginx.pid');
	await waitFor('nginx pid', () => existsSync(pid));
	return {
		errorLog: () => (existsSync(join(prefix, 'error.log')) ? readFileSync(join(prefix, 'error.log'), 'utf8') : ''),
		stop: async () => {
			await ns.exec(bin('nginx'), [...args, '-s', 'quit']);
			await waitFor('nginx to stop', () => !existsSync(pid), 10_000).catch(() => undefined);
		}
	};
}

export async function startApacheIn(ns: Netns, prefix: string, conf: string): Promise<NsDaemon> {
	const t = await ns.exec(bin('apache2'), ['-t', '-f', conf]);
	if (t.code !== 0) throw new Error(`apache2 -t failed:\n${t.stderr}`);
	const r = await ns.exec(bin('apache2'), ['-f', conf, '-k', 'start']);
	if (r.code !== 0) throw new Error(`apache2 failed to start:\n${r.stderr}`);
	const pid = join(prefix, 'apache.pid');
	await waitFor('apache pid', () => existsSync(pid));
	return {
		errorLog: () => (existsSync(join(prefix, 'error.log')) ? readFileSync(join(prefix, 'error.log'), 'utf8') : ''),
		stop: async () => {
			await ns.exec(bin('apache2'), ['-f', conf, '-k', 'stop']);
			await waitFor('apache to stop', () => !existsSync(pid), 10_000).catch(() => undefined);
		}
	};
}

export interface NsAnswer {
	status: number;
	headers: string;
	body: string;
}

/** One curl request from inside the namespace; `host` resolves to `to` (default 127.0.0.1). Status 0: no answer. */
export async function nsCurl(ns: Netns, url: string, opts: { from?: string; headers?: Record<string, string>; to?: string; maxTime?: number; extra?: string[] } = {}): Promise<NsAnswer> {
	const u = new URL(url);
	const port = u.port || (u.protocol === 'https:' ? '443' : '80');
	const args = ['-sk', '--noproxy', '*', '--max-time', String(opts.maxTime ?? 10), '--path-as-is', '-D', '-', '-o', '-', '-w', '\n%{http_code}'];
	if (!/^[0-9.]+$/.test(u.hostname)) args.push('--resolve', `${u.hostname}:${port}:${opts.to ?? '127.0.0.1'}`);
	if (opts.from) args.push('--interface', opts.from);
	for (const [k, v] of Object.entries(opts.headers ?? {})) args.push('-H', `${k}: ${v}`);
	args.push(...(opts.extra ?? []), url);
	const r = await ns.exec(bin('curl'), args, { timeout: (opts.maxTime ?? 10) * 1000 + 5000 });
	const out = r.stdout;
	const nl = out.lastIndexOf('\n');
	const status = r.code === 0 ? Number(out.slice(nl + 1)) : 0;
	const rest = out.slice(0, Math.max(nl, 0));
	const split = rest.indexOf('\r\n\r\n');
	return { status, headers: split >= 0 ? rest.slice(0, split) : '', body: split >= 0 ? rest.slice(split + 4) : rest };
}

/** Parses the stand-in's answer. */
export function echoed(body: string): { remote: string; path: string; headers: Record<string, string> } {
	const headers: Record<string, string> = {};
	let remote = '';
	let path = '';
	for (const line of body.split('\n')) {
		if (line.startsWith('remote=')) remote = line.slice(7).replace(/^\[::ffff:(.*)\]$/, '$1');
		else if (line.startsWith('path=')) path = line.slice(5);
		else if (line.startsWith('HTTP_')) {
			const i = line.indexOf('=');
			headers[line.slice(5, i)] = line.slice(i + 1);
		}
	}
	return { remote, path, headers };
}

/**
 * Starts the web and tasks containers of a plan the way an admin would with plain docker run:
 * the generated secrets script, config.env and run script (external database and search).
 */
export async function startPlanned(d: PrivateDocker, env: import('$lib/practices/_docker-env').DockerEnv, scratch: string): Promise<void> {
	const { configEnv, runScript, secretsScript } = await import('$lib/generators/docker-compose');
	mkdirSync(env.projectDir, { recursive: true });
	writeFileSync(join(env.projectDir, 'config.env'), configEnv(env));
	writeFileSync(join(scratch, 'secrets.sh'), secretsScript(env));
	const s = await run(bin('bash'), [join(scratch, 'secrets.sh')]);
	if (s.code !== 0) throw new Error(`secrets script: ${s.stderr}`);
	writeFileSync(join(scratch, 'run.sh'), runScript(env));
	const r = await run(bin('bash'), [join(scratch, 'run.sh')], { env: d.env, timeout: 120_000 });
	if (r.code !== 0) throw new Error(`run script: ${r.stderr}`);
}
