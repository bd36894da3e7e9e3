/**
 * The server and Docker files of a plan (everything `outputs.ts` generates but the audit
 * script): the one list of them, what the steps done on the admin's own server show. Generators
 * are pure functions in `generators/`; this module only decides which apply, in which order, and
 * which generator module makes each file.
 *
 * It imports no generator: each generator module is its own dynamic import (`GENERATORS`), so the
 * browser fetches only what the plan's target needs (nginx, Apache or IIS; the Linux or the
 * Windows scripts; Deskpro Download or On-Premise Docker), and a step only the modules of the
 * files it shows (`generatorsFor`, `loadGeneratorModules`; `wizard.useGenerators('files')` in
 * plan/state.svelte.ts). `fileOutputsFor` makes the files whose module is given. The audit page,
 * the summary and the exports add the audit script (`outputs-audit.ts`) and load the modules of
 * the plan's target; `outputs.ts` imports every module (tests, scripts).
 */
import type { Plan } from './plan/schema';
import { derivePlan, type DerivedPlan } from './plan/derive';
import type { PracticeContext } from './practices/types';
import type { ServerEnv } from './practices/_server-env';
import { checkHelpdeskUrl } from './validate/net';
import { hasDbPasswords } from './practices/_server-env';
import type { DockerEnv } from './practices/_docker-env';
import {
	APACHE_PROXY_FILENAME,
	COMPOSE_FILENAME,
	CONFIG_ENV_FILENAME,
	CRON_FILENAME,
	DB_SCRIPT_FILENAME,
	NFT_FILENAME,
	NGINX_PROXY_FILENAME,
	RUN_SCRIPT_FILENAME,
	SECRETS_SCRIPT_FILENAME,
	UFW_FILENAME
} from './generators/file-names';
import { fileRank } from './apply-order';

import type { OutputFile } from './output-types';

/** Every generator module, each fetched on its own when a file it makes is needed. */
export const GENERATORS = {
	nginx: () => import('./generators/nginx'),
	apache: () => import('./generators/apache'),
	configPhp: () => import('./generators/config-php'),
	cron: () => import('./generators/cron'),
	mysql: () => import('./generators/mysql'),
	permissions: () => import('./generators/permissions'),
	moveData: () => import('./generators/move-data'),
	iis: () => import('./generators/iis'),
	postChecks: () => import('./generators/post-checks'),
	dockerCompose: () => import('./generators/docker-compose'),
	dockerDb: () => import('./generators/docker-db'),
	dockerProxy: () => import('./generators/docker-proxy'),
	dockerFirewall: () => import('./generators/docker-firewall')
};
export type GeneratorName = keyof typeof GENERATORS;
/** The generator modules, by name. */
export type GeneratorModules = { [K in GeneratorName]: Awaited<ReturnType<(typeof GENERATORS)[K]>> };
/** Some generator modules (those loaded so far). */
export type LoadedGenerators = Partial<GeneratorModules>;

/** What a server-side generator sees: the checked server environment and the rest of the plan. */
export interface ServerOutputInput {
	env: ServerEnv;
	ctx: PracticeContext;
}

/** One generated file for Deskpro Download: when it applies, and which generator module makes it how. */
interface ServerFileSpec<K extends GeneratorName> extends Omit<OutputFile, 'text' | 'applyOrder'> {
	/** Absent = always (for Deskpro Download with a valid server environment). */
	when?: (ctx: PracticeContext) => boolean;
	/** The generator module that makes the file. */
	uses: K;
	generate: (m: GeneratorModules[K], input: ServerOutputInput) => string;
}
/** An entry of the list: its `generate` with its module, null while the module is not loaded. */
interface ServerOutputSpec extends Omit<ServerFileSpec<GeneratorName>, 'generate'> {
	make: (loaded: LoadedGenerators, input: ServerOutputInput) => string | null;
}
function serverFile<K extends GeneratorName>({ generate, ...spec }: ServerFileSpec<K>): ServerOutputSpec {
	return {
		...spec,
		make: (loaded, input) => {
			const m = loaded[spec.uses];
			return m ? generate(m, input) : null;
		}
	};
}

/** The server-side files, in apply order. Generators are added here as they land. */
const linux = (ctx: PracticeContext) => ctx.about.os === 'linux';
const linuxWith = (ws: string) => (ctx: PracticeContext) => ctx.about.os === 'linux' && ctx.about.webServer === ws;

const serverOutputs: ServerOutputSpec[] = [
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

/** One generated file for Deskpro On-Premise (Docker): when it applies, and which generator module makes it how. */
interface DockerFileSpec<K extends GeneratorName> extends Omit<OutputFile, 'text'> {
	when?: (env: DockerEnv) => boolean;
	/** The generator module that makes the file. */
	uses: K;
	generate: (m: GeneratorModules[K], env: DockerEnv, ctx: PracticeContext) => string;
}
/** An entry of the list: its `generate` with its module, null while the module is not loaded. */
interface DockerOutputSpec extends Omit<DockerFileSpec<GeneratorName>, 'generate'> {
	make: (loaded: LoadedGenerators, env: DockerEnv, ctx: PracticeContext) => string | null;
}
function dockerFile<K extends GeneratorName>({ generate, ...spec }: DockerFileSpec<K>): DockerOutputSpec {
	return {
		...spec,
		make: (loaded, env, ctx) => {
			const m = loaded[spec.uses];
			return m ? generate(m, env, ctx) : null;
		}
	};
}

/** The Docker host's files, in apply order. */
const dockerOutputs: DockerOutputSpec[] = [
	dockerFile({
		id: 'docker-secrets',
		practiceId: 'docker-compose',
		filename: SECRETS_SCRIPT_FILENAME,
		language: 'bash',
		description: 'Bash (run as root first): creates each secret file from the host’s random generator, root-owned 0600, never overwriting one.',
		applyOrder: 5,
		uses: 'dockerCompose',
		generate: (m, env) => m.secretsScript(env)
	}),
	dockerFile({
		id: 'docker-config-env',
		practiceId: 'docker-compose',
		filename: CONFIG_ENV_FILENAME,
		installAs: 'config.env in the project directory (root-owned, 0600)',
		language: 'env',
		description: 'config.env: database and search settings, the real-IP settings of the arrival path, debug and test switches off, secrets only as *_FILE paths.',
		applyOrder: 6,
		uses: 'dockerCompose',
		generate: (m, env) => m.configEnv(env)
	}),
	dockerFile({
		id: 'docker-database',
		practiceId: 'docker-database',
		filename: DB_SCRIPT_FILENAME,
		language: 'bash',
		description: 'Bash: prints (or, for the compose MySQL, applies) the SQL for the web container’s data-only account and the tasks container’s migration account, passwords read from the secret files.',
		applyOrder: 12,
		uses: 'dockerDb',
		generate: (m, env) => m.dockerDbScript(env)
	}),
	dockerFile({
		id: 'docker-compose',
		practiceId: 'docker-compose',
		filename: COMPOSE_FILENAME,
		installAs: 'docker-compose.yml in the project directory',
		language: 'yaml',
		description: 'Compose project: pinned image, only the planned ports, secrets as files, no-new-privileges, restart policy, log export; MySQL and Elasticsearch (with authentication) never published.',
		applyOrder: 10,
		when: (env) => env.runMode === 'compose',
		uses: 'dockerCompose',
		generate: (m, env) => m.composeFile(env)
	}),
	dockerFile({
		id: 'docker-run',
		practiceId: 'docker-compose',
		filename: RUN_SCRIPT_FILENAME,
		language: 'bash',
		description: 'Bash: the docker run commands for the web and tasks containers, with the same hardening as the Compose project.',
		applyOrder: 10,
		when: (env) => env.runMode === 'run',
		uses: 'dockerCompose',
		generate: (m, env) => m.runScript(env)
	}),
	dockerFile({
		id: 'docker-proxy-nginx',
		practiceId: 'docker-proxy',
		filename: NGINX_PROXY_FILENAME,
		installAs: '/etc/nginx/sites-available/deskpro-proxy.conf',
		language: 'nginx',
		description: 'nginx front proxy: Mozilla intermediate TLS, HSTS, X-Forwarded-For set to the client address, staff interfaces only from your networks.',
		applyOrder: 40,
		when: (env) => env.arrival === 'proxy' && env.frontProxy === 'nginx',
		uses: 'dockerProxy',
		generate: (m, env) => m.nginxProxyConfig(env)
	}),
	dockerFile({
		id: 'docker-proxy-apache',
		practiceId: 'docker-proxy',
		filename: APACHE_PROXY_FILENAME,
		installAs: '/etc/apache2/sites-available/deskpro-proxy.conf',
		language: 'apache',
		description: 'Apache front proxy: Mozilla intermediate TLS, HSTS, X-Forwarded-For set to the client address, staff interfaces only from your networks.',
		applyOrder: 40,
		when: (env) => env.arrival === 'proxy' && env.frontProxy === 'apache',
		uses: 'dockerProxy',
		generate: (m, env) => m.apacheProxyConfig(env)
	}),
	dockerFile({
		id: 'docker-nftables',
		practiceId: 'docker-proxy',
		filename: NFT_FILENAME,
		installAs: '/etc/nftables.d/deskpro-docker.nft',
		language: 'nftables',
		description: 'nftables: only the proxy reaches the container’s published ports (filtered before Docker’s DNAT, which ufw never sees); loopback addresses only from lo.',
		applyOrder: 30,
		when: (env) => env.arrival !== 'direct',
		uses: 'dockerFirewall',
		generate: (m, env) => m.nftRules(env)
	}),
	dockerFile({
		id: 'docker-ufw',
		practiceId: 'docker-proxy',
		filename: UFW_FILENAME,
		language: 'text',
		description: 'The ufw equivalent: why ufw alone misses Docker’s ports, and the DOCKER-USER block for /etc/ufw/after.rules.',
		applyOrder: 31,
		when: (env) => env.arrival !== 'direct',
		uses: 'dockerFirewall',
		generate: (m, env) => m.ufwRules(env)
	})
];

/** A file that applies to the plan, not made yet: `make` makes it once its module is loaded. */
interface PlannedFile {
	practiceId: string;
	uses: GeneratorName;
	make: (loaded: LoadedGenerators) => OutputFile | null;
}

/**
 * The server and Docker files that apply to this plan (none while inputs are invalid): server
 * files need Deskpro Download and a valid Server environment step, Docker files On-Premise Docker
 * and a valid Docker environment step.
 */
function plannedFiles(derived: DerivedPlan): PlannedFile[] {
	const ctx: PracticeContext = { about: derived.aboutValues, server: derived.server, docker: derived.docker };
	const out: PlannedFile[] = [];
	if (ctx.server && ctx.about.deployment === 'download') {
		const input: ServerOutputInput = { env: ctx.server, ctx };
		for (const { when, make, uses, ...file } of serverOutputs) {
			if (when && !when(ctx)) continue;
			const step = derived.practices.find((p) => p.practice.id === file.practiceId);
			if (step && !step.applicability.applies) continue;
			out.push({
				practiceId: file.practiceId,
				uses,
				make: (loaded) => {
					const text = make(loaded, input);
					return text === null ? null : { ...file, applyOrder: fileRank(file.id), text };
				}
			});
		}
	}
	if (ctx.docker && ctx.about.deployment === 'onprem-docker') {
		const env = ctx.docker;
		for (const { when, make, uses, ...file } of dockerOutputs) {
			if (when && !when(env)) continue;
			out.push({
				practiceId: file.practiceId,
				uses,
				make: (loaded) => {
					const text = make(loaded, env, ctx);
					return text === null ? null : { ...file, text };
				}
			});
		}
	}
	return out;
}

/**
 * The generator modules that make this plan's files (see `fileOutputsFor`), or only those of the
 * files one step shows (`practiceId`). None for a Cloud plan or while the inputs are invalid.
 */
export function generatorsFor(plan: Plan, derived: DerivedPlan = derivePlan(plan), practiceId?: string): GeneratorName[] {
	const files = plannedFiles(derived).filter((f) => practiceId === undefined || f.practiceId === practiceId);
	return [...new Set(files.map((f) => f.uses))];
}

/** Fetches these generator modules (the module loader fetches each once per page). */
export async function loadGeneratorModules(names: readonly GeneratorName[]): Promise<LoadedGenerators> {
	const loaded = await Promise.all(names.map(async (n) => [n, await GENERATORS[n]()] as const));
	return Object.fromEntries(loaded) as LoadedGenerators;
}

/**
 * The server and Docker files that apply to this plan (empty while inputs are invalid), in apply
 * order, made by the generator modules given: a file whose module is not among them is left out
 * (`generatorsFor` names the modules a plan or a step needs; `outputs.ts` gives every module).
 */
export function fileOutputsFor(generators: LoadedGenerators, plan: Plan, derived: DerivedPlan = derivePlan(plan)): OutputFile[] {
	const out: OutputFile[] = [];
	for (const f of plannedFiles(derived)) {
		const file = f.make(generators);
		if (file) out.push(file);
	}
	return out.sort((a, b) => a.applyOrder - b.applyOrder);
}
