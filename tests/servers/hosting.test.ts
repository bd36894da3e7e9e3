/**
 * The README's hosting snippets (issue 6), on real servers: the nginx and Apache blocks are
 * taken verbatim from README.md, serve the production build on a free port, and must send the
 * security headers, serve deep links (/step/about) and fall back to the app shell.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { apacheMainConf, curl, freePort, nginxMainConf, removeDir, serverDescribe, startApache, startNginx, tempDir, type Apache, type Nginx } from './harness';
import { ensureFreshBuild, root } from '../fresh-build';

const README_ROOT = '/var/www/deskpro-hardening-wizard';

function snippet(kind: 'nginx' | 'apache'): string {
	const readme = readFileSync(join(root, 'README.md'), 'utf8');
	const m = new RegExp(`<!-- hosting:${kind} -->\\s*\`\`\`${kind}\\n([\\s\\S]*?)\`\`\``).exec(readme);
	if (!m?.[1]) throw new Error(`README.md has no ${kind} hosting snippet`);
	expect(m[1]).toContain(README_ROOT);
	return m[1];
}

const expectedHeaders: [string, RegExp][] = [
	['content-security-policy', /^frame-ancestors 'none'$/],
	['strict-transport-security', /^max-age=63072000; includeSubDomains$/],
	['x-content-type-options', /^nosniff$/],
	['referrer-policy', /^no-referrer$/],
	['x-frame-options', /^DENY$/]
];

function headerMap(raw: string): Map<string, string[]> {
	const map = new Map<string, string[]>();
	for (const line of raw.split(/\r?\n/).slice(1)) {
		const i = line.indexOf(':');
		if (i < 0) continue;
		const k = line.slice(0, i).trim().toLowerCase();
		map.set(k, [...(map.get(k) ?? []), line.slice(i + 1).trim()]);
	}
	return map;
}

async function checkSite(base: string) {
	const pages: [string, RegExp][] = [
		['/', /Harden your Deskpro helpdesk|<meta http-equiv="content-security-policy"/],
		['/step/about', /<meta http-equiv="content-security-policy"/],
		['/summary', /<meta http-equiv="content-security-policy"/],
		['/no/such/page', /<meta http-equiv="content-security-policy"/]
	];
	for (const [path, body] of pages) {
		const r = await curl(`${base}${path}`);
		expect(r.status, path).toBe(200);
		expect(r.body, path).toMatch(body);
		const h = headerMap(r.headers);
		for (const [name, value] of expectedHeaders) {
			expect(h.get(name), `${path} ${name}`).toHaveLength(1);
			expect(h.get(name)![0], `${path} ${name}`).toMatch(value);
		}
		expect(h.get('cache-control')?.[0], path).toBe('no-cache');
	}
	// Immutable assets: long cache AND still the security headers (nginx add_header inheritance).
	const html = (await curl(`${base}/`)).body;
	const asset = /href="\.\/(_app\/immutable\/[^"]+\.js)"/.exec(html)?.[1];
	expect(asset).toBeTruthy();
	const a = await curl(`${base}/${asset}`);
	expect(a.status).toBe(200);
	const h = headerMap(a.headers);
	expect(h.get('cache-control')).toEqual(['public, max-age=31536000, immutable']);
	for (const [name, value] of expectedHeaders) expect(h.get(name)?.[0], `asset ${name}`).toMatch(value);
	expect(h.get('content-type')?.[0]).toMatch(/javascript/);
	// No directory listings.
	expect((await curl(`${base}/_app/`)).body).not.toMatch(/Index of/i);
}

serverDescribe(['nginx', 'curl'], 'README hosting snippet: nginx', () => {
	let dir = '';
	let nginx: Nginx;
	let port = 0;
	beforeAll(async () => {
		dir = tempDir('hosting-nginx');
		const site = join(dir, 'site');
		cpSync(ensureFreshBuild(), site, { recursive: true });
		port = await freePort();
		const conf = `server {\n  listen 127.0.0.1:${port};\n  server_name wizard.example.test;\n${snippet('nginx').replaceAll(README_ROOT, site)}\n}\n`;
		writeFileSync(join(dir, 'site.conf'), conf);
		writeFileSync(join(dir, 'nginx.conf'), nginxMainConf(dir, [join(dir, 'site.conf')]));
		nginx = await startNginx(dir, join(dir, 'nginx.conf'));
	}, 300_000);
	afterAll(async () => {
		await nginx?.stop();
		removeDir(dir);
	});
	it('sends the security headers, serves deep links and falls back to the app shell', async () => {
		await checkSite(`http://wizard.example.test:${port}`);
	});
});

serverDescribe(['apache2', 'curl'], 'README hosting snippet: Apache', () => {
	let dir = '';
	let apache: Apache;
	let port = 0;
	beforeAll(async () => {
		dir = tempDir('hosting-apache');
		const site = join(dir, 'site');
		cpSync(ensureFreshBuild(), site, { recursive: true });
		port = await freePort();
		const vhost = `<VirtualHost 127.0.0.1:${port}>\n  ServerName wizard.example.test\n${snippet('apache').replaceAll(README_ROOT, site)}\n</VirtualHost>\n`;
		writeFileSync(join(dir, 'site.conf'), vhost);
		writeFileSync(join(dir, 'apache2.conf'), apacheMainConf(dir, [`127.0.0.1:${port}`], [join(dir, 'site.conf')]));
		apache = await startApache(dir, join(dir, 'apache2.conf'));
	}, 300_000);
	afterAll(async () => {
		await apache?.stop();
		removeDir(dir);
	});
	it('sends the security headers, serves deep links and falls back to the app shell', async () => {
		await checkSite(`http://wizard.example.test:${port}`);
	});
});
