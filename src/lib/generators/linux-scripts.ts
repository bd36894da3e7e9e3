/**
 * What the two Linux scripts share (`permissions.ts`, `move-data.ts`): the values at the top, the
 * option parsing and helpers (COMMON), the symlink-safe walk (SAFE_WALK). Every value is a
 * single-quoted shell word assigned once at the top, and used only as "$VAR" below.
 */
import type { ServerEnv } from '$lib/practices/_server-env';
import { shellQuote } from './escape';
import { stepTitle } from '$lib/steps';

/** `(step "<title>")` as part of a double-quoted bash string: the title goes in as a quoted word. */
export const stepRef = (id: string) => `(step "${shellQuote(`“${stepTitle(id)}”`)}")`;

export function vars(env: ServerEnv): string[] {
	return [
		`INSTALL_DIR=${shellQuote(env.installPath)}`,
		`DATA_DIR=${shellQuote(env.dataPath)}`,
		`OWNER=${shellQuote(env.ownerUser)}`,
		`WEB_USER=${shellQuote(env.webUser)}`,
		`WEB_GROUP=${shellQuote(env.webGroup)}`,
		`CRON_USER=${shellQuote(env.cronUser)}`
	];
}

export const COMMON = String.raw`
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
export const SAFE_WALK = String.raw`
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

