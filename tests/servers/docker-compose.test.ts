/**
 * The generated Compose project and docker run script on a real dockerd (private, in a network
 * namespace made for the test) with Debian's docker-compose: `config` accepts the file, `up`
 * starts it with the stand-in image in place of Deskpro's, MySQL's and Elasticsearch's, and
 * `docker inspect` shows exactly the planned ports, bind addresses, env, secrets and mounts.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bin, freePort, run, serverDescribe, tempDir, removeDir } from './harness';
import { buildStandIn, echoed, startDocker, type DockerInspect, type PrivateDocker } from './docker-harness';
import { dockerEnv } from './docker-env';
import { composeFile, configEnv, CONTAINERS, ELASTIC_IMAGE, MYSQL_IMAGE, runScript, secretsScript } from '$lib/generators/docker-compose';
import { MUST_BE_OFF, NEVER_PUBLISHED } from '$lib/deskpro/docker';
import type { DockerEnv } from '$lib/practices/_docker-env';

const SECRETS_WEB = ['DESKPRO_APP_KEY', 'DESKPRO_DB_PASS', 'DESKPRO_ES_URL'];
const SECRET_VALUES = ['DESKPRO_APP_KEY', 'DESKPRO_DB_PASS', 'DESKPRO_DB_UPGRADE_PASS', 'MYSQL_ROOT_PASSWORD', 'ELASTIC_PASSWORD', 'DESKPRO_ES_URL'];

function envMap(i: DockerInspect): Map<string, string> {
	return new Map((i.Config.Env ?? []).map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]));
}

/** What every Deskpro container must show, whatever created it. */
function expectHardened(i: DockerInspect, env: DockerEnv, service: 'web' | 'tasks') {
	const e = envMap(i);
	expect(i.Config.Image).toBe(env.image);
	expect(i.HostConfig.Privileged).toBe(false);
	expect(i.HostConfig.CapAdd ?? []).toEqual([]);
	expect(i.HostConfig.SecurityOpt).toContain('no-new-privileges:true');
	expect(i.HostConfig.RestartPolicy.Name).toBe('unless-stopped');
	expect(i.HostConfig.LogConfig.Type).toBe('json-file');
	for (const f of MUST_BE_OFF) expect(e.get(f.value)).toBe('false');
	expect(e.get('HTTP_USE_TESTING_CERTIFICATE')).toBe('false');
	// no secret as a value: only *_FILE pointers to mounted, read-only files
	for (const s of ['DESKPRO_APP_KEY', 'DESKPRO_DB_PASS', 'DESKPRO_ES_URL']) {
		expect(e.has(s), `${s} must not be a plain variable`).toBe(false);
		const file = e.get(`${s}_FILE`)!;
		expect(file).toMatch(/^\/run\/secrets\/[A-Z_]+$/);
		const m = i.Mounts.find((x) => x.Destination === file);
		expect(m, `${file} mounted`).toBeDefined();
		expect(m!.RW).toBe(false);
		expect(m!.Source).toBe(`${env.projectDir}/secrets/${file.slice('/run/secrets/'.length)}`);
	}
	expect(e.get('DESKPRO_DB_PASS_FILE')).toBe(service === 'web' ? '/run/secrets/DESKPRO_DB_PASS' : '/run/secrets/DESKPRO_DB_UPGRADE_PASS');
	expect(e.get('DESKPRO_DB_USER')).toBe(service === 'web' ? env.dbUser : env.dbUpgradeUser);
	const logs = i.Mounts.find((x) => x.Destination === '/deskpro/logs');
	expect(logs?.Source).toBe(env.logsDir);
}

function publishedOf(i: DockerInspect): string[] {
	return Object.entries(i.HostConfig.PortBindings ?? {}).flatMap(([port, bs]) => (bs ?? []).map((b) => `${b.HostIp}:${b.HostPort}->${port}`));
}

serverDescribe(['dockerd', 'docker', 'docker-compose', 'busybox', 'nsenter', 'ip', 'openssl', 'curl', 'bash'], 'Docker: the generated Compose project on a real dockerd', () => {
	let d: PrivateDocker;
	let dir = '';
	let env: DockerEnv;
	let file = '';
	const t0 = Date.now();

	beforeAll(async () => {
		dir = tempDir('docker-compose');
		const port = await freePort();
		env = dockerEnv({
			arrival: 'proxy',
			loopbackPort: port,
			projectDir: join(dir, 'project'),
			logsDir: join(dir, 'logs'),
			serverNames: ['support.example.test'],
			adminCidrs: ['127.0.0.1/32']
		});
		d = await startDocker('compose');
		await buildStandIn(d, [env.image, MYSQL_IMAGE, ELASTIC_IMAGE]);
		mkdirSync(env.projectDir, { recursive: true });
		file = join(env.projectDir, 'docker-compose.yml');
		writeFileSync(file, composeFile(env));
		writeFileSync(join(env.projectDir, 'config.env'), configEnv(env));
		writeFileSync(join(dir, 'secrets.sh'), secretsScript(env));
		const s = await run(bin('bash'), [join(dir, 'secrets.sh')]);
		expect(s.code, s.stderr).toBe(0);
	}, 120_000);

	afterAll(async () => {
		await d?.stop();
		if (dir) removeDir(dir);
		console.log(`Docker Compose suite: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
	}, 60_000);

	it('the secrets script made every secret a root-owned 0600 file and prints none of them', async () => {
		for (const s of SECRET_VALUES) {
			const st = statSync(join(env.projectDir, 'secrets', s));
			expect(st.uid).toBe(0);
			expect(st.mode & 0o777).toBe(0o600);
		}
		expect(statSync(join(env.projectDir, 'secrets')).mode & 0o777).toBe(0o700);
		// run again: nothing is overwritten (DESKPRO_APP_KEY must never change)
		const before = (await run('/bin/cat', [join(env.projectDir, 'secrets', 'DESKPRO_APP_KEY')])).stdout;
		const again = await run(bin('bash'), [join(dir, 'secrets.sh')]);
		expect(again.stdout).toContain('kept');
		expect((await run('/bin/cat', [join(env.projectDir, 'secrets', 'DESKPRO_APP_KEY')])).stdout).toBe(before);
		expect(Buffer.from(before, 'base64')).toHaveLength(32);
	});

	it('docker-compose config accepts the generated file', async () => {
		const r = await d.compose(file, 'dphw', ['config', '-q']);
		expect(r.stderr).toBe('');
		expect(r.code).toBe(0);
	});

	it('docker-compose config: MySQL over TLS mounts the client certificate, key and CA read-only; Elasticsearch keeps authentication on', async () => {
		const tls = { ...env, dbTls: true };
		const f = join(env.projectDir, 'tls.yml');
		writeFileSync(f, composeFile(tls));
		const r = await d.compose(f, 'dphwtls', ['config']);
		expect(r.code, r.stderr).toBe(0);
		for (const x of ['client.crt', 'client.key', 'ca.pem']) {
			// once in web and once in tasks, each read-only
			const n = r.stdout.split(`${env.projectDir}/ssl/mysql/${x}:/deskpro/ssl/mysql/${x}:ro`).length - 1;
			expect(n, x).toBe(2);
		}
		expect(r.stdout).toMatch(/xpack\.security\.enabled: ['"]true['"]/);
		expect(r.stdout).toContain('ELASTIC_PASSWORD_FILE: /run/secrets/ELASTIC_PASSWORD');
	});

	it('docker-compose up starts it; docker inspect shows exactly the planned ports, env, secrets and mounts', async () => {
		const up = await d.compose(file, 'dphw', ['up', '-d', '--no-build']);
		expect(up.code, up.stderr).toBe(0);
		const web = await d.inspect(CONTAINERS.web);
		const tasks = await d.inspect(CONTAINERS.tasks);
		expect(publishedOf(web)).toEqual([`127.0.0.1:${env.loopbackPort}->80/tcp`]);
		expect(publishedOf(tasks)).toEqual([]);
		expectHardened(web, env, 'web');
		expectHardened(tasks, env, 'tasks');
		const e = envMap(web);
		expect(e.get('HTTP_USER_REAL_IP_HEADER')).toBe('X-Forwarded-For');
		for (const c of [CONTAINERS.mysql, CONTAINERS.elastic]) {
			const i = await d.inspect(c);
			expect(publishedOf(i), `${c} publishes nothing`).toEqual([]);
			expect(i.HostConfig.SecurityOpt).toContain('no-new-privileges:true');
		}
		const es = envMap(await d.inspect(CONTAINERS.elastic));
		expect(es.get('xpack.security.enabled')).toBe('true');
		expect(es.get('ELASTIC_PASSWORD_FILE')).toBe('/run/secrets/ELASTIC_PASSWORD');
		// nothing at all listens for the never-published ports on the host side
		const all = [web, tasks].flatMap(publishedOf).join(' ');
		for (const p of NEVER_PUBLISHED) expect(all).not.toContain(`->${p.value}/`);
		// the web container answers on the planned loopback port, inside the test's namespace
		const r = await d.ns.exec(bin('curl'), ['-s', '--max-time', '5', `http://127.0.0.1:${env.loopbackPort}/agent/`]);
		expect(echoed(r.stdout).path).toBe('/agent/');
		// and not on any other address of the namespace
		const other = await d.ns.exec(bin('curl'), ['-s', '--max-time', '3', `http://198.18.0.1:${env.loopbackPort}/`]);
		expect(other.code).not.toBe(0);
		const down = await d.compose(file, 'dphw', ['down']);
		expect(down.code, down.stderr).toBe(0);
	}, 180_000);

	it('the docker run script starts the same hardened containers (external database and search, MySQL over TLS)', async () => {
		const ext = dockerEnv({
			dbTls: true,
			runMode: 'run',
			arrival: 'proxy-protocol',
			publishAddress: '127.0.0.1',
			proxyPort: await freePort(),
			proxyAddresses: ['192.0.2.10'],
			dbLocation: 'external',
			esLocation: 'external',
			projectDir: env.projectDir,
			logsDir: env.logsDir,
			serverNames: ['support.example.test']
		});
		await d.docker(['tag', env.image, ext.image]);
		// the admin puts the MySQL client certificate, key and CA into the project's ssl/mysql/
		const ssl = join(ext.projectDir, 'ssl', 'mysql');
		mkdirSync(ssl, { recursive: true });
		for (const f of ['client.crt', 'client.key', 'ca.pem']) writeFileSync(join(ssl, f), `test ${f}\n`, { mode: 0o644 });
		writeFileSync(join(dir, 'secrets-tls.sh'), secretsScript(ext));
		const sec = await run(bin('bash'), [join(dir, 'secrets-tls.sh')]);
		expect(sec.code, sec.stderr).toBe(0);
		// the key is made root-owned 0600 by the secrets script
		expect(statSync(join(ssl, 'client.key')).mode & 0o777).toBe(0o600);
		writeFileSync(join(ext.projectDir, 'config.env'), configEnv(ext));
		writeFileSync(join(dir, 'run.sh'), runScript(ext));
		const r = await run(bin('bash'), [join(dir, 'run.sh')], { env: d.env, timeout: 120_000 });
		expect(r.code, r.stderr).toBe(0);
		const web = await d.inspect(CONTAINERS.web);
		expect(publishedOf(web)).toEqual([`127.0.0.1:${ext.proxyPort}->9080/tcp`]);
		expectHardened(web, ext, 'web');
		expectHardened(await d.inspect(CONTAINERS.tasks), ext, 'tasks');
		// MySQL TLS: the three files at the paths Deskpro documents, read-only, in both containers
		// (deskpro/docker-product-base: docs/how-to/enable-https.md, "MySQL TLS")
		for (const c of [CONTAINERS.web, CONTAINERS.tasks]) {
			const i = await d.inspect(c);
			for (const f of ['client.crt', 'client.key', 'ca.pem']) {
				const m = i.Mounts.find((x) => x.Destination === `/deskpro/ssl/mysql/${f}`);
				expect(m, `${c}: /deskpro/ssl/mysql/${f}`).toBeDefined();
				expect(m!.Source).toBe(join(ssl, f));
				expect(m!.RW).toBe(false);
			}
			const inside = await d.docker(['exec', c, '/bin/cat', '/deskpro/ssl/mysql/client.key']);
			expect(inside.stdout).toBe('test client.key\n');
		}
	}, 180_000);
});
