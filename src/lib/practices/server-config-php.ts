/** Items 5 and 6 of the article: config.php with the least-privileged user, dir_data, proxies, debug off. */
import { selfHostedStep } from './_self-hosted-steps';
import { definePractice } from './types';
import { shellQuote } from '$lib/generators/escape';
import { serverAuditBase } from './_server-audit';

export const practice = definePractice({
	...selfHostedStep('server-config-php'),
	fields: {},
	// config.php facts with their sources: deskpro/surface/runtime.ts CONFIG_DEBUG_DEV, CONFIG_REQUEST_ERRORLOG
	// (not imported here: that module would pull generator code into every page, Cloud included)
	checklist: (_v, ctx) => [
		{ id: 'server-config-php.db-user', text: 'Append the generated lines to the END of config.php, after its last line (no more root). Not after $DP_CONFIG = array(...): the stock file sets dir_data and trust_proxy_data again further down, and the last assignment wins.' },
		{ id: 'server-config-php.trust-proxy', text: 'Set trust_proxy_data to your proxies only, or false.' },
		{ id: 'server-config-php.debug-off', text: `Make sure no debug option is enabled in config.php: Deskpro’s developer mode $DP_CONFIG['debug']['dev'] (it turns display_errors on), the debug call trace and enable_display_errors. Keep $DP_CONFIG['enable_request_errorlog'] on: it is not debugging but a log of 404, permission and method errors (logs/request_errors.log in the data directory) to review after an attack.` },
		ctx.about.os === 'windows'
			? { id: 'server-config-php.mode', text: 'config.php is readable only by Administrators, SYSTEM, the application pool and the scheduled-task account (the permissions script removes Users and Everyone).' }
			: { id: 'server-config-php.mode', text: 'config.php is owned by the owner account, group web server, mode 0640 (the permissions script does this).' }
	],
	audit: (_v, ctx) => {
		const b = serverAuditBase(ctx);
		if (b === null || Array.isArray(b)) return b;
		const { env, requires, configPhp } = b;
		return [
			{
				id: 'server-config-php.audit.mode',
				items: ['server-config-php.mode'],
				title: 'config.php not readable by other users',
				expected: `${configPhp} is readable by ${env.webUser} and by no other user (mode 0640, owner ${env.ownerUser}, group ${env.webGroup}).`,
				remediation: `Run the permissions script (step “File ownership and permissions”), or: chown ${shellQuote(`${env.ownerUser}:${env.webGroup}`)} ${shellQuote(configPhp)} && chmod 0640 ${shellQuote(configPhp)}`,
				probe: { kind: 'config-private', configPhp, reader: env.webUser },
				requires: [requires.config]
			},
			{
				id: 'server-config-php.audit.db-user',
				items: ['server-config-php.db-user'],
				title: 'config.php does not use root',
				expected: `config.php connects as ${env.dbUser}, with a password, not as root.`,
				remediation: 'Append the lines from the step “Harden config.php” to the end of config.php, after creating the account (step “Least-privileged database account”).',
				probe: { kind: 'config-db-user', configPhp, reader: env.webUser, expectedUser: env.dbUser },
				requires: [requires.config]
			},
			{
				id: 'server-config-php.audit.trust-proxy',
				items: ['server-config-php.trust-proxy'],
				title: 'trust_proxy_data trusts only your proxies',
				expected: env.proxies.length
					? `$DP_CONFIG['trust_proxy_data'] lists exactly ${env.proxies.join(', ')} (never true, no other address).`
					: "$DP_CONFIG['trust_proxy_data'] is false (no reverse proxy: client-IP headers are never believed).",
				remediation: `Set the trust_proxy_data line in config.php as in the block from the step “Harden config.php”: ${env.proxies.length ? `array(${env.proxies.map((p) => `'${p}'`).join(', ')})` : 'false'}.`,
				probe: { kind: 'config-trust-proxy', configPhp, reader: env.webUser, proxies: env.proxies },
				requires: [requires.config]
			},
			{
				id: 'server-config-php.audit.debug-off',
				items: ['server-config-php.debug-off'],
				title: 'Debug options off in config.php',
				expected: `$DP_CONFIG['debug']['dev'] (Deskpro’s developer mode), $DP_CONFIG['debug']['enable_debug_trace'] and $DP_CONFIG['enable_display_errors'] are off or unset. The request error log ($DP_CONFIG['enable_request_errorlog']) is only reported: it is a log, not debugging.`,
				remediation: `Set $DP_CONFIG['debug']['dev'], $DP_CONFIG['debug']['enable_debug_trace'] and $DP_CONFIG['enable_display_errors'] to false, or remove those lines from config.php (the block from the step “Harden config.php” does this).`,
				probe: { kind: 'config-debug-off', configPhp, reader: env.webUser },
				requires: [requires.config]
			}
		];
	}
});
