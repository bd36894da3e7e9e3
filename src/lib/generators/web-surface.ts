/**
 * The Deskpro surface (`$lib/deskpro/surface`) as the regular expressions and path lists the
 * web-server generators, the post-checks and the audit share. Every name goes through
 * `regexLiteral`, so a fact added to the surface module can never widen a pattern.
 */
import { ENTRY_POINTS, PRIVATE_DIRS, PRIVATE_FILES, PRIVATE_PATHS, STAFF_PREFIXES, STATIC_DIR, staffSpellings } from '$lib/deskpro/surface';
import { regexLiteral } from './escape';

const alt = (xs: readonly string[]) => `(?:${xs.map(regexLiteral).join('|')})`;

/** `(?:index\.php|dp\.php|…)`: the public entry points. */
export const ENTRY_RE = alt(ENTRY_POINTS.map((e) => e.file));
/** `(?:agent|admin|…)`: the staff interfaces' first path segment. */
export const STAFF_RE = alt(STAFF_PREFIXES);
/** Private directories of the web root, with everything below them. */
export const PRIVATE_DIR_RE = `^/${alt(PRIVATE_DIRS)}(?:/|$)`;
/** Private files of the web root, also with a PATH_INFO tail (`/config.php/x`). */
export const PRIVATE_FILE_RE = `^/${alt(PRIVATE_FILES)}(?:/|$)`;
/** A private file's name (Apache `<FilesMatch>`). */
export const PRIVATE_FILE_NAME_RE = `^${alt(PRIVATE_FILES)}$`;
/** A staff interface reached through the front controller: `/agent`, `/agent/…`. */
export const STAFF_DIRECT_RE = `^/${STAFF_RE}(?:/|$)`;
/** A staff interface behind an entry point's PATH_INFO: `/index.php/agent/…`. */
export const STAFF_VIA_ENTRY_RE = `^/${ENTRY_RE}/${STAFF_RE}(?:/|$)`;
/** Any staff spelling (for a single access rule). */
export const STAFF_ANY_RE = `^/(?:${ENTRY_RE}/)?${STAFF_RE}(?:/|$)`;
/** PHP-like extensions that are never run outside the entry points. */
export const PHP_EXT_RE = '\\.(?:php[0-9]?|phar|phtml|pht|inc)';
export const STATIC_PREFIX = `/${STATIC_DIR}/`;

/** Paths that must answer 403 from anywhere (the audit; the post-checks add data/'s subdirectories). */
export const DENIED_PATHS: readonly string[] = [
	...PRIVATE_DIRS.map((d) => `/${d}/`),
	...PRIVATE_FILES.map((f) => `/${f}`),
	'/.git/config',
	'/.htaccess',
	'/.env'
];

/**
 * The audit's denied-path probe (one curl each, on every audit run): Deskpro's own private
 * paths, cmd.php (a command-line entry point) and two dot-files. The post-check script and the
 * real-server tests request the full list.
 */
export const DENIED_AUDIT_PATHS: readonly string[] = [
	...PRIVATE_PATHS.filter((p) => p.deskproRefuses || p.name === 'cmd.php').map((p) => (p.kind === 'dir' ? `/${p.name}/` : `/${p.name}`)),
	'/.htaccess',
	'/.git/config'
];

/** Staff paths that must answer 403 from outside the allowed networks: each interface, clean and behind index.php. */
export const STAFF_CHECK_PATHS: readonly string[] = STAFF_PREFIXES.flatMap((p) => [`/${p}/`, `/index.php/${p}/`]);

/** The audit's outside probe: each interface once, and the index.php spelling of the first (one curl each). */
export const STAFF_AUDIT_PATHS: readonly string[] = [...STAFF_PREFIXES.map((p) => `/${p}/`), `/index.php/${STAFF_PREFIXES[0]}/`];

/** Every spelling of every staff interface (tests, documentation). */
export const STAFF_ALL_SPELLINGS: readonly string[] = STAFF_PREFIXES.flatMap(staffSpellings);
