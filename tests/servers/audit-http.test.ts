/**
 * The audit's HTTP checks against tiny real HTTP servers (PHP's built-in server with a router
 * script), one library function at a time. The promise under test: never PASS for what the
 * audit could not test, and never FAIL a server that is right.
 * - A private directory answering 403 proves nothing about its files (a stock server refuses a
 *   directory without an index and serves the files in it): a random name inside it must be
 *   refused too.
 * - Every Server and X-Powered-By header counts, not only the last of a repeated one.
 * - Answers that do not come from the helpdesk (a front page answering 403, 5xx or nothing: a
 *   CDN, WAF or default site refusing everything) are SKIP, and a proxy from root's
 *   environment is never used.
 * - Only a redirect from http:// to the same host and path on https:// is followed.
 * The http:// → https:// redirect of the wizard's own configuration is proven on real nginx and
 * Apache in the shared suite (tests/servers/audit-suite.ts).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bin, curl, freePort, removeDir, serverDescribe, tempDir, waitFor } from './harness';
import { runLibCheck } from './audit-lib-driver';

/**
 * Scenarios by the first path segment (the helpdesk URL's path prefix):
 * - stock: the front page 200, /stock/data/ 403 (a directory without index) and /config.php 403,
 *   but the files in data/ served (200) and unknown names 404, like a stock nginx or Apache with
 *   indexes off;
 * - good: /good/data/ and everything under it 403;
 * - xpb2, xpb2rev: two X-Powered-By headers (one with a version), in both orders and cases;
 * - server2: two Server headers, the second with a version;
 * - broken: everything 502;
 * - elsewhere, elsepath: a 301 to https on another host / another path.
 */
const ROUTER = `<?php
$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
$parts = explode('/', $path, 3);
$scene = $parts[1] ?? '';
$rest = '/' . ($parts[2] ?? '');
header('Content-Type: text/plain');
switch ($scene) {
case 'stock':
	if ($rest === '/') { echo "front page\\n"; break; }
	if (substr($rest, -1) === '/' || $rest === '/config.php') { http_response_code(403); echo "Forbidden\\n"; break; }
	if ($rest === '/data/attachments/a.txt') { echo "TOP-SECRET\\n"; break; }
	http_response_code(404); echo "Not Found\\n"; break;
case 'good':
	if ($rest === '/') { echo "front page\\n"; break; }
	http_response_code(403); echo "Forbidden\\n"; break;
case 'xpb2':
	header('X-Powered-By: PHP/8.2.7');
	header('X-Powered-By: PleskLin', false);
	if ($rest !== '/') http_response_code(403);
	break;
case 'xpb2rev':
	header('x-powered-by: PleskLin');
	header('X-POWERED-BY: PHP/8.2.7', false);
	if ($rest !== '/') http_response_code(403);
	break;
case 'server2':
	header('Server: nginx');
	header('Server: Apache/2.4.57', false);
	if ($rest !== '/') http_response_code(403);
	break;
case 'broken':
	http_response_code(502); echo "Bad Gateway\\n"; break;
case 'elsewhere':
	header('Location: https://other.example.test' . $_SERVER['REQUEST_URI'], true, 301); break;
case 'elsepath':
	header('Location: https://127.0.0.1:' . $_SERVER['SERVER_PORT'] . '/good/', true, 301); break;
default:
	http_response_code(404);
}
`;

/** A server that answers 403 to everything: a WAF, CDN or default site refusing all, or a proxy doing so. */
const REFUSE_ALL = `<?php
http_response_code(403);
header('Content-Type: text/plain');
echo "Forbidden by the edge\\n";
`;

serverDescribe(
	['php', 'bash', 'curl'],
	'audit: HTTP checks judge only answers that come from the helpdesk, and every one of them',
	() => {
		let dir = '';
		let app = '';
		let edge = '';
		let edgePort = 0;
		const procs: ChildProcess[] = [];

		async function phpServer(router: string): Promise<{ url: string; port: number }> {
			const port = await freePort();
			const file = join(dir, `router-${port}.php`);
			writeFileSync(file, router, { mode: 0o644 });
			const p = spawn(bin('php'), ['-n', '-d', 'expose_php=0', '-S', `127.0.0.1:${port}`, file], { stdio: 'ignore' });
			procs.push(p);
			const url = `http://127.0.0.1:${port}`;
			await waitFor(`php -S on ${port}`, async () => {
				try {
					await curl(`${url}/`);
					return true;
				} catch {
					return false;
				}
			});
			return { url, port };
		}

		beforeAll(async () => {
			dir = tempDir('audit-http');
			app = (await phpServer(ROUTER)).url;
			const e = await phpServer(REFUSE_ALL);
			edge = e.url;
			edgePort = e.port;
		});
		afterAll(() => {
			for (const p of procs) p.kill();
			removeDir(dir);
		});

		const check = (fn: string, args: string[], env: Record<string, string> = {}) =>
			runLibCheck(dir, fn, args, {
				// no_proxy unset, so only --noproxy can keep curl away from a proxy in the environment
				wrap: (driver) => ['/usr/bin/env', ['-u', 'no_proxy', '-u', 'NO_PROXY', ...Object.entries(env).map(([k, v]) => `${k}=${v}`), bin('bash'), driver]]
			});
		const DENIED = ['/data/', '/app/', '/config.php'];

		it('a private directory refused only as a directory (its files served): the denied-paths check FAILs', async () => {
			// the break is real: the directory answers 403, a file in it is served
			expect((await curl(`${app}/stock/data/`)).status).toBe(403);
			expect((await curl(`${app}/stock/data/attachments/a.txt`)).status).toBe(200);
			expect((await curl(`${app}/stock/config.php`)).status).toBe(403);
			const r = await check('check_http_status', [`${app}/stock`, '403', ...DENIED]);
			expect(r.state, r.output).toBe('FAIL');
			expect(r.evidence).toMatch(/\/data\/dp-audit-[0-9a-f]{16}\.txt -> 404/);
			expect(r.evidence).toMatch(/\/app\/dp-audit-[0-9a-f]{16}\.txt -> 404/);
			// a file path is requested as it is, with no child name
			expect(r.evidence).not.toMatch(/config\.php\/dp-audit/);
		});

		it('every private directory and a random name inside it refused: PASS, naming both', async () => {
			const r = await check('check_http_status', [`${app}/good`, '403', ...DENIED]);
			expect(r.state, r.output).toBe('PASS');
			expect(r.evidence).toMatch(/\/data\/ -> 403, \/data\/dp-audit-[0-9a-f]{16}\.txt -> 403, \/app\/ -> 403, \/app\/dp-audit-[0-9a-f]{16}\.txt -> 403, \/config\.php -> 403/);
			// random per run
			const again = await check('check_http_status', [`${app}/good`, '403', '/data/']);
			const name = (ev: string) => /dp-audit-[0-9a-f]{16}/.exec(ev)?.[0];
			expect(name(again.evidence)).toBeDefined();
			expect(name(again.evidence)).not.toBe(name(r.evidence));
		});

		it('a repeated X-Powered-By or Server header: a version in any occurrence FAILs, whatever the order and case', async () => {
			for (const [scene, bad] of [
				['xpb2', 'X-Powered-By: PHP/8.2.7'],
				['xpb2rev', 'X-Powered-By: PHP/8.2.7'],
				['server2', 'Server: Apache/2.4.57']
			] as const) {
				const r = await check('check_http_no_version', [`${app}/${scene}`, '/', '/config.php']);
				expect(r.state, `${scene}: ${r.output}`).toBe('FAIL');
				expect(r.evidence).toContain(`/: ${bad}`);
				expect(r.evidence).toContain(`/config.php: ${bad}`);
			}
			const ok = await check('check_http_no_version', [`${app}/good`, '/', '/config.php']);
			expect(ok.state, ok.output).toBe('PASS');
		});

		it('a front page answering 403 (everything refused by something that is not Deskpro): every HTTP check SKIPs, never PASS', async () => {
			const why = `The helpdesk's front page ${edge}/ answered 403, so the answers do not come from Deskpro`;
			for (const [fn, args] of [
				['check_http_status', [edge, '403', ...DENIED]],
				['check_http_php_not_run', [edge, '/data/']],
				['check_http_no_version', [edge, '/', '/config.php']],
				['check_http_allow_list', [edge, '/admin/', '/agent/', '--', '10.0.0.0/8']]
			] as const) {
				const r = await check(fn, [...args]);
				expect(r.state, `${fn}: ${r.output}`).toBe('SKIP');
				expect(r.evidence).toContain(why);
			}
		});

		it('a front page answering 5xx or nothing: SKIP with the reason', async () => {
			const r = await check('check_http_status', [`${app}/broken`, '403', ...DENIED]);
			expect(r.state, r.output).toBe('SKIP');
			expect(r.evidence).toContain(`front page ${app}/broken/ answered 502`);
			const closed = await freePort();
			const n = await check('check_http_php_not_run', [`http://127.0.0.1:${closed}`, '/data/']);
			expect(n.state, n.output).toBe('SKIP');
			expect(n.evidence).toMatch(/answered 000 \(curl: \(7\)/);
		});

		it("root's proxy variables (a proxy refusing everything with 403) are ignored: the helpdesk itself is judged", async () => {
			const proxy = `http://127.0.0.1:${edgePort}`;
			const env = { http_proxy: proxy, https_proxy: proxy, HTTPS_PROXY: proxy, all_proxy: proxy, ALL_PROXY: proxy };
			const r = await check('check_http_status', [`${app}/stock`, '403', ...DENIED], env);
			expect(r.state, r.output).toBe('FAIL');
			expect(r.evidence).toMatch(/\/data\/dp-audit-[0-9a-f]{16}\.txt -> 404/);
			const ok = await check('check_http_status', [`${app}/good`, '403', ...DENIED], env);
			expect(ok.state, ok.output).toBe('PASS');
		});

		it('a redirect to another host or another path is never followed: the redirect itself is judged', async () => {
			for (const scene of ['elsewhere', 'elsepath']) {
				const r = await check('check_http_status', [`${app}/${scene}`, '403', '/data/']);
				expect(r.state, `${scene}: ${r.output}`).toBe('FAIL');
				expect(r.evidence).toContain('/data/ -> 301');
				expect(r.evidence).not.toContain('judged');
			}
		});
	}
);
