/** Items 4, 6 and 7 of the article: the web-server configuration (nginx, Apache or IIS). */
import { selfHostedStep } from './_self-hosted-steps';
import { definePractice } from './types';
import { serverAuditBase } from './_server-audit';
import { DENIED_AUDIT_PATHS, STAFF_AUDIT_PATHS } from '$lib/generators/web-surface';
import { STAFF_INTERFACES } from '$lib/deskpro/surface';
import { UNLOCK_IP_SECURITY_CMD } from '$lib/generators/iis-names';
import { STAFF_ALLOW_LIST_TITLE } from './_audit-titles';

export const STAFF_LIST = STAFF_INTERFACES.map((s) => `/${s.prefix}/`).join(', ');

export const practice = definePractice({
	...selfHostedStep('server-web-config'),
	fields: {},
	checklist: (_v, ctx) => {
		const ws = ctx.about.webServer;
		// How to check the installed file: a command for nginx and Apache; IIS has none (issue 16:
		// "check it with opening the site in IIS Manager").
		const check = ws === 'nginx' ? 'check it with nginx -t' : ws === 'apache' ? 'check it with apache2ctl configtest' : 'check it by opening the site in IIS Manager (a web.config it cannot read shows an error there)';
		return [
			...(ws === 'iis'
				? [
						{
							id: 'server-web-config.iis-setup',
							text: `Run deskpro-iis-setup.ps1 in an elevated PowerShell (first with -DryRun): it unlocks ipSecurity (${UNLOCK_IP_SECURITY_CMD}; locked by default, 500.19 until unlocked) and makes anonymous requests run as the application-pool identity (IUSR cannot read the files: 401.3).`
						}
					]
				: []),
			{
				id: 'server-web-config.install',
				text: `Install the generated ${ws === 'iis' ? 'web.config (on IIS 8.5 or older first delete removeServerHeader, an IIS 10.0 attribute)' : ws === 'apache' ? 'virtual host' : 'server block'} and ${check}.`
			},
			{ id: 'server-web-config.reload', text: 'Reload the web server and log in to the agent interface from an allowed network.' },
			{ id: 'server-web-config.admin-restricted', text: `Confirm ${STAFF_LIST} answer 403 from outside the allowed networks (see the checks step).` },
			...(ws === 'iis'
				? []
				: [{ id: 'server-web-config.php-errors', text: 'In the PHP-FPM pool, set php_admin_flag[display_errors] = off and php_admin_flag[expose_php] = off, then restart PHP-FPM.' }])
		];
	},
	audit: (_v, ctx) => {
		const b = serverAuditBase(ctx);
		if (b === null || Array.isArray(b)) return b;
		const { env, url } = b;
		const ws = ctx.about.webServer;
		const file = ws === 'apache' ? 'virtual host' : 'server block';
		const install = `Install the ${file} of the step “Web-server configuration” and reload the web server.`;
		return [
			{
				id: 'server-web-config.audit.denied-paths',
				items: ['server-web-config.install', 'server-post-checks.inside'],
				title: 'Sensitive paths refused',
				expected: `${url}: ${DENIED_AUDIT_PATHS.join(', ')} answer 403.`,
				remediation: install,
				probe: { kind: 'http-status', url, paths: [...DENIED_AUDIT_PATHS], status: 403 }
			},
			{
				id: 'server-web-config.audit.php-in-data',
				items: ['server-web-config.install', 'server-post-checks.inside'],
				title: 'PHP never runs under /data/',
				expected: 'A .php name under /data/ is refused with 403 and never reaches PHP.',
				remediation: `${install} It gives PHP only Deskpro’s own entry points, never a file under data/.`,
				probe: { kind: 'http-php-not-run', url, prefix: '/data/' }
			},
			{
				id: 'server-web-config.audit.no-version',
				items: ['server-web-config.install'],
				title: 'No version in Server or X-Powered-By',
				expected: 'The Server and X-Powered-By headers of a page and of a refused path carry no version number.',
				remediation: `${install} It sets ${ws === 'apache' ? 'ServerTokens Prod and ServerSignature Off' : 'server_tokens off'}; turn expose_php off in the PHP-FPM pool.`,
				probe: { kind: 'http-no-version', url, paths: ['/', '/config.php'] }
			},
			...(ws === 'iis'
				? []
				: [
						{
							id: 'server-web-config.audit.php-fpm',
							items: ['server-web-config.php-errors'],
							title: 'PHP-FPM: display_errors and expose_php off',
							expected: `As the pool at ${env.phpFpm} runs PHP (asked over FastCGI, not the CLI php.ini): display_errors and expose_php are off.`,
							remediation:
								'Add php_admin_flag[display_errors] = off and php_admin_flag[expose_php] = off to the pool (e.g. /etc/php/8.2/fpm/pool.d/www.conf), or set them in the FPM php.ini, then restart PHP-FPM.',
							probe: { kind: 'fpm-ini-off' as const, fpm: env.phpFpm, runAs: env.webUser, settings: ['display_errors', 'expose_php'] }
						}
					]),
			{
				id: 'server-web-config.audit.admin-allow-list',
				items: ['server-web-config.admin-restricted', 'server-post-checks.outside'],
				title: STAFF_ALLOW_LIST_TITLE,
				expected: `From outside ${env.allowed.join(', ')}: ${STAFF_AUDIT_PATHS.join(', ')} answer 403.`,
				remediation: `${install} It allows ${STAFF_LIST} (in every spelling) only from ${env.allowed.join(', ')}.`,
				probe: { kind: 'http-allow-list', url, paths: [...STAFF_AUDIT_PATHS], allowed: env.allowed }
			}
		];
	}
});
