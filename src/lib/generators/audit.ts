/**
 * The audit script (bash, Linux): read-only checks of the live server against the plan.
 * Pure: plan-specific constants and one `run_check` line per planned check, around the
 * constant check library `audit-lib.sh` (one function per probe kind). Every value from the
 * plan reaches bash only as a single-quoted word (`shellQuote`).
 */
import lib from './audit-lib.sh?raw';
import dockerLib from './audit-docker.sh?raw';
import { shellQuote } from './escape';
import { rangeKey } from '$lib/validate/net';
import type { AuditProbe, PlannedCheck, RequiredPath } from '$lib/audit/types';

/** Bumped whenever the script's behaviour or result format changes. */
export const AUDIT_SCRIPT_VERSION = '1.3.0';
export const AUDIT_SCRIPT_FILENAME = 'deskpro-audit.sh';

export interface AuditScriptInput {
	planId: string;
	checks: readonly PlannedCheck[];
	/** Fingerprint of the checks' expectations (see `$lib/audit/plan-checks`). */
	expectDigest: string;
}

const CHECK_ID = /^[a-z0-9][a-z0-9.-]{0,199}$/;
const INI_NAME = /^[a-z_][a-z0-9_.]{0,63}$/;
/* The Docker probes' words: checked here, so that bash only ever sees these shapes. */
const CONTAINER = /^[a-z0-9][a-z0-9_.-]{0,62}$/;
const ENV_NAME = /^[A-Z][A-Z0-9_]{0,63}$/;
const BINDING = /^[0-9]{1,3}(?:\.[0-9]{1,3}){3}:[0-9]{1,5}->[0-9]{1,5}\/tcp$/;
const IMAGE_REF = /^[a-z0-9][a-z0-9._\/:-]{0,250}:[0-9][0-9.]*-onprem-[0-9][0-9.]*$/;
const HEADER_NAME = /^[A-Za-z][A-Za-z0-9-]{0,63}$/;
const NFT_NAME = /^[a-z][a-z0-9_]{0,31}$/;
const LOG_FILE = /^[a-z0-9][a-z0-9_.-]{0,99}$/;

function checked(what: string, re: RegExp, xs: readonly string[]): string[] {
	for (const x of xs) if (!re.test(x)) throw new Error(`audit: bad ${what} ${JSON.stringify(x)}`);
	return [...xs];
}

/** Groups of words for one bash function: `@container WORD...` per group. */
function groups(gs: readonly { container: string; words: readonly string[]; re: RegExp; what: string }[]): string[] {
	return gs.flatMap((g) => [`@${checked('container name', CONTAINER, [g.container])[0]}`, ...checked(g.what, g.re, g.words)]);
}

/** Whether the script needs the Docker part of the library. */
export const isDockerProbe = (p: AuditProbe) => p.kind.startsWith('docker-') || p.kind === 'http-xff-ignored';

/** The bash arguments of one probe: function name and words. */
function call(p: AuditProbe): string[] {
	switch (p.kind) {
		case 'owned-by':
			return ['check_owned_by', p.path, p.owner, ...p.exclude];
		case 'not-writable-by':
			return ['check_not_writable_by', p.path, p.user, ...p.exclude];
		case 'no-world-writable':
			return ['check_no_world_writable', ...p.paths];
		case 'data-dir-location':
			return ['check_data_dir_location', p.configPhp, p.reader, p.webRoot, p.expected];
		case 'writable-by':
			return ['check_writable_by', p.path, ...p.users];
		case 'config-private':
			return ['check_config_private', p.configPhp, p.reader];
		case 'config-db-user':
			return ['check_config_db_user', p.configPhp, p.reader, p.expectedUser];
		case 'config-trust-proxy':
			return [
				'check_config_trust_proxy',
				p.configPhp,
				p.reader,
				...p.proxies.map((x) => {
					const key = rangeKey(x);
					if (key === null) throw new Error(`audit: bad proxy address ${JSON.stringify(x)}`);
					return `${key}=${x}`;
				})
			];
		case 'config-debug-off':
			return ['check_config_debug_off', p.configPhp, p.reader];
		case 'fpm-ini-off':
			for (const s of p.settings) if (!INI_NAME.test(s)) throw new Error(`audit: bad PHP setting name ${JSON.stringify(s)}`);
			return ['check_fpm_ini_off', p.fpm, p.runAs, ...p.settings];
		case 'http-status':
			return ['check_http_status', p.url, String(p.status), ...p.paths];
		case 'http-php-not-run':
			return ['check_http_php_not_run', p.url, p.prefix];
		case 'http-no-version':
			return ['check_http_no_version', p.url, ...p.paths];
		case 'db-grants':
			return ['check_db_grants', p.configPhp, p.reader, p.database, ...p.runtime, '--', ...p.upgrade];
		case 'http-allow-list':
			return ['check_http_allow_list', p.url, ...p.paths, '--', ...p.allowed];
		case 'cron-user':
			return ['check_cron_user', p.installPath, p.expectedUser, ...(p.updaterUser ? [p.updaterUser] : [])];
		case 'docker-image':
			return ['check_docker_image', checked('image', IMAGE_REF, [p.image])[0]!, ...checked('container name', CONTAINER, p.containers)];
		case 'docker-ports':
			return [
				'check_docker_ports',
				...checked('port', /^[0-9]{1,5}$/, p.never.map(String)),
				...groups(p.expect.map((e) => ({ container: e.container, words: e.published, re: BINDING, what: 'binding' })))
			];
		case 'docker-env-off':
			return ['check_docker_env_off', ...checked('variable name', ENV_NAME, p.vars), ...checked('container name', CONTAINER, p.containers).map((c) => `@${c}`)];
		case 'docker-secrets':
			return ['check_docker_secrets', ...groups(p.expect.map((e) => ({ container: e.container, words: e.vars, re: ENV_NAME, what: 'variable name' })))];
		case 'docker-secret-mounts':
			return ['check_docker_secret_mounts', ...checked('container name', CONTAINER, p.containers)];
		case 'docker-privileges':
			return ['check_docker_privileges', ...checked('container name', CONTAINER, p.containers)];
		case 'docker-runtime':
			return ['check_docker_runtime', p.logsDir, ...checked('container name', CONTAINER, p.containers)];
		case 'docker-real-ip':
			return [
				'check_docker_real_ip',
				checked('container name', CONTAINER, [p.container])[0]!,
				p.header === null ? '' : checked('header name', HEADER_NAME, [p.header])[0]!,
				checked('nftables table', NFT_NAME, [p.table])[0]!
			];
		case 'http-xff-ignored':
			return ['check_http_xff_ignored', p.url, p.logsDir, checked('log file name', LOG_FILE, [p.logFile])[0]!];
	}
}

/** The paths the script refuses to start without, each once, in the order the checks need them. */
export function requiredPaths(checks: readonly PlannedCheck[]): RequiredPath[] {
	const seen = new Map<string, RequiredPath>();
	for (const c of checks) for (const r of c.requires ?? []) if (!seen.has(r.path)) seen.set(r.path, r);
	return [...seen.values()];
}

/** The words of a check's line, as bash must read them: ID TITLE REMEDIATION FUNCTION ARGS... */
export function checkWords(c: PlannedCheck): string[] {
	if (!CHECK_ID.test(c.id)) throw new Error(`audit: bad check id ${JSON.stringify(c.id)}`);
	return [c.id, c.title, c.remediation, ...call(c.probe)];
}

/** One line per check: `run_check ID TITLE REMEDIATION FUNCTION ARGS...`. */
function checkLine(c: PlannedCheck): string {
	return `\trun_check ${checkWords(c).map(shellQuote).join(' ')}`;
}

export function auditScript(input: AuditScriptInput): string {
	if (!/^[a-z0-9-]{8,64}$/.test(input.planId)) throw new Error('audit: bad plan id');
	if (!/^[0-9a-f]{64}$/.test(input.expectDigest)) throw new Error('audit: bad expectations digest');
	const req = requiredPaths(input.checks);
	const reqLines = req.map((r) => `\t${shellQuote(r.type)} ${shellQuote(r.path)} ${shellQuote(r.what)}`);
	return [
		'#!/usr/bin/env bash',
		'# Deskpro hardening audit, generated by the Deskpro Hardening Wizard for one plan.',
		'# Read-only: it changes nothing on this server (see the notes below).',
		'# Run it as root on the Deskpro server:   sudo bash deskpro-audit.sh',
		'# then paste everything it prints (or the lines between BEGIN and END) into the wizard.',
		'# shellcheck disable=SC1112,SC2016,SC2317  # single quotes keep plan values (and typographic quotes) literal; checks run through run_check',
		'set -u -o pipefail',
		'export LC_ALL=C',
		'umask 077',
		'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
		'export PATH',
		'',
		`PLAN_ID=${shellQuote(input.planId)}`,
		`SCRIPT_VERSION=${shellQuote(AUDIT_SCRIPT_VERSION)}`,
		`EXPECT_DIGEST=${shellQuote(input.expectDigest)}`,
		'# type, path, what it is: the script refuses to start when one is missing.',
		'REQUIRED_PATHS=(',
		...reqLines,
		')',
		'',
		lib.trimEnd(),
		'',
		...(input.checks.some((c) => isDockerProbe(c.probe)) ? [dockerLib.trimEnd(), ''] : []),
		'# ------------------------------------------------------------------ the checks of this plan',
		'main() {',
		'\tparse_args "$@"',
		'\tpreflight',
		'\tbegin',
		...input.checks.map(checkLine),
		'\tfinish',
		'}',
		'',
		'trap on_exit EXIT',
		"trap 'exit 130' INT",
		"trap 'exit 143' TERM",
		'cd / || exit 3',
		'main "$@"',
		''
	].join('\n');
}
