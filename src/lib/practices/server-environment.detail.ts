/** What the step “server-environment” says: why, where, the standards, its notes and settings rows (loaded with its page; see `loadDetail` in ./index). */
import { DEFAULT_UPLOAD_LIMIT_MB } from '$lib/deskpro/surface';
import type { practice } from './server-environment';
import { distro } from '$lib/platform/distros';
import { defineDetail } from './types';

export const detail = defineDetail<typeof practice>({
	where: 'Your server (not the Deskpro admin interface)',
	why: [
		'Deskpro’s article ends with a list of server changes for self-hosted installs: file ownership, permissions, the data directory, the database account and limits on /admin/ and /agent/. Each needs a few facts about your server.',
		'Enter them once here. The following steps turn them into a permissions script, a web-server configuration, a config.php block, SQL for the database account and the checks to run afterwards. Every value is checked before anything is generated, and quoted for the file it lands in.'
	],
	standards: [
		{ standard: 'OWASP ASVS 5.0', id: '13.2.2 (L2)', text: 'Back-end accounts (such as the database account) use least privilege.' },
		{ standard: 'OWASP ASVS 5.0', id: '8.4.2 (L3)', text: 'Administrative interfaces use several layers of security; network location is never the sole factor.' }
	],
	notes: (values, ctx) => {
		const notes: { kind: 'info' | 'warning' | 'disagreement' | 'unknown'; text: string }[] = [
			{
				kind: 'info',
				text: 'The generated database passwords exist only in this browser tab. They are not saved with your progress nor exported unless you choose to keep secrets.'
			}
		];
		if (ctx.about.os === 'linux' && values) {
			const d = distro(values.distro);
			const pkgs = ctx.about.webServer === 'apache' ? d.packages.apache : d.packages.nginx;
			notes.push({
				kind: 'info',
				text: `${d.label}: PHP ${d.php}, PHP-FPM pool on ${d.fpmSocket}, running as ${d.fpmUser}. Packages: ${d.install} ${pkgs.join(' ')} (sources: ${d.sources.join('; ')}).`
			});
		}
		if (ctx.about.os === 'windows' && values?.dbHost === 'localhost') {
			notes.push({
				kind: 'warning',
				text: 'On Windows Deskpro recommends 127.0.0.1 rather than localhost as the database host (source: the comment above DP_DATABASE_HOST in the Deskpro download’s config.php, layn321/deskpro config.php.orginal). Set both fields to 127.0.0.1: the database host and “Application host as the database sees it”. PHP then connects over TCP from 127.0.0.1, and MariaDB refuses that login for an account created for localhost.'
			});
		}
		return notes;
	},
	/** Each field’s help, shown under its input on this step’s page. */
	help: {
		installPath: 'The directory holding index.php and config.php.',
		dataPath: 'Where data/ (attachments, logs, backups) will live. It must not be inside the install path.',
		ownerUser: 'A dedicated account that owns the files, never root and never the web-server user. Create it with: adduser --system --group --no-create-home deskpro',
		webGroup: 'Shared group: it can read the application and write to the data directory. The cron user must be a member.',
		cronUser: 'The account whose crontab runs cron.php every minute. Never root.',
		cronUpdater: 'Deskpro’s guide runs cron twice: as the cron user without the updater, and as the owner of the files with it, since only the owner can write the application. Check your build with: php cron.php --help (it lists --auto-updater when the build has it).',
		distro: 'Decides the PHP-FPM socket of the distribution’s own PHP packages (a wrong socket is a 502 on every page) and the package names.',
		phpFpm: 'The socket of your distribution’s PHP-FPM pool: Debian 12 unix:/run/php/php8.2-fpm.sock, Ubuntu 22.04 unix:/run/php/php8.1-fpm.sock, Ubuntu 24.04 unix:/run/php/php8.3-fpm.sock, RHEL 9 family unix:/run/php-fpm/www.sock. A TCP pool: 127.0.0.1:9000.',
		tlsCertificate: 'Debian’s self-signed placeholder is shown; use your real certificate.',
		uploadLimitMb: `The web server refuses bigger requests with 413. Deskpro's attachment limit is 5 MB by default and the admin page allows up to 50 MB; ${DEFAULT_UPLOAD_LIMIT_MB} MB covers that with room for the form. Set PHP's upload_max_filesize and post_max_size to match.`,
		hstsIncludeSubDomains: 'Browsers then use HTTPS for every name below the helpdesk’s host too (OWASP ASVS 3.4.1 at level 2). Turn it off only if such a name must still answer over plain HTTP.',
		hstsPreload: 'Marks the policy for browsers’ built-in HSTS lists. Only useful when you submit the registrable domain (hstspreload.org); hard to undo. Needs “include subdomains”.',
		winWebAccount: 'The account PHP runs as under IIS: IIS AppPool\\<pool name> for the default ApplicationPoolIdentity.',
		winCronAccount: 'A dedicated service account, not SYSTEM or an administrator.',
		serverNames: 'Host names the helpdesk answers to, one per line. Leave empty to use the host of the helpdesk URL.',
		adminCidrs: 'Your office and VPN ranges (IPv4 or IPv6, address or CIDR), one per line. Everyone else gets 403 on Deskpro’s staff interfaces: /agent/, /admin/, /reports/, /billing/, /api/ and /install/ (also written as /index.php/agent/ and so on). Add the addresses of API integrations. Two-factor authentication is still needed: a network is never the only protection.',
		behindProxy: 'When on, the client address is taken from the header below, but only for requests coming from the proxies listed.',
		proxyAddresses: 'Only these addresses are trusted to set the client-IP header. Used only when the option above is on.',
		proxyTerminatesTls: 'When on, requests from the listed proxies carrying X-Forwarded-Proto: https are served on the HTTP port (no redirect back to HTTPS, which would loop) and Deskpro is told the page is https. From anyone else the header is ignored and HTTP still redirects. Used only when the proxy option above is on.',
		dbHost: 'localhost connects over the local socket (MariaDB or MySQL on this server); 127.0.0.1 over TCP, with 127.0.0.1 as the account host below too.',
		winDbHost: 'Windows has no local socket for MySQL or MariaDB: 127.0.0.1 connects over TCP on this server (localhost may try IPv6 ::1 first). Keep 127.0.0.1 as the account host below too.',
		dbUser: 'Used by Deskpro every day: data access on its own database only.',
		dbClientHost: 'The account is created as \'user\'@\'this host\': localhost for a socket on the same server, otherwise the web server’s address.',
		winDbClientHost: 'The account is created as \'user\'@\'this host\': 127.0.0.1 when the database runs on this server, otherwise the web server’s address.',
		dbPassword: 'Generate one, or type your own (16–128 characters, no spaces or backslash). It is never saved: after a reload, type the one the database already has (or generate a new one and change it in both places). The SQL and config.php appear once it is set.',
		upgradeAccount: 'Upgrades need CREATE, ALTER, DROP and INDEX; day-to-day use does not. Keep those rights in an account used only while upgrading.',
		dbUpgradePassword: 'Generate one, or type the one the database already has. Never saved.'
	}
});
