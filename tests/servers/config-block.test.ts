/**
 * The config.php block on a stock-like config.php (tests/servers/stock-config.ts: the
 * assignments of Deskpro's sample in its order), read back by real PHP:
 *  - appended at the end (the wizard's instruction), Deskpro's loader order gives the wizard's
 *    database account, dir_data, trust_proxy_data and debug values;
 *  - inserted right after `$DP_CONFIG = array(...)` (the old instruction), the stock file's later
 *    `dir_data = ''` and `trust_proxy_data = false` win, and the audit says so (FAIL: Deskpro
 *    then uses <web root>/data, source: layn321/deskpro app/sys/load_config.php dp_get_data_dir).
 * The block to paste holds no `<?php` (it goes after PHP code).
 */
import { expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configPhp } from '$lib/generators/config-php';
import { bin, run, serverDescribe } from './harness';
import { serverEnv } from './env';
import { caseDir, runLibCheck, scratchDir } from './audit-lib-driver';
import { appendBlock, insertAfterArrayLine, stockConfigPhp } from './stock-config';

const about = { helpdeskName: 'T', helpdeskUrl: 'https://support.example.test/', deployment: 'download', os: 'linux', webServer: 'nginx' } as const;

/**
 * What Deskpro's loader ends up with (layn321/deskpro app/sys/load_config.php dp_load_config:
 * config.php is required, then each of $DP_CONFIG['db'][host|user|password|dbname] not set is
 * taken from the DP_DATABASE_* constant), printed as JSON. Written for this test.
 */
const LOADER = `
$DP_CONFIG = null;
require $argv[1];
foreach (array('host' => 'DP_DATABASE_HOST', 'user' => 'DP_DATABASE_USER', 'password' => 'DP_DATABASE_PASSWORD', 'dbname' => 'DP_DATABASE_NAME') as $k => $c) {
	if (!isset($DP_CONFIG['db'][$k])) { $DP_CONFIG['db'][$k] = constant($c); }
}
echo json_encode(array('db' => $DP_CONFIG['db'], 'dir_data' => $DP_CONFIG['dir_data'], 'trust_proxy_data' => $DP_CONFIG['trust_proxy_data'],
	'debug_trace' => $DP_CONFIG['debug']['enable_debug_trace'], 'display_errors' => $DP_CONFIG['enable_display_errors'],
	'dev' => $DP_CONFIG['debug']['dev'], 'request_errorlog' => $DP_CONFIG['enable_request_errorlog']));
`;

serverDescribe(
	['php', 'bash'],
	'config.php block on a stock-like config.php, read back by PHP',
	() => {
		const scratch = scratchDir('cfgblock');
		const env = serverEnv({
			dataPath: '/srv/deskpro-data',
			dbHost: 'localhost',
			dbUser: 'dp_runtime',
			dbPassword: `Aa1-${'x'.repeat(20)}'"$`,
			dbUpgradePassword: `Bb2-${'y'.repeat(20)}`,
			behindProxy: true,
			proxyAddresses: ['192.0.2.10']
		});

		it('the block to paste is lines to append: no <?php, no closing tag', () => {
			const block = configPhp(env, about);
			expect(block).not.toContain('<?php');
			expect(block).not.toContain('?>');
			expect(block).toMatch(/END of config\.php/);
		});

		it('appended at the end of a stock config.php: Deskpro’s loader reads the wizard’s values (php -l clean)', async () => {
			const sub = caseDir(scratch());
			const file = join(sub, 'config.php');
			// a config.php left in developer mode ($DP_CONFIG['debug']['dev'], Deskpro's own switch: layn321/deskpro
			// app/sys/KernelBooter.php) is turned back off by the block appended after it
			writeFileSync(file, appendBlock(`${stockConfigPhp()}\n$DP_CONFIG['debug']['dev'] = true;\n`, configPhp(env, about)));
			const lint = await run(bin('php'), ['-l', file]);
			expect(lint.code, lint.stdout + lint.stderr).toBe(0);
			const r = await run(bin('php'), ['-d', 'display_errors=stderr', '-r', LOADER, file]);
			expect(r.code, r.stdout + r.stderr).toBe(0);
			expect(r.stderr).toBe('');
			expect(JSON.parse(r.stdout)).toEqual({
				db: { host: 'localhost', user: 'dp_runtime', password: env.dbPassword, dbname: 'deskpro' },
				dir_data: '/srv/deskpro-data',
				trust_proxy_data: ['192.0.2.10'],
				debug_trace: false,
				display_errors: false,
				dev: false,
				request_errorlog: true
			});
		});

		it('audit: dir_data PASS when the block is at the end; FAIL (web root’s data/) when it sits above the stock dir_data line', async () => {
			const make = (text: (stock: string, block: string) => string) => {
				const sub = caseDir(scratch());
				const web = join(sub, 'www');
				const data = join(sub, 'data');
				mkdirSync(web, { mode: 0o755 });
				mkdirSync(data, { mode: 0o755 });
				const e = { ...env, dataPath: data, installPath: web };
				writeFileSync(join(web, 'config.php'), text(stockConfigPhp(), configPhp(e, about)), { mode: 0o644 });
				return runLibCheck(sub, 'check_data_dir_location', [join(web, 'config.php'), 'nobody', web, data]);
			};
			const end = await make(appendBlock);
			expect(end.state, end.evidence).toBe('PASS');
			const middle = await make(insertAfterArrayLine);
			expect(middle.state, middle.evidence).toBe('FAIL');
			expect(middle.evidence).toMatch(/data, inside the web root/);
		});
	},
	{ root: true }
);
