/**
 * The shared inputs of every server-side step for Deskpro Download (legacy self-hosted):
 * paths, accounts, PHP-FPM, server names, database, allowed networks, reverse proxy and the
 * Windows/IIS equivalents. They are asked once, on the "Server environment" step, and every
 * other server step reads the checked values through `ctx.server` (see `plan/derive.ts`).
 *
 * Defaults fit a stock Debian/Ubuntu install (nginx or Apache with PHP 8.2 FPM, MariaDB on
 * the same host).
 */
import { bool, choice, int, list, text, listEntries, type FieldErrors, type Fields, type Values } from '$lib/plan/fields';
import { parseIpOrCidr } from '$lib/validate/net';
import {
	checkDbPassword,
	checkFpmAddress,
	checkHeaderName,
	checkHost,
	checkIisName,
	checkMysqlDatabase,
	checkMysqlUser,
	checkServerName,
	checkUnixAccount,
	checkWebGroup,
	checkUnixPath,
	checkWindowsAccount,
	checkWindowsPath,
	DB_PASSWORD_ALPHABET,
	DB_PASSWORD_LENGTH,
	unixPathWithin,
	windowsPathWithin
} from '$lib/validate/server';
import { randomString } from '$lib/random-string';
import { DISTROS, distro } from '$lib/platform/distros';
import type { AboutValues } from './types';
import { DEFAULT_UPLOAD_LIMIT_MB, UPLOADS } from '$lib/deskpro/surface';

const MB = 1024 * 1024;
/** The smallest request-body limit accepted: Deskpro's default attachment size plus room for the form. */
export const MIN_UPLOAD_LIMIT_MB = Math.ceil(UPLOADS.attachDefault.bytes / MB) + 1;

export { SERVER_ENV_STEP_ID } from './_self-hosted-steps';

/** An allowed network or proxy: an address or CIDR, never "everyone" (a /0 range). */
export function checkRestrictedRange(input: string): string | null {
	const r = parseIpOrCidr(input);
	if (typeof r === 'string') return r;
	if (r.prefix === 0) return `${input.trim()} means every address: list only your own networks.`;
	return null;
}

const linux = { os: ['linux' as const] };
const linuxWeb = { os: ['linux' as const], webServers: ['nginx' as const, 'apache' as const] };
const windows = { os: ['windows' as const] };

export const generateDbPassword = (): string => randomString(DB_PASSWORD_LENGTH, DB_PASSWORD_ALPHABET);

export const serverEnvFields = {
	/* ------------------------------------------------ Linux paths and accounts */
	installPath: text({
		label: 'Install path (web root)',
		default: '/var/www/deskpro',
		required: true,
		maxLength: 1024,
		validate: checkUnixPath,
		appliesTo: linux
	}),
	dataPath: text({
		label: 'Data directory (outside the web root)',
		default: '/var/lib/deskpro/data',
		required: true,
		maxLength: 1024,
		validate: checkUnixPath,
		appliesTo: linux
	}),
	ownerUser: text({
		label: 'Owner account of the application files',
		default: 'deskpro',
		required: true,
		width: 'short',
		validate: checkUnixAccount,
		appliesTo: linux
	}),
	webUser: text({ label: 'Web-server / PHP-FPM user', default: 'www-data', required: true, width: 'short', validate: checkUnixAccount, appliesTo: linux }),
	webGroup: text({
		label: 'Web-server group',
		default: 'www-data',
		required: true,
		width: 'short',
		validate: checkUnixAccount,
		appliesTo: linux
	}),
	cronUser: text({
		label: 'Cron user',
		default: 'www-data',
		required: true,
		width: 'short',
		validate: checkUnixAccount,
		appliesTo: linux
	}),
	cronUpdater: choice({
		label: 'Deskpro’s auto-updater (cron)',
		default: 'owner',
		options: [
			{ value: 'owner', label: 'Two cron lines: updates by the owner account', hint: 'The cron user runs cron.php --no-auto-updater; the owner runs cron.php --auto-updater.' },
			{ value: 'no-updater', label: 'One cron line, manual updates', hint: 'cron.php --no-auto-updater only: the application stays read-only to every cron job, so every update is manual.' },
			{ value: 'legacy', label: 'One cron line, a build without the updater', hint: 'Plain cron.php, for builds whose cron.php has no --auto-updater option (the 2014 download): updates are manual.' }
		],
		appliesTo: linux
	}),
	distro: choice({
		label: 'Linux distribution',
		default: 'debian12',
		options: DISTROS.map((d) => ({ value: d.id, label: d.label, hint: `PHP ${d.php}: ${d.fpmSocket}` })),
		appliesTo: linux
	}),
	phpFpm: text({
		label: 'PHP-FPM socket or host:port',
		default: 'unix:/run/php/php8.2-fpm.sock',
		required: true,
		maxLength: 1030,
		validate: checkFpmAddress,
		appliesTo: linuxWeb
	}),
	tlsCertificate: text({
		label: 'TLS certificate file (full chain)',
		default: '/etc/ssl/certs/ssl-cert-snakeoil.pem',
		required: true,
		maxLength: 1024,
		validate: checkUnixPath,
		appliesTo: linuxWeb
	}),
	tlsKey: text({
		label: 'TLS private key file',
		default: '/etc/ssl/private/ssl-cert-snakeoil.key',
		required: true,
		maxLength: 1024,
		validate: checkUnixPath,
		appliesTo: linuxWeb
	}),
	httpsPort: int({ label: 'HTTPS port', min: 1, max: 65535, default: 443, appliesTo: linuxWeb }),
	httpPort: int({ label: 'HTTP port (redirects to HTTPS)', min: 1, max: 65535, default: 80, appliesTo: linuxWeb }),
	uploadLimitMb: int({
		label: 'Largest request (uploads)',
		min: MIN_UPLOAD_LIMIT_MB,
		max: 2047,
		unit: 'MB',
		default: DEFAULT_UPLOAD_LIMIT_MB,
		appliesTo: linuxWeb
	}),
	hstsIncludeSubDomains: bool({
		label: 'HSTS: include subdomains',
		default: true,
		appliesTo: linuxWeb
	}),
	hstsPreload: bool({
		label: 'HSTS: preload',
		default: false,
		appliesTo: linuxWeb
	}),

	/* ------------------------------------------------ Windows / IIS */
	winInstallPath: text({
		label: 'Install path (web root)',
		default: 'C:\\inetpub\\deskpro',
		required: true,
		maxLength: 240,
		validate: checkWindowsPath,
		appliesTo: windows
	}),
	winDataPath: text({
		label: 'Data directory (outside the web root)',
		default: 'C:\\ProgramData\\Deskpro\\data',
		required: true,
		maxLength: 240,
		validate: checkWindowsPath,
		appliesTo: windows
	}),
	iisSiteName: text({ label: 'IIS site name', default: 'Deskpro', required: true, width: 'medium', validate: checkIisName, appliesTo: windows }),
	winWebAccount: text({
		label: 'Application pool identity',
		default: 'IIS AppPool\\Deskpro',
		required: true,
		width: 'medium',
		validate: checkWindowsAccount,
		appliesTo: windows
	}),
	winCronAccount: text({
		label: 'Scheduled-task account (runs cron.php)',
		default: 'deskpro-cron',
		required: true,
		width: 'medium',
		validate: checkWindowsAccount,
		appliesTo: windows
	}),

	/* ------------------------------------------------ names and networks */
	serverNames: list({
		label: 'Server names',
		default: [],
		maxItems: 20,
		placeholder: 'support.example.com',
		item: checkServerName
	}),
	adminCidrs: list({
		label: 'Networks allowed to reach the staff interfaces',
		default: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'],
		maxItems: 100,
		placeholder: '10.0.0.0/8',
		item: checkRestrictedRange
	}),
	behindProxy: bool({
		label: 'A reverse proxy or load balancer sits in front of this server',
		default: false
	}),
	proxyAddresses: list({
		label: 'Proxy / load-balancer addresses',
		default: [],
		maxItems: 50,
		placeholder: '192.0.2.10',
		item: checkRestrictedRange
	}),
	proxyTerminatesTls: bool({
		label: 'The proxy terminates TLS and forwards plain HTTP to this server',
		default: false
	}),
	proxyHeader: text({
		label: 'Client-IP header set by the proxy',
		default: 'X-Forwarded-For',
		required: true,
		width: 'medium',
		validate: checkHeaderName
	}),

	/* ------------------------------------------------ database */
	dbHost: text({
		label: 'Database host',
		default: 'localhost',
		required: true,
		width: 'medium',
		maxLength: 253,
		validate: checkHost,
		appliesTo: linux
	}),
	// Windows has its own pair (default 127.0.0.1): MySQL and MariaDB on Windows have no Unix
	// socket, so localhost is a TCP connection too, and one that may try ::1 first and matches a
	// 'user'@'localhost' account only while the server resolves names. A Windows plan saved before
	// these fields existed keeps its dbHost / dbClientHost (see `plan/migrate.ts`).
	winDbHost: text({
		label: 'Database host',
		default: '127.0.0.1',
		required: true,
		width: 'medium',
		maxLength: 253,
		validate: checkHost,
		appliesTo: windows
	}),
	dbPort: int({ label: 'Database port', min: 1, max: 65535, default: 3306 }),
	dbName: text({ label: 'Database name', default: 'deskpro', required: true, width: 'medium', validate: checkMysqlDatabase }),
	dbUser: text({
		label: 'Runtime database user',
		default: 'deskpro',
		required: true,
		width: 'medium',
		validate: checkMysqlUser
	}),
	dbClientHost: text({
		label: 'Application host as the database sees it',
		default: 'localhost',
		required: true,
		width: 'medium',
		maxLength: 253,
		validate: checkHost,
		appliesTo: linux
	}),
	winDbClientHost: text({
		label: 'Application host as the database sees it',
		default: '127.0.0.1',
		required: true,
		width: 'medium',
		maxLength: 253,
		validate: checkHost,
		appliesTo: windows
	}),
	dbPassword: text({
		label: 'Runtime database password',
		default: '',
		secret: true,
		maxLength: 128,
		width: 'long',
		generate: generateDbPassword
	}),
	upgradeAccount: bool({
		label: 'Create a separate schema-upgrade account',
		default: true
	}),
	dbUpgradeUser: text({ label: 'Upgrade database user', default: 'deskpro_upgrade', required: true, width: 'medium', validate: checkMysqlUser }),
	dbUpgradePassword: text({
		label: 'Upgrade account password',
		default: '',
		secret: true,
		maxLength: 128,
		width: 'long',
		generate: generateDbPassword
	})
} satisfies Fields;

export type ServerEnvFields = typeof serverEnvFields;
export type ServerEnvValues = Values<ServerEnvFields>;

/** The checked server environment as the generators see it. */
export interface ServerEnv extends ServerEnvValues {
	/** `serverNames`, or the helpdesk URL's host when empty. */
	names: string[];
	/** Canonical allowed ranges. */
	allowed: string[];
	/** Canonical trusted proxies (empty when there is no proxy). */
	proxies: string[];
}

/** A host name as the server configs write it: lower-case, without the DNS root dot (`a.example.` → `a.example`). */
const serverNameForm = (h: string) => h.trim().toLowerCase().replace(/\.$/, '');

function urlHost(url: string): string | null {
	try {
		const h = new URL(url.trim()).hostname;
		return h && !h.startsWith('[') && checkServerName(h) === null ? serverNameForm(h) : null;
	} catch {
		return null;
	}
}

const canonical = (xs: string[]) => xs.map((x) => {
	const r = parseIpOrCidr(x);
	return typeof r === 'string' ? x : r.canonical;
});

/** Checks across fields (each field is already valid on its own). */
export function refineServerEnv(v: ServerEnvValues, about: AboutValues): FieldErrors {
	const e: FieldErrors = {};
	const os = about.os;
	if (os !== 'windows') {
		if (unixPathWithin(v.dataPath, v.installPath)) e.dataPath = 'The data directory must be outside the install path (web root).';
		else if (unixPathWithin(v.installPath, v.dataPath)) e.dataPath = 'The install path must not be inside the data directory.';
		if (v.ownerUser === 'root') e.ownerUser = 'The files must not be owned by root: use a dedicated account such as deskpro.';
		else if (v.ownerUser === v.webUser) e.ownerUser = 'The owner must differ from the web-server user, or PHP could rewrite the application.';
		if (v.cronUser === 'root') e.cronUser = 'Cron must not run Deskpro as root.';
		else if (v.cronUser === v.ownerUser) {
			e.cronUser = 'The cron user must differ from the owner of the application files: cron runs Deskpro’s PHP, which could then rewrite the application.';
		}
		const group = checkWebGroup(v.webGroup);
		if (group) e.webGroup = group;
		if (v.webUser === 'root') e.webUser = 'The web server must not run PHP as root.';
		if (about.webServer !== 'iis' && v.httpPort === v.httpsPort) e.httpPort = 'The HTTP and HTTPS ports must differ.';
		// a distribution's default socket on another distribution: 502 everywhere
		const d = distro(v.distro);
		const other = DISTROS.find((x) => x.id !== d.id && x.fpmSocket === v.phpFpm.trim() && x.fpmSocket !== d.fpmSocket);
		if (other) e.phpFpm = `${other.fpmSocket} is the socket of ${other.label} (PHP ${other.php}). ${d.label} ships PHP ${d.php}: its pool listens on ${d.fpmSocket}.`;
		if (d.id === 'rhel9' && !e.webUser && (v.webUser === 'www-data' || v.cronUser === 'www-data')) {
			e.webUser = `${d.label} has no www-data account: PHP-FPM’s default pool runs as ${d.fpmUser} (and nginx as nginx).`;
		}
	} else {
		if (windowsPathWithin(v.winDataPath, v.winInstallPath)) e.winDataPath = 'The data directory must be outside the install path (web root).';
		else if (windowsPathWithin(v.winInstallPath, v.winDataPath)) e.winDataPath = 'The install path must not be inside the data directory.';
		if (v.winWebAccount.toLowerCase() === v.winCronAccount.toLowerCase() && /administrator/i.test(v.winCronAccount)) {
			e.winCronAccount = 'Use a dedicated account, not an administrator.';
		}
		if (/^(nt authority\\system|system|.*\\administrator|administrator)$/i.test(v.winCronAccount)) {
			e.winCronAccount = 'Run the scheduled task as a dedicated account, not SYSTEM or an administrator.';
		}
	}
	if (listEntries(v.serverNames).length === 0 && urlHost(about.helpdeskUrl) === null) {
		e.serverNames = 'Enter at least one server name (or a valid helpdesk URL on the first step).';
	}
	if (listEntries(v.adminCidrs).length === 0) e.adminCidrs = 'List at least one network allowed to reach the staff interfaces (/agent/, /admin/ and the others).';
	if (os !== 'windows' && about.webServer !== 'iis' && v.hstsPreload && !v.hstsIncludeSubDomains) {
		e.hstsPreload = 'Preload needs “include subdomains”: browsers’ preload lists refuse a policy without it.';
	}
	if (v.behindProxy && listEntries(v.proxyAddresses).length === 0) e.proxyAddresses = 'List the address of each reverse proxy or load balancer.';
	// the pair of fields the admin sees for this OS
	const { dbHost, dbClientHost } = dbHosts(v, about);
	const clientKey = os === 'windows' ? 'winDbClientHost' : 'dbClientHost';
	if (dbHost === 'localhost' && dbClientHost !== 'localhost') {
		e[clientKey] = `With database host localhost${os === 'windows' ? '' : ' (local socket)'} the account host is localhost too.`;
	} else if ((dbHost === '127.0.0.1' || dbHost === '::1') && dbClientHost !== dbHost) {
		// PHP connects over TCP from the loopback address; MariaDB/MySQL match that against an
		// account host of that address, not 'localhost' (which matches socket connections; a TCP
		// client matches it only when the server resolves names, never with skip-name-resolve).
		// Proven on a real MariaDB in tests/servers/db-hosts.test.ts.
		e[clientKey] = `With database host ${dbHost} PHP connects over TCP from ${dbHost}: create the account for ${dbHost} too (MariaDB refuses 'user'@'${dbClientHost}' for that login).`;
	}
	// An empty password is allowed here (it is not saved, so it is empty after a reload): the
	// files that need it (SQL, config.php) wait for it; the others are generated anyway.
	const pw = v.dbPassword === '' ? null : checkDbPassword(v.dbPassword);
	if (pw) e.dbPassword = pw;
	if (v.upgradeAccount) {
		const upw = v.dbUpgradePassword === '' ? null : checkDbPassword(v.dbUpgradePassword);
		if (upw) e.dbUpgradePassword = upw;
		if (v.dbUpgradeUser === v.dbUser) e.dbUpgradeUser = 'The upgrade account must differ from the runtime account.';
		else if (v.dbUpgradePassword !== '' && v.dbUpgradePassword === v.dbPassword) e.dbUpgradePassword = 'Use a different password from the runtime account.';
	}
	return e;
}

/** The database host and account host of this OS's fields (Windows has its own pair). */
function dbHosts(v: ServerEnvValues, about: AboutValues): { dbHost: string; dbClientHost: string } {
	return about.os === 'windows' ? { dbHost: v.winDbHost, dbClientHost: v.winDbClientHost } : { dbHost: v.dbHost, dbClientHost: v.dbClientHost };
}

/** The generators' view of checked values: `dbHost` / `dbClientHost` are the ones of this OS. */
export function toServerEnv(v: ServerEnvValues, about: AboutValues): ServerEnv {
	const names = listEntries(v.serverNames).map(serverNameForm);
	const host = urlHost(about.helpdeskUrl);
	return {
		...v,
		...dbHosts(v, about),
		names: names.length ? [...new Set(names)] : host ? [host] : [],
		allowed: [...new Set(canonical(listEntries(v.adminCidrs)))],
		proxies: v.behindProxy ? [...new Set(canonical(listEntries(v.proxyAddresses)))] : []
	};
}

/** The files that hold a database password wait until the passwords are set. */
export function hasDbPasswords(env: ServerEnv): boolean {
	return env.dbPassword !== '' && (!env.upgradeAccount || env.dbUpgradePassword !== '');
}

export type { Fields };
