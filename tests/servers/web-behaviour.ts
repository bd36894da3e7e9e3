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
import { ENTRY_POINTS, EXACT_REWRITES, PRIVATE_PATHS, STAFF_PREFIXES, staffSpellings } from '$lib/deskpro/surface';
import { MOZILLA_INTERMEDIATE } from '$lib/generators/tls';

export const HOST = 'support.example.test';

export interface WebPorts {
	https: number;
	http: number;
	proxyHttps: number;
	proxyHttp: number;
}

/** What the suites give both sites: the direct site's request-body limit (MB) and HSTS choices. */
export const DIRECT_SITE = { uploadLimitMb: 24, hstsIncludeSubDomains: true, hstsPreload: false };
/** The proxied site: a TLS-terminating proxy at 127.0.0.1 that forwards plain HTTP. */
export const PROXIED_SITE = { proxyTerminatesTls: true, hstsIncludeSubDomains: true, hstsPreload: true };

/** A field of the stub's answer (`script=/index.php` → `/index.php`), or undefined when no stub ran. */
export function stubField(body: string, key: string): string | undefined {
	return new RegExp(`^${key}=(.*)$`, 'm').exec(body)?.[1];
}

/** POSTs `bytes` bytes (a file of zeros) to `url` and returns the status. */
async function upload(url: string, bytes: number, dir: string): Promise<{ status: number; body: string }> {
	const f = join(dir, `body-${bytes}`);
	writeFileSync(f, Buffer.alloc(bytes));
	const u = new URL(url);
	const r = await run(bin('curl'), ['-sk', '--max-time', '60', '--resolve', `${u.hostname}:${u.port}:127.0.0.1`, '-H', 'Content-Type: application/octet-stream', '-H', 'Expect:', '--data-binary', `@${f}`, '-o', '-', '-w', '\n%{http_code}', url]);
	const nl = r.stdout.lastIndexOf('\n');
	return { status: Number(r.stdout.slice(nl + 1)), body: r.stdout.slice(0, nl) };
}

/** An openssl s_client handshake: the negotiated protocol and cipher, or null when refused. */
async function handshake(port: number, args: string[]): Promise<{ protocol: string; cipher: string } | null> {
	const r = await run(bin('openssl'), ['s_client', '-connect', `127.0.0.1:${port}`, '-servername', HOST, ...args], { input: '', timeout: 15_000 });
	// "New, TLSv1.3, Cipher is …" names the protocol for TLS 1.3; for TLS 1.2 it names the
	// suite's version (SSLv3/TLSv1.2), so the session block's "Protocol :" wins when printed.
	const line = /^New, (\S+), Cipher is (\S+)/m.exec(r.stdout);
	const protocol = /^\s*Protocol\s*:\s*(TLSv\S+)/m.exec(r.stdout)?.[1] ?? line?.[1];
	const cipher = line?.[2];
	if (r.code !== 0 || !protocol || !cipher || cipher === '0000' || cipher === '(NONE)') return null;
	return { protocol, cipher };
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

	it('every public entry point reaches its own script, with its PATH_INFO', async () => {
		for (const e of ENTRY_POINTS) {
			const r = await curl(url(`/${e.file}`));
			expect(r.status, e.file).toBe(200);
			expect(r.body, e.file).toContain(ranMarker(e.file));
			expect(stubField(r.body, 'script_name'), e.file).toBe(`/${e.file}`);
			const p = await curl(url(`/${e.file}/some/path?q=1`));
			expect(p.status, `${e.file}/some/path`).toBe(200);
			expect(p.body, `${e.file}/some/path`).toContain(ranMarker(e.file));
			expect(stubField(p.body, 'script_name'), `${e.file}/some/path`).toBe(`/${e.file}`);
			expect(stubField(p.body, 'path_info'), `${e.file}/some/path`).toBe('/some/path');
			expect(stubField(p.body, 'query_string'), `${e.file}/some/path`).toBe('q=1');
		}
	});

	it('answers the rewrite rules Deskpro ships (clean-URL tests, sitemap.xml)', async () => {
		for (const rule of EXACT_REWRITES) {
			const r = await curl(url(rule.path));
			expect(r.status, rule.path).toBe(200);
			expect(r.body, rule.path).toContain(ranMarker(rule.script));
			if (rule.query) expect(stubField(r.body, 'query_string'), rule.path).toBe(rule.query);
		}
	});

	it('refuses every private path of the surface and never runs or sends it', async () => {
		const paths = PRIVATE_PATHS.flatMap((p) =>
			p.kind === 'dir'
				? [`/${p.name}`, `/${p.name}/`, `/${p.name}/secret.txt`, `/${p.name}/evil.php`, `/${p.name.toUpperCase()}/secret.txt`, `/${p.name}/evil.php/x`]
				: [`/${p.name}`, `/${p.name.toUpperCase()}`, `/${p.name}/x`]
		);
		const answers = await Promise.all(paths.map((p) => curl(url(p))));
		answers.forEach((r, i) => {
			const path = paths[i]!;
			expect(r.status, path).toBe(403);
			expect(r.body, path).not.toContain('RAN:');
			expect(r.body, path).not.toContain(SOURCE_MARKER);
			expect(r.body, path).not.toContain(SECRET_TEXT);
		});
	});

	it('serves every staff interface in every spelling from inside, through the right script', async () => {
		const paths = STAFF_PREFIXES.flatMap(staffSpellings);
		const answers = await Promise.all(paths.map((p) => curl(url(p))));
		answers.forEach((r, i) => {
			const path = paths[i]!;
			const script = /^\/([a-z_]+\.php)\//.exec(path)?.[1] ?? 'index.php';
			expect(r.status, path).toBe(200);
			expect(r.body, path).toContain(ranMarker(script));
			expect(stubField(r.body, 'remote'), path).toBe('127.0.0.1');
		});
	});

	it('refuses every staff interface in every spelling from outside the allowed networks', async () => {
		const paths = STAFF_PREFIXES.flatMap((p) => [...staffSpellings(p), `/${p.toUpperCase()}/`, `/index.php/${p.toUpperCase()}/x`, `//${p}/`, `/%${p.charCodeAt(0).toString(16)}${p.slice(1)}/`]);
		const answers = await Promise.all(paths.map((p) => curl(url(p), { from: '127.0.0.2' })));
		answers.forEach((r, i) => {
			expect(r.status, paths[i]).toBe(403);
			expect(r.body, paths[i]).not.toContain('RAN:');
		});
	});

	it(`accepts a 20 MB upload under a ${DIRECT_SITE.uploadLimitMb} MB limit and refuses one above it`, async () => {
		const d = tempDir('upload');
		try {
			const ok = await upload(url('/index.php/tickets/new'), 20 * 1024 * 1024, d);
			expect(ok.status).toBe(200);
			expect(ok.body).toContain(ranMarker('index.php'));
			expect(stubField(ok.body, 'content_length')).toBe(String(20 * 1024 * 1024));
			const big = await upload(url('/index.php/tickets/new'), (DIRECT_SITE.uploadLimitMb + 1) * 1024 * 1024, d);
			expect(big.status).toBe(413);
			expect(big.body).not.toContain('RAN:');
		} finally {
			removeDir(d);
		}
	});

	it('behind a TLS-terminating proxy that forwards plain HTTP: no redirect loop, Deskpro sees https', async () => {
		const plain = (path: string) => `http://${HOST}:${ports.proxyHttp}${path}`;
		const viaProxy = await curl(plain('/agent/?a=1'), { headers: { 'X-Forwarded-Proto': 'https', 'X-Forwarded-For': '10.1.2.3' } });
		expect(viaProxy.status).toBe(200);
		expect(viaProxy.body).toContain(ranMarker('index.php'));
		expect(stubField(viaProxy.body, 'https')).toBe('on');
		expect(stubField(viaProxy.body, 'remote')).toBe('10.1.2.3');
		expect((await curl(plain('/get_messages.php'), { headers: { 'X-Forwarded-Proto': 'https' } })).body).toContain(ranMarker('get_messages.php'));
		// the plain-HTTP listener keeps every refusal
		expect((await curl(plain('/config.php'), { headers: { 'X-Forwarded-Proto': 'https' } })).status).toBe(403);
		expect((await curl(plain('/admin/'), { headers: { 'X-Forwarded-Proto': 'https' } })).status).toBe(403);
		// a plain request (no https from the proxy), or a client that is not the proxy, is redirected
		expect((await curl(plain('/agent/'))).status).toBe(301);
		const spoof = await curl(plain('/'), { from: '127.0.0.2', headers: { 'X-Forwarded-Proto': 'https' } });
		expect(spoof.status).toBe(301);
		expect(spoof.body).not.toContain('RAN:');
		// the TLS listener still tells Deskpro it is https
		expect(stubField((await curl(url('/', ports.proxyHttps))).body, 'https')).toBe('on');
	});

	it('TLS: Mozilla intermediate only (TLS 1.2 and 1.3, its cipher list)', async () => {
		const t12 = await handshake(ports.https, ['-tls1_2']);
		expect(t12?.protocol).toBe('TLSv1.2');
		expect(MOZILLA_INTERMEDIATE.ciphers.split(':')).toContain(t12?.cipher);
		expect((await handshake(ports.https, ['-tls1_3']))?.protocol).toBe('TLSv1.3');
		// the client offers what the server must refuse; SECLEVEL=0 so the refusal is the server's
		expect(await handshake(ports.https, ['-tls1_1', '-cipher', 'DEFAULT:@SECLEVEL=0'])).toBeNull();
		// the test certificate is ECDSA: these suites could be chosen if the server allowed them
		for (const weak of ['ECDHE-ECDSA-AES128-SHA', 'ECDHE-ECDSA-AES256-SHA', 'ECDHE-ECDSA-AES128-SHA256', 'ECDHE-ECDSA-AES256-SHA384']) {
			expect(await handshake(ports.https, ['-tls1_2', '-cipher', `${weak}:@SECLEVEL=0`]), weak).toBeNull();
		}
	});

	it('HSTS follows the includeSubDomains and preload choices', async () => {
		expect((await curl(url('/'))).headers).toMatch(/^strict-transport-security: max-age=31536000; includeSubDomains\r?$/im);
		expect((await curl(url('/', ports.proxyHttps))).headers).toMatch(/^strict-transport-security: max-age=31536000; includeSubDomains; preload\r?$/im);
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
