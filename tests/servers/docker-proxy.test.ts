/**
 * The generated front proxies (nginx and Apache) in front of a container of a private dockerd,
 * all inside a network namespace made for the test: staff paths refused from outside the
 * allow-list (curl --interface 127.0.0.2) and served from inside it, a spoofed X-Forwarded-For
 * replaced by the real client address, TLS and HSTS.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { apacheMainConf, nginxMainConf, removeDir, selfSignedCert, serverDescribe, tempDir } from './harness';
import { buildStandIn, echoed, nsCurl, startApacheIn, startDocker, startNginxIn, startPlanned, type NsDaemon, type PrivateDocker } from './docker-harness';
import { dockerEnv } from './docker-env';
import { apacheProxyConfig, nginxProxyConfig } from '$lib/generators/docker-proxy';
import { STAFF_PATHS } from '$lib/deskpro/docker';

const HOST = 'support.example.test';
const OUTSIDE = '127.0.0.2';

serverDescribe(['dockerd', 'docker', 'busybox', 'nsenter', 'ip', 'openssl', 'curl', 'bash', 'nginx', 'apache2'], 'Docker: the generated front proxies on real nginx and Apache', () => {
	let d: PrivateDocker;
	let dir = '';
	const daemons: NsDaemon[] = [];
	const t0 = Date.now();
	const ports = { nginx: 443, apache: 8443 };

	beforeAll(async () => {
		dir = tempDir('docker-proxy');
		const tls = await selfSignedCert(dir, HOST);
		const common = {
			runMode: 'run',
			dbLocation: 'external',
			esLocation: 'external',
			arrival: 'proxy',
			loopbackPort: 8080,
			serverNames: [HOST],
			adminCidrs: ['127.0.0.1/32', '10.0.0.0/8'],
			tlsCertificate: tls.cert,
			tlsKey: tls.key,
			projectDir: join(dir, 'project'),
			logsDir: join(dir, 'logs')
		};
		const nginxEnv = dockerEnv({ ...common, frontProxy: 'nginx', httpsPort: ports.nginx, httpPort: 80 });
		const apacheEnv = dockerEnv({ ...common, frontProxy: 'apache', httpsPort: ports.apache, httpPort: 8081 });
		d = await startDocker('proxy');
		await buildStandIn(d, [nginxEnv.image]);
		await startPlanned(d, nginxEnv, dir);
		const n = join(dir, 'nginx');
		mkdirSync(n, { recursive: true });
		writeFileSync(join(n, 'proxy.conf'), nginxProxyConfig(nginxEnv));
		writeFileSync(join(n, 'nginx.conf'), nginxMainConf(n, [join(n, 'proxy.conf')]));
		daemons.push(await startNginxIn(d.ns, n, join(n, 'nginx.conf')));
		const a = join(dir, 'apache');
		mkdirSync(a, { recursive: true });
		writeFileSync(join(a, 'proxy.conf'), apacheProxyConfig(apacheEnv));
		writeFileSync(join(a, 'apache2.conf'), apacheMainConf(a, [String(ports.apache), '8081'], [join(a, 'proxy.conf')]));
		daemons.push(await startApacheIn(d.ns, a, join(a, 'apache2.conf')));
	}, 180_000);

	afterAll(async () => {
		for (const x of daemons) await x.stop();
		await d?.stop();
		if (dir) removeDir(dir);
		console.log(`Docker front-proxy suite: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
	}, 60_000);

	for (const server of ['nginx', 'apache'] as const) {
		describe(server, () => {
			const url = (p: string) => `https://${HOST}:${ports[server]}${p}`;

			it('refuses every staff interface from outside the allow-list, in every spelling', async () => {
				const paths = [...STAFF_PATHS.map((p) => p.value), '/admin', '/ADMIN/', '/Agent/x', '/index.php/agent/', '//admin/', '/%61dmin/', '/agent-api/v1/', '/./admin/'];
				for (const p of paths) {
					const r = await nsCurl(d.ns, url(p), { from: OUTSIDE });
					expect(r.status, `${p} from ${OUTSIDE}`).toBe(403);
					expect(r.body).not.toContain('remote=');
				}
			});

			it('serves the staff interfaces from inside the allow-list, through the container', async () => {
				for (const p of STAFF_PATHS.map((x) => x.value)) {
					const r = await nsCurl(d.ns, url(p), { from: '127.0.0.1' });
					expect(r.status, p).toBe(200);
					expect(echoed(r.body).path).toBe(p);
				}
			});

			it('replaces a spoofed X-Forwarded-For with the real client address, and says https', async () => {
				const r = await nsCurl(d.ns, url('/'), { from: OUTSIDE, headers: { 'X-Forwarded-For': '10.1.2.3', 'X-Real-IP': '10.1.2.3', Forwarded: 'for=10.1.2.3' } });
				expect(r.status).toBe(200);
				const e = echoed(r.body);
				expect(e.headers.X_FORWARDED_FOR).toBe(OUTSIDE);
				expect(e.headers.X_REAL_IP).toBe(OUTSIDE);
				expect(e.headers.X_FORWARDED_PROTO).toBe('https');
				expect(e.headers.FORWARDED ?? '').toBe('');
				// an allowed address claimed in the header opens nothing
				const staff = await nsCurl(d.ns, url('/admin/'), { from: OUTSIDE, headers: { 'X-Forwarded-For': '127.0.0.1' } });
				expect(staff.status).toBe(403);
			});

			it('speaks TLS 1.2+ only, sends HSTS and no version', async () => {
				const r = await nsCurl(d.ns, url('/'), { from: OUTSIDE });
				expect(r.headers).toMatch(/^strict-transport-security: max-age=31536000/im);
				expect(r.headers).not.toMatch(/^server: .*[0-9]/im);
				const old = await nsCurl(d.ns, url('/'), { extra: ['--tlsv1.1', '--tls-max', '1.1'], maxTime: 5 });
				expect(old.status).toBe(0);
			});
		});
	}
});
