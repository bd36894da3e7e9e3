/**
 * Deskpro's runtime surface, beyond HTTP: the SQL statements that need privileges beyond
 * SELECT/INSERT/UPDATE/DELETE, the cron commands (with the auto-updater split) and the
 * directories the application writes. Facts only, each with its source (repository and path
 * in a public copy of the Deskpro download, or a Deskpro guide URL); no Deskpro code is copied.
 * Where the sources are silent or disagree, the entry says so (`unknown` / `disagreement`).
 *
 * Sources:
 *  - layn321/deskpro: the legacy Deskpro download (2014 build, cron.php and config.php at the top).
 *  - nathanfdev/deskpro: a later Deskpro download (bin/cron, app/run/targets/cron.php).
 *  - the Deskpro sysadmin guide (support.deskpro.com/en/guides/sysadmin-guide/...).
 * Read by generators/mysql.ts (the runtime grant), practices/server-database.ts and
 * practices/server-permissions.ts (the cron lines), and the tests (tests/servers/mariadb.test.ts
 * runs every statement kind below as the runtime account).
 */

/** Where a fact comes from. */
export type RuntimeSource = { repo: 'layn321/deskpro' | 'nathanfdev/deskpro'; path: string; detail: string } | { url: string; detail: string };

export const SYSADMIN_SECURITY_GUIDE = 'https://support.deskpro.com/en/guides/sysadmin-guide/performance-and-security/general-security';

/** A kind of SQL statement Deskpro runs day to day that needs more than SELECT/INSERT/UPDATE/DELETE. */
export interface PrivilegedSql {
	/** The statement kind, e.g. `TRUNCATE TABLE`. */
	kind: string;
	/** The MySQL/MariaDB privilege it needs on Deskpro's database. */
	privilege: 'DROP' | 'LOCK TABLES' | 'CREATE TEMPORARY TABLES';
	/** A statement of that kind, run by the MariaDB test as the runtime account. `{t}` is a test table. */
	example: string;
	/** Why, in one sentence, for the SQL comment and the UI. */
	why: string;
	/** `known`: Deskpro's source runs it; `unknown`: no Deskpro statement found, granted as a precaution (said so in the UI). */
	status: 'known' | 'unknown';
	sources: RuntimeSource[];
}

export const PRIVILEGED_SQL: readonly PrivilegedSql[] = [
	{
		kind: 'TRUNCATE TABLE',
		privilege: 'DROP',
		example: 'TRUNCATE TABLE {t}',
		why: 'Deskpro empties and refills its ticket search table (tickets_search_active) with TRUNCATE TABLE, from a cron worker job and from an admin action; MySQL and MariaDB require the DROP privilege for TRUNCATE TABLE.',
		status: 'known',
		sources: [
			{ repo: 'layn321/deskpro', path: 'app/src/Application/DeskPRO/EntityRepository/Ticket.php', detail: 'fillSearchTable(): TRUNCATE TABLE tickets_search_active, then INSERT … SELECT' },
			{ repo: 'layn321/deskpro', path: 'app/src/Application/DeskPRO/WorkerProcess/Job/EnsureSearchTables.php', detail: 'the cron worker job that calls fillSearchTable()' },
			{ repo: 'layn321/deskpro', path: 'app/src/Application/AdminBundle/Controller/TicketFeaturesController.php', detail: 'regenSearchAction(): the admin action “refill search tables”' },
			{ url: 'https://dev.mysql.com/doc/refman/8.0/en/truncate-table.html', detail: 'TRUNCATE TABLE requires the DROP privilege' },
			{ url: 'https://mariadb.com/kb/en/truncate-table/', detail: 'TRUNCATE TABLE requires the DROP privilege' }
		]
	},
	{
		kind: 'LOCK TABLES',
		privilege: 'LOCK TABLES',
		example: 'LOCK TABLES {t} READ; UNLOCK TABLES',
		why: 'Deskpro runs mysqldump with its own database account for backups before an import or upgrade, and mysqldump locks the tables it dumps by default.',
		status: 'known',
		sources: [
			{ repo: 'layn321/deskpro', path: 'app/src/Application/DeskPRO/Command/ImportCommand.php', detail: 'runs the mysqldump binary (mysqldump_path) for a backup' },
			{ repo: 'layn321/deskpro', path: 'config.php.orginal', detail: "$DP_CONFIG['mysqldump_path'] (line 96)" },
			{ url: 'https://mariadb.com/kb/en/mariadb-dump/', detail: '--opt (on by default) includes --lock-tables' }
		]
	},
	{
		kind: 'CREATE TEMPORARY TABLE',
		privilege: 'CREATE TEMPORARY TABLES',
		example: 'CREATE TEMPORARY TABLE {t}_tmp (x INT); DROP TEMPORARY TABLE {t}_tmp',
		why: 'No CREATE TEMPORARY TABLE was found in the Deskpro download’s application code; the right is kept as a precaution (it only creates tables private to one connection).',
		status: 'unknown',
		sources: [{ repo: 'layn321/deskpro', path: 'app/src', detail: 'searched for CREATE TEMPORARY TABLE outside the upgrade and import steps: none found' }]
	}
];

/** The privileges the runtime account needs beyond SELECT, INSERT, UPDATE, DELETE, in grant order. */
export const RUNTIME_EXTRA_PRIVILEGES: readonly string[] = [...new Set(PRIVILEGED_SQL.map((s) => s.privilege))];

/* ------------------------------------------------------------------ cron */

/** One layout of Deskpro's scheduled-task command. */
export interface CronLayout {
	/** The command, relative to the install directory. */
	script: string;
	/** The auto-updater split, when this layout has it. */
	split: { webArgs: readonly string[]; ownerArgs: readonly string[] } | null;
	sources: RuntimeSource[];
	note: string;
}

/**
 * Deskpro's guide: the cron task as the web-server user with `--no-auto-updater`, and a second
 * one, minutely, as the owner of the files with `--auto-updater` (example:
 * `* * * * * www-data /opt/deskpro/bin/cron --no-auto-updater` and
 * `* * * * * deskpro /opt/deskpro/bin/cron --auto-updater`). The wizard runs it through `php`,
 * because its permissions script leaves no file executable.
 */
export const CRON_LAYOUTS = {
	binCron: {
		script: 'bin/cron',
		split: { webArgs: ['--no-auto-updater'], ownerArgs: ['--auto-updater'] },
		sources: [
			{ url: SYSADMIN_SECURITY_GUIDE, detail: 'Securing file permissions: edit the task to bin/cron --no-auto-updater; add a minutely task bin/cron --auto-updater run by the deskpro user' },
			{ repo: 'nathanfdev/deskpro', path: 'bin/cron', detail: 'runs app/run/targets/cron.php' },
			{ repo: 'nathanfdev/deskpro', path: 'app/src/Application/DeskPRO/Command/WorkerJobCommand.php', detail: 'options no-auto-updater (“Do NOT start any auto-update process”) and auto-updater (start it if scheduled, after other cron runs)' }
		],
		note: 'The current Deskpro download: the updater needs to write the application files, so only the owner’s task may run it.'
	},
	legacyCronPhp: {
		script: 'cron.php',
		split: null,
		sources: [
			{ repo: 'layn321/deskpro', path: 'cron.php', detail: 'boots Deskpro in cron mode; takes no auto-updater option' },
			{ repo: 'layn321/deskpro', path: 'schedule.bat', detail: 'the Windows scheduled task runs php cron.php every minute' }
		],
		note: 'The 2014 download has no auto-updater in cron.php (no “auto-updater” anywhere in its code): updates are run by hand.'
	}
} as const satisfies Record<string, CronLayout>;

/** The plain-words consequence, shown wherever the cron lines are. */
export const MANUAL_UPDATES_WARNING =
	'With read-only application files and no owner cron line (--auto-updater), Deskpro’s updater cannot write the application: every update is manual (Deskpro’s guide says the same).';

/* ------------------------------------------------------------------ writable directories */

/** Directories the running application writes (everything else can be read-only for it). */
export const WRITABLE_DIRS: readonly { path: string; what: string; sources: RuntimeSource[] }[] = [
	{
		path: 'data/ (or $DP_CONFIG[\'dir_data\'])',
		what: 'attachments, logs, caches and backups; created mode 0777 by Deskpro when missing',
		sources: [
			{ repo: 'layn321/deskpro', path: 'app/sys/load_config.php', detail: "dp_get_data_dir(): $DP_CONFIG['dir_data'] when truthy, else <web root>/data; mkdir 0777 when missing" },
			{ repo: 'layn321/deskpro', path: 'config.php.orginal', detail: "$DP_CONFIG['dir_data'] = '' (line 132), after $DP_CONFIG = array(...) (line 48)" }
		]
	}
];

/* ------------------------------------------------------------------ config.php debug and logs */

/** A config.php switch of the legacy download: what it does, what the wizard writes, and why. */
export interface ConfigSwitch {
	/** The PHP expression, e.g. `$DP_CONFIG['debug']['dev']`. */
	key: string;
	/** What Deskpro does when it is on, in our words. */
	effect: string;
	/** The value the generated config.php block writes. */
	wizardValue: boolean;
	/** Why, in one sentence (shown as the comment above the line). */
	why: string;
	sources: RuntimeSource[];
}

/**
 * Deskpro's developer switch. Any truthy value counts (Deskpro tests `isset(...) && value`), so
 * the audit reads it the same way.
 */
export const CONFIG_DEBUG_DEV: ConfigSwitch = {
	key: "$DP_CONFIG['debug']['dev']",
	effect: 'boots Deskpro in its dev environment with debug on, which turns PHP display_errors on and reports every error (error_reporting -1): error details, paths and code reach the browser.',
	wizardValue: false,
	why: 'Developer mode shows PHP errors to every visitor; never in production.',
	sources: [
		{ repo: 'layn321/deskpro', path: 'app/sys/KernelBooter.php', detail: "lines 175-177: isset($DP_CONFIG['debug']['dev']) && $DP_CONFIG['debug']['dev'] sets env 'dev' and debug true" },
		{ repo: 'layn321/deskpro', path: 'app/sys/bootstrap.php', detail: "abstract class Kernel, init() (line 482): debug on: ini_set('display_errors', 1), error_reporting(-1); off: display_errors 0" },
		{ repo: 'layn321/deskpro', path: 'app/src/Application/DeskPRO/Service/ErrorReporter.php', detail: "line 124: error reports carry DEV_MODE when $GLOBALS['DP_CONFIG']['debug']['dev'] is truthy" },
		{ repo: 'layn321/deskpro', path: 'app/bin/twitter.php', detail: "line 58: the same test picks the dev environment" }
	]
};

/**
 * The request error log: not a debug switch. Deskpro's later config.php template describes it as
 * logging 404 errors, permission errors and request method errors; the 2014 template
 * (layn321/deskpro config.php.orginal) has no such line (off by default there too: unset).
 */
export const CONFIG_REQUEST_ERRORLOG: ConfigSwitch & { logFile: string } = {
	key: "$DP_CONFIG['enable_request_errorlog']",
	effect: 'appends one entry per 404 (not_found), permission error (no_permission) and wrong-method request (bad_method), with the URL and time, to request_errors.log in Deskpro’s log directory.',
	logFile: '<data directory>/logs/request_errors.log',
	wizardValue: true,
	why: 'A record of probing (unknown paths, refused pages, odd methods) to review after an attack; it shows nothing to visitors.',
	sources: [
		{ repo: 'nathanfdev/deskpro', path: 'app/src/Application/DeskPRO/HttpKernel/ExceptionListener.php', detail: "logRequestException(): only when dp_get_config('enable_request_errorlog'); types not_found, no_permission, bad_method; appends to dp_get_log_dir() . '/request_errors.log'" },
		{ repo: 'layn321/deskpro', path: 'app/sys/load_config.php', detail: "dp_get_log_dir() (line 227): dp_get_data_dir() . '/logs'" }
	]
};
