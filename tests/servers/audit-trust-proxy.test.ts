/**
 * The audit's trust_proxy_data check on real PHP: config.php files written the many ways an
 * admin could write them, read by PHP as the web-server user, judged against the plan's
 * proxies. Whatever the spelling, trusting everyone (true, 0.0.0.0/0, ::/0) or an address the
 * plan does not list FAILs; only exactly the planned proxies (or false without one) PASS, and
 * anything the audit cannot interpret is never PASS.
 */
import { expect, it } from 'vitest';
import { join } from 'node:path';
import { rangeKey } from '$lib/validate/net';
import { serverDescribe } from './harness';
import { caseDir, runLibCheck, scratchDir } from './audit-lib-driver';

serverDescribe(
	['php', 'bash'],
	'audit: trust_proxy_data as PHP reads it',
	() => {
		const root = scratchDir('trust-proxy');

		/** Runs the check on a config.php holding `line`, for a plan with `proxies`. */
		async function judge(line: string, proxies: string[], extraFiles: Record<string, string> = {}): Promise<{ state: string; evidence: string }> {
			const sub = caseDir(root(), {
				...extraFiles,
				'config.php': `<?php\n$DP_CONFIG = array('debug' => array());\ndefine('DP_DATABASE_USER', 'deskpro');\n${line}\n`
			});
			return runLibCheck(sub, 'check_config_trust_proxy', [join(sub, 'config.php'), 'nobody', ...proxies.map((p) => `${rangeKey(p)}=${p}`)]);
		}

		it('PASS only for exactly the planned proxies (any spelling), or false without a proxy', async () => {
			expect((await judge("$DP_CONFIG['trust_proxy_data'] = false;", [])).state).toBe('PASS');
			expect((await judge("$DP_CONFIG['trust_proxy_data'] = array();", [])).state).toBe('PASS');
			expect((await judge("$DP_CONFIG['trust_proxy_data'] = array('10.0.0.5', '2001:db8::/32');", ['10.0.0.5', '2001:db8::/32'])).state).toBe('PASS');
			// the same addresses spelled differently, in another order
			const r = await judge("$DP_CONFIG['trust_proxy_data'] = array('2001:0DB8:0:0::/32', ' 10.0.0.5/32');", ['10.0.0.5', '2001:db8::/32']);
			expect(r.state, r.evidence).toBe('PASS');
			// read from an @file, as Deskpro allows
			const f = await judge("$DP_CONFIG['trust_proxy_data'] = array('@' . __DIR__ . '/proxies.php');", ['192.0.2.9'], { 'proxies.php': "<?php return array('192.0.2.9');\n" });
			expect(f.state, f.evidence).toBe('PASS');
			// "@~/" is relative to the install (where config.php is), as Deskpro reads it
			const home = await judge("$DP_CONFIG['trust_proxy_data'] = array('@~/proxies.php');", ['192.0.2.9'], { 'proxies.php': "<?php return array('192.0.2.9');\n" });
			expect(home.state, home.evidence).toBe('PASS');
			// a range written with host bits is the same range
			const bits = await judge("$DP_CONFIG['trust_proxy_data'] = array('10.0.0.1/8');", ['10.0.0.0/8']);
			expect(bits.state, bits.evidence).toBe('PASS');
		});

		it('FAIL when everyone is trusted or an address the plan does not list is', async () => {
			const all = await judge("$DP_CONFIG['trust_proxy_data'] = true;", []);
			expect(all.state).toBe('FAIL');
			expect(all.evidence).toMatch(/true.*every client/);
			for (const wide of ['0.0.0.0/0', '::/0']) {
				const r = await judge(`$DP_CONFIG['trust_proxy_data'] = array('10.0.0.5', '${wide}');`, ['10.0.0.5']);
				expect(r.state, wide).toBe('FAIL');
				expect(r.evidence).toContain('trusts every address');
			}
			// a single value is a one-entry list to Deskpro
			const single = await judge("$DP_CONFIG['trust_proxy_data'] = '0.0.0.0/0';", []);
			expect(single.state, single.evidence).toBe('FAIL');
			expect(single.evidence).toContain('trusts every address');
			const extra = await judge("$DP_CONFIG['trust_proxy_data'] = array('10.0.0.5', '10.0.0.0/8');", ['10.0.0.5']);
			expect(extra.state).toBe('FAIL');
			expect(extra.evidence).toContain('10.0.0.0/8, not among the planned proxies (10.0.0.5)');
			// no proxy planned, yet one trusted
			expect((await judge("$DP_CONFIG['trust_proxy_data'] = array('127.0.0.1');", [])).state).toBe('FAIL');
			// an extra address hidden in an @file
			const hidden = await judge("$DP_CONFIG['trust_proxy_data'] = array('@' . __DIR__ . '/p.php');", ['192.0.2.9'], { 'p.php': "<?php return array('192.0.2.9', '198.51.100.0/24');\n" });
			expect(hidden.state).toBe('FAIL');
			expect(hidden.evidence).toContain('198.51.100.0/24 (from ');
		});

		it('never PASS for what it cannot interpret or what misses a planned proxy', async () => {
			const unset = await judge('', []);
			expect(unset.state).toBe('WARN');
			expect(unset.evidence).toContain('default for it is not documented');
			expect((await judge("$DP_CONFIG['trust_proxy_data'] = 'yes';", [])).state).toBe('WARN');
			const junk = await judge("$DP_CONFIG['trust_proxy_data'] = array('proxy.example.com', \"10.0.0.5\\n\");", ['10.0.0.5']);
			expect(junk.state).toBe('WARN');
			expect(junk.evidence).toContain('proxy.example.com');
			expect((await judge("$DP_CONFIG['trust_proxy_data'] = array('@/nonexistent/p.php');", [])).state).toBe('WARN');
			const missing = await judge("$DP_CONFIG['trust_proxy_data'] = false;", ['10.0.0.5']);
			expect(missing.state).toBe('WARN');
			expect(missing.evidence).toContain('does not list the planned proxies 10.0.0.5');
		});
	},
	{ root: true }
);
