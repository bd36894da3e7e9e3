/**
 * Attack (issue #12, finding 2): the permissions and move-data scripts run as root over a data
 * directory the web-server user can write. That user swaps a directory inside data/ with a
 * symbolic link to a root-owned directory outside the install, in a loop
 * (renameat2(RENAME_EXCHANGE), a small C helper compiled here and run as the real web user for
 * a bounded number of iterations) while the real generated script runs as root. A path-name
 * walk (`find … -exec chown/chmod {} +`) then changes files outside the install.
 * The attack fails when, over every run, no file or directory outside the install and data
 * directory changed owner or mode (lstat before and after).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { chmodSync, chownSync, existsSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { permissionsScript } from '$lib/generators/permissions';
import { moveDataScript } from '$lib/generators/move-data';
import { bin, removeDir, run, serverDescribe, tempDir } from '../harness';
import { serverEnv } from '../env';

const GCC = '/usr/bin/gcc';
const RUNS = 4;
const PAIRS = 4;
const FILES = 120;
const suffix = randomBytes(3).toString('hex');
const OWNER = `dro${suffix}`;
const WEB = `drw${suffix}`;
const CRON = `drc${suffix}`;

// The racing helper: from inside DIR, swaps bK and xK (a real directory and a symlink) for K < PAIRS,
// ITER times at most, or until the file STOP exists.
const RACER = String.raw`
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <fcntl.h>
#include <sys/syscall.h>
#include <linux/fs.h>
int main(int argc, char **argv) {
	if (argc != 5) return 2;
	const char *dir = argv[1]; long iter = atol(argv[2]); int pairs = atoi(argv[3]); const char *stop = argv[4];
	char a[16][600], b[16][600];
	// from inside the directory, as a process of the web server would: it follows data/ when it is moved
	if (chdir(dir) != 0) return 3;
	for (int k = 0; k < pairs && k < 16; k++) { snprintf(a[k], 600, "b%d", k); snprintf(b[k], 600, "x%d", k); }
	for (long i = 0; i < iter; i++) {
		for (int k = 0; k < pairs; k++) syscall(SYS_renameat2, AT_FDCWD, a[k], AT_FDCWD, b[k], RENAME_EXCHANGE);
		if ((i & 1023) == 0 && access(stop, F_OK) == 0) break;
	}
	return 0;
}
`;

function walk(root: string, out: string[] = []): string[] {
	out.push(root);
	const st = lstatSync(root);
	if (st.isDirectory()) for (const e of readdirSync(root)) walk(join(root, e), out);
	return out;
}

serverDescribe(
	['bash', 'useradd', 'userdel'],
	'attack: swapping directories for symlinks while the root scripts walk data/',
	() => {
		let dir = '';
		let racer = '';
		let outside = '';
		let webUid = 0;
		let webGid = 0;
		const envPath = () => ({ ...process.env, PATH: `${join(dir, 'bin')}:${process.env.PATH}` });

		beforeAll(async () => {
			if (!existsSync(GCC)) throw new Error('gcc is needed to build the racing helper');
			dir = tempDir('race');
			for (const u of [OWNER, WEB, CRON]) {
				const r = await run(bin('useradd'), ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', '--user-group', u]);
				expect(r.code, r.stderr).toBe(0);
			}
			webUid = Number((await run('/usr/bin/id', ['-u', WEB])).stdout.trim());
			webGid = Number((await run('/usr/bin/id', ['-g', WEB])).stdout.trim());
			writeFileSync(join(dir, 'racer.c'), RACER);
			racer = join(dir, 'racer');
			const cc = await run(GCC, ['-O2', '-o', racer, join(dir, 'racer.c')]);
			expect(cc.code, cc.stderr).toBe(0);
			chmodSync(racer, 0o755);
			// the victims: root's files outside the install, with the same names as the data files
			outside = join(dir, 'outside');
			mkdirSync(outside, { mode: 0o755 });
			for (let i = 0; i < FILES; i++) writeFileSync(join(outside, `f${i}`), 'root only\n', { mode: 0o600 });
			mkdirSync(join(outside, 'sub'), { mode: 0o700 });
			// no crontab on CI machines: a stand-in that has nothing to pause
			mkdirSync(join(dir, 'bin'));
			writeFileSync(join(dir, 'bin', 'crontab'), '#!/bin/sh\nexit 1\n', { mode: 0o755 });
		});
		afterAll(async () => {
			for (const u of [OWNER, WEB, CRON]) await run(bin('userdel'), [u]).catch(() => undefined);
			if (dir) removeDir(dir);
		});

		const victims = () => walk(outside).map((p) => { const s = lstatSync(p); return `${p} ${s.uid}:${s.gid} ${(s.mode & 0o7777).toString(8)}`; }).join('\n');

		/** A data tree as the web user leaves it: its own files, and DIR/a/bK next to a symlink DIR/a/xK -> outside. */
		function plantData(data: string): void {
			rmSync(data, { recursive: true, force: true });
			mkdirSync(join(data, 'a'), { recursive: true });
			for (let k = 0; k < PAIRS; k++) {
				const b = join(data, 'a', `b${k}`);
				mkdirSync(join(b, 'sub'), { recursive: true });
				for (let i = 0; i < FILES; i++) writeFileSync(join(b, `f${i}`), 'attachment\n');
				symlinkSync(outside, join(data, 'a', `x${k}`));
			}
			for (const p of walk(data)) {
				const s = lstatSync(p);
				if (s.isSymbolicLink()) continue;
				chmodSync(p, s.isDirectory() ? 0o775 : 0o664);
				chownSync(p, webUid, webGid);
			}
			for (let k = 0; k < PAIRS; k++) {
				const x = join(data, 'a', `x${k}`);
				// lchown: the web user's own symlink
				run('/usr/bin/chown', ['-h', `${webUid}:${webGid}`, x]);
			}
		}

		/** Runs SCRIPT as root while the web user races; returns the script's result. */
		async function raced(script: string, raceDir: string) {
			const stop = join(dir, `stop-${randomBytes(4).toString('hex')}`);
			const child = spawn('/usr/sbin/runuser', ['-u', WEB, '--', racer, raceDir, '20000000', String(PAIRS), stop], { stdio: 'ignore' });
			const done = new Promise<void>((r) => child.on('exit', () => r()));
			await new Promise((r) => setTimeout(r, 100));
			const r = await run(bin('bash'), [script], { env: envPath(), timeout: 120_000 });
			writeFileSync(stop, '');
			await done;
			return r;
		}

		it('permissions script: no file outside the install changes owner or mode', async () => {
			const install = join(dir, 'srv', 'deskpro');
			const data = join(dir, 'var', 'deskpro-data');
			mkdirSync(install, { recursive: true });
			writeFileSync(join(install, 'index.php'), '<?php\n');
			const env = serverEnv({ installPath: install, dataPath: data, ownerUser: OWNER, webUser: WEB, webGroup: WEB, cronUser: CRON });
			const script = join(dir, 'perms.sh');
			writeFileSync(script, permissionsScript(env));
			const before = victims();
			const damaged: string[] = [];
			for (let n = 0; n < RUNS; n++) {
				plantData(data);
				const r = await raced(script, join(data, 'a'));
				const now = victims();
				if (now !== before) damaged.push(`run ${n + 1} (exit ${r.code}): ${now.split('\n').filter((l) => !before.includes(l)).slice(0, 3).join('; ')}`);
				// put the victims back for the next run
				for (const p of walk(outside)) { chownSync(p, 0, 0); chmodSync(p, lstatSync(p).isDirectory() ? (p === outside ? 0o755 : 0o700) : 0o600); }
			}
			expect(damaged, damaged.join('\n')).toEqual([]);
		}, 300_000);

		it('move-data script: no file outside the install changes owner or mode', async () => {
			const install = join(dir, 'srv', 'deskpro2');
			const data = join(dir, 'var', 'deskpro2-data');
			mkdirSync(install, { recursive: true });
			writeFileSync(join(install, 'index.php'), '<?php\n');
			writeFileSync(join(install, 'config.php'), '<?php\n');
			const env = serverEnv({ installPath: install, dataPath: data, ownerUser: OWNER, webUser: WEB, webGroup: WEB, cronUser: CRON });
			const script = join(dir, 'move.sh');
			writeFileSync(script, moveDataScript(env));
			const before = victims();
			const damaged: string[] = [];
			for (let n = 0; n < RUNS; n++) {
				rmSync(data, { recursive: true, force: true });
				plantData(join(install, 'data'));
				const r = await raced(script, join(install, 'data', 'a'));
				if (existsSync(join(install, 'data'))) rmSync(join(install, 'data'), { recursive: true, force: true });
				else if (existsSync(data)) renameSync(data, join(dir, `moved-${n}`));
				const now = victims();
				if (now !== before) damaged.push(`run ${n + 1} (exit ${r.code}): ${now.split('\n').filter((l) => !before.includes(l)).slice(0, 3).join('; ')}`);
				for (const p of walk(outside)) { chownSync(p, 0, 0); chmodSync(p, lstatSync(p).isDirectory() ? (p === outside ? 0o755 : 0o700) : 0o600); }
			}
			expect(damaged, damaged.join('\n')).toEqual([]);
		}, 300_000);

		it('the link left in the web root until config.php names dir_data: the web user swaps it (for a link to root\'s files, a file, a directory) and the run after config.php removes nothing of root\'s, follows nothing, and stops with a message', async () => {
			const install = join(dir, 'srv', 'deskpro4');
			const data = join(dir, 'var', 'deskpro4-data');
			mkdirSync(install, { recursive: true });
			writeFileSync(join(install, 'index.php'), '<?php\n');
			// the shipped layout: the web user can write the web root
			chownSync(install, webUid, webGid);
			const env = serverEnv({ installPath: install, dataPath: data, ownerUser: OWNER, webUser: WEB, webGroup: WEB, cronUser: CRON });
			const script = join(dir, 'move4.sh');
			writeFileSync(script, moveDataScript(env));
			writeFileSync(join(install, 'config.php'), '<?php\n');
			plantData(join(install, 'data'));
			const first = await run(bin('bash'), [script], { env: envPath() });
			expect(first.code, first.stdout + first.stderr).toBe(0);
			expect(lstatSync(join(install, 'data')).isSymbolicLink()).toBe(true);
			// config.php now names the new place: the next run would remove the link
			writeFileSync(join(install, 'config.php'), `<?php\n$DP_CONFIG['dir_data'] = '${data}';\n`);
			const asWeb = (cmd: string[]) => run('/usr/sbin/runuser', ['-u', WEB, '--', ...cmd]);
			const swaps: [string, () => Promise<unknown>, RegExp][] = [
				['a link to root\'s directory', () => asWeb(['/bin/ln', '-sfnT', outside, join(install, 'data')]), /not a plain directory/],
				['a plain file', async () => { await asWeb(['/bin/rm', '-f', join(install, 'data')]); await asWeb(['/bin/sh', '-c', `echo x > '${join(install, 'data')}'`]); }, /not a plain directory/],
				['a directory with a file', async () => { await asWeb(['/bin/rm', '-f', join(install, 'data')]); await asWeb(['/bin/mkdir', join(install, 'data')]); await asWeb(['/bin/touch', join(install, 'data', 'x')]); }, /already exists and is not empty/]
			];
			for (const [what, swap, message] of swaps) {
				const before = victims();
				await swap();
				const kind = lstatSync(join(install, 'data'));
				const r = await run(bin('bash'), [script], { env: envPath() });
				expect(r.code, `${what}: ${r.stdout}${r.stderr}`).toBe(1);
				expect(r.stderr, what).toMatch(message);
				expect(victims(), what).toBe(before);
				// what the web user put there is still there: nothing was unlinked or moved
				expect(lstatSync(join(install, 'data')).mode, what).toBe(kind.mode);
				expect(readdirSync(data).sort(), what).toEqual(['a']);
				rmSync(join(install, 'data'), { recursive: true, force: true });
			}
		});

		it('refuses to start, changing nothing, when the web user can replace the data directory itself (its parent is theirs or writable)', async () => {
			const install = join(dir, 'srv', 'deskpro3');
			const parent = join(dir, 'var', 'web-owned');
			const data = join(parent, 'data');
			mkdirSync(install, { recursive: true });
			writeFileSync(join(install, 'index.php'), '<?php\n');
			plantData(data);
			const env = serverEnv({ installPath: install, dataPath: data, ownerUser: OWNER, webUser: WEB, webGroup: WEB, cronUser: CRON });
			const script = join(dir, 'perms3.sh');
			writeFileSync(script, permissionsScript(env));
			for (const [uid, mode] of [[webUid, 0o755], [0, 0o777]] as const) {
				chownSync(parent, uid, 0);
				chmodSync(parent, mode);
				const before = walk(data).map((p) => { const st = lstatSync(p); return `${p} ${st.uid}:${st.gid} ${st.mode}`; }).join('\n');
				const r = await run(bin('bash'), [script], { env: envPath() });
				expect(r.code, r.stdout + r.stderr).toBe(1);
				expect(r.stderr).toMatch(/could replace .*data/);
				expect(walk(data).map((p) => { const st = lstatSync(p); return `${p} ${st.uid}:${st.gid} ${st.mode}`; }).join('\n')).toBe(before);
			}
		});
	},
	{ root: true }
);
