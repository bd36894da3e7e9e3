/**
 * The generated nginx site on a real nginx + php-fpm serving the fake Deskpro tree:
 * syntax (nginx -t) and behaviour (403s, PHP only for entry points, /admin/ and /agent/ by
 * source address, proxy header trusted only from the proxy). One nginx per file, two sites:
 * without a proxy, and behind a proxy at 127.0.0.1.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nginxConfig } from '$lib/generators/nginx';
import {
	freePort,
	nginxMainConf,
	nginxTest,
	removeDir,
	selfSignedCert,
	serverDescribe,
	startNginx,
	startPhpFpm,
	tempDir,
	type Nginx,
	type PhpFpm
} from './harness';
import { makeFakeDeskpro } from './fake-deskpro';
import { DIRECT_SITE, HOST, PROXIED_SITE, webBehaviourTests } from './web-behaviour';
import { serverEnv } from './env';


serverDescribe(['nginx', 'php-fpm', 'curl', 'openssl'], 'nginx site on a real nginx + php-fpm', () => {
	let dir = '';
	let fpm: PhpFpm;
	let nginx: Nginx;
	const port = { https: 0, http: 0, proxyHttps: 0, proxyHttp: 0 };

	beforeAll(async () => {
		dir = tempDir('nginx');
		const www = join(dir, 'srv', 'deskpro www');
		makeFakeDeskpro(www);
		fpm = await startPhpFpm(join(dir, 'fpm'));
		const tls = await selfSignedCert(dir, HOST);
		for (const k of Object.keys(port) as (keyof typeof port)[]) port[k] = await freePort();
		const common = { installPath: www, dataPath: join(dir, 'data'), phpFpm: fpm.address, tlsCertificate: tls.cert, tlsKey: tls.key, serverNames: [HOST] };
		const direct = serverEnv({ ...common, httpsPort: port.https, httpPort: port.http, adminCidrs: ['127.0.0.1/32', '10.0.0.0/8'], ...DIRECT_SITE });
		const proxied = serverEnv({
			...common,
			httpsPort: port.proxyHttps,
			httpPort: port.proxyHttp,
			adminCidrs: ['10.0.0.0/8'],
			behindProxy: true,
			proxyAddresses: ['127.0.0.1'],
			proxyHeader: 'X-Forwarded-For',
			...PROXIED_SITE
		});
		writeFileSync(join(dir, 'direct.conf'), nginxConfig(direct, { bind: '127.0.0.1' }));
		writeFileSync(join(dir, 'proxied.conf'), nginxConfig(proxied, { bind: '127.0.0.1' }));
		const conf = join(dir, 'nginx.conf');
		writeFileSync(conf, nginxMainConf(dir, [join(dir, 'direct.conf'), join(dir, 'proxied.conf')]));
		nginx = await startNginx(dir, conf);
	});
	afterAll(async () => {
		await nginx?.stop();
		await fpm?.stop();
		removeDir(dir);
	});

	it('passes nginx -t with IPv6 listeners and a TCP PHP-FPM address too', async () => {
		const env = serverEnv({ installPath: '/var/www/deskpro', phpFpm: '[::1]:9000', tlsCertificate: join(dir, 'cert.pem'), tlsKey: join(dir, 'key.pem'), adminCidrs: ['2001:db8::/32', '192.0.2.0/24'] });
		const site = join(dir, 'syntax.conf');
		writeFileSync(site, nginxConfig(env));
		const main = join(dir, 'syntax-main.conf');
		writeFileSync(main, nginxMainConf(dir, [site]));
		const r = await nginxTest(dir, main);
		expect(r.code, r.stderr).toBe(0);
	});

	webBehaviourTests(port, /^server: nginx\r?$/im);
});
