/**
 * The Linux scripts (move data/, ownership and permissions) run as root on a temporary fake
 * install with real users created for the test: --dry-run changes nothing (owners, modes,
 * mtimes, ctimes, crontab, group membership compared before and after), a real run leaves
 * exactly the promised owners and modes (stat), a second run changes nothing, symlinks are not
 * followed, and the web server / cron user / others get exactly the access promised.
 * Both scripts pass bash -n and shellcheck.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { chmodSync, chownSync, existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { permissionsScript, MODES } from '$lib/generators/permissions';
import { moveDataScript, CRON_PAUSE_MARK } from '$lib/generators/move-data';
import { configPhp, dirDataLine } from '$lib/generators/config-php';
import { appendBlock, insertAfterArrayLine, stockConfigPhp } from './stock-config';
import { bin, removeDir, run, serverDescribe, tempDir } from './harness';
import { makeFakeDeskpro } from './fake-deskpro';
import { serverEnv } from './env';
import type { ServerEnv } from '$lib/practices/_server-env';

const suffix = randomBytes(3).toString('hex');
const OWNER = `dpo${suffix}`;
const WEB = `dpw${suffix}`;
const CRON = `dpc${suffix}`;

function walk(root: string, out: string[] = []): string[] {
	out.push(root);
	const st = lstatSync(root);
	if (st.isDirectory() && !st.isSymbolicLink()) for (const e of readdirSync(root)) walk(join(root, e), out);
	return out;
}

serverDescribe(['bash', 'shellcheck', 'useradd', 'userdel'], 'Linux permission scripts as root on a fake install', () => {
	let dir = '';
	let env: ServerEnv;
	let install = '';
	let data = '';
	let canary = '';
	let pathEnv: NodeJS.ProcessEnv;
	const scripts: Record<string, string> = {};

	const snapshot = (): string => {
		const paths = [...(existsSync(install) ? walk(install) : []), ...(existsSync(data) ? walk(data) : []), canary];
		const crontabs = join(dir, 'crontabs');
		const lines = paths.map((p) => {
			const s = lstatSync(p);
			return `${p} ${s.uid}:${s.gid} ${s.mode.toString(8)} ${s.mtimeMs} ${s.ctimeMs}`;
		});
		// group lines of the test users only (other test files add and remove their own users concurrently)
		const groups = readFileSync('/etc/group', 'utf8').split('\n').filter((l) => [OWNER, WEB, CRON].some((u) => l.startsWith(`${u}:`) || l.split(':')[3]?.split(',').includes(u)));
		return [...lines, readdirSync(crontabs).map((f) => readFileSync(join(crontabs, f), 'utf8')).join('|'), ...groups].join('\n');
	};
	const sh = (name: string, ...args: string[]) => run(bin('bash'), [join(dir, name), ...args], { env: pathEnv });
	const as = (user: string, ...cmd: string[]) => run('/usr/sbin/runuser', ['-u', user, '--', ...cmd]);

	beforeAll(async () => {
		dir = tempDir('perms');
		install = join(dir, 'srv', 'deskpro www');
		data = join(dir, 'var lib', 'deskpro', 'data');
		for (const [u, extra] of [[OWNER, []], [WEB, []], [CRON, []]] as const) {
			const r = await run(bin('useradd'), ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', '--user-group', ...extra, u]);
			expect(r.code, r.stderr).toBe(0);
		}
		makeFakeDeskpro(install);
		// A messy starting point: root-owned, some 0777, a symlink pointing out of the install.
		chmodSync(join(install, 'data'), 0o777);
		chmodSync(join(install, 'data', 'secret.txt'), 0o666);
		chmodSync(join(install, 'web'), 0o777);
		canary = join(dir, 'canary.txt');
		writeFileSync(canary, 'outside the install\n');
		chmodSync(canary, 0o600);
		chownSync(canary, 0, 0);
		symlinkSync(canary, join(install, 'data', 'link-out'));
		symlinkSync(canary, join(install, 'web', 'link-out'));
		// A stand-in `crontab` (the real one is not installed on CI machines): per-user files.
		const shim = join(dir, 'bin');
		mkdirSync(shim);
		mkdirSync(join(dir, 'crontabs'));
		writeFileSync(
			join(shim, 'crontab'),
			`#!/bin/bash\nset -e\n[ "$1" = -u ] || exit 2\nf="${dir}/crontabs/$2"\ncase "$3" in\n -l) [ -f "$f" ] && cat "$f" || { echo "no crontab for $2" >&2; exit 1; } ;;\n -) cat > "$f" ;;\n *) exit 2 ;;\nesac\n`
		);
		chmodSync(join(shim, 'crontab'), 0o755);
		writeFileSync(join(dir, 'crontabs', CRON), `MAILTO=""\n* * * * * php '${install}/cron.php'\n# an old comment about cron.php\n`);
		pathEnv = { ...process.env, PATH: `${shim}:${process.env.PATH}` };

		env = serverEnv({ installPath: install, dataPath: data, ownerUser: OWNER, webUser: WEB, webGroup: WEB, cronUser: CRON });
		scripts['move.sh'] = moveDataScript(env);
		scripts['perms.sh'] = permissionsScript(env);
		for (const [n, t] of Object.entries(scripts)) writeFileSync(join(dir, n), t);
	});
	afterAll(async () => {
		for (const u of [OWNER, WEB, CRON]) await run(bin('userdel'), [u]).catch(() => undefined);
		removeDir(dir);
	});

	it('both scripts pass bash -n and shellcheck', async () => {
		for (const n of Object.keys(scripts)) {
			const syntax = await run(bin('bash'), ['-n', join(dir, n)]);
			expect(syntax.code, syntax.stderr).toBe(0);
			const sc = await run(bin('shellcheck'), ['-s', 'bash', '-S', 'style', join(dir, n)]);
			expect(sc.code, sc.stdout).toBe(0);
		}
	});

	it('move data/: --dry-run changes nothing', async () => {
		const before = snapshot();
		const r = await sh('move.sh', '--dry-run');
		expect(r.code, r.stderr).toBe(0);
		expect(r.stdout).toMatch(/would run: mv -T -- /);
		expect(r.stdout).toContain('dry run: nothing was changed');
		expect(snapshot()).toBe(before);
	});

	it('move data/: pauses cron, moves, fixes ownership, and resumes cron only once config.php has the line', async () => {
		const r = await sh('move.sh');
		expect(r.code, r.stderr).toBe(0);
		// until config.php names dir_data, data/ in the web root is a link to the new place (so
		// Deskpro's fallback to DP_WEB_ROOT/data does not recreate it there)
		expect(lstatSync(join(install, 'data')).isSymbolicLink()).toBe(true);
		expect(readlinkSync(join(install, 'data'))).toBe(data);
		expect(readFileSync(join(data, 'secret.txt'), 'utf8')).toContain('TOP-SECRET');
		expect(r.stdout).toContain(`at the END of ${install}/config.php, then run this script again`);
		const paused = readFileSync(join(dir, 'crontabs', CRON), 'utf8');
		expect(paused).toContain(`${CRON_PAUSE_MARK}* * * * * php '${install}/cron.php'`);
		expect(paused).toContain('\n# an old comment about cron.php');
		// the admin puts the block right after $DP_CONFIG = array(...) of a stock config.php: the
		// stock dir_data = '' further down wins, PHP (as the web user) reads it back, the script
		// stops and cron stays paused
		const block = configPhp(env, { helpdeskName: 'T', helpdeskUrl: 'https://support.example.test/', deployment: 'download', os: 'linux', webServer: 'nginx' });
		writeFileSync(join(install, 'config.php'), insertAfterArrayLine(stockConfigPhp(), block));
		const middle = await sh('move.sh');
		expect(middle.code, middle.stdout + middle.stderr).toBe(1);
		expect(middle.stderr).toContain("PHP reads dir_data as ''");
		expect(middle.stderr).toContain('END of config.php');
		expect(readFileSync(join(dir, 'crontabs', CRON), 'utf8')).toBe(paused);
		// the line alone, with a later assignment that PHP runs: still refused (no grep)
		writeFileSync(join(install, 'config.php'), `<?php\n${dirDataLine(data)}\n$DP_CONFIG['dir_data'] = '/elsewhere';\n`);
		const later = await sh('move.sh');
		expect(later.code).toBe(1);
		expect(later.stderr).toContain("PHP reads dir_data as /elsewhere");
		// the admin appends the block at the end, runs it again: cron resumes, nothing else moves
		writeFileSync(join(install, 'config.php'), appendBlock(stockConfigPhp(), block));
		const again = await sh('move.sh');
		expect(again.code, again.stderr).toBe(0);
		expect(again.stdout).toContain(`ok: data/ is at ${data} (${install}/data links there until config.php names it)`);
		expect(again.stdout).toContain(`ok: PHP reads dir_data from config.php as ${data}`);
		expect(again.stdout).toContain(`removing the link ${install}/data`);
		expect(existsSync(join(install, 'data'))).toBe(false);
		expect(readFileSync(join(data, 'secret.txt'), 'utf8')).toContain('TOP-SECRET');
		// a third run: nothing left to do
		const third = await sh('move.sh');
		expect(third.code, third.stderr).toBe(0);
		expect(third.stdout).toContain(`ok: data/ is already at ${data}`);
		expect(readFileSync(join(dir, 'crontabs', CRON), 'utf8')).toBe(`MAILTO=""\n* * * * * php '${install}/cron.php'\n# an old comment about cron.php\n`);
	});

	it('permissions: --dry-run lists the changes and changes nothing', async () => {
		const before = snapshot();
		const r = await sh('perms.sh', '--dry-run');
		expect(r.code, r.stderr).toBe(0);
		expect(r.stdout).toMatch(/would chown root:root .*index\.php/);
		expect(r.stdout).toMatch(/would run: usermod -a -G/);
		expect(snapshot()).toBe(before);
	});

	it('permissions: leaves the promised owners and modes, never follows symlinks, and a second run changes nothing', async () => {
		const r = await sh('perms.sh');
		expect(r.code, r.stderr + r.stdout).toBe(0);
		expect(r.stdout).toContain('ok: no world-writable file or directory');
		const uid = Number((await run('/usr/bin/id', ['-u', OWNER])).stdout.trim());
		const gid = Number((await run('/usr/bin/id', ['-g', WEB])).stdout.trim());
		const check = async (root: string, dirMode: string, fileMode: string) => {
			const paths = walk(root);
			const st = await run('/usr/bin/stat', ['-c', '%u %g %a %F', ...paths]);
			expect(st.code, st.stderr).toBe(0);
			st.stdout.trim().split('\n').forEach((line, i) => {
				const p = paths[i];
				const [u, g, mode, ...type] = line.split(' ');
				expect(`${u}:${g}`, p).toBe(`${uid}:${gid}`);
				const t = type.join(' ');
				if (t === 'directory') expect(mode, p).toBe(dirMode);
				else if (t === 'regular file' || t === 'regular empty file') expect(mode, p).toBe(fileMode);
				else expect(t, p).toBe('symbolic link');
			});
			expect(paths.length).toBeGreaterThan(5);
		};
		await check(install, MODES.appDir, MODES.appFile);
		await check(data, MODES.dataDir, MODES.dataFile);
		const c = lstatSync(canary);
		expect([c.uid, c.gid, c.mode & 0o7777]).toEqual([0, 0, 0o600]);
		expect((await run('/usr/bin/id', ['-nG', CRON])).stdout.split(/\s+/)).toContain(WEB);

		const before = snapshot();
		const again = await sh('perms.sh');
		expect(again.code).toBe(0);
		expect(again.stdout).not.toMatch(/need mode|not owned by/);
		expect(snapshot()).toBe(before);
	});

	it('the web server reads but cannot write the app; it and the cron user write data/; others get nothing', async () => {
		expect((await as(WEB, 'test', '-r', join(install, 'config.php'))).code).toBe(0);
		expect((await as(WEB, 'test', '-w', join(install, 'index.php'))).code).not.toBe(0);
		expect((await as(WEB, 'test', '-w', install)).code).not.toBe(0);
		expect((await as(WEB, 'touch', join(data, 'files', 'from-web'))).code).toBe(0);
		expect((await as(CRON, 'touch', join(data, 'logs-from-cron'))).code).toBe(0);
		expect(lstatSync(join(data, 'logs-from-cron')).gid).toBe(lstatSync(data).gid);
		expect((await as('nobody', 'cat', join(install, 'config.php'))).code).not.toBe(0);
		expect((await as('nobody', 'ls', data)).code).not.toBe(0);
	});

	it('refuses to run for a missing owner account, with a message', async () => {
		const bad = permissionsScript({ ...env, ownerUser: `nouser${suffix}` });
		writeFileSync(join(dir, 'bad.sh'), bad);
		const r = await run(bin('bash'), [join(dir, 'bad.sh'), '--dry-run']);
		expect(r.code).toBe(1);
		expect(r.stderr).toMatch(/owner account nouser\w+ does not exist/);
		const usage = await run(bin('bash'), [join(dir, 'perms.sh'), '--force']);
		expect(usage.code).toBe(64);
	});
});
