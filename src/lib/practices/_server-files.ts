/**
 * The files of the Deskpro Download steps (see `outputs-files.ts`): name, description, when each
 * applies and which generator module makes it. Part of the server group of steps
 * (`_group-server.ts`), so a plan that never loads that group never loads this list.
 */
import type { PracticeContext } from './types';
import type { GeneratorName, ServerFileSpec, ServerOutputSpec } from '$lib/outputs-files';
import { checkHelpdeskUrl } from '$lib/validate/net';
import { hasDbPasswords } from './_server-env';
import { CRON_FILENAME } from '$lib/generators/file-names';

function serverFile<K extends GeneratorName>({ generate, ...spec }: ServerFileSpec<K>): ServerOutputSpec {
	return {
		...spec,
		make: (loaded, input) => {
			const m = loaded[spec.uses];
			return m ? generate(m, input) : null;
		}
	};
}

const linux = (ctx: PracticeContext) => ctx.about.os === 'linux';
const linuxWith = (ws: string) => (ctx: PracticeContext) => ctx.about.os === 'linux' && ctx.about.webServer === ws;

/** The server-side files, in apply order. */
export const serverFiles: ServerOutputSpec[] = [
	serverFile({
		id: 'nginx',
		practiceId: 'server-web-config',
		filename: 'deskpro.nginx.conf',
		installAs: '/etc/nginx/sites-available/deskpro.conf',
		language: 'nginx',
		description: 'nginx site: front controller, 403 for private paths, /admin/ and /agent/ limited to your networks.',
		when: linuxWith('nginx'),
		uses: 'nginx',
		generate: (m, { env }) => m.nginxConfig(env)
	}),
	serverFile({
		id: 'apache',
		practiceId: 'server-web-config',
		filename: 'deskpro.apache.conf',
		installAs: '/etc/apache2/sites-available/deskpro.conf',
		language: 'apache',
		description: 'Apache 2.4 virtual host: front controller, 403 for private paths, /admin/ and /agent/ limited to your networks.',
		when: linuxWith('apache'),
		uses: 'apache',
		generate: (m, { env }) => m.apacheConfig(env)
	}),
	serverFile({
		id: 'config-php',
		practiceId: 'server-config-php',
		filename: 'config.deskpro-hardening.php',
		language: 'php',
		description: 'Lines to append at the END of config.php: least-privileged database account, dir_data, trusted proxies only, debugging off.',
		containsSecret: true,
		when: (ctx) => !!ctx.server && hasDbPasswords(ctx.server),
		uses: 'configPhp',
		generate: (m, { env, ctx }) => m.configPhp(env, ctx.about)
	}),
	serverFile({
		id: 'mysql',
		practiceId: 'server-database',
		filename: 'deskpro-database.sql',
		language: 'sql',
		description: 'SQL: runtime account limited to Deskpro’s database from the application host, and the upgrade account.',
		containsSecret: true,
		when: (ctx) => !!ctx.server && hasDbPasswords(ctx.server),
		uses: 'mysql',
		generate: (m, { env, ctx }) => m.mysqlSetup(env, { os: ctx.about.os })
	}),
	serverFile({
		id: 'move-data',
		practiceId: 'server-data-dir',
		filename: 'deskpro-move-data.sh',
		language: 'bash',
		description: 'Bash (run as root, --dry-run first): pause cron, move data/ out of the web root, fix its ownership, resume cron.',
		when: linux,
		uses: 'moveData',
		generate: (m, { env }) => m.moveDataScript(env)
	}),
	serverFile({
		id: 'permissions',
		practiceId: 'server-permissions',
		filename: 'deskpro-permissions.sh',
		language: 'bash',
		description: 'Bash (run as root, --dry-run first): dedicated owner, app read-only for the web server, data/ group-writable, never 0777.',
		when: linux,
		uses: 'permissions',
		generate: (m, { env }) => m.permissionsScript(env)
	}),
	serverFile({
		id: 'crontab',
		practiceId: 'server-permissions',
		filename: CRON_FILENAME,
		installAs: '/etc/cron.d/deskpro (root, 0644)',
		language: 'text',
		description: 'Cron: cron.php every minute as the cron user without the auto-updater, and (when chosen) as the owner with it, as Deskpro’s guide says.',
		when: linux,
		uses: 'cron',
		generate: (m, { env }) => m.cronFile(env)
	}),
	serverFile({
		id: 'iis-setup',
		practiceId: 'server-web-config',
		filename: 'deskpro-iis-setup.ps1',
		language: 'powershell',
		description: 'PowerShell (elevated, -DryRun first, before web.config): unlock ipSecurity (locked at server level: 500.19 until unlocked) and run anonymous requests as the application-pool identity (IUSR cannot read the files: 401.3). Not tested on a real IIS by the wizard’s test suite.',
		when: (ctx) => ctx.about.os === 'windows',
		uses: 'iis',
		generate: (m, { env }) => m.iisSetupScript(env)
	}),
	serverFile({
		id: 'iis-web-config',
		practiceId: 'server-web-config',
		filename: 'web.config',
		installAs: 'web.config in the install directory',
		language: 'xml',
		description: 'IIS web.config: Deskpro’s own hidden segments and rewrites (sitemap.xml, __checkurlrewrite), PHP only for the entry points, every staff interface in every spelling limited with ipSecurity. Not tested on a real IIS by the wizard’s test suite.',
		when: (ctx) => ctx.about.os === 'windows',
		uses: 'iis',
		generate: (m, { env }) => m.iisWebConfig(env)
	}),
	serverFile({
		id: 'windows-permissions',
		practiceId: 'server-data-dir',
		filename: 'deskpro-permissions.ps1',
		language: 'powershell',
		description: 'PowerShell (elevated, -DryRun first): move data/ out of the web root and set NTFS permissions with icacls. Not tested on a real Windows server by the wizard’s test suite.',
		when: (ctx) => ctx.about.os === 'windows',
		uses: 'iis',
		generate: (m, { env }) => m.windowsPermissionsScript(env)
	}),
	serverFile({
		id: 'post-checks',
		practiceId: 'server-post-checks',
		filename: 'deskpro-checks.sh',
		language: 'bash',
		description: 'Bash + curl: every sensitive path must answer 403; with --outside (run from outside your networks) /admin/ and /agent/ too.',
		when: (ctx) => ctx.about.os === 'linux' && checkHelpdeskUrl(ctx.about.helpdeskUrl) === null,
		uses: 'postChecks',
		generate: (m, { ctx }) => m.postChecksScript(ctx.about.helpdeskUrl)
	}),
	serverFile({
		id: 'iis-post-checks',
		practiceId: 'server-post-checks',
		filename: 'deskpro-checks.ps1',
		language: 'powershell',
		description: 'PowerShell (Invoke-WebRequest, no redirects followed): private paths refused (404 where IIS request filtering hides them, 403 for the rewrite rules); with -Outside every staff interface answers 403 (ipSecurity).',
		when: (ctx) => ctx.about.os === 'windows' && checkHelpdeskUrl(ctx.about.helpdeskUrl) === null,
		uses: 'iis',
		generate: (m, { ctx }) => m.iisPostChecksScript(ctx.about.helpdeskUrl)
	})
];
