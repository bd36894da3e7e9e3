/**
 * The generated Apache 2.4 site on a real Apache + php-fpm serving the fake Deskpro tree:
 * syntax (apache2 -t) and the same behaviour as the nginx site. One Apache per file, two
 * sites: without a proxy, and behind a proxy at 127.0.0.1.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { apacheConfig } from '$lib/generators/apache';
import { apacheMainConf, apacheTest, freePort, removeDir, selfSignedCert, serverDescribe, startApache, startPhpFpm, tempDir, type Apache, type PhpFpm } from './harness';
import { makeFakeDeskpro } from './fake-deskpro';
import { serverEnv } from './env';
import { DIRECT_SITE, HOST, PROXIED_SITE, webBehaviourTests } from './web-behaviour';

serverDescribe(['apache2', 'php-fpm', 'curl', 'openssl'], 'Apache site on a real Apache + php-fpm', () => {
	let dir = '';
	let fpm: PhpFpm;
	let apache: Apache;
	const port = { https: 0, http: 0, proxyHttps: 0, proxyHttp: 0 };

	beforeAll(async () => {
		dir = tempDir('apache');
		const www = join(dir, 'srv', 'deskpro www');
		makeFakeDeskpro(www);
		fpm = await startPhpFpm(join(dir, 'fpm'));
		const tls = await selfSignedCert(dir, HOST);
		for (const k of Object.keys(port) as (keyof typeof port)[]) port[k] = await freePort();
		const common = { installPath: www, dataPath: join(dir, 'data'), phpFpm: fpm.address, tlsCertificate: tls.cert, tlsKey: tls.key, serverNames: [HOST] };
		const direct = serverEnv({ ...common, httpsPort: port.https, httpPort: port.http, adminCidrs: ['127.0.0.1/32', '10.0.0.0/8'], ...DIRECT_SITE }, { webServer: 'apache' });
		const proxied = serverEnv(
			{ ...common, httpsPort: port.proxyHttps, httpPort: port.proxyHttp, adminCidrs: ['10.0.0.0/8'], behindProxy: true, proxyAddresses: ['127.0.0.1'], proxyHeader: 'X-Forwarded-For', ...PROXIED_SITE },
			{ webServer: 'apache' }
		);
		writeFileSync(join(dir, 'direct.conf'), apacheConfig(direct, { bind: '127.0.0.1' }));
		writeFileSync(join(dir, 'proxied.conf'), apacheConfig(proxied, { bind: '127.0.0.1' }));
		const conf = join(dir, 'apache2.conf');
		writeFileSync(conf, apacheMainConf(dir, Object.values(port).map((p) => `127.0.0.1:${p}`), [join(dir, 'direct.conf'), join(dir, 'proxied.conf')]));
		apache = await startApache(dir, conf);
	});
	afterAll(async () => {
		await apache?.stop();
		await fpm?.stop();
		removeDir(dir);
	});

	it('passes apache2 -t with a TCP PHP-FPM address, IPv6 ranges and several names', async () => {
		const env = serverEnv(
			{ installPath: '/var/www/deskpro', phpFpm: '127.0.0.1:9000', tlsCertificate: join(dir, 'cert.pem'), tlsKey: join(dir, 'key.pem'), adminCidrs: ['2001:db8::/32', '192.0.2.0/24'], serverNames: ['a.example.com', 'b.example.com'], behindProxy: true, proxyAddresses: ['2001:db8::1', '192.0.2.9'] },
			{ webServer: 'apache' }
		);
		const site = join(dir, 'syntax.conf');
		writeFileSync(site, apacheConfig(env));
		const main = join(dir, 'syntax-main.conf');
		writeFileSync(main, apacheMainConf(join(dir, 'syntax'), [], [site]));
		const r = await apacheTest(main);
		expect(r.code, r.stderr).toBe(0);
	});

	webBehaviourTests(port, /^server: Apache\r?$/im);
});
