/**
 * The audit library on a real file system, as root: single check functions driven the way the
 * generated script runs them, against the traps a reviewer found. The core promise under test:
 * never PASS for what the audit could not read or test.
 *
 * - check_not_writable_by lists the tree as root and tests each entry as the user, so a file
 *   the user can reach (but not list) is still found; a failing runuser is never a PASS.
 * - check_fpm_ini_off believes only a complete probe answer (every setting, then an end
 *   marker): a probe that dies half-way (ini_get disabled) is SKIP, not "display_errors=off".
 * - curl ignores root's ~/.curlrc (-q); --outside-source with leading zeros does not crash.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { chmodSync, chownSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { shellQuote } from '$lib/generators/escape';
import { bin, removeDir, run, serverDescribe, tempDir } from './harness';
import { runLib } from './audit-lib-driver';

serverDescribe(
	['bash', 'php', 'curl'],
	'audit library: never PASS for what it could not read or test',
	() => {
		let dir = '';
		let fakeBin = '';
		beforeAll(() => {
			dir = tempDir('audit-robust');
			// Programs standing in for a failing runuser and for the FastCGI client (see below).
			fakeBin = join(dir, 'fake-bin');
			mkdirSync(fakeBin, { mode: 0o755 });
		});
		afterAll(() => removeDir(dir));

		let n = 0;
		/** Runs `call` (one line of bash) after the library, as the script runs it. */
		const drive = (call: string, opts: { path?: string; home?: string } = {}) => runLib(dir, call, opts);

		/** A fresh install tree owned by root, readable by everyone. */
		function tree(label: string): string {
			const root = join(dir, `${label}-${++n}`);
			mkdirSync(join(root, 'app'), { recursive: true, mode: 0o755 });
			chmodSync(root, 0o755);
			chmodSync(join(root, 'app'), 0o755);
			writeFileSync(join(root, 'app', 'index.php'), '<?php\n', { mode: 0o644 });
			return root;
		}
		const NOGROUP = 65534;

		it('check_not_writable_by: FAIL for a writable file the user can reach but not list', async () => {
			const root = tree('hidden');
			const src = join(root, 'app', 'src');
			mkdirSync(src, { mode: 0o710 });
			chownSync(src, 0, NOGROUP);
			chmodSync(src, 0o710);
			const kernel = join(src, 'Kernel.php');
			writeFileSync(kernel, '<?php\n');
			chownSync(kernel, 0, NOGROUP);
			chmodSync(kernel, 0o664);
			const r = await drive(`check_not_writable_by ${shellQuote(root)} nobody`);
			expect(r.state, r.evidence).toBe('FAIL');
			expect(r.evidence).toContain('nobody can write to 1 entry');
			expect(r.evidence).toContain(kernel);
		});

		it('check_not_writable_by: PASS only when every entry was tested; symlinks and the data directory are skipped', async () => {
			const root = tree('clean');
			// a writable target outside the tree, reached through a symlink: not followed
			const outside = join(dir, `outside-${n}`);
			writeFileSync(outside, 'x');
			chmodSync(outside, 0o666);
			symlinkSync(outside, join(root, 'app', 'link'));
			// the excluded data directory may be writable
			const data = join(root, 'data');
			mkdirSync(data, { mode: 0o777 });
			chmodSync(data, 0o777);
			writeFileSync(join(data, 'upload'), 'x', { mode: 0o666 });
			chmodSync(join(data, 'upload'), 0o666);
			// an unreadable directory is listed by root and tested too
			mkdirSync(join(root, 'app', 'secret'), { mode: 0o700 });
			chmodSync(join(root, 'app', 'secret'), 0o700);
			writeFileSync(join(root, 'app', 'secret', 'key'), 'x', { mode: 0o600 });
			const r = await drive(`check_not_writable_by ${shellQuote(root)} nobody ${shellQuote(data)}`);
			expect(r.state, r.evidence).toBe('PASS');
			expect(r.evidence).toMatch(/Tested as nobody: none of the 5 entries under .* is writable \(data directory excluded\)\./);
			// the same tree without the exclusion: FAIL with the data directory and its file
			const all = await drive(`check_not_writable_by ${shellQuote(root)} nobody`);
			expect(all.state, all.evidence).toBe('FAIL');
			expect(all.evidence).toContain('nobody can write to 2 entries');
		});

		it('check_not_writable_by: a runuser that fails is never a PASS, not even on a 0777 directory', async () => {
			const root = tree('runuser');
			chmodSync(join(root, 'app'), 0o777);
			const fake = join(fakeBin, 'runuser-broken');
			mkdirSync(fake, { mode: 0o755 });
			writeFileSync(join(fake, 'runuser'), '#!/bin/sh\necho "runuser: cannot open session: Permission denied" >&2\nexit 1\n', { mode: 0o755 });
			const r = await drive(`check_not_writable_by ${shellQuote(root)} nobody`, { path: fake });
			expect(r.state, r.evidence).toBe('SKIP');
			expect(r.evidence).toContain('cannot open session: Permission denied');
			// a runuser that ends early (some paths untested, exit 0) is not a PASS either
			const short = join(fakeBin, 'runuser-short');
			mkdirSync(short, { mode: 0o755 });
			writeFileSync(join(short, 'runuser'), '#!/bin/sh\nhead -c 10 >/dev/null\nexit 0\n', { mode: 0o755 });
			const s = await drive(`check_not_writable_by ${shellQuote(root)} nobody`, { path: short });
			expect(s.state, s.evidence).toBe('SKIP');
		});

		/**
		 * check_fpm_ini_off asks PHP-FPM over FastCGI with `php -n -r CLIENT -- FPM PROBE`; the
		 * client exits 0 whatever the probe did. This stand-in `php` runs the probe with the
		 * real PHP CLI under the given -d options and, like the client, always exits 0.
		 */
		function fakeFpm(label: string, phpArgs: string[]): string {
			const d = join(fakeBin, `php-${label}`);
			mkdirSync(d, { mode: 0o755 });
			writeFileSync(
				join(d, 'php'),
				`#!/bin/bash\nprobe=\${!#}\n${shellQuote(bin('php'))} -n ${phpArgs.map(shellQuote).join(' ')} "$probe"\nexit 0\n`,
				{ mode: 0o755 }
			);
			return d;
		}
		const fpmCall = 'check_fpm_ini_off 127.0.0.1:9 nobody display_errors expose_php';

		it('check_fpm_ini_off: a probe that dies half-way (ini_get disabled) is SKIP, never PASS', async () => {
			const r = await drive(fpmCall, { path: fakeFpm('noiniget', ['-d', 'disable_functions=ini_get', '-d', 'display_errors=1']) });
			expect(r.state, r.evidence).toBe('SKIP');
			expect(r.evidence).toContain('did not finish');
			// the real answers still work through the same path
			const on = await drive(fpmCall, { path: fakeFpm('on', ['-d', 'display_errors=1', '-d', 'expose_php=0']) });
			expect(on.state, on.evidence).toBe('FAIL');
			expect(on.evidence).toContain("display_errors=1");
			const off = await drive(fpmCall, { path: fakeFpm('off', ['-d', 'display_errors=0', '-d', 'expose_php=Off']) });
			expect(off.state, off.evidence).toBe('PASS');
			expect(off.evidence).toContain('display_errors=0, expose_php=off');
		});

		it('fpm_ini_parse: only a complete, well-formed answer is judged', async () => {
			const m = 'abc123';
			const judge = async (body: string) => {
				const f = join(dir, `body-${++n}`);
				writeFileSync(f, body);
				const r = await drive(
					`if fpm_ini_parse ${m} ${shellQuote(f)} display_errors expose_php; then join_items ', ' "\${FPM_BAD[@]}"; C_STATE="bad:$J"; join_items ', ' "\${FPM_GOOD[@]}"; C_EVIDENCE="good:$J"; else C_STATE=malformed; C_EVIDENCE=$J; fi`
				);
				return r;
			};
			const ok = await judge(`${m}\ndisplay_errors='0'\nexpose_php=''\n${m}-end\n`);
			expect([ok.state, ok.evidence]).toEqual(['bad:', 'good:display_errors=0, expose_php=off']);
			const bad = await judge(`notice\r\n${m}\r\ndisplay_errors='stdout'\r\nexpose_php='1'\r\n${m}-end\r\n`);
			expect([bad.state, bad.evidence]).toEqual(['bad:display_errors=stdout, expose_php=1', 'good:']);
			for (const broken of [
				`${m}\ndisplay_errors=\nPHP Fatal error: Call to undefined function ini_get()\n`, // truncated
				`${m}\ndisplay_errors='0'\n${m}-end\n`, // a setting missing
				`${m}\ndisplay_errors='0'\nexpose_php=''\n`, // no end marker
				`${m}\ndisplay_errors=\nexpose_php=''\n${m}-end\n`, // an empty, unquoted value
				`${m}\ndisplay_errors='0\nexpose_php=''\n${m}-end\n`, // unbalanced quote
				`${m}\nexpose_php=''\ndisplay_errors='0'\n${m}-end\n`, // out of order
				`display_errors='0'\nexpose_php=''\n${m}-end\n` // no start marker
			]) {
				const r = await judge(broken);
				expect(r.state, broken).toBe('malformed');
				expect(r.evidence.length, broken).toBeGreaterThan(0);
			}
		});

		it("curl ignores root's ~/.curlrc", async () => {
			const home = join(dir, 'home');
			mkdirSync(home, { mode: 0o700 });
			const trace = join(dir, 'curl-trace');
			writeFileSync(join(home, '.curlrc'), `trace-ascii = "${trace}"\n`);
			// the .curlrc is honoured without -q (so this test can fail)
			const plain = await run(bin('curl'), ['--silent', '--max-time', '2', 'http://127.0.0.1:1/'], { env: { ...process.env, HOME: home } });
			expect(plain.code).not.toBe(0);
			expect(existsSync(trace), 'curl reads ~/.curlrc').toBe(true);
			removeDir(trace);
			const r = await drive(`http_get http://127.0.0.1:1/; C_STATE=$HTTP_CODE; C_EVIDENCE=$HTTP_ERROR`, { home });
			expect(r.state).toBe('000');
			expect(existsSync(trace), 'the audit read ~/.curlrc').toBe(false);
		});

		it('--outside-source with leading zeros does not crash the address test', async () => {
			const r = await drive(
				'ipv4_in_cidr 10.1.2.08 10.0.0.0/8; a=$?; ipv4_in_cidr 010.1.2.09 192.168.0.0/16; b=$?; ipv4_in_cidr 10.1.2.8 10.1.2.0/08; c=$?; C_STATE="$a $b $c"; C_EVIDENCE=done'
			);
			expect(r.stderr).toBe('');
			expect(r.state).toBe('0 1 0');
			// and the option refuses such an address up front (curl may read 010 as octal)
			const opt = await drive('parse_args --outside-source 10.1.2.08');
			expect(opt.code).toBe(3);
			expect(opt.stderr).toContain('--outside-source 10.1.2.08: write the IPv4 address without leading zeros');
			expect((await drive('parse_args --outside-source 10.1.2.8; C_STATE=$OUTSIDE_SOURCE')).state).toBe('10.1.2.8');
		});

		it('--outside-source: an interface name is refused; an IPv6 address is never judged against an IPv6 allow-list entry', async () => {
			const iface = await drive('parse_args --outside-source eth1');
			expect(iface.code).toBe(3);
			expect(iface.stderr).toContain('give an IPv4 or IPv6 address of this server');
			// (the front page and curl are stubbed: the decision comes before any request)
			const stub = "front_page_ok() { return 0; }; need() { return 0; }; http_judge() { HTTP_CODE=200; }; OUTSIDE_SOURCE='2001:db8::7';";
			const v6 = await drive(`${stub} check_http_allow_list https://h /admin/ /agent/ -- 192.0.2.0/24 2001:db8::/32`);
			expect(v6.state, v6.evidence).toBe('SKIP');
			expect(v6.evidence).toContain('cannot compare');
			// IPv6 source, IPv4-only allow-list: outside by definition, judged (here: 200 → FAIL)
			expect((await drive(`${stub} check_http_allow_list https://h /admin/ -- 192.0.2.0/24`)).state).toBe('FAIL');
		});
	},
	{ root: true }
);
