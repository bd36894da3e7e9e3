/**
 * The server and Docker files of a plan (everything `outputs.ts` generates but the audit
 * script): what the steps done on the admin's own server show. Generators are pure functions in
 * `generators/`; this module only decides which apply and in which order.
 *
 * It pulls in every server-side generator, so the browser loads it lazily, only for a
 * self-hosted plan and only on the steps that show files (`wizard.useGenerators('files')` in
 * plan/state.svelte.ts). The audit script and its library are in `outputs.ts`, loaded by the
 * audit page and the summary.
 */
import type { Plan } from './plan/schema';
import { derivePlan, type DerivedPlan } from './plan/derive';
import type { PracticeContext } from './practices/types';
import type { ServerEnv } from './practices/_server-env';
import { nginxConfig } from './generators/nginx';
import { apacheConfig } from './generators/apache';
import { configPhp } from './generators/config-php';
import { cronFile, CRON_FILENAME } from './generators/cron';
import { mysqlSetup } from './generators/mysql';
import { moveDataScript, permissionsScript } from './generators/permissions';
import { iisPostChecksScript, iisSetupScript, iisWebConfig, windowsPermissionsScript } from './generators/iis';
import { postChecksScript } from './generators/post-checks';
import { checkHelpdeskUrl } from './validate/net';
import { hasDbPasswords } from './practices/_server-env';
import type { DockerEnv } from './practices/_docker-env';
import { composeFile, configEnv, runScript, secretsScript, COMPOSE_FILENAME, CONFIG_ENV_FILENAME, RUN_SCRIPT_FILENAME, SECRETS_SCRIPT_FILENAME } from './generators/docker-compose';
import { dockerDbScript, DB_SCRIPT_FILENAME } from './generators/docker-db';
import { apacheProxyConfig, nginxProxyConfig, APACHE_PROXY_FILENAME, NGINX_PROXY_FILENAME } from './generators/docker-proxy';
import { nftRules, ufwRules, NFT_FILENAME, UFW_FILENAME } from './generators/docker-firewall';
import { fileRank } from './apply-order';

import type { OutputFile } from './output-types';

/** What a server-side generator sees: the checked server environment and the rest of the plan. */
export interface ServerOutputInput {
	env: ServerEnv;
	ctx: PracticeContext;
}

/** One generated file for Deskpro Download: when it applies and how it is made. */
interface ServerOutputSpec extends Omit<OutputFile, 'text' | 'applyOrder'> {
	/** Absent = always (for Deskpro Download with a valid server environment). */
	when?: (ctx: PracticeContext) => boolean;
	generate: (input: ServerOutputInput) => string;
}

/** The server-side files, in apply order. Generators are added here as they land. */
const linux = (ctx: PracticeContext) => ctx.about.os === 'linux';
const linuxWith = (ws: string) => (ctx: PracticeContext) => ctx.about.os === 'linux' && ctx.about.webServer === ws;

const serverOutputs: ServerOutputSpec[] = [
	{
		id: 'nginx',
		practiceId: 'server-web-config',
		filename: 'deskpro.nginx.conf',
		installAs: '/etc/nginx/sites-available/deskpro.conf',
		language: 'nginx',
		description: 'nginx site: front controller, 403 for private paths, /admin/ and /agent/ limited to your networks.',
		when: linuxWith('nginx'),
		generate: ({ env }) => nginxConfig(env)
	},
	{
		id: 'apache',
		practiceId: 'server-web-config',
		filename: 'deskpro.apache.conf',
		installAs: '/etc/apache2/sites-available/deskpro.conf',
		language: 'apache',
		description: 'Apache 2.4 virtual host: front controller, 403 for private paths, /admin/ and /agent/ limited to your networks.',
		when: linuxWith('apache'),
		generate: ({ env }) => apacheConfig(env)
	},
	{
		id: 'config-php',
		practiceId: 'server-config-php',
		filename: 'config.deskpro-hardening.php',
		language: 'php',
		description: 'Lines to append at the END of config.php: least-privileged database account, dir_data, trusted proxies only, debugging off.',
		containsSecret: true,
		when: (ctx) => !!ctx.server && hasDbPasswords(ctx.server),
		generate: ({ env, ctx }) => configPhp(env, ctx.about)
	},
	{
		id: 'mysql',
		practiceId: 'server-database',
		filename: 'deskpro-database.sql',
		language: 'sql',
		description: 'SQL: runtime account limited to Deskpro’s database from the application host, and the upgrade account.',
		containsSecret: true,
		when: (ctx) => !!ctx.server && hasDbPasswords(ctx.server),
		generate: ({ env, ctx }) => mysqlSetup(env, { os: ctx.about.os })
	},
	{
		id: 'move-data',
		practiceId: 'server-data-dir',
		filename: 'deskpro-move-data.sh',
		language: 'bash',
		description: 'Bash (run as root, --dry-run first): pause cron, move data/ out of the web root, fix its ownership, resume cron.',
		when: linux,
		generate: ({ env }) => moveDataScript(env)
	},
	{
		id: 'permissions',
		practiceId: 'server-permissions',
		filename: 'deskpro-permissions.sh',
		language: 'bash',
		description: 'Bash (run as root, --dry-run first): dedicated owner, app read-only for the web server, data/ group-writable, never 0777.',
		when: linux,
		generate: ({ env }) => permissionsScript(env)
	},
	{
		id: 'crontab',
		practiceId: 'server-permissions',
		filename: CRON_FILENAME,
		installAs: '/etc/cron.d/deskpro (root, 0644)',
		language: 'text',
		description: 'Cron: cron.php every minute as the cron user without the auto-updater, and (when chosen) as the owner with it, as Deskpro’s guide says.',
		when: linux,
		generate: ({ env }) => cronFile(env)
	},
	{
		id: 'iis-setup',
		practiceId: 'server-web-config',
		filename: 'deskpro-iis-setup.ps1',
		language: 'powershell',
		description: 'PowerShell (elevated, -DryRun first, before web.config): unlock ipSecurity (locked at server level: 500.19 until unlocked) and run anonymous requests as the application-pool identity (IUSR cannot read the files: 401.3). Not tested on a real IIS by the wizard’s test suite.',
		when: (ctx) => ctx.about.os === 'windows',
		generate: ({ env }) => iisSetupScript(env)
	},
	{
		id: 'iis-web-config',
		practiceId: 'server-web-config',
		filename: 'web.config',
		installAs: 'web.config in the install directory',
		language: 'xml',
		description: 'IIS web.config: Deskpro’s own hidden segments and rewrites (sitemap.xml, __checkurlrewrite), PHP only for the entry points, every staff interface in every spelling limited with ipSecurity. Not tested on a real IIS by the wizard’s test suite.',
		when: (ctx) => ctx.about.os === 'windows',
		generate: ({ env }) => iisWebConfig(env)
	},
	{
		id: 'windows-permissions',
		practiceId: 'server-data-dir',
		filename: 'deskpro-permissions.ps1',
		language: 'powershell',
		description: 'PowerShell (elevated, -DryRun first): move data/ out of the web root and set NTFS permissions with icacls. Not tested on a real Windows server by the wizard’s test suite.',
		when: (ctx) => ctx.about.os === 'windows',
		generate: ({ env }) => windowsPermissionsScript(env)
	},
	{
		id: 'post-checks',
		practiceId: 'server-post-checks',
		filename: 'deskpro-checks.sh',
		language: 'bash',
		description: 'Bash + curl: every sensitive path must answer 403; with --outside (run from outside your networks) /admin/ and /agent/ too.',
		when: (ctx) => ctx.about.os === 'linux' && checkHelpdeskUrl(ctx.about.helpdeskUrl) === null,
		generate: ({ ctx }) => postChecksScript(ctx.about.helpdeskUrl)
	},
	{
		id: 'iis-post-checks',
		practiceId: 'server-post-checks',
		filename: 'deskpro-checks.ps1',
		language: 'powershell',
		description: 'PowerShell (Invoke-WebRequest, no redirects followed): private paths refused (404 where IIS request filtering hides them, 403 for the rewrite rules); with -Outside every staff interface answers 403 (ipSecurity).',
		when: (ctx) => ctx.about.os === 'windows' && checkHelpdeskUrl(ctx.about.helpdeskUrl) === null,
		generate: ({ ctx }) => iisPostChecksScript(ctx.about.helpdeskUrl)
	}
];

/** One generated file for Deskpro On-Premise (Docker): when it applies and how it is made. */
interface DockerOutputSpec extends Omit<OutputFile, 'text'> {
	when?: (env: DockerEnv) => boolean;
	generate: (env: DockerEnv, ctx: PracticeContext) => string;
}

/** The Docker host's files, in apply order. */
const dockerOutputs: DockerOutputSpec[] = [
	{
		id: 'docker-secrets',
		practiceId: 'docker-compose',
		filename: SECRETS_SCRIPT_FILENAME,
		language: 'bash',
		description: 'Bash (run as root first): creates each secret file from the host’s random generator, root-owned 0600, never overwriting one.',
		applyOrder: 5,
		generate: (env) => secretsScript(env)
	},
	{
		id: 'docker-config-env',
		practiceId: 'docker-compose',
		filename: CONFIG_ENV_FILENAME,
		installAs: 'config.env in the project directory (root-owned, 0600)',
		language: 'env',
		description: 'config.env: database and search settings, the real-IP settings of the arrival path, debug and test switches off, secrets only as *_FILE paths.',
		applyOrder: 6,
		generate: (env) => configEnv(env)
	},
	{
		id: 'docker-database',
		practiceId: 'docker-database',
		filename: DB_SCRIPT_FILENAME,
		language: 'bash',
		description: 'Bash: prints (or, for the compose MySQL, applies) the SQL for the web container’s data-only account and the tasks container’s migration account, passwords read from the secret files.',
		applyOrder: 12,
		generate: (env) => dockerDbScript(env)
	},
	{
		id: 'docker-compose',
		practiceId: 'docker-compose',
		filename: COMPOSE_FILENAME,
		installAs: 'docker-compose.yml in the project directory',
		language: 'yaml',
		description: 'Compose project: pinned image, only the planned ports, secrets as files, no-new-privileges, restart policy, log export; MySQL and Elasticsearch (with authentication) never published.',
		applyOrder: 10,
		when: (env) => env.runMode === 'compose',
		generate: (env) => composeFile(env)
	},
	{
		id: 'docker-run',
		practiceId: 'docker-compose',
		filename: RUN_SCRIPT_FILENAME,
		language: 'bash',
		description: 'Bash: the docker run commands for the web and tasks containers, with the same hardening as the Compose project.',
		applyOrder: 10,
		when: (env) => env.runMode === 'run',
		generate: (env) => runScript(env)
	},
	{
		id: 'docker-proxy-nginx',
		practiceId: 'docker-proxy',
		filename: NGINX_PROXY_FILENAME,
		installAs: '/etc/nginx/sites-available/deskpro-proxy.conf',
		language: 'nginx',
		description: 'nginx front proxy: Mozilla intermediate TLS, HSTS, X-Forwarded-For set to the client address, staff interfaces only from your networks.',
		applyOrder: 40,
		when: (env) => env.arrival === 'proxy' && env.frontProxy === 'nginx',
		generate: (env) => nginxProxyConfig(env)
	},
	{
		id: 'docker-proxy-apache',
		practiceId: 'docker-proxy',
		filename: APACHE_PROXY_FILENAME,
		installAs: '/etc/apache2/sites-available/deskpro-proxy.conf',
		language: 'apache',
		description: 'Apache front proxy: Mozilla intermediate TLS, HSTS, X-Forwarded-For set to the client address, staff interfaces only from your networks.',
		applyOrder: 40,
		when: (env) => env.arrival === 'proxy' && env.frontProxy === 'apache',
		generate: (env) => apacheProxyConfig(env)
	},
	{
		id: 'docker-nftables',
		practiceId: 'docker-proxy',
		filename: NFT_FILENAME,
		installAs: '/etc/nftables.d/deskpro-docker.nft',
		language: 'nftables',
		description: 'nftables: only the proxy reaches the container’s published ports (filtered before Docker’s DNAT, which ufw never sees); loopback addresses only from lo.',
		applyOrder: 30,
		when: (env) => env.arrival !== 'direct',
		generate: (env) => nftRules(env)
	},
	{
		id: 'docker-ufw',
		practiceId: 'docker-proxy',
		filename: UFW_FILENAME,
		language: 'text',
		description: 'The ufw equivalent: why ufw alone misses Docker’s ports, and the DOCKER-USER block for /etc/ufw/after.rules.',
		applyOrder: 31,
		when: (env) => env.arrival !== 'direct',
		generate: (env) => ufwRules(env)
	}
];

/**
 * The server and Docker files that apply to this plan (empty while inputs are invalid), in apply
 * order: server files need Deskpro Download and a valid Server environment step.
 */
export function fileOutputsFor(plan: Plan, derived: DerivedPlan = derivePlan(plan)): OutputFile[] {
	const ctx: PracticeContext = { about: derived.aboutValues, server: derived.server, docker: derived.docker };
	const out: OutputFile[] = [];
	if (ctx.server && ctx.about.deployment === 'download') {
		const env = ctx.server;
		for (const { when, generate, ...spec } of serverOutputs) {
			if (when && !when(ctx)) continue;
			const step = derived.practices.find((p) => p.practice.id === spec.practiceId);
			if (step && !step.applicability.applies) continue;
			out.push({ ...spec, applyOrder: fileRank(spec.id), text: generate({ env, ctx }) });
		}
	}
	if (ctx.docker && ctx.about.deployment === 'onprem-docker') {
		const env = ctx.docker;
		for (const { when, generate, ...spec } of dockerOutputs) {
			if (when && !when(env)) continue;
			out.push({ ...spec, text: generate(env, ctx) });
		}
	}
	return out.sort((a, b) => a.applyOrder - b.applyOrder);
}
