/**
 * The audit's data-directory location and cron checks on a real filesystem: dir_data reached
 * through a symbolic link from inside the web root, or the web root's data/ being the data
 * directory itself, is inside the web root (FAIL); a relative dir_data is never PASS; another
 * install's cron line (…/deskpro-staging/cron.php) is not this install's.
 */
import { expect, it } from 'vitest';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serverDescribe } from './harness';
import { caseDir, runLibCheck, scratchDir } from './audit-lib-driver';

serverDescribe(
	['php', 'bash'],
	'audit: data directory location and cron lines on a real filesystem',
	() => {
		const scratch = scratchDir('paths');

		/** An install (web root) with config.php setting dir_data, and a data directory outside. */
		function site(dirData: (web: string, data: string) => string) {
			const sub = caseDir(scratch());
			const web = join(sub, 'www');
			const data = join(sub, 'var', 'data');
			mkdirSync(web, { mode: 0o755 });
			mkdirSync(data, { recursive: true, mode: 0o755 });
			chmodSync(join(sub, 'var'), 0o755);
			const cfg = join(web, 'config.php');
			writeFileSync(cfg, `<?php\n$DP_CONFIG = array('debug' => array());\n$DP_CONFIG['dir_data'] = ${JSON.stringify(dirData(web, data))};\n`, { mode: 0o644 });
			return { sub, web, data, cfg };
		}
		const location = (s: ReturnType<typeof site>) => runLibCheck(s.sub, 'check_data_dir_location', [s.cfg, 'nobody', s.web, s.data]);

		it('PASS outside the web root as planned; FAIL when it is reached from inside the web root', async () => {
			const ok = site((_w, d) => d);
			expect((await location(ok)).state).toBe('PASS');
			// dir_data names <web root>/data, a symbolic link to the real directory outside
			const viaLink = site((w) => join(w, 'data'));
			symlinkSync(viaLink.data, join(viaLink.web, 'data'));
			const r1 = await location(viaLink);
			expect(r1.state, r1.evidence).toBe('FAIL');
			expect(r1.evidence).toContain('a path inside the web root');
			// dir_data is right, but <web root>/data leads to the same directory
			const left = site((_w, d) => d);
			symlinkSync(left.data, join(left.web, 'data'));
			const r2 = await location(left);
			expect(r2.state, r2.evidence).toBe('FAIL');
			expect(r2.evidence).toContain('is the same directory');
		});

		it('a relative dir_data is a WARN (it depends on PHP’s working directory), never PASS', async () => {
			const rel = site(() => 'var/data');
			const r = await location(rel);
			expect(r.state, r.evidence).toBe('WARN');
			expect(r.evidence).toContain('relative path');
		});

		it('a cron line of another install with a longer path is not this install’s', async () => {
			const sub = caseDir(scratch());
			const root = join(sub, 'sysroot');
			mkdirSync(join(root, 'etc', 'cron.d'), { recursive: true });
			mkdirSync(join(root, 'var', 'spool', 'cron', 'crontabs'), { recursive: true });
			writeFileSync(join(root, 'etc', 'cron.d', 'staging'), '* * * * * root php /var/www/deskpro-staging/cron.php\n');
			writeFileSync(join(root, 'var', 'spool', 'cron', 'crontabs', 'www-data'), "* * * * * php '/var/www/deskpro/cron.php'\n");
			const driver = (args: string[]) => runLibCheck(sub, 'eval', [`SYSTEM_ROOT=${JSON.stringify(root)}; check_cron_user ${args.map((a) => JSON.stringify(a)).join(' ')}`]);
			const r = await driver(['/var/www/deskpro', 'www-data']);
			expect(r.state, r.evidence).toBe('PASS');
			expect(r.evidence).not.toContain('staging');
			// and this install's own line run by root is still found, in every spelling
			writeFileSync(join(root, 'etc', 'cron.d', 'deskpro'), '* * * * * root cd /var/www/deskpro && php cron.php\n');
			expect((await driver(['/var/www/deskpro', 'www-data'])).state).toBe('FAIL');
		});
	},
	{ root: true }
);
