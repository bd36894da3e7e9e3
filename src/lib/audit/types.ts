/**
 * The audit's check model. A practice that generates a server change also declares, in the
 * same module, the audit checks that prove it was applied (`Practice.audit`). Each check's
 * expected values come from the practice's checked values, so the wizard's answers and the
 * audit's expectations are one definition and cannot drift apart.
 *
 * A check says WHAT to verify as data (`probe`); `generators/audit.ts` renders each probe kind
 * through one bash function of the audit script. Nothing here runs anything.
 */

/** The states a check can end in, as written by the script. */
export const AUDIT_STATES = ['PASS', 'FAIL', 'WARN', 'SKIP', 'MANUAL', 'N/A'] as const;
export type AuditState = (typeof AUDIT_STATES)[number];

/** A path that must exist on the server for the script to start (it refuses otherwise). */
export interface RequiredPath {
	path: string;
	/** What it is, for the refusal message, e.g. "install directory (web root)". */
	what: string;
	type: 'dir' | 'file';
}

/** What a check verifies on the server. One bash function per kind. */
export type AuditProbe =
	/** Every file and directory under `path` (except `exclude`) is owned by `owner`. */
	| { kind: 'owned-by'; path: string; owner: string; exclude: string[] }
	/** Nothing under `path` (except `exclude`) is writable by `user`, tested as that user. */
	| { kind: 'not-writable-by'; path: string; user: string; exclude: string[] }
	/** No file or directory under any of `paths` is writable by other users (mode o+w). */
	| { kind: 'no-world-writable'; paths: string[] }
	/**
	 * `$DP_CONFIG['dir_data']` as PHP reads it from `configPhp` equals `expected`, lies outside
	 * `webRoot`, and is a real directory. Every probe that reads `config.php` runs PHP as
	 * `reader` (the web-server user), with no more rights than Deskpro itself.
	 */
	| { kind: 'data-dir-location'; configPhp: string; reader: string; webRoot: string; expected: string }
	/** Every directory under `path` is writable by each of `users`, tested as each user. */
	| { kind: 'writable-by'; path: string; users: string[] }
	/** `configPhp` is readable by `reader` and not readable by other users. */
	| { kind: 'config-private'; configPhp: string; reader: string }
	/** The database user in `configPhp` is not root (and is `expectedUser` when given). */
	| { kind: 'config-db-user'; configPhp: string; reader: string; expectedUser: string }
	/**
	 * `$DP_CONFIG['trust_proxy_data']` in `configPhp` trusts exactly `proxies` (canonical addresses
	 * or ranges; empty: it must be false): never `true`, never an address the plan does not list.
	 */
	| { kind: 'config-trust-proxy'; configPhp: string; reader: string; proxies: string[] }
	/** Deskpro's debug options in `configPhp` are off. */
	| { kind: 'config-debug-off'; configPhp: string; reader: string }
	/**
	 * PHP's own settings as the PHP-FPM pool runs them (asked over FastCGI), each expected off.
	 * `fpm` is `unix:/path`, `/path` or `host:port`; `runAs` is the pool's user (the probe file
	 * must be readable by it).
	 */
	| { kind: 'fpm-ini-off'; fpm: string; runAs: string; settings: string[] }
	/** Each of `paths` (relative to the helpdesk URL) answers `status`. */
	| { kind: 'http-status'; url: string; paths: string[]; status: number }
	/**
	 * A `.php` name under `prefix` (one that does not exist, so nothing can run) is refused with
	 * 403 and never reaches PHP.
	 */
	| { kind: 'http-php-not-run'; url: string; prefix: string }
	/** The `Server` and `X-Powered-By` headers of `paths` carry no version number. */
	| { kind: 'http-no-version'; url: string; paths: string[] }
	/**
	 * The grants of the database account in `configPhp`: only `database`, nothing forbidden;
	 * on it only `runtime` privileges (the upgrade account's extra `upgrade` ones: WARN).
	 */
	| { kind: 'db-grants'; configPhp: string; reader: string; database: string; runtime: string[]; upgrade: string[] }
	/**
	 * `paths` are refused (403) from outside `allowed`. Not provable from the server itself:
	 * MANUAL with the command to run, unless the script is given an outside source address.
	 */
	| { kind: 'http-allow-list'; url: string; paths: string[]; allowed: string[] }
	/** The crontab lines running `installPath/cron.php` run as `expectedUser`, never root; one with --auto-updater may run as `updaterUser` (the owner). */
	| { kind: 'cron-user'; installPath: string; expectedUser: string; updaterUser?: string }
	/*
	 * Deskpro On-Premise (Docker): read with `docker inspect` of the named containers (Go
	 * templates that print one quoted value per line; nothing is evaluated).
	 */
	/** Each container runs exactly `image` (`repository:<version>-onprem-<container version>`), never `latest`. */
	| { kind: 'docker-image'; containers: string[]; image: string }
	/**
	 * Each container publishes exactly its `published` bindings (`hostIp:hostPort->port/tcp`) and
	 * never one of `never` (container ports); no host network, no publish-all.
	 */
	| { kind: 'docker-ports'; never: number[]; expect: { container: string; published: string[] }[] }
	/** Each of `vars` is absent or false in every container (and not given through a file). */
	| { kind: 'docker-env-off'; containers: string[]; vars: string[] }
	/** Each secret reaches its container only as a mounted file (`VAR_FILE`), never as a plain variable. */
	| { kind: 'docker-secrets'; expect: { container: string; vars: string[] }[] }
	/** Secret and key files mounted into the containers: read-only, regular, root-owned, 0600 or 0400 on the host. */
	| { kind: 'docker-secret-mounts'; containers: string[] }
	/** Not privileged, no added capabilities, no-new-privileges, no host namespaces, no Docker socket. */
	| { kind: 'docker-privileges'; containers: string[] }
	/** A restart policy, and logs exported to `logsDir` (mounted at Deskpro's log directory). */
	| { kind: 'docker-runtime'; containers: string[]; logsDir: string }
	/**
	 * The client-IP header the container trusts is `header` (null: none), and while one is
	 * trusted every published web port is on loopback or only reachable through the firewall
	 * (nftables table `table`, or Docker's DOCKER-USER chain).
	 */
	| { kind: 'docker-real-ip'; container: string; header: string | null; table: string }
	/**
	 * A request through the front proxy with a forged X-Forwarded-For is logged by the container
	 * (exported access log `logsDir/logFile`) with another address than the forged one.
	 */
	| { kind: 'http-xff-ignored'; url: string; logsDir: string; logFile: string };

export type AuditProbeKind = AuditProbe['kind'];

export interface AuditCheckDef {
	/** Stable id, never derived from the title: `<practice-id>.audit.<name>`. */
	id: string;
	/** Checklist item ids this check verifies. */
	items: string[];
	title: string;
	/** What the plan expects, in words (shown in the wizard and written into the script). */
	expected: string;
	/** What to do when the check fails: points at the wizard's own output for the fix. */
	remediation: string;
	probe: AuditProbe;
	/** Paths the script refuses to start without. */
	requires?: RequiredPath[];
}

/** An audit check as it applies to a plan: the definition plus the practice that declared it. */
export interface PlannedCheck extends AuditCheckDef {
	practiceId: string;
}
