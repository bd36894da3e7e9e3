/**
 * Checks for the values that land in server configuration files: paths, account names,
 * MySQL identifiers, hosts, ports, header names. Each returns null when the value is valid or
 * a message that names the value and says what is wrong.
 *
 * These checks are deliberately strict (a conservative character set per kind of value): the
 * escapers in `generators/escape.ts` quote every value for its target as well, but a value that
 * could change meaning in one of the targets (`$` in nginx and Apache, `%` in cmd, a backslash in
 * SQL) is refused here with a message rather than quoted into something surprising.
 */
import { checkHostname, parseIpOrCidr } from './net';

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Shows a character in a message: printable as itself, anything else as U+XXXX. */
export function showChar(c: string): string {
	const cp = c.codePointAt(0) ?? 0;
	if (cp < 0x20 || (cp >= 0x7f && cp <= 0xa0) || cp > 0x7e) return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
	return c === ' ' ? 'a space' : `"${c}"`;
}

function firstBad(s: string, ok: RegExp): string | null {
	for (const c of s) if (!ok.test(c)) return c;
	return null;
}

const UNIX_PATH_CHAR = /[A-Za-z0-9._/+@,=~ -]/;
const UNIX_PATH_CHARS_TEXT = 'letters, digits, spaces and / . _ - + @ , = ~';

/** An absolute Unix path: no `.`/`..` segments, no trailing slash, a conservative character set. */
export function checkUnixPath(input: string): string | null {
	const s = input;
	if (s.trim() === '') return 'Enter an absolute path, e.g. /var/www/deskpro.';
	if (s !== s.trim()) return 'The path must not start or end with a space.';
	if (!s.startsWith('/')) return `${s} is not an absolute path: it must start with /.`;
	if (s.length > 1024) return 'The path is longer than 1024 characters.';
	const bad = firstBad(s, UNIX_PATH_CHAR);
	if (bad !== null) return `The path contains ${showChar(bad)}, which is not allowed here: use ${UNIX_PATH_CHARS_TEXT}.`;
	if (s === '/') return 'The path must not be the root directory /.';
	if (s.endsWith('/')) return 'Remove the trailing / from the path.';
	const segs = s.slice(1).split('/');
	for (const seg of segs) {
		if (seg === '') return 'The path must not contain an empty segment (//).';
		if (seg === '.' || seg === '..') return 'The path must not contain . or .. segments: enter the real absolute path.';
		if (seg.startsWith('-')) return `The path segment "${seg}" must not start with a hyphen.`;
		if (seg !== seg.trim()) return `The path segment "${seg}" must not start or end with a space.`;
	}
	return null;
}

/** True when `inner` equals `outer` or lies below it (both valid absolute Unix paths). */
export function unixPathWithin(inner: string, outer: string): boolean {
	return inner === outer || inner.startsWith(outer + '/');
}

const WIN_SEG_CHAR = /[A-Za-z0-9._+@,=~() -]/;
const WIN_SEG_CHARS_TEXT = 'letters, digits, spaces and . _ - + @ , = ~ ( )';
const WIN_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/** An absolute Windows path on a drive, e.g. `C:\inetpub\deskpro`. */
export function checkWindowsPath(input: string): string | null {
	const s = input;
	if (s.trim() === '') return 'Enter an absolute Windows path, e.g. C:\\inetpub\\deskpro.';
	if (s !== s.trim()) return 'The path must not start or end with a space.';
	if (s.length > 240) return 'The path is longer than 240 characters.';
	if (!/^[A-Za-z]:\\/.test(s)) return `${s} is not an absolute Windows path: it must start with a drive, e.g. C:\\.`;
	const rest = s.slice(3);
	if (rest === '') return 'The path must not be the root of a drive.';
	if (rest.endsWith('\\')) return 'Remove the trailing \\ from the path.';
	for (const seg of rest.split('\\')) {
		if (seg === '') return 'The path must not contain an empty segment (\\\\).';
		if (seg === '.' || seg === '..') return 'The path must not contain . or .. segments.';
		const bad = firstBad(seg, WIN_SEG_CHAR);
		if (bad !== null) return `The path contains ${showChar(bad)}, which is not allowed here: use ${WIN_SEG_CHARS_TEXT}.`;
		if (/[. ]$/.test(seg)) return `The path segment "${seg}" must not end with a dot or a space.`;
		if (WIN_RESERVED.test(seg)) return `"${seg}" is a reserved device name on Windows.`;
	}
	return null;
}

/** True when Windows path `inner` equals `outer` or lies below it (case-insensitive). */
export function windowsPathWithin(inner: string, outer: string): boolean {
	const a = inner.toLowerCase();
	const b = outer.toLowerCase();
	return a === b || a.startsWith(b + '\\');
}

/** A Unix user or group name as Debian's useradd accepts it by default. */
export function checkUnixAccount(input: string): string | null {
	const s = input;
	if (s === '') return 'Enter an account name.';
	if (s.length > 32) return `${s.slice(0, 40)} is longer than 32 characters.`;
	if (!/^[a-z_][a-z0-9_-]*$/.test(s)) {
		return `${s} is not a valid account name: use lower-case letters, digits, _ and -, starting with a letter or _.`;
	}
	return null;
}

/**
 * Unix groups whose members can become root or read what only root should (a shell as root
 * through sudo/wheel, the raw disk, /etc/shadow, the Docker or LXD socket, kernel memory, every
 * log...). The web server's group must not be one: the permissions script adds the cron user to
 * it and gives it the data directory, and PHP runs with it.
 */
export const PRIVILEGED_GROUPS: Record<string, string> = {
	root: 'is the superuser group',
	wheel: 'may become root with su or sudo',
	sudo: 'may become root with sudo',
	admin: 'may become root with sudo (older Ubuntu)',
	adm: 'reads every system log',
	shadow: 'reads the password hashes in /etc/shadow',
	disk: 'reads and writes the raw disks',
	kmem: 'reads kernel memory',
	mem: 'reads physical memory',
	docker: 'controls the Docker daemon, which is root',
	lxd: 'controls LXD, which is root',
	incus: 'controls Incus, which is root',
	libvirt: 'controls virtual machines and their disks',
	kvm: 'controls virtual machines',
	staff: 'writes to /usr/local (Debian), where root finds programs first',
	'systemd-journal': 'reads every system log',
	sys: 'owns system files on some distributions',
	tty: 'writes to other users’ terminals',
	utmp: 'writes the login records',
	lpadmin: 'administers printers (CUPS) and their filters',
	sudoers: 'may become root with sudo'
};

/** Null, or why `group` must not be the web server's group. */
export function checkWebGroup(group: string): string | null {
	const why = PRIVILEGED_GROUPS[group];
	return why ? `${group} is a privileged group (its members ${why}): use the web server's own group, e.g. www-data.` : null;
}

/** A Windows account: `name`, `DOMAIN\name` or `IIS AppPool\name`. */
export function checkWindowsAccount(input: string): string | null {
	const s = input;
	if (s.trim() === '') return 'Enter a Windows account, e.g. IIS AppPool\\Deskpro or CONTOSO\\svc-deskpro.';
	if (s !== s.trim()) return 'The account must not start or end with a space.';
	const parts = s.split('\\');
	if (parts.length > 2) return `${s} has more than one \\: use DOMAIN\\name.`;
	for (const p of parts) {
		if (p === '') return `${s} is not a valid account: the part before or after \\ is empty.`;
		if (p.length > 64) return 'Each part of the account name must be at most 64 characters.';
		if (!/^[A-Za-z0-9._ -]+$/.test(p)) {
			const bad = firstBad(p, /[A-Za-z0-9._ -]/)!;
			return `The account contains ${showChar(bad)}, which is not allowed: use letters, digits, spaces, . _ - and one \\.`;
		}
		if (p !== p.trim() || p.endsWith('.')) return `"${p}" must not start or end with a space or end with a dot.`;
	}
	return null;
}

/** An IIS site or application pool name. */
export function checkIisName(input: string): string | null {
	const s = input;
	if (s.trim() === '') return 'Enter the IIS site name.';
	if (s !== s.trim()) return 'The name must not start or end with a space.';
	if (s.length > 64) return 'The name must be at most 64 characters.';
	const bad = firstBad(s, /[A-Za-z0-9._ -]/);
	if (bad !== null) return `The name contains ${showChar(bad)}, which is not allowed: use letters, digits, spaces and . _ -.`;
	return null;
}

/** A database (schema) name. Underscores are allowed (the SQL generator escapes them in GRANTs). */
export function checkMysqlDatabase(input: string): string | null {
	const s = input;
	if (s === '') return 'Enter the database name.';
	if (s.length > 64) return 'A database name is at most 64 characters.';
	if (!/^[A-Za-z0-9_]+$/.test(s)) {
		const bad = firstBad(s, /[A-Za-z0-9_]/)!;
		return `The database name contains ${showChar(bad)}: use letters, digits and _ only.`;
	}
	if (/^[0-9]+$/.test(s)) return 'A database name must not be only digits.';
	if (['mysql', 'information_schema', 'performance_schema', 'sys'].includes(s.toLowerCase())) {
		return `${s} is a system database: use Deskpro's own database.`;
	}
	return null;
}

/** A MySQL/MariaDB account (user) name, portable to MySQL's 32-character limit. */
export function checkMysqlUser(input: string): string | null {
	const s = input;
	if (s === '') return 'Enter the database user name.';
	if (s.length > 32) return 'A database user name is at most 32 characters (MySQL limit).';
	if (!/^[A-Za-z0-9_.-]+$/.test(s)) {
		const bad = firstBad(s, /[A-Za-z0-9_.-]/)!;
		return `The user name contains ${showChar(bad)}: use letters, digits, _ . and - only.`;
	}
	if (s.toLowerCase() === 'root') return 'Do not use root: Deskpro needs its own least-privileged account.';
	if (['mysql.sys', 'mysql.session', 'mysql.infoschema', 'mariadb.sys', 'debian-sys-maint'].includes(s.toLowerCase())) {
		return `${s} is a system account.`;
	}
	return null;
}

/** A host name, IPv4 or IPv6 address (no CIDR, no wildcard). */
export function checkHost(input: string): string | null {
	const s = input;
	if (s.trim() === '') return 'Enter a host name or IP address.';
	if (s !== s.trim()) return 'The host must not start or end with a space.';
	if (/[/%*]/.test(s)) return `${s} must be a single host: no wildcard, % or / range.`;
	const ip = parseIpOrCidr(s);
	if (typeof ip !== 'string') return null;
	if (s.includes(':')) return `${s} is not a valid IPv6 address.`;
	if (/^[0-9.]+$/.test(s)) return `${s} is not a valid IPv4 address.`;
	return checkHostname(s);
}

/** PHP-FPM address: `unix:/run/php/php8.2-fpm.sock`, `/path.sock`, `127.0.0.1:9000` or `[::1]:9000`. */
export function checkFpmAddress(input: string): string | null {
	const s = input;
	if (s.trim() === '') return 'Enter the PHP-FPM socket path or host:port.';
	if (s.startsWith('unix:') || s.startsWith('/')) {
		const path = s.startsWith('unix:') ? s.slice(5) : s;
		const m = checkUnixPath(path);
		return m ? `PHP-FPM socket: ${m}` : null;
	}
	const m6 = /^\[([^\]]*)\]:(\d{1,5})$/.exec(s);
	const m4 = /^([^:[\]]+):(\d{1,5})$/.exec(s);
	const m = m6 ?? m4;
	if (!m) return `${s} is not a PHP-FPM address: enter unix:/path/to/php-fpm.sock or host:port, e.g. 127.0.0.1:9000.`;
	const hostMsg = m6 ? (typeof parseIpOrCidr(m[1]!) === 'string' || m[1]!.includes('/') ? `${m[1]} is not a valid IPv6 address.` : null) : checkHost(m[1]!);
	if (hostMsg) return `PHP-FPM host: ${hostMsg}`;
	const port = Number(m[2]);
	if (port < 1 || port > 65535) return `PHP-FPM port ${m[2]} must be between 1 and 65535.`;
	return null;
}

/** Splits a valid FPM address into its kind. */
export function parseFpmAddress(s: string): { kind: 'unix'; path: string } | { kind: 'tcp'; host: string; port: number } {
	if (s.startsWith('unix:') || s.startsWith('/')) return { kind: 'unix', path: s.startsWith('unix:') ? s.slice(5) : s };
	const i = s.lastIndexOf(':');
	return { kind: 'tcp', host: s.slice(0, i), port: Number(s.slice(i + 1)) };
}

/** An HTTP header name (token). */
export function checkHeaderName(input: string): string | null {
	const s = input;
	if (s === '') return 'Enter the header name, e.g. X-Forwarded-For.';
	if (s.length > 64) return 'The header name must be at most 64 characters.';
	if (!/^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$/.test(s)) return `${s} is not a header name: use letters, digits and single hyphens, e.g. X-Forwarded-For.`;
	return null;
}

/** A host name for nginx `server_name` / Apache `ServerName` (no wildcard). */
export function checkServerName(input: string): string | null {
	const s = input.trim();
	if (s === 'localhost') return null;
	const ip = parseIpOrCidr(s);
	if (typeof ip !== 'string' && ip.isSingleAddress && ip.family === 'ipv4') return null;
	return checkHostname(s);
}

/** Characters of generated database passwords: safe unquoted in PHP, SQL and shell strings. */
export const DB_PASSWORD_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.,:+=';
export const DB_PASSWORD_LENGTH = 32;

/** A database password typed or generated: 16–128 printable ASCII characters, no backslash. */
export function checkDbPassword(input: string): string | null {
	const s = input;
	if (s === '') return 'Generate a password (or enter one of 16 characters or more).';
	if (s.length < 16) return 'Use at least 16 characters (the generated password has 32).';
	if (s.length > 128) return 'Use at most 128 characters.';
	for (const c of s) {
		if (c === '\\') return 'The password must not contain a backslash: its meaning in SQL depends on the server’s sql_mode.';
		if (!/[\x21-\x7e]/.test(c)) return `The password contains ${showChar(c)}: use printable ASCII characters without spaces.`;
	}
	return null;
}
