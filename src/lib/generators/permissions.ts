/**
 * Bash scripts for Linux: ownership and permissions of the install and data directories, and
 * moving data/ out of the web root. Pure; every value is a single-quoted shell word assigned
 * once at the top, and used only as "$VAR" below.
 *
 * Both scripts take --dry-run (print what would change, change nothing), are idempotent (a second
 * run changes nothing) and never follow symlinks, not even when the web server swaps a directory
 * for one while they run (see SAFE_WALK; attack test in tests/servers/attacks/). Proven in tests/servers/permissions.test.ts
 * (run as root on a fake install with real users) with bash -n and shellcheck.
 */
import type { ServerEnv } from '$lib/practices/_server-env';
import { shellQuote } from './escape';
import { dirDataLine } from './config-php';
import { stepTitle } from '$lib/steps';

/** `(step "<title>")` as part of a double-quoted bash string: the title goes in as a quoted word. */
const stepRef = (id: string) => `(step "${shellQuote(`“${stepTitle(id)}”`)}")`;

/** Modes the permissions script promises (checked by the tests with stat). */
export const MODES = {
	appDir: '750',
	appFile: '640',
	dataDir: '2770',
	dataFile: '660'
} as const;

function vars(env: ServerEnv): string[] {
	return [
		`INSTALL_DIR=${shellQuote(env.installPath)}`,
		`DATA_DIR=${shellQuote(env.dataPath)}`,
		`OWNER=${shellQuote(env.ownerUser)}`,
		`WEB_USER=${shellQuote(env.webUser)}`,
		`WEB_GROUP=${shellQuote(env.webGroup)}`,
		`CRON_USER=${shellQuote(env.cronUser)}`
	];
}

const COMMON = String.raw`
DRY_RUN=0
usage() { echo "usage: $0 [--dry-run]" >&2; exit 64; }
case "$#:${'$'}{1:-}" in
	0:) ;;
	1:--dry-run) DRY_RUN=1 ;;
	*) usage ;;
esac

die() { echo "ERROR: $*" >&2; exit 1; }
say() { printf '%s\n' "$*"; }
# Runs a command, or only prints it with --dry-run.
act() {
	if [ "$DRY_RUN" = 1 ]; then
		printf 'would run:'
		printf ' %q' "$@"
		printf '\n'
	else
		"$@"
	fi
}

[ "$DRY_RUN" = 1 ] || [ "$(id -u)" = 0 ] || die "run as root (or with --dry-run to see what would change)"
id -u -- "$OWNER" >/dev/null 2>&1 || die "owner account $OWNER does not exist; create it: adduser --system --group --no-create-home $OWNER"
id -u -- "$WEB_USER" >/dev/null 2>&1 || die "web-server user $WEB_USER does not exist"
getent group -- "$WEB_GROUP" >/dev/null 2>&1 || die "web-server group $WEB_GROUP does not exist"
id -u -- "$CRON_USER" >/dev/null 2>&1 || die "cron user $CRON_USER does not exist"
[ "$(id -u -- "$OWNER")" != 0 ] || die "the owner account must not be root"
[ "$OWNER" != "$WEB_USER" ] || die "the owner account must not be the web-server user"
[ "$OWNER" != "$CRON_USER" ] || die "the cron user must not be the owner account: cron runs Deskpro's PHP, which could then change the application"
`;

/**
 * The walk over a tree the web server can write (issue #12). No path name below the tree is
 * used while anyone but root can change it: `chown -R -h` and `chmod -R` walk with directory
 * file descriptors (fts) and never follow a symlink; everything else waits until the tree is
 * locked (root-owned, no group or other rights), so that a directory swapped for a symlink by
 * the web server can never send root's chown/chmod out of the tree. Shared by both scripts.
 */
const SAFE_WALK = String.raw`
# safe_parents DIR: neither the web-server user nor the cron user (both run Deskpro's PHP) can
# replace DIR or any directory above it. A directory they can write is accepted only when it
# has the sticky bit (like /tmp) and neither it nor the entry on the path belongs to them.
safe_parents() {
	local path=$1 cur child u mode
	[ "$(id -u)" = 0 ] || { say "(not root: the directories above $path were not checked)"; return 0; }
	child=$path
	cur=$(dirname -- "$path")
	while :; do
		if [ -e "$cur" ]; then
			for u in "$WEB_USER" "$CRON_USER"; do
				[ "$(stat -c %U -- "$cur")" != "$u" ] || die "$cur belongs to $u, which runs Deskpro's PHP: it could replace $path while this script works on it. Give $cur to root, then run this again."
				if runuser -u "$u" -- test -w "$cur"; then
					mode=$(stat -c %a -- "$cur")
					if [ $((8#$mode & 8#1000)) -eq 0 ] || { [ -e "$child" ] && [ "$(stat -c %U -- "$child")" = "$u" ]; }; then
						die "$u can write to $cur, so it could replace $path with a symlink while this script works on it, and root would change files elsewhere. Make $cur writable by root only, then run this again."
					fi
				fi
			done
		fi
		[ "$cur" != / ] || break
		child=$cur
		cur=$(dirname -- "$cur")
	done
}

# secure_tree DIR DIR_MODE FILE_MODE: owner $OWNER, group $WEB_GROUP, DIR_MODE on directories and
# FILE_MODE on files under DIR (itself included), safe while the web server changes DIR's contents:
#  1. chown -R -h root:root and chmod -R go= walk with directory file descriptors, never follow a
#     symlink, and chmod locks each directory before its entries are read: afterwards no one but
#     root can add, remove or rename anything in the tree (repeated until that holds);
#  2. files get FILE_MODE by path name: nothing can be swapped any more;
#  3. chown -R -h to $OWNER:$WEB_GROUP (directories stay 0700: still closed to the web server);
#  4. directories get DIR_MODE deepest first, so a directory opens to the web server only after
#     everything below it is done, while every directory above it is still locked.
# The web server cannot use the tree while this runs (seconds for a large data directory).
secure_tree() {
	local dir
	dir=$(realpath -e -- "$1") || die "$1 does not exist"
	lock_tree "$dir"
	find "$dir" -type f -exec chmod -- "$3" {} +
	chown -R -h -- "$OWNER:$WEB_GROUP" "$dir"
	find "$dir" -depth -type d -exec chmod -- "$2" {} +
}

# lock_tree DIR: step 1 of secure_tree.
lock_tree() {
	local dir=$1
	if [ ! -d "$dir" ] || [ -L "$dir" ]; then die "$dir is not a directory"; fi
	safe_parents "$dir"
	[ "$(cat /proc/sys/fs/protected_hardlinks 2>/dev/null)" = 1 ] || die "fs.protected_hardlinks is not 1: the web server could hard-link files of other users into $dir. Run: sysctl -w fs.protected_hardlinks=1"
	say "locking $dir (root only) while it is changed"
	for _ in 1 2 3; do
		chown -R -h -- root:root "$dir"
		chmod -R -- go= "$dir"
		if [ -z "$(find "$dir" -type d \( ! -user root -o -perm /0077 \) -print -quit)" ]; then return 0; fi
	done
	die "$dir could not be locked: something keeps changing it"
}
`;

const FIX_TREE = String.raw`
# fix_tree DIR DIR_MODE FILE_MODE: says what differs from the promised owner and modes; with
# --dry-run lists it, otherwise applies them with secure_tree (nothing at all when all is right).
fix_tree() {
	local dir=$1 dmode=$2 fmode=$3 n_own n_dir n_file
	n_own=$(find "$dir" \( ! -user "$OWNER" -o ! -group "$WEB_GROUP" \) -printf x | wc -c)
	n_dir=$(find "$dir" -type d ! -perm "$dmode" -printf x | wc -c)
	n_file=$(find "$dir" -type f ! -perm "$fmode" -printf x | wc -c)
	if [ "$n_own" = 0 ]; then say "ok: everything under $dir is owned by $OWNER:$WEB_GROUP"; else say "$n_own entries under $dir are not owned by $OWNER:$WEB_GROUP"; fi
	if [ "$n_dir" = 0 ]; then say "ok: every directory under $dir has mode $dmode"; else say "$n_dir directories under $dir need mode $dmode"; fi
	if [ "$n_file" = 0 ]; then say "ok: every file under $dir has mode $fmode"; else say "$n_file files under $dir need mode $fmode"; fi
	[ "$n_own$n_dir$n_file" != 000 ] || return 0
	if [ "$DRY_RUN" = 1 ]; then
		find "$dir" \( ! -user "$OWNER" -o ! -group "$WEB_GROUP" \) -printf '  would chown %u:%g %p\n' | head -n 50
		find "$dir" -type d ! -perm "$dmode" -printf "  would chmod %m -> $dmode %p\n" | head -n 50
		find "$dir" -type f ! -perm "$fmode" -printf "  would chmod %m -> $fmode %p\n" | head -n 50
		return 0
	fi
	secure_tree "$dir" "$dmode" "$fmode"
}
`;

export function permissionsScript(env: ServerEnv): string {
	return [
		'#!/usr/bin/env bash',
		'# Deskpro Download: ownership and permissions, generated by the Deskpro Hardening Wizard.',
		'#   sudo bash deskpro-permissions.sh --dry-run   # show what would change',
		'#   sudo bash deskpro-permissions.sh             # apply (safe to run again)',
		'#',
		`# Application files: owner OWNER, group WEB_GROUP; directories ${MODES.appDir}, files ${MODES.appFile}.`,
		'#   The web server can read them (group) but never write them; other local accounts get nothing.',
		`# Data directory: owner OWNER, group WEB_GROUP; directories ${MODES.dataDir} (setgid: new files keep the group),`,
		`#   files ${MODES.dataFile}. The web server and the cron user (made a member of WEB_GROUP) can write; nobody else can.`,
		'# Never 0777: a world-writable directory lets every local account and service read attachments and plant files.',
		'set -euo pipefail',
		'',
		...vars(env),
		COMMON,
		'if [ ! -d "$INSTALL_DIR" ] || [ -L "$INSTALL_DIR" ]; then die "$INSTALL_DIR is not a directory"; fi',
		'[ -f "$INSTALL_DIR/index.php" ] || die "$INSTALL_DIR does not look like a Deskpro install (no index.php)"',
		'if [ ! -d "$DATA_DIR" ] || [ -L "$DATA_DIR" ]; then',
		`	die "data directory $DATA_DIR does not exist: move data/ out of the web root first ${stepRef('server-data-dir')}"`,
		'fi',
		'if [ -L "$INSTALL_DIR/data" ]; then',
		`	die "$INSTALL_DIR/data is still a link: append the lines of ${stepRef('server-config-php')} to config.php and run the move script ${stepRef('server-data-dir')} again; it removes the link"`,
		'elif [ -e "$INSTALL_DIR/data" ]; then',
		`	die "$INSTALL_DIR/data still exists: move data/ out of the web root first ${stepRef('server-data-dir')}"`,
		'fi',
		SAFE_WALK,
		FIX_TREE,
		'say "== Application files: $INSTALL_DIR"',
		`fix_tree "$INSTALL_DIR" ${MODES.appDir} ${MODES.appFile}`,
		'',
		'say "== Data directory: $DATA_DIR"',
		`fix_tree "$DATA_DIR" ${MODES.dataDir} ${MODES.dataFile}`,
		'',
		'say "== Cron user"',
		'if id -nG -- "$CRON_USER" | tr \' \' \'\\n\' | grep -qxF -- "$WEB_GROUP"; then',
		'	say "ok: $CRON_USER is in group $WEB_GROUP"',
		'else',
		'	say "$CRON_USER must join group $WEB_GROUP to write the data directory"',
		'	act usermod -a -G "$WEB_GROUP" -- "$CRON_USER"',
		'fi',
		'',
		'say "== Check: nothing world-writable"',
		'ww=$(find "$INSTALL_DIR" "$DATA_DIR" -perm -0002 ! -type l -printf x | wc -c)',
		'if [ "$ww" = 0 ]; then say "ok: no world-writable file or directory"; else say "WARNING: $ww world-writable entries remain"; fi',
		'[ "$DRY_RUN" = 1 ] && say "(dry run: nothing was changed)"',
		'exit 0',
		''
	].join('\n');
}

/**
 * Reads `$DP_CONFIG['dir_data']` back the way Deskpro does (config.php run by PHP, as the web
 * server's user, like Deskpro itself), never by grepping for the line: the stock config.php sets
 * dir_data = '' below `$DP_CONFIG = array(...)`, and PHP keeps the last assignment. Same design as
 * the audit's reader (audit-lib.sh, load_config): a one-time token on stdin, read before
 * config.php runs; config.php's own output swallowed; the answer must be exactly
 * "begin TOKEN", kind, value, "end TOKEN" (NUL-separated), or nothing of it is trusted. The value
 * is only ever compared with $DATA_DIR, never used as a path or a command, and shown with %q.
 * `kind` follows Deskpro's rule (layn321/deskpro app/sys/load_config.php, dp_get_data_dir): a
 * false-y value ('' or '0') means <install>/data.
 */
const PHP_READ_DIR_DATA = String.raw`error_reporting(E_ALL);
ini_set("display_errors", "stderr");
$t = trim((string) stream_get_contents(STDIN));
ob_start(function ($s) { return ""; }, 0, 0);
$c = (function ($__f) { include $__f; return isset($DP_CONFIG) ? $DP_CONFIG : null; })($argv[1]);
$v = (is_array($c) && array_key_exists("dir_data", $c)) ? $c["dir_data"] : null;
if ($v === null) { $k = "unset"; $v = ""; } elseif (!is_string($v)) { $k = "other"; $v = gettype($v); } elseif (!$v) { $k = "empty"; } else { $k = "set"; }
foreach (array("begin " . $t, $k, str_replace("\0", "", $v), "end " . $t) as $x) { fwrite(STDOUT, $x . "\0"); }`;

const READ_BACK = String.raw`
# read_dir_data: DIR_DATA_KIND (set|empty|unset|other) and DIR_DATA_READ as PHP reads
# $DP_CONFIG['dir_data'] from config.php, running it as $WEB_USER like Deskpro; or status 1 and
# READ_MESSAGE. Only the exact answer "begin TOKEN", kind, value, "end TOKEN" is accepted.
read_dir_data() {
	local token out size used=0 t toks=()
	DIR_DATA_KIND=''
	DIR_DATA_READ=''
	for t in php runuser setsid timeout od; do
		command -v "$t" >/dev/null 2>&1 || { READ_MESSAGE="$t is not installed, so config.php cannot be read back with PHP"; return 1; }
	done
	runuser -u "$WEB_USER" -- test -r "$INSTALL_DIR/config.php" || { READ_MESSAGE="$WEB_USER cannot read $INSTALL_DIR/config.php, so Deskpro cannot either"; return 1; }
	token=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
	[[ $token =~ ^[0-9a-f]{32}$ ]] || { READ_MESSAGE="could not read /dev/urandom"; return 1; }
	out=$(mktemp) || { READ_MESSAGE="mktemp failed"; return 1; }
	# its own session (no terminal to push keystrokes into), the token on stdin, at most 60 s
	if ! printf '%s\n' "$token" | setsid -w runuser -u "$WEB_USER" -- timeout 60 php -n -r "$PHP_READ_DIR_DATA" -- "$INSTALL_DIR/config.php" >"$out" 2>/dev/null; then
		rm -f -- "$out"
		READ_MESSAGE="PHP could not run $INSTALL_DIR/config.php (a syntax error? php -l $INSTALL_DIR/config.php)"
		return 1
	fi
	size=$(stat -c %s -- "$out")
	if [ "$size" -le 100000 ]; then mapfile -d '' -t toks <"$out"; fi
	rm -f -- "$out"
	for t in "${'$'}{toks[@]}"; do used=$((used + ${'$'}{#t} + 1)); done
	if [ "${'$'}{#toks[@]}" -ne 4 ] || [ "${'$'}{toks[0]}" != "begin $token" ] || [ "${'$'}{toks[3]}" != "end $token" ] || [ "$used" -ne "$size" ] || ! [[ ${'$'}{toks[1]} =~ ^(set|empty|unset|other)$ ]]; then
		READ_MESSAGE="PHP did not read $INSTALL_DIR/config.php to its end (does it exit or print early?)"
		return 1
	fi
	DIR_DATA_KIND=${'$'}{toks[1]}
	DIR_DATA_READ=${'$'}{toks[2]}
}
`;

/** Marker put in front of the crontab lines that the move script pauses. */
export const CRON_PAUSE_MARK = '#deskpro-paused# ';

export function moveDataScript(env: ServerEnv): string {
	const configLine = dirDataLine(env.dataPath);
	return [
		'#!/usr/bin/env bash',
		'# Deskpro Download: move data/ out of the web root, generated by the Deskpro Hardening Wizard.',
		'#   sudo bash deskpro-move-data.sh --dry-run   # show what would happen',
		'#   sudo bash deskpro-move-data.sh             # pause cron, move, fix ownership; resumes cron',
		'#                                              # once config.php has the dir_data line below',
		'# config.php needs the line in CONFIG_LINE below.',
		'set -euo pipefail',
		'',
		...vars(env),
		'# shellcheck disable=SC2016 # a literal PHP line: nothing in it is meant to expand',
		`CONFIG_LINE=${shellQuote(configLine)}`,
		'# shellcheck disable=SC2016 # PHP code, run by php -r',
		`PHP_READ_DIR_DATA=${shellQuote(PHP_READ_DIR_DATA)}`,
		`PAUSE_MARK=${shellQuote(CRON_PAUSE_MARK)}`,
		'OLD_DATA="$INSTALL_DIR/data"',
		COMMON,
		SAFE_WALK,
		READ_BACK,
		'[ -f "$INSTALL_DIR/index.php" ] || die "$INSTALL_DIR does not look like a Deskpro install (no index.php)"',
		'',
		'# Cron: the cron.php lines of the cron user\'s crontab are commented out while data/ moves.',
		'pause_cron() {',
		'	if ! command -v crontab >/dev/null 2>&1; then',
		'		say "WARNING: crontab not found: stop whatever runs cron.php by hand before the move"',
		'		return',
		'	fi',
		'	local current',
		'	current=$(crontab -u "$CRON_USER" -l 2>/dev/null || true)',
		'	if ! printf \'%s\\n\' "$current" | grep -v "^$PAUSE_MARK" | grep -q \'cron\\.php\'; then',
		'		say "ok: no active cron.php line in the crontab of $CRON_USER"',
		'		return',
		'	fi',
		'	say "pausing cron.php in the crontab of $CRON_USER"',
		'	if [ "$DRY_RUN" = 0 ]; then',
		'		printf \'%s\\n\' "$current" | awk -v m="$PAUSE_MARK" \'/cron\\.php/ && index($0, m) != 1 && $0 !~ /^[[:space:]]*#/ { print m $0; next } { print }\' | crontab -u "$CRON_USER" -',
		'		# let a running cron.php finish',
		'		for _ in $(seq 1 60); do pgrep -u "$CRON_USER" -f \'cron\\.php\' >/dev/null || break; sleep 5; done',
		'	fi',
		'}',
		'resume_cron() {',
		'	command -v crontab >/dev/null 2>&1 || { say "start cron.php again by hand"; return; }',
		'	local current',
		'	current=$(crontab -u "$CRON_USER" -l 2>/dev/null || true)',
		'	printf \'%s\\n\' "$current" | grep -q "^$PAUSE_MARK" || return 0',
		'	say "resuming cron.php in the crontab of $CRON_USER"',
		'	if [ "$DRY_RUN" = 0 ]; then',
		'		printf \'%s\\n\' "$current" | awk -v m="$PAUSE_MARK" \'index($0, m) == 1 { print substr($0, length(m) + 1); next } { print }\' | crontab -u "$CRON_USER" -',
		'	fi',
		'}',
		'',
		'if [ -d "$OLD_DATA" ] && [ ! -L "$OLD_DATA" ]; then',
		'	if [ -e "$DATA_DIR" ] && [ -n "$(ls -A -- "$DATA_DIR" 2>/dev/null)" ]; then',
		'		die "$DATA_DIR already exists and is not empty: nothing was moved"',
		'	fi',
		'	pause_cron',
		'	say "moving $OLD_DATA to $DATA_DIR"',
		'	act mkdir -p -- "$(dirname -- "$DATA_DIR")"',
		'	[ "$DRY_RUN" = 1 ] || safe_parents "$DATA_DIR"',
		'	if [ -d "$DATA_DIR" ]; then act rmdir -- "$DATA_DIR"; fi',
		'	# One rename on the same file system: atomic, and it never follows a symlink. Across file',
		'	# systems mv copies file by file, so the tree is locked first (root only) for the copy.',
		'	if [ "$DRY_RUN" = 0 ] && [ "$(stat -c %d -- "$OLD_DATA")" != "$(stat -c %d -- "$(dirname -- "$DATA_DIR")")" ]; then',
		'		lock_tree "$OLD_DATA"',
		'	fi',
		'	act mv -T -- "$OLD_DATA" "$DATA_DIR"',
		'	if [ "$DRY_RUN" = 0 ] && { [ -L "$DATA_DIR" ] || [ ! -d "$DATA_DIR" ]; }; then',
		'		die "$OLD_DATA was replaced (by a symlink?) while it was moved: $DATA_DIR is not a directory. Nothing else was changed; look at what $DATA_DIR is before anything else"',
		'	fi',
		'	# The bridge: until config.php names dir_data, Deskpro falls back to $INSTALL_DIR/data and',
		'	# would recreate it (mkdir 0777) in the web root. A symlink there sends that fallback to the',
		'	# new place; the run after config.php has the line removes it.',
		'	say "linking $OLD_DATA to $DATA_DIR until config.php names it"',
		'	act ln -sT -- "$DATA_DIR" "$OLD_DATA" || die "$OLD_DATA reappeared during the move (Deskpro recreates it while config.php has no dir_data): move what is in it into $DATA_DIR by hand, remove it, and run this again"',
		'elif [ -L "$OLD_DATA" ] && [ "$(readlink -- "$OLD_DATA")" = "$DATA_DIR" ]; then',
		'	say "ok: data/ is at $DATA_DIR ($OLD_DATA links there until config.php names it)"',
		'elif [ -e "$OLD_DATA" ] || [ -L "$OLD_DATA" ]; then',
		'	die "$OLD_DATA is not a plain directory (a symlink?): move it by hand"',
		'elif [ -d "$DATA_DIR" ]; then',
		'	say "ok: data/ is already at $DATA_DIR"',
		'else',
		'	die "neither $OLD_DATA nor $DATA_DIR exists"',
		'fi',
		'',
		'if [ "$DRY_RUN" = 0 ] || [ -d "$DATA_DIR" ]; then',
		'	say "ownership: $OWNER:$WEB_GROUP, directories 2770, files 0660"',
		'	if [ -d "$DATA_DIR" ]; then',
		'		if [ "$DRY_RUN" = 1 ]; then say "would lock $DATA_DIR, then set owners and modes (secure_tree)"; else secure_tree "$DATA_DIR" 2770 0660; fi',
		'	fi',
		'fi',
		'',
		'# config.php is read back with PHP, as the web server runs it, before cron resumes: a grep',
		'# for the line would pass while a later assignment still wins.',
		'if [ "$DRY_RUN" = 1 ] && [ "$(id -u)" != 0 ]; then',
		'	say "(dry run, not root: config.php is read back with PHP on the real run)"',
		'elif ! read_dir_data; then',
		'	die "$READ_MESSAGE. Cron stays paused."',
		'elif [ "$DIR_DATA_KIND" = set ] && [ "$DIR_DATA_READ" = "$DATA_DIR" ]; then',
		'	say "ok: PHP reads dir_data from config.php as $DATA_DIR"',
		'	# the bridge is no longer needed; unlink never removes a directory or follows a link',
		'	if [ -L "$OLD_DATA" ] && [ "$(readlink -- "$OLD_DATA")" = "$DATA_DIR" ]; then',
		'		say "removing the link $OLD_DATA"',
		'		act unlink -- "$OLD_DATA"',
		'	fi',
		'	resume_cron',
		'	say "done"',
		'else',
		'	case $DIR_DATA_KIND in',
		'	set) printf -v shown \'%q\' "${DIR_DATA_READ:0:300}" ;;',
		'	empty) printf -v shown \'%q (so Deskpro uses %s/data)\' "$DIR_DATA_READ" "$INSTALL_DIR" ;;',
		'	unset) shown="unset (so Deskpro uses $INSTALL_DIR/data)" ;;',
		'	*) shown="a $DIR_DATA_READ, not a path" ;;',
		'	esac',
		'	# the grep only chooses the message: whether dir_data is right was decided by PHP above',
		'	if grep -qF -- "$CONFIG_LINE" "$INSTALL_DIR/config.php" 2>/dev/null; then',
		`		die "config.php has the dir_data line, but PHP reads dir_data as $shown, not $DATA_DIR: a later line in config.php overrides it (Deskpro's stock config.php sets dir_data to '' further down). Put the lines of ${stepRef('server-config-php')} at the END of config.php, or change that later line, then run this again. Cron stays paused."`,
		'	elif [ "$DIR_DATA_KIND" = set ]; then',
		`		die "PHP reads dir_data as $shown, not $DATA_DIR. Put the lines of ${stepRef('server-config-php')} at the END of config.php, then run this again. Cron stays paused."`,
		'	fi',
		`	say "NEXT: append the lines of ${stepRef('server-config-php')} (or at least this one) at the END of $INSTALL_DIR/config.php, then run this script again: it resumes cron and removes the link $OLD_DATA. The line:"`,
		'	say "  $CONFIG_LINE"',
		'fi',
		'[ "$DRY_RUN" = 1 ] && say "(dry run: nothing was changed)"',
		'exit 0',
		''
	].join('\n');
}
