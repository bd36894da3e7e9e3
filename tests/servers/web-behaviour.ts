/**
 * The behaviour every generated web-server configuration must show on the fake Deskpro tree.
 * Shared by the nginx and Apache suites: each starts its server in `beforeAll` with two sites —
 * `direct` (allowed: 127.0.0.1/32 and 10.0.0.0/8, no proxy) and `proxied` (allowed 10.0.0.0/8,
 * proxy 127.0.0.1 setting X-Forwarded-For) — and fills in `ports`.
 */
import { expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bin, curl, run, tempDir, removeDir } from './harness';
import { postChecksScript } from '$lib/generators/post-checks';
import { ranMarker, SECRET_TEXT, SENSITIVE_FILES, SOURCE_MARKER } from './fake-deskpro';

export const HOST = 'support.example.test';

export interface WebPorts {
	https: number;
	http: number;
	proxyHttps: number;
	proxyHttp: number;
}

export function webBehaviourTests(ports: WebPorts, serverHeader: RegExp): void {
	const url = (path: string, p = ports.https) => `https://${HOST}:${p}${path}`;

	it('answers 403 for data/ and never runs a .php file there', async () => {
		for (const path of ['/data/secret.txt', '/data/evil.php', '/data/files/0001/attachment.bin', '/data/files/0001/shell.php', '/DATA/secret.txt', '/data', '/data/', '/data/nothere', '/%64ata/secret.txt', '//data/secret.txt', '/web/../data/secret.txt']) {
			const r = await curl(url(path));
			expect(r.status, path).toBe(403);
			expect(r.body, path).not.toContain(SECRET_TEXT);
			expect(r.body, path).not.toContain('RAN:');
		}
	});

	it('answers 403 for app/, plugins/, dot-files and every sensitive entry point, without running or sending them', async () => {
		for (const path of ['/app/bootstrap.php', '/app/config/parameters.txt', '/plugins/example/plugin.php', ...SENSITIVE_FILES.map((f) => `/${f}`), '/CONFIG.PHP', '/config.php/x']) {
			const r = await curl(url(path));
			expect(r.status, path).toBe(403);
			expect(r.body, path).not.toContain('RAN:');
			expect(r.body, path).not.toContain(SOURCE_MARKER);
		}
	});

	it('runs PHP only for the public entry points; any other .php is refused', async () => {
		expect((await curl(url('/'))).body).toContain(ranMarker('index.php'));
		expect((await curl(url('/index.php'))).body).toContain(ranMarker('index.php'));
		expect((await curl(url('/dp.php'))).body).toContain(ranMarker('dp.php'));
		expect((await curl(url('/tickets/123?x=1'))).body).toMatch(/RAN:index\.php\nuri=\/tickets\/123\?x=1/);
		for (const path of ['/web/evil.php', '/web/evil.php/x', '/WEB/EVIL.PHP']) {
			const r = await curl(url(path));
			expect([403, 404], path).toContain(r.status);
			expect(r.body, path).not.toContain('RAN:');
			expect(r.body, path).not.toContain(SOURCE_MARKER);
		}
		const css = await curl(url('/web/css/style.css'));
		expect(css.status).toBe(200);
		expect(css.body).toContain('color: #123');
	});

	it('serves /agent/ and /admin/ through index.php from an allowed address', async () => {
		for (const path of ['/agent/', '/admin/', '/agent/index.php', '/agent/tickets/1', '/index.php/agent/']) {
			const r = await curl(url(path));
			expect(r.status, path).toBe(200);
			expect(r.body, path).toContain(ranMarker('index.php'));
			expect(r.body, path).toContain('remote=127.0.0.1');
		}
	});

	it('refuses /agent/ and /admin/ from outside the allowed networks, whatever the spelling', async () => {
		for (const path of ['/agent/', '/admin/', '/agent', '/AGENT/', '/index.php/agent/', '/dp.php/admin/x', '/%61gent/', '/agent/index.php', '//agent/']) {
			const r = await curl(url(path), { from: '127.0.0.2' });
			expect(r.status, path).toBe(403);
			expect(r.body, path).not.toContain('RAN:');
		}
	});

	it('ignores a spoofed X-Forwarded-For from a client when there is no proxy', async () => {
		const headers = { 'X-Forwarded-For': '127.0.0.1', 'X-Real-IP': '127.0.0.1', Forwarded: 'for=127.0.0.1' };
		expect((await curl(url('/agent/'), { from: '127.0.0.2', headers })).status).toBe(403);
		expect((await curl(url('/'), { from: '127.0.0.2', headers })).body).toContain('remote=127.0.0.2');
	});

	it('behind a proxy: trusts the header only from the proxy', async () => {
		const viaProxy = await curl(url('/agent/', ports.proxyHttps), { headers: { 'X-Forwarded-For': '10.1.2.3' } });
		expect(viaProxy.status).toBe(200);
		expect(viaProxy.body).toContain('remote=10.1.2.3');
		// the proxy's own address is not in the allowed list
		expect((await curl(url('/agent/', ports.proxyHttps))).status).toBe(403);
		// a client that is not the proxy cannot claim an allowed address
		expect((await curl(url('/agent/', ports.proxyHttps), { from: '127.0.0.2', headers: { 'X-Forwarded-For': '10.1.2.3' } })).status).toBe(403);
		const spoof = await curl(url('/', ports.proxyHttps), { from: '127.0.0.2', headers: { 'X-Forwarded-For': '10.1.2.3' } });
		expect(spoof.body).toContain('remote=127.0.0.2');
	});

	it('hides the version, sends HSTS and redirects HTTP to HTTPS', async () => {
		const r = await curl(url('/'));
		expect(r.headers).toMatch(serverHeader);
		expect(r.headers).not.toMatch(/X-Powered-By/i);
		expect(r.headers).toMatch(/strict-transport-security: max-age=31536000/i);
		const err = await curl(url('/data/secret.txt'));
		expect(err.body).not.toMatch(/nginx\/\d|Apache\/\d/);
		const h = await curl(`http://${HOST}:${ports.http}/agent/?a=1`);
		expect(h.status).toBe(301);
		expect(h.headers).toMatch(new RegExp(`location: https://${HOST.replace(/\./g, '\\.')}:${ports.https}/agent/\\?a=1`, 'i'));
	});

	it('the generated post-check script passes here, from outside too, and fails against a leaking server', async () => {
		const d = tempDir('checks');
		try {
			const script = join(d, 'checks.sh');
			writeFileSync(script, postChecksScript(`https://${HOST}:${ports.https}/`));
			const curlArgs = ['--', '-k', '--resolve', `${HOST}:${ports.https}:127.0.0.1`];
			const inside = await run(bin('bash'), [script, ...curlArgs]);
			expect(inside.code, inside.stdout).toBe(0);
			expect(inside.stdout).toContain('all checks passed');
			expect(inside.stdout).not.toContain('FAIL');
			const outside = await run(bin('bash'), [script, '--outside', ...curlArgs, '--interface', '127.0.0.2']);
			expect(outside.code, outside.stdout).toBe(0);
			expect(outside.stdout).toMatch(/OK {4}403 \/agent\//);
			// from an allowed address the "outside" checks must fail: the script really looks
			const wrongPlace = await run(bin('bash'), [script, '--outside', ...curlArgs]);
			expect(wrongPlace.code).toBe(1);
			expect(wrongPlace.stdout).toMatch(/FAIL  200 \/agent\//);
			// a server that answers something else than 403 is reported
			writeFileSync(script, postChecksScript(`http://${HOST}:${ports.http}/`));
			const leaky = await run(bin('bash'), [script, '--', '--resolve', `${HOST}:${ports.http}:127.0.0.1`]);
			expect(leaky.code).toBe(1);
			expect(leaky.stdout).toMatch(/FAIL  301 \/config\.php \(expected 403\)/);
		} finally {
			removeDir(d);
		}
	});
}
