/**
 * The harness itself, on real servers: php-fpm + nginx and php-fpm + Apache serve the fake
 * Deskpro tree through index.php on dynamically chosen ports, curl can pick its source address,
 * and a private MariaDB starts and answers. (The generated configurations are tested in their
 * own files; this keeps the harness honest for every suite that builds on it.)
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
	apacheMainConf,
	curl,
	freePort,
	nginxMainConf,
	removeDir,
	serverDescribe,
	startApache,
	startMariaDb,
	startNginx,
	startPhpFpm,
	tempDir,
	type Apache,
	type MariaDb,
	type Nginx,
	type PhpFpm
} from './harness';
import { makeFakeDeskpro, ranMarker } from './fake-deskpro';

serverDescribe(['nginx', 'php-fpm', 'curl'], 'harness: nginx + php-fpm serve the fake tree', () => {
	let dir = '';
	let fpm: PhpFpm;
	let nginx: Nginx;
	let port = 0;
	beforeAll(async () => {
		dir = tempDir('harness-nginx');
		makeFakeDeskpro(join(dir, 'www'));
		fpm = await startPhpFpm(join(dir, 'fpm'));
		port = await freePort();
		const site = join(dir, 'site.conf');
		writeFileSync(
			site,
			`server {\n listen 127.0.0.1:${port};\n root ${dir}/www;\n location / { allow 127.0.0.1; deny all; try_files /index.php =404; include /etc/nginx/fastcgi_params; fastcgi_param SCRIPT_FILENAME $document_root/index.php; fastcgi_pass ${fpm.address}; }\n}\n`
		);
		const conf = join(dir, 'nginx.conf');
		writeFileSync(conf, nginxMainConf(dir, [site]));
		nginx = await startNginx(dir, conf);
	});
	afterAll(async () => {
		await nginx?.stop();
		await fpm?.stop();
		removeDir(dir);
	});
	it('serves index.php from 127.0.0.1 and refuses 127.0.0.2', async () => {
		const ok = await curl(`http://helpdesk.test:${port}/agent/`);
		expect(ok.status).toBe(200);
		expect(ok.body).toContain(ranMarker('index.php'));
		expect(ok.body).toContain('uri=/agent/');
		const denied = await curl(`http://helpdesk.test:${port}/agent/`, { from: '127.0.0.2' });
		expect(denied.status).toBe(403);
	});
});

serverDescribe(['apache2', 'php-fpm', 'curl'], 'harness: Apache + php-fpm serve the fake tree', () => {
	let dir = '';
	let fpm: PhpFpm;
	let apache: Apache;
	let port = 0;
	beforeAll(async () => {
		dir = tempDir('harness-apache');
		makeFakeDeskpro(join(dir, 'www'));
		fpm = await startPhpFpm(join(dir, 'fpm'));
		port = await freePort();
		const site = join(dir, 'site.conf');
		writeFileSync(
			site,
			`<VirtualHost 127.0.0.1:${port}>\n DocumentRoot "${dir}/www"\n <Directory "${dir}/www">\n  Require ip 127.0.0.1\n  <FilesMatch "^index\\.php$">\n   SetHandler "proxy:unix:${fpm.socket}|fcgi://localhost"\n  </FilesMatch>\n </Directory>\n</VirtualHost>\n`
		);
		const conf = join(dir, 'apache2.conf');
		writeFileSync(conf, apacheMainConf(dir, [`127.0.0.1:${port}`], [site]));
		apache = await startApache(dir, conf);
	});
	afterAll(async () => {
		await apache?.stop();
		await fpm?.stop();
		removeDir(dir);
	});
	it('runs index.php through php-fpm and refuses 127.0.0.2', async () => {
		const ok = await curl(`http://helpdesk.test:${port}/index.php`);
		expect(ok.status).toBe(200);
		expect(ok.body).toContain(ranMarker('index.php'));
		expect((await curl(`http://helpdesk.test:${port}/index.php`, { from: '127.0.0.2' })).status).toBe(403);
	});
});

serverDescribe(['mariadbd', 'mariadb-install-db', 'mariadb', 'mariadb-admin'], 'harness: private MariaDB', () => {
	let dir = '';
	let db: MariaDb;
	beforeAll(async () => {
		dir = tempDir('harness-mariadb');
		db = await startMariaDb(join(dir, 'db'));
	});
	afterAll(async () => {
		await db?.stop();
		removeDir(dir);
	});
	it('answers root over the socket and a user over TCP', async () => {
		const r = await db.rootSql("CREATE USER 'probe'@'127.0.0.1' IDENTIFIED BY 'pw-probe-1234567'; SELECT VERSION();");
		expect(r.code, r.stderr).toBe(0);
		expect(r.stdout).toMatch(/MariaDB/);
		const u = await db.userSql('probe', 'pw-probe-1234567', 'SELECT CURRENT_USER();');
		expect(u.stdout.trim()).toBe('probe@127.0.0.1');
		const bad = await db.userSql('probe', 'wrong', 'SELECT 1;');
		expect(bad.code).not.toBe(0);
		expect(bad.stderr).toMatch(/1045/);
	});
});

/**
 * CI failed once with "could not bind to address 127.0.0.1:44493": freePort() asked the OS for
 * port 0, which comes from the ephemeral range every outgoing connection (curl, the database
 * client, in other test files running at the same time) also takes its source port from.
 */
it('freePort() hands out ports below the ephemeral range, never twice, each bindable', async () => {
	const [low] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
	const ports: number[] = [];
	for (let i = 0; i < 60; i++) ports.push(await freePort());
	expect(new Set(ports).size).toBe(ports.length);
	for (const p of ports) {
		expect(p).toBeGreaterThanOrEqual(1024);
		expect(p).toBeLessThan(low!);
	}
});
