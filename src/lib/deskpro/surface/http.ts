/**
 * Deskpro Download (legacy self-hosted, the v4 web-root layout the article describes): every
 * fact about its HTTP surface, each with where it was read. Facts only, in our words: no Deskpro
 * code is copied here.
 *
 * Sources are public copies of the Deskpro download (GitHub `layn321/deskpro`, the web root at
 * the repository root; `nathanfdev/deskpro`, the same generation with the `.htaccess` the first
 * copy lacks) and Deskpro's guides. Where they disagree or say nothing, `SURFACE_GAPS` says so,
 * and the web-server step shows it.
 *
 * Layouts covered: the v4 download, whose web root is the install directory (`index.php`,
 * `app/`, `data/`, `web/` side by side). Not covered: the Deskpro 5 split layout
 * (`config/config.*.php`, `bin/`, a separate public directory): no public copy of its web root
 * was found, so nothing about it is stated here. Deskpro On-Premise (Docker) is in `../docker.ts`.
 */

export type SurfaceRepo = 'layn321/deskpro' | 'nathanfdev/deskpro';

/** Where a fact was read: a file of a public copy of the download, or a guide. */
export type SurfaceSource = { repo: SurfaceRepo; path: string } | { url: string };

export interface SurfaceFact {
	/** What it means for the server configuration, in our words. */
	note: string;
	sources: readonly SurfaceSource[];
}

const l = (path: string): SurfaceSource => ({ repo: 'layn321/deskpro', path });
const n = (path: string): SurfaceSource => ({ repo: 'nathanfdev/deskpro', path });

/** How a reader sees a source: `layn321/deskpro: web.config` or the URL. */
export function surfaceSourceText(s: SurfaceSource): string {
	return 'url' in s ? s.url : `${s.repo}: ${s.path}`;
}

/* ------------------------------------------------------------------ shipped files we cite */

export const WEB_CONFIG = l('web.config');
export const HTACCESS = n('.htaccess');
export const ROBOTS = l('robots.txt');
export const ROBOTS_FULL = n('robots.txt');
export const INDEX_PHP = l('index.php');
export const KERNEL_BOOTER = l('app/sys/KernelBooter.php');
export const BOOT_SCRIPTS = l('app/sys/boot_scripts.php');
export const PREBOOT = l('app/sys/preboot.php');
/** Deskpro's own development VM: an nginx site and php.ini written by Deskpro for its download. */
export const SAMPLE_NGINX = l('app/dev/deskpro-vagrant/vm_local/init/puppet/modules/config/templates/nginx-default-host.ini');
export const SAMPLE_PHP_INI = l('app/dev/deskpro-vagrant/vm_local/init/puppet/modules/config/templates/php.ini');

/* ------------------------------------------------------------------ public PHP entry points */

export interface EntryPoint extends SurfaceFact {
	/** File name in the web root. */
	file: string;
	/** The boot mode the file selects before handing over to index.php. */
	bootMode: string;
}

/**
 * The PHP files in the web root that a browser requests. Each is a two-line file that sets a
 * boot mode and includes index.php (index.php dispatches on the mode). PATH_INFO after the name
 * (`/index.php/agent/…`, `/file.php/…`, `/dp.php/…`) is part of Deskpro's URLs.
 */
export const ENTRY_POINTS: readonly EntryPoint[] = [
	{
		file: 'index.php',
		bootMode: 'web',
		note: 'Front controller: every page of the user portal and of the staff interfaces, clean URLs and index.php/… URLs alike.',
		sources: [INDEX_PHP, KERNEL_BOOTER, WEB_CONFIG]
	},
	{
		file: 'dp.php',
		bootMode: 'dp',
		note: 'Small resources such as the agent and admin language scripts (dp.php/agent-lang-<id>.js).',
		sources: [l('dp.php'), INDEX_PHP, l('app/src/Application/AgentBundle/Resources/views/Main/resources.html.twig'), SAMPLE_NGINX]
	},
	{
		file: 'file.php',
		bootMode: 'serve_file',
		note: 'Serves attachments and blobs (file.php/…); sitemap.xml is rewritten to it.',
		sources: [l('file.php'), INDEX_PHP, WEB_CONFIG, SAMPLE_NGINX]
	},
	{
		file: 'get_messages.php',
		bootMode: 'get_messages',
		note: 'The agent interface polls it for live updates (new-ticket alerts, chat). Refusing it breaks the agent interface quietly.',
		sources: [l('get_messages.php'), INDEX_PHP, l('app/src/Application/AgentBundle/Resources/views/Main/page-init.html.twig'), SAMPLE_NGINX]
	}
];

/* ------------------------------------------------------------------ rewrite rules Deskpro ships */

export interface RewriteFact extends SurfaceFact {
	id: 'checkurl' | 'checkurl-path' | 'sitemap' | 'web-static' | 'staff-front-controller' | 'front-controller';
	/** The request path the rule matches (exact, case-insensitive), or null for the prefix/fallback rules. */
	path: string | null;
	/** The entry point the request reaches, and the query string it gets (null: the client's own). */
	script: string | null;
	query: string | null;
	/** Which of Deskpro's own files ship the rule. */
	shippedIn: readonly ('web.config' | '.htaccess' | 'sample nginx site')[];
}

export const REWRITE_RULES: readonly RewriteFact[] = [
	{
		id: 'checkurl',
		path: '/__checkurlrewrite',
		script: 'index.php',
		query: '_sys=checkurl',
		shippedIn: ['web.config', '.htaccess', 'sample nginx site'],
		note: 'The installer’s clean-URL test: it requests this path and expects index.php’s answer.',
		sources: [WEB_CONFIG, HTACCESS, SAMPLE_NGINX, BOOT_SCRIPTS]
	},
	{
		id: 'checkurl-path',
		path: '/__checkurlrewrite/path',
		script: 'index.php',
		query: '_sys=checkurlpath',
		shippedIn: ['web.config', 'sample nginx site'],
		note: 'Second clean-URL test (a path below the test URL). The .htaccess copy does not have it; the catch-all rule sends it to index.php without the query.',
		sources: [WEB_CONFIG, SAMPLE_NGINX, BOOT_SCRIPTS]
	},
	{
		id: 'sitemap',
		path: '/sitemap.xml',
		script: 'file.php',
		query: null,
		shippedIn: ['web.config', '.htaccess'],
		note: 'The portal’s sitemap is served by file.php.',
		sources: [WEB_CONFIG, HTACCESS]
	},
	{
		id: 'web-static',
		path: null,
		script: null,
		query: null,
		shippedIn: ['web.config', '.htaccess'],
		note: 'Everything under /web/ is a static asset, served as a file and never rewritten.',
		sources: [WEB_CONFIG, HTACCESS]
	},
	{
		id: 'staff-front-controller',
		path: null,
		script: 'index.php',
		query: null,
		shippedIn: ['web.config', 'sample nginx site'],
		note: '/admin/… and /agent/… always go to index.php, even though admin/ and agent/ exist as directories (their index.php is only a “clean URLs are off” redirect page).',
		sources: [WEB_CONFIG, SAMPLE_NGINX, l('admin/index.php'), l('agent/index.php')]
	},
	{
		id: 'front-controller',
		path: null,
		script: 'index.php',
		query: null,
		shippedIn: ['web.config', '.htaccess', 'sample nginx site'],
		note: 'Any path that is not an existing file goes to index.php.',
		sources: [WEB_CONFIG, HTACCESS, SAMPLE_NGINX]
	}
];

export const rewriteRule = (id: RewriteFact['id']): RewriteFact => REWRITE_RULES.find((r) => r.id === id)!;

/** The exact-path rewrites a generator writes out (`/__checkurlrewrite` → `index.php?_sys=checkurl`, …). */
export const EXACT_REWRITES = REWRITE_RULES.filter((r): r is RewriteFact & { path: string; script: string } => r.path !== null && r.script !== null);

/** The static-asset directory (`/web/`). */
export const STATIC_DIR = 'web';

/* ------------------------------------------------------------------ private directories and files */

export interface PrivatePath extends SurfaceFact {
	/** Name in the web root: a directory (refused with everything below it) or a file. */
	name: string;
	kind: 'dir' | 'file';
	/** True when Deskpro's own web.config or .htaccess refuses it; false when only we do. */
	deskproRefuses: boolean;
}

export const PRIVATE_PATHS: readonly PrivatePath[] = [
	{ name: 'data', kind: 'dir', deskproRefuses: true, note: 'Attachments, logs, backups, debug output, temporary files.', sources: [l('data/.htaccess'), WEB_CONFIG, ROBOTS] },
	{ name: 'app', kind: 'dir', deskproRefuses: true, note: 'The application code, its configuration and caches.', sources: [l('app/.htaccess'), WEB_CONFIG, ROBOTS] },
	{ name: 'plugins', kind: 'dir', deskproRefuses: true, note: 'Installed plugins (PHP code).', sources: [l('plugins/.htaccess')] },
	{ name: 'config.php', kind: 'file', deskproRefuses: true, note: 'Database credentials and secrets.', sources: [WEB_CONFIG, HTACCESS, INDEX_PHP] },
	{ name: 'cron.php', kind: 'file', deskproRefuses: true, note: 'Scheduled tasks, command line only (Deskpro stops when it is not run by the PHP CLI).', sources: [l('cron.php'), WEB_CONFIG, HTACCESS, PREBOOT] },
	{ name: 'import.php', kind: 'file', deskproRefuses: true, note: 'The importer, command line only.', sources: [l('import.php'), WEB_CONFIG, HTACCESS] },
	{ name: 'upgrade.php', kind: 'file', deskproRefuses: true, note: 'The upgrader, command line only.', sources: [l('upgrade.php'), WEB_CONFIG, HTACCESS] },
	{ name: 'schedule.bat', kind: 'file', deskproRefuses: true, note: 'Windows scheduled-task helper.', sources: [l('schedule.bat'), HTACCESS, WEB_CONFIG] },
	{
		name: 'cmd.php',
		kind: 'file',
		deskproRefuses: false,
		note: 'Command-line tool (boot mode cli). Deskpro’s web.config and .htaccess do not hide it; robots.txt lists it. Refused here: nothing in a browser needs it.',
		sources: [l('cmd.php'), INDEX_PHP, ROBOTS_FULL]
	},
	{
		name: 'config.php.orginal',
		kind: 'file',
		deskproRefuses: false,
		note: 'A copy of the sample configuration shipped in one public copy of the download (spelling as shipped).',
		sources: [l('config.php.orginal')]
	},
	{ name: 'config.new.php', kind: 'file', deskproRefuses: false, note: 'Not in either public copy: kept from the wizard’s earlier list (a configuration copy left beside config.php); refused like config.php. Source: Unknown.', sources: [] },
	{ name: 'web.config', kind: 'file', deskproRefuses: false, note: 'The IIS configuration (IIS itself never serves it; other servers would).', sources: [WEB_CONFIG, ROBOTS_FULL] }
];

export const PRIVATE_DIRS = PRIVATE_PATHS.filter((p) => p.kind === 'dir').map((p) => p.name);
export const PRIVATE_FILES = PRIVATE_PATHS.filter((p) => p.kind === 'file').map((p) => p.name);

/** Dot-files and dot-directories (.htaccess, .git/…): refused by Deskpro’s own rules. */
export const DOT_FILES: SurfaceFact = { note: 'Any path segment starting with a dot is refused (403).', sources: [WEB_CONFIG, HTACCESS] };

/* ------------------------------------------------------------------ what Deskpro's web.config refuses, and how */

/**
 * How Deskpro's own web.config refuses private paths on IIS. IIS request filtering answers 404
 * (404.8 hidden segment, 404.7 file extension), not 403; a hidden segment matches that name in ANY
 * position of the URL, not only the first, so only names no Deskpro route uses can be one.
 */
export const IIS_SHIPPED_REFUSALS = {
	hiddenSegments: ['data', 'app', 'cron.php', 'config.php', 'import.php', 'upgrade.php'],
	deniedExtensions: ['.bat'],
	note: 'Deskpro’s web.config hides data, app, cron.php, config.php, import.php and upgrade.php with requestFiltering hiddenSegments and refuses the .bat extension (schedule.bat) with fileExtensions.',
	sources: [WEB_CONFIG]
} as const;

/** Why plugins/ cannot be a hidden segment on IIS: the admin interface has routes named /admin/plugins/…. */
export const PLUGINS_ADMIN_ROUTE: SurfaceFact = {
	note: 'The admin interface routes /admin/plugins, /admin/plugins/toggle, /admin/plugins/install…; a hiddenSegments entry “plugins” would answer 404 for them, so plugins/ is refused by a rule anchored at the web root instead.',
	sources: [l('app/src/Application/AdminBundle/Resources/config/admin-routing.php')]
};

/* ------------------------------------------------------------------ staff interfaces */

export interface StaffInterface extends SurfaceFact {
	/** First path segment, without slashes: `agent` for /agent/. */
	prefix: string;
	name: string;
}

/**
 * The interfaces index.php routes to a kernel of their own by the first path segment (matched
 * with or without a trailing slash, and behind `index.php/`), each listed in Deskpro's
 * robots.txt. All of them are limited to the trusted networks:
 * - agent, admin, reports and billing are staff interfaces with their own logins;
 * - api authenticates with API keys that act as an agent; integrations outside the trusted
 *   networks need their addresses added;
 * - install is the web installer: Deskpro refuses it once installed, but the refusal rests on a
 *   flag in data/, so it is limited too.
 */
export const STAFF_INTERFACES: readonly StaffInterface[] = [
	{ prefix: 'agent', name: 'Agent interface', note: 'Agents’ ticket work.', sources: [KERNEL_BOOTER, ROBOTS, WEB_CONFIG] },
	{ prefix: 'admin', name: 'Admin interface', note: 'Helpdesk administration.', sources: [KERNEL_BOOTER, ROBOTS, WEB_CONFIG] },
	{ prefix: 'reports', name: 'Reports interface', note: 'Reports, with its own login page.', sources: [KERNEL_BOOTER, ROBOTS, l('app/src/Application/ReportBundle')] },
	{ prefix: 'billing', name: 'Billing interface', note: 'Licence and billing, with its own login page.', sources: [KERNEL_BOOTER, ROBOTS, l('app/src/Application/BillingBundle')] },
	{ prefix: 'api', name: 'API', note: 'REST API, authenticated by an API key (X-DeskPRO-API-Key) that acts as an agent.', sources: [KERNEL_BOOTER, ROBOTS, l('app/src/Application/ApiBundle/StaticLoader/RequestKey.php')] },
	{ prefix: 'install', name: 'Web installer', note: 'Refused by Deskpro once data/ says it is installed; limited anyway.', sources: [KERNEL_BOOTER, ROBOTS] }
];

export const STAFF_PREFIXES = STAFF_INTERFACES.map((s) => s.prefix);

/**
 * Every spelling of a staff interface that reaches its kernel: `/agent`, `/agent/…`, and the
 * same behind each entry point's PATH_INFO (`/index.php/agent/…`). Deskpro matches the prefix
 * case-sensitively; the generated configurations refuse every case.
 */
export function staffSpellings(prefix: string): string[] {
	return [`/${prefix}`, `/${prefix}/`, `/${prefix}/x`, ...ENTRY_POINTS.map((e) => `/${e.file}/${prefix}/`)];
}

/* ------------------------------------------------------------------ uploads */

export interface UploadFact extends SurfaceFact {
	bytes: number;
}

export const UPLOADS = {
	attachDefault: {
		bytes: 5_242_880,
		note: 'Default largest attachment for users and for agents (core.attach_user_maxsize, core.attach_agent_maxsize): 5 MB.',
		sources: [l('app/src/Application/DeskPRO/Resources/settings/core.php')]
	},
	adminSliderMax: {
		bytes: 50_000_000,
		note: 'The admin settings page lets an admin raise the attachment limits up to 50 MB (or the server’s own limit plus 1 MB, whichever is larger).',
		sources: [l('web/javascripts/DeskPRO/Admin/ElementHandler/SettingsPage.js')]
	},
	sampleIni: {
		bytes: 50 * 1024 * 1024,
		note: 'Deskpro’s own development php.ini sets upload_max_filesize and post_max_size to 50M; the effective limit is the smaller of the two.',
		sources: [SAMPLE_PHP_INI, l('app/languages/default/admin/server.php')]
	}
} as const satisfies Record<string, UploadFact>;

/** The wizard's default request-body limit (MB): the admin maximum (50 MB) plus room for the form around it. */
export const DEFAULT_UPLOAD_LIMIT_MB = 64;

/* ------------------------------------------------------------------ where the sources disagree or are silent */

export interface SurfaceGap extends SurfaceFact {
	topic: string;
	/** Shown only on the plans of these web servers (absent = any). */
	webServers?: readonly ('nginx' | 'apache' | 'iis')[];
}

export const SURFACE_GAPS: readonly SurfaceGap[] = [
	{
		topic: 'Root .htaccess',
		note: 'One public copy of the download (layn321/deskpro) ships no .htaccess in the web root, only in app/, data/ and plugins/; the other (nathanfdev/deskpro) has one. The Apache rules here follow web.config and that .htaccess.',
		sources: [HTACCESS, l('app/.htaccess')],
		webServers: ['apache']
	},
	{
		topic: '__checkurlrewrite/path',
		note: 'web.config and Deskpro’s sample nginx site rewrite it to index.php?_sys=checkurlpath; the .htaccess does not. The generated files follow web.config.',
		sources: [WEB_CONFIG, SAMPLE_NGINX, HTACCESS]
	},
	{
		topic: 'Existing directories',
		note: 'The .htaccess serves any existing directory as-is (so /admin/ would reach admin/index.php, a redirect page); web.config sends /admin/ and /agent/ to index.php first. The generated files send every path that is not a file to index.php.',
		sources: [HTACCESS, WEB_CONFIG]
	},
	{
		topic: 'cmd.php, config.php.orginal, config.new.php, web.config',
		note: 'Deskpro’s own rules do not refuse them; they are refused here because nothing in a browser needs them.',
		sources: [WEB_CONFIG, HTACCESS, ROBOTS_FULL]
	},
	{
		topic: '/api/ and /install/',
		note: 'Deskpro’s files do not say whether the API is for staff only; it is key-authenticated and listed with the staff interfaces in robots.txt, so it is limited to the trusted networks here. Add the addresses of outside integrations to the allowed networks.',
		sources: [ROBOTS, KERNEL_BOOTER]
	},
	{
		topic: 'Upload size',
		note: 'No Deskpro source states a 25 MB maximum: the default attachment limit is 5 MB and the admin page goes up to 50 MB. The request-body limit defaults to 64 MB to cover that; PHP’s upload_max_filesize and post_max_size must allow as much.',
		sources: [UPLOADS.attachDefault.sources[0]!, UPLOADS.adminSliderMax.sources[0]!, SAMPLE_PHP_INI]
	},
	{
		topic: 'Dot-files on IIS',
		note: 'Deskpro’s web.config has a rule meant to refuse paths starting with a dot, but its pattern is written inside literal quotation marks, so it matches only URLs that contain a quotation mark: on IIS, Deskpro’s own file does not refuse /.htaccess or /.git/. The generated web.config refuses them with a pattern without the quotes.',
		sources: [WEB_CONFIG],
		webServers: ['iis']
	},
	{
		topic: 'Deskpro 5 layout',
		note: 'The Deskpro 5 download (config/ split configuration, bin/) has a different web root; no public copy of it was found, so its routes are Unknown and the server steps do not cover it.',
		sources: []
	}
];
