/**
 * Deskpro's cron and its auto-updater (deskpro/surface/runtime.ts, CRON_LAYOUTS): the wizard
 * generates the two lines of Deskpro's guide (the cron user with --no-auto-updater, the owner
 * with --auto-updater) as an /etc/cron.d file, says plainly when updates become manual, and the
 * audit accepts the split. Each generated line's command is run by a real /bin/sh with a
 * stand-in php that prints its arguments, so the quoting is proven, not assumed.
 */
import { expect, it } from 'vitest';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { outputsFor } from '$lib/outputs';
import { derivePlan } from '$lib/plan/derive';
import { run, serverDescribe } from './harness';
import { planWith } from './env';
import { caseDir, runLibCheck, scratchDir } from './audit-lib-driver';

const about = { helpdeskUrl: 'https://support.example.test/', webServer: 'nginx' } as const;
const INSTALL = '/srv/desk pro,x=1';
const cronFile = (server: Record<string, unknown>) => outputsFor(planWith({ installPath: INSTALL, ownerUser: 'deskpro', cronUser: 'www-data', ...server }, about)).find((o) => o.id === 'crontab');

serverDescribe(
	['bash'],
	'cron lines with Deskpro’s auto-updater split',
	() => {
		const scratch = scratchDir('cron');

		it('generates the guide’s two lines: the cron user with --no-auto-updater, the owner with --auto-updater', async () => {
			const f = cronFile({});
			expect(f, 'no crontab file generated').toBeDefined();
			const lines = f!.text.split('\n').filter((l) => l && !l.startsWith('#') && !/^[A-Z]+=/.test(l));
			expect(lines).toHaveLength(2);
			expect(lines[0]).toMatch(/^\* \* \* \* \* www-data php /);
			expect(lines[0]).toMatch(/ --no-auto-updater$/);
			expect(lines[1]).toMatch(/^\* \* \* \* \* deskpro php /);
			expect(lines[1]).toMatch(/ --auto-updater$/);
			// cron hands the command to /bin/sh: a stand-in php shows what it receives
			const sub = caseDir(scratch());
			mkdirSync(join(sub, 'bin'));
			writeFileSync(join(sub, 'bin', 'php'), '#!/bin/sh\nfor a; do printf "[%s]" "$a"; done\n');
			chmodSync(join(sub, 'bin', 'php'), 0o755);
			for (const [line, flag] of [[lines[0]!, '--no-auto-updater'], [lines[1]!, '--auto-updater']] as const) {
				const cmd = line.split(' ').slice(6).join(' ');
				const r = await run('/bin/sh', ['-c', cmd], { env: { ...process.env, PATH: `${join(sub, 'bin')}:/usr/bin:/bin` } });
				expect(r.stdout).toBe(`[${INSTALL}/cron.php][${flag}]`);
			}
		});

		it('says plainly that read-only files without the owner line mean manual updates', () => {
			const d = derivePlan(planWith({ installPath: INSTALL, cronUpdater: 'no-updater' }, about));
			const step = d.practices.find((p) => p.practice.id === 'server-permissions')!;
			const notes = step.notes.map((n) => n.text).join('\n');
			expect(notes).toMatch(/manual/i);
			const f = cronFile({ cronUpdater: 'no-updater' })!;
			expect(f.text).toMatch(/every update is manual/i);
			expect(f.text.split('\n').filter((l) => /^\* /.test(l))).toHaveLength(1);
		});

		it('audit: the split (owner with --auto-updater, cron user without) is a PASS; the updater line as another user is not', async () => {
			const sub = caseDir(scratch());
			const root = join(sub, 'sysroot');
			mkdirSync(join(root, 'etc', 'cron.d'), { recursive: true });
			writeFileSync(join(root, 'etc', 'cron.d', 'deskpro'), cronFile({ installPath: '/var/www/deskpro' })!.text);
			const check = (args: string[]) => runLibCheck(sub, 'eval', [`SYSTEM_ROOT=${JSON.stringify(root)}; check_cron_user ${args.map((a) => JSON.stringify(a)).join(' ')}`]);
			const ok = await check(['/var/www/deskpro', 'www-data', 'deskpro']);
			expect(ok.state, ok.evidence).toBe('PASS');
			writeFileSync(join(root, 'etc', 'cron.d', 'deskpro'), "* * * * * www-data php '/var/www/deskpro/cron.php' --no-auto-updater\n* * * * * nobody php '/var/www/deskpro/cron.php' --auto-updater\n");
			const other = await check(['/var/www/deskpro', 'www-data', 'deskpro']);
			expect(other.state, other.evidence).toBe('WARN');
		});
	},
	{ root: true }
);
