# shellcheck shell=bash
# ---------------------------------------------------------------------------------------------
# Deskpro hardening audit: the check library. This part is the same for every plan; the
# generator puts the plan's constants above it and the plan's checks below it.
#
# Promises (tested): the script changes nothing. It writes only inside its private temporary
# directory (mode 0700, under $TMPDIR or /dev/shm) and, while it asks PHP-FPM to run a probe,
# a second one (mode 0711, random file name) removed right after; both are removed on exit.
# It never writes to the current directory; it does not follow
# symbolic links out of the install; the database password never appears on a command line
# or in the environment. Nothing PHP or the web server prints is ever copied into a file a
# root process reads as configuration, and the database client runs as the web-server user.
# Exit codes: 0 every check PASS (or N/A), 1 a check FAILed, 2 no FAIL but WARN, SKIP or
# MANUAL, 3 or more the script itself could not run.
# ---------------------------------------------------------------------------------------------

AUDIT_KIND='deskpro-hardening-audit'
AUDIT_SCHEMA=1
JSON_ONLY=0
OUTSIDE_SOURCE=''
SYSTEM_ROOT=''
CURL_INSECURE=0
TMP=''
PROBE_DIR=''
STARTED=0
FINISHED=0
EMITTED=0
STARTED_AT=''
HOST_NAME=''
R_IDS=()
R_STATES=()
R_TITLES=()
R_EVIDENCE=()
R_REMEDIATION=()
C_STATE=''
C_EVIDENCE=''
J=''
HTTP_CODE=''
HTTP_ERROR=''
CFG_FILE=''
CFG_STATUS=''
CFG_MESSAGE=''
declare -A CFG=()
MAX_EVIDENCE=1500
MAX_LIST=5

usage() {
	cat <<EOF
Usage: sudo bash $0 [options]

Checks this server against the Deskpro hardening plan $PLAN_ID. Read-only: it changes nothing.
It prints one line per check, then the result between BEGIN/END lines: paste that into the
wizard (or save it to a file and upload it).

Options:
  --json                 print only the JSON result on standard output (the lines go to stderr)
  --outside-source ADDR  a local address of this server that is NOT in the admin allow-list;
                         /admin/ and /agent/ are then requested from it (curl --interface) and
                         checked for 403 instead of being reported as MANUAL
  --system-root DIR      read crontabs (etc/crontab, etc/cron.d, var/spool/cron) below DIR
                         instead of /, e.g. a mounted copy of the server
  --insecure             do not verify the helpdesk's TLS certificate (self-signed test servers)
  -h, --help             this text
Exit codes: 0 all PASS, 1 a check FAILed, 2 no FAIL but WARN/SKIP/MANUAL, 3+ the script failed.
It works in a private directory under \$TMPDIR (or /dev/shm, else /tmp), removed when it ends.
EOF
}

die() {
	printable "$*"
	printf 'deskpro-audit: %s\n' "$J" >&2
	exit 3
}

parse_args() {
	while [ "$#" -gt 0 ]; do
		case "$1" in
		--json) JSON_ONLY=1 ;;
		--insecure) CURL_INSECURE=1 ;;
		--outside-source)
			[ "$#" -ge 2 ] || die '--outside-source needs an address'
			OUTSIDE_SOURCE=$2
			# 010.1.2.9: curl may read a leading zero as octal, the allow-list test as decimal
			if [[ $2 =~ ^[0-9.]+$ && $2 =~ (^|\.)0[0-9] ]]; then
				die "--outside-source $2: write the IPv4 address without leading zeros"
			fi
			# an address, not an interface name: the allow-list test must know what it is
			if ! [[ $2 =~ ^[0-9]{1,3}(\.[0-9]{1,3}){3}$ || $2 =~ ^[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*$ ]]; then
				die "--outside-source $2: give an IPv4 or IPv6 address of this server"
			fi
			shift
			;;
		--system-root)
			[ "$#" -ge 2 ] || die '--system-root needs a directory'
			SYSTEM_ROOT=${2%/}
			[ -d "$SYSTEM_ROOT/" ] || die "--system-root $2 is not a directory"
			shift
			;;
		-h | --help)
			usage
			FINISHED=1
			exit 0
			;;
		*) die "unknown option: $1 (see --help)" ;;
		esac
		shift
	done
}

# ------------------------------------------------------------------ temporary directory, exit

on_exit() {
	local rc=$?
	trap - EXIT
	if [ "$STARTED" = 1 ] && [ "$EMITTED" = 0 ]; then
		[ "$rc" -ge 3 ] || rc=3
		printf 'deskpro-audit: stopped before the end (exit code %s); the result below holds the checks that ran.\n' "$rc" >&2
		emit_result "$rc" || true
	fi
	if [ -n "$TMP" ] && [ -d "$TMP" ]; then
		rm -rf -- "$TMP"
	fi
	if [ -n "$PROBE_DIR" ] && [ -d "$PROBE_DIR" ]; then
		rm -rf -- "$PROBE_DIR"
	fi
	if [ "$FINISHED" != 1 ] && [ "$rc" -lt 3 ]; then rc=3; fi
	exit "$rc"
}

make_tmp() {
	local base=/tmp
	# $TMPDIR when set (an absolute directory); otherwise /dev/shm, so that the password file
	# never reaches a disk.
	if [[ ${TMPDIR:-} == /* ]] && [ -d "$TMPDIR" ]; then
		base=${TMPDIR%/}
	elif [ -d /dev/shm ] && [ -w /dev/shm ] && [ ! -L /dev/shm ]; then
		base=/dev/shm
	fi
	TMP=$(mktemp -d "$base/deskpro-audit.XXXXXXXXXX") || die "cannot create a temporary directory in $base"
	chmod 0700 -- "$TMP" || die "cannot protect $TMP"
}

# ------------------------------------------------------------------ text and JSON

CTRL_CHARS=()
CTRL_ESCAPES=()
init_json() {
	local i c e
	for i in {1..31}; do
		case "$i" in 8 | 9 | 10 | 12 | 13) continue ;; esac
		printf -v c '%b' "\\x$(printf '%02x' "$i")"
		printf -v e '\\u%04x' "$i"
		CTRL_CHARS+=("$c")
		CTRL_ESCAPES+=("$e")
	done
}

# One valid UTF-8 character (RFC 3629: no overlongs, surrogates or code points > U+10FFFF),
# matched byte by byte (LC_ALL=C); UTF8_RE: a whole string of them, so that valid text needs
# no iconv process.
UTF8_CHAR=$'([\x01-\x7f]|[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf][\x80-\xbf]|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf][\x80-\xbf]|[\xf1-\xf3][\x80-\xbf][\x80-\xbf][\x80-\xbf]|\xf4[\x80-\x8f][\x80-\xbf][\x80-\xbf])'
UTF8_RE="^$UTF8_CHAR*\$"
UTF8_RUN="^$UTF8_CHAR+"

# utf8_repair TEXT -> J: TEXT with every byte that is not part of a valid UTF-8 character
# replaced by '?' (no process; used only for text already known to be invalid).
utf8_repair() {
	local s=$1 out=''
	while [ -n "$s" ]; do
		if [[ $s =~ $UTF8_RUN ]]; then
			out+=${BASH_REMATCH[0]}
			s=${s:${#BASH_REMATCH[0]}}
			[ -n "$s" ] || break
		fi
		out+='?'
		s=${s:1}
	done
	J=$out
}

# utf8_clean TEXT -> J: at most MAX_EVIDENCE bytes of valid UTF-8 (invalid bytes dropped by
# iconv; what iconv lets through, e.g. glibc's f5 80 80 80 above U+10FFFF, becomes '?').
utf8_clean() {
	local s=$1
	if [ "${#s}" -gt "$MAX_EVIDENCE" ]; then s="${s:0:$MAX_EVIDENCE} [truncated]"; fi
	if [[ $s == *[$'\x80'-$'\xff']* ]] && ! [[ $s =~ $UTF8_RE ]]; then
		if command -v iconv >/dev/null 2>&1; then
			s=$(printf '%s' "$s" | iconv -f UTF-8 -t UTF-8 -c 2>/dev/null; printf x)
			s=${s%x}
		fi
		if ! [[ $s =~ $UTF8_RE ]]; then
			utf8_repair "$s"
			s=$J
		fi
	fi
	J=$s
}

# json_str TEXT -> J: TEXT as a JSON string, escaped exactly as JavaScript's JSON.stringify does.
json_str() {
	local s=$1 i bs=\\ q='"'
	s=${s//"$bs"/"$bs$bs"}
	s=${s//"$q"/"$bs$q"}
	s=${s//$'\n'/"${bs}n"}
	s=${s//$'\r'/"${bs}r"}
	s=${s//$'\t'/"${bs}t"}
	s=${s//$'\b'/"${bs}b"}
	s=${s//$'\f'/"${bs}f"}
	if [[ $s == *[$'\x01'-$'\x1f']* ]]; then
		for i in "${!CTRL_CHARS[@]}"; do
			s=${s//"${CTRL_CHARS[$i]}"/"${CTRL_ESCAPES[$i]}"}
		done
	fi
	J="$q$s$q"
}

# unmark TEXT -> J: TEXT with everything that looks like a result marker (BEGIN or END, then
# DESKPRO AUDIT RESULT, in any case and with anything but letters and digits between the words)
# replaced by "[marker removed]". Every text the server controls (evidence: HTTP headers, file
# names, PHP's answers; the host name) goes through it before it is printed or written into the
# result, so nothing printed before the real result can pass for one.
MARKER_RE='(BEGIN|END)[^A-Z0-9]*DESKPRO[^A-Z0-9]*AUDIT[^A-Z0-9]*RESULT'
unmark() {
	local s=$1 up head
	up=${s^^}
	while [[ $up =~ $MARKER_RE ]]; do
		head=${up%%"${BASH_REMATCH[0]}"*}
		s="${s:0:${#head}}[marker removed]${s:$((${#head} + ${#BASH_REMATCH[0]}))}"
		up=${s^^}
	done
	J=$s
}

# printable TEXT -> J: one line for a terminal (control characters shown as ?, no marker text).
printable() {
	local s=$1
	unmark "$s"
	s=$J
	s=${s//$'\n'/ | }
	s=${s//[$'\x01'-$'\x1f'$'\x7f']/?}
	# C1 controls (U+0080-U+009F, e.g. U+009B CSI) act on some terminals too
	s=${s//$'\xc2'[$'\x80'-$'\x9f']/?}
	J=$s
}

# sh_quote TEXT -> J: TEXT as one single-quoted shell word, ' written as '\'' (the wizard's
# shellQuote, byte for byte): a command shown to the admin runs nothing when pasted.
sh_quote() {
	local q="'" s=$1
	J="'${s//"$q"/"$q\\$q$q"}'"
}

# join_lines SEP ITEMS... -> J
join_items() {
	local sep=$1 out='' x
	shift
	for x in "$@"; do
		if [ -z "$out" ]; then out=$x; else out="$out$sep$x"; fi
	done
	J=$out
}

# entries N -> J: "1 entry" / "N entries".
entries() {
	if [ "$1" = 1 ]; then J='1 entry'; else J="$1 entries"; fi
}

# glob_quote TEXT -> J: TEXT with find -path pattern characters escaped.
glob_quote() {
	local s=$1 bs=\\
	s=${s//"$bs"/"$bs$bs"}
	s=${s//\*/"$bs*"}
	s=${s//\?/"$bs?"}
	s=${s//\[/"${bs}["}
	J=$s
}

# ------------------------------------------------------------------ recording results

say() {
	if [ "$JSON_ONLY" = 1 ]; then printf '%s\n' "$*" >&2; else printf '%s\n' "$*"; fi
}

# set_result STATE EVIDENCE: what the running check found.
set_result() {
	C_STATE=$1
	C_EVIDENCE=$2
}

# run_check ID TITLE REMEDIATION FUNCTION ARGS...
run_check() {
	local id=$1 title=$2 remediation=$3 line
	shift 3
	C_STATE='SKIP'
	C_EVIDENCE='The check ended without a result (internal error in the audit script).'
	"$@"
	utf8_clean "$C_EVIDENCE"
	unmark "$J"
	C_EVIDENCE=$J
	R_IDS+=("$id")
	R_STATES+=("$C_STATE")
	R_TITLES+=("$title")
	R_EVIDENCE+=("$C_EVIDENCE")
	R_REMEDIATION+=("$remediation")
	printable "$C_EVIDENCE"
	printf -v line '%-6s %s: %s' "$C_STATE" "$title" "$J"
	if [ "$C_STATE" = FAIL ]; then
		printable "$remediation"
		line="$line  -> Fix: $J"
	fi
	say "$line"
}

exit_code() {
	local s fail=0 other=0
	for s in "${R_STATES[@]}"; do
		case "$s" in
		FAIL) fail=1 ;;
		WARN | SKIP | MANUAL) other=1 ;;
		esac
	done
	if [ "$fail" = 1 ]; then echo 1; elif [ "$other" = 1 ]; then echo 2; else echo 0; fi
}

emit_result() {
	local code=$1 i json checks='' sum finished
	EMITTED=1
	finished=$(date -u +%Y-%m-%dT%H:%M:%SZ)
	for i in "${!R_IDS[@]}"; do
		local item='{"id":'
		json_str "${R_IDS[$i]}"
		item+="$J,\"state\":"
		json_str "${R_STATES[$i]}"
		item+="$J,\"title\":"
		json_str "${R_TITLES[$i]}"
		item+="$J,\"evidence\":"
		json_str "${R_EVIDENCE[$i]}"
		item+="$J,\"remediation\":"
		json_str "${R_REMEDIATION[$i]}"
		item+="$J}"
		if [ -z "$checks" ]; then checks=$item; else checks="$checks,$item"; fi
	done
	json="{\"kind\":\"$AUDIT_KIND\",\"schemaVersion\":$AUDIT_SCHEMA,\"planId\":"
	json_str "$PLAN_ID"
	json+="$J,\"scriptVersion\":"
	json_str "$SCRIPT_VERSION"
	json+="$J,\"expectDigest\":"
	json_str "$EXPECT_DIGEST"
	json+="$J,\"host\":"
	json_str "$HOST_NAME"
	json+="$J,\"startedAt\":\"$STARTED_AT\",\"finishedAt\":\"$finished\",\"exitCode\":$code,\"checks\":[$checks]}"
	sum=$(printf '%s' "$json" | sha256sum) || return 1
	sum=${sum%% *}
	json="${json%\}},\"digest\":\"sha256:$sum\"}"
	if [ "$JSON_ONLY" = 1 ]; then
		printf '%s\n' "$json"
	else
		printf '%s\n%s\n%s\n' '-----BEGIN DESKPRO AUDIT RESULT-----' "$json" '-----END DESKPRO AUDIT RESULT-----'
	fi
}

# ------------------------------------------------------------------ start and finish

preflight() {
	local missing=() i type path what
	# 4.4: empty arrays under set -u
	[ "${BASH_VERSINFO[0]}" -gt 4 ] || { [ "${BASH_VERSINFO[0]}" -eq 4 ] && [ "${BASH_VERSINFO[1]}" -ge 4 ]; } || die 'bash 4.4 or newer is needed'
	[ "$(id -u)" = 0 ] || die 'run this script as root (sudo bash ...): it reads config.php and tests access as the web-server user with runuser'
	command -v sha256sum >/dev/null 2>&1 || die 'sha256sum (coreutils) is missing'
	for ((i = 0; i < ${#REQUIRED_PATHS[@]}; i += 3)); do
		type=${REQUIRED_PATHS[$i]}
		path=${REQUIRED_PATHS[$((i + 1))]}
		what=${REQUIRED_PATHS[$((i + 2))]}
		if [ "$type" = dir ] && [ ! -d "$path" ]; then
			missing+=("the $what $path does not exist or is not a directory")
		elif [ "$type" = file ] && [ ! -f "$path" ]; then
			missing+=("the $what $path does not exist or is not a file")
		fi
	done
	if [ "${#missing[@]}" -gt 0 ]; then
		for i in "${missing[@]}"; do printf 'deskpro-audit: %s\n' "$i" >&2; done
		die 'refusing to start: this script was generated for paths that do not exist here. Check that you run it on the Deskpro server, or correct the paths in the wizard and download it again.'
	fi
}

begin() {
	STARTED_AT=$(date -u +%Y-%m-%dT%H:%M:%SZ)
	HOST_NAME=$(hostname -f 2>/dev/null || hostname 2>/dev/null || uname -n)
	utf8_clean "$HOST_NAME"
	unmark "${J:0:255}"
	HOST_NAME=${J:0:255}
	init_json
	make_tmp
	STARTED=1
	printable "$HOST_NAME"
	say "Deskpro hardening audit for plan $PLAN_ID (script $SCRIPT_VERSION) on $J at $STARTED_AT"
}

finish() {
	local code counts s n x
	code=$(exit_code)
	counts=''
	for s in PASS FAIL WARN SKIP MANUAL N/A; do
		n=0
		for x in "${R_STATES[@]}"; do [ "$x" = "$s" ] && n=$((n + 1)); done
		[ "$n" -gt 0 ] && counts="$counts $n $s,"
	done
	say "Summary:${counts%,} (exit code $code)"
	emit_result "$code"
	FINISHED=1
	exit "$code"
}

# ------------------------------------------------------------------ helpers for checks

# need TOOL...: SKIP the running check when a tool is missing.
need() {
	local t
	for t in "$@"; do
		if ! command -v "$t" >/dev/null 2>&1; then
			set_result SKIP "$t is not installed on this server, so this cannot be checked."
			return 1
		fi
	done
}

# user_exists NAME: SKIP the running check when the account does not exist.
user_exists() {
	if ! id -u -- "$1" >/dev/null 2>&1; then
		set_result FAIL "The account $1 does not exist on this server."
		return 1
	fi
}

# real_dir PATH -> J: the resolved directory (the install's own path may be a symlink).
real_dir() {
	J=$(realpath -e -- "$1" 2>/dev/null) && [ -d "$J" ]
}

# inside PATH DIR: PATH equals DIR or lies below it (both resolved, no trailing slash).
inside() {
	[ "$1" = "$2" ] || [[ $1 == "$2"/* ]]
}

# prune_args ROOT EXCLUDES... -> PRUNE array for find: skip each excluded path under ROOT.
PRUNE=()
prune_args() {
	local root=$1 ex
	shift
	PRUNE=()
	for ex in "$@"; do
		ex=$(realpath -m -- "$ex" 2>/dev/null) || continue
		inside "$ex" "$root" || continue
		glob_quote "$ex"
		PRUNE+=(-path "$J" -prune -o)
	done
}

# list_nul FILE -> J: count and the first entries of a NUL-separated list.
LIST_COUNT=0
list_nul() {
	local f=$1 entry shown=()
	LIST_COUNT=0
	while IFS= read -r -d '' entry; do
		LIST_COUNT=$((LIST_COUNT + 1))
		[ "${#shown[@]}" -lt "$MAX_LIST" ] && shown+=("$entry")
	done <"$f"
	join_items '; ' "${shown[@]}"
	if [ "$LIST_COUNT" -gt "$MAX_LIST" ]; then J="$J; ... and $((LIST_COUNT - MAX_LIST)) more"; fi
}

# first_line FILE -> J: its first line (at most 600 bytes), read without starting a process.
first_line() {
	J=''
	[ -s "$1" ] || return 0
	IFS= read -r -n 600 J <"$1" || true
}

# ------------------------------------------------------------------ files and permissions

check_owned_by() {
	local root path=$1 owner=$2
	shift 2
	real_dir "$path" || { set_result SKIP "$path is not a directory."; return; }
	root=$J
	user_exists "$owner" || return
	need find || return
	prune_args "$root" "$@"
	find "$root" "${PRUNE[@]}" ! -user "$owner" -printf '%u %p\0' >"$TMP/owned" 2>"$TMP/owned.err"
	local rc=$?
	list_nul "$TMP/owned"
	if [ "$LIST_COUNT" -gt 0 ]; then
		local list=$J
		entries "$LIST_COUNT"
		set_result FAIL "$J under $root not owned by $owner: $list"
	elif [ "$rc" -ne 0 ]; then
		first_line "$TMP/owned.err"
		set_result SKIP "find could not read everything under $root: $J"
	else
		set_result PASS "Every file and directory under $root is owned by $owner${PRUNE[*]:+ (data directory excluded)}."
	fi
}

# The user's side of check_not_writable_by: reads NUL-separated paths on standard input, prints
# each one the user may write to (access(2) for that user, as bash's -w asks it) followed by a
# NUL, then "tested N" for the N paths read. Paths are data here, never code.
# shellcheck disable=SC2016 # the user's shell expands these, not this one
NOT_WRITABLE_TEST='n=0
while IFS= read -r -d "" p; do
	n=$((n + 1))
	if [ -w "$p" ]; then printf "%s\0" "$p"; fi
done
printf "tested %s\0" "$n"'

check_not_writable_by() {
	local root path=$1 user=$2 rc urc last='' entry total
	shift 2
	real_dir "$path" || { set_result SKIP "$path is not a directory."; return; }
	root=$J
	user_exists "$user" || return
	need runuser find || return
	prune_args "$root" "$@"
	# Listed as root (the user may not be allowed to list a directory yet reach a file in it),
	# without following symbolic links; then each entry tested as the user itself.
	find "$root" "${PRUNE[@]}" ! -type l -print0 >"$TMP/nwb.all" 2>"$TMP/nwb.all.err"
	rc=$?
	list_nul "$TMP/nwb.all"
	total=$LIST_COUNT
	runuser -u "$user" -- env -u BASH_ENV "${BASH:-bash}" -c "$NOT_WRITABLE_TEST" <"$TMP/nwb.all" >"$TMP/nwb.out" 2>"$TMP/nwb.err"
	urc=$?
	# The user's answer: the writable paths, then the "tested N" record (paths start with /).
	: >"$TMP/writable"
	while IFS= read -r -d '' entry; do
		if [[ $entry == /* ]]; then printf '%s\0' "$entry" >>"$TMP/writable"; else last=$entry; fi
	done <"$TMP/nwb.out"
	list_nul "$TMP/writable"
	local incomplete=''
	if [ "$rc" -ne 0 ]; then
		first_line "$TMP/nwb.all.err"
		incomplete="find could not list everything under $root as root: $J"
	elif [ "$urc" -ne 0 ] || [ "$last" != "tested $total" ]; then
		first_line "$TMP/nwb.err"
		local why=${J:-no error message} tested=0
		[[ $last == 'tested '* ]] && tested=${last#tested }
		entries "$total"
		incomplete="the test as $user did not complete (runuser exit code $urc, $tested of $J tested): $why"
	fi
	if [ "$LIST_COUNT" -gt 0 ]; then
		local list=$J
		entries "$LIST_COUNT"
		set_result FAIL "$user can write to $J under $root (tested as $user): $list${incomplete:+ (and $incomplete)}"
	elif [ -n "$incomplete" ]; then
		set_result SKIP "Not tested: $incomplete"
	else
		entries "$total"
		set_result PASS "Tested as $user: none of the $J under $root is writable${PRUNE[*]:+ (data directory excluded)}."
	fi
}

check_no_world_writable() {
	local p root roots=() seen=''
	need find || return
	for p in "$@"; do
		real_dir "$p" || continue
		root=$J
		case "$seen" in *"|$root|"*) continue ;; esac
		seen="$seen|$root|"
		roots+=("$root")
	done
	[ "${#roots[@]}" -gt 0 ] || { set_result SKIP "None of $* is a directory."; return; }
	find "${roots[@]}" ! -type l -perm -0002 -printf '%M %u %p\0' >"$TMP/ww" 2>"$TMP/ww.err"
	local rc=$?
	join_items ', ' "${roots[@]}"
	local where=$J
	list_nul "$TMP/ww"
	if [ "$LIST_COUNT" -gt 0 ]; then
		local list=$J
		entries "$LIST_COUNT"
		set_result FAIL "World-writable under $where ($J): $list"
	elif [ "$rc" -ne 0 ]; then
		first_line "$TMP/ww.err"
		set_result SKIP "find could not read everything under $where: $J"
	else
		set_result PASS "No file or directory under $where is writable by other users."
	fi
}

check_writable_by() {
	local root u bad=()
	real_dir "$1" || { set_result FAIL "$1 is not a directory."; return; }
	root=$J
	shift
	need runuser find || return
	for u in "$@"; do
		user_exists "$u" || return
		runuser -u "$u" -- find "$root" -type d ! -writable -printf '%p\0' >"$TMP/nw" 2>"$TMP/nw.err"
		list_nul "$TMP/nw"
		if [ "$LIST_COUNT" -gt 0 ]; then bad+=("$u cannot write to $LIST_COUNT directories: $J"); fi
		if grep -q . "$TMP/nw.err" 2>/dev/null; then
			first_line "$TMP/nw.err"
			bad+=("$u cannot read everything: $J")
		fi
	done
	join_items '; ' "${bad[@]}"
	if [ "${#bad[@]}" -gt 0 ]; then
		set_result FAIL "Tested as each user under $root: $J"
	else
		join_items ', ' "$@"
		set_result PASS "Tested as $J: every directory under $root is writable."
	fi
}

# ------------------------------------------------------------------ config.php (read by PHP)

# The PHP that reads config.php, as the web-server user. config.php is code that user may
# control, and it runs in this same process: everything PHP prints is treated as hostile by the
# shell (parse_config_answer). Here, only what makes a forged answer harder:
# - the one-time token root sends on stdin is read before config.php runs and kept out of its
#   scope (config.php runs inside its own function); the answer must start and end with it, so
#   a config.php that exits early and prints its own answer is refused;
# - everything config.php prints goes into an output buffer it cannot flush, clean or remove
#   (flags 0), which throws it away, also on exit();
# - the answer is plain scalars, NUL-separated; the database password is one of them, and the
#   shell, not PHP, writes the my.cnf that the database client reads.
# A config.php the web user can change can still lie about its own values (it is their code):
# that is why the audit also checks that config.php is not writable by that user.
# shellcheck disable=SC2016
PHP_READ_CONFIG='
error_reporting(E_ALL);
ini_set("display_errors", "stderr");
$__main = function ($__file) {
$nonce = trim((string) stream_get_contents(STDIN));
ob_start(function ($s) { return ""; }, 0, 0);
$read = function ($__file) {
	include $__file;
	return array(isset($DP_CONFIG) ? $DP_CONFIG : null);
};
try {
	list($DP_CONFIG) = $read($__file);
} catch (Throwable $e) {
	// only the class and line: the message can quote the text of config.php, the password included
	fwrite(STDERR, "config.php stopped with " . get_class($e) . " at line " . $e->getLine() . " of " . basename($e->getFile()) . "\n");
	exit(2);
}
if (!isset($DP_CONFIG) || !is_array($DP_CONFIG)) { $DP_CONFIG = array(); }
$db = (isset($DP_CONFIG["db"]) && is_array($DP_CONFIG["db"])) ? $DP_CONFIG["db"] : array();
$pick = function ($key, $const) use ($db) {
	if (isset($db[$key]) && is_scalar($db[$key])) { return (string) $db[$key]; }
	return defined($const) ? (string) constant($const) : null;
};
$host = $pick("host", "DP_DATABASE_HOST");
$user = $pick("user", "DP_DATABASE_USER");
$pass = $pick("password", "DP_DATABASE_PASSWORD");
$name = $pick("dbname", "DP_DATABASE_NAME");
$flag = function ($v) { return empty($v) ? "0" : "1"; };
$debug = (isset($DP_CONFIG["debug"]) && is_array($DP_CONFIG["debug"])) ? $DP_CONFIG["debug"] : array();
// trust_proxy_data: kind (unset, off, all, list, other) and one "key<TAB>shown" line per entry,
// key = hex address bytes "/" prefix (as the wizard computes it), "?" when not an address or
// range. "@/path/file.php" entries are read like Deskpro does: a PHP file returning an array.
$tp_key = function ($e) {
	if (!is_string($e)) { return "?"; }
	$e = trim($e);
	$p = strpos($e, "/");
	$b = @inet_pton($p === false ? $e : substr($e, 0, $p));
	if ($b === false) { return "?"; }
	$max = strlen($b) * 8;
	$n = $max;
	if ($p !== false) {
		$t = substr($e, $p + 1);
		if (!preg_match("/^[0-9]{1,3}$/", $t) || (int) $t > $max) { return "?"; }
		$n = (int) $t;
	}
	// the network, as a range check sees it (10.0.0.1/8 is 10.0.0.0/8)
	$net = "";
	for ($i = 0; $i < strlen($b); $i++) {
		$bits = max(0, min(8, $n - 8 * $i));
		$net .= chr(ord($b[$i]) & ((0xFF << (8 - $bits)) & 0xFF));
	}
	return bin2hex($net) . "/" . $n;
};
// an @file list, read like Deskpro: "@~/x.php" is relative to the install; its own scope and output buffer
$tp_file = function ($f) use ($__file) {
	if (substr($f, 0, 2) === "~/") { $f = dirname($__file) . substr($f, 1); }
	if (!is_file($f) || !is_readable($f)) { return array($f, null); }
	ob_start();
	try { $r = (function ($__f) { return include $__f; })($f); } catch (Throwable $x) { $r = null; }
	ob_end_clean();
	return array($f, $r);
};
$tp_show = function ($e) {
	$s = is_string($e) ? $e : gettype($e);
	return substr(preg_replace("/[\\x00-\\x1f\\x7f]/", "?", $s), 0, 200);
};
$tp_kind = "unset";
$tp_lines = array();
if (array_key_exists("trust_proxy_data", $DP_CONFIG)) {
	$tp = $DP_CONFIG["trust_proxy_data"];
	// Deskpro reads any other single value as a one-entry list
	if (is_string($tp) && $tp !== "") { $tp = array($tp); }
	if (is_array($tp)) {
		$tp_kind = "list";
		foreach ($tp as $e) {
			if (is_string($e) && substr($e, 0, 1) === "@") {
				list($f, $more) = $tp_file(substr($e, 1));
				if (!is_array($more)) { $tp_lines[] = "?\t" . $tp_show($e) . " (no array read from that file)"; continue; }
				foreach ($more as $m) { $tp_lines[] = $tp_key($m) . "\t" . $tp_show($m) . " (from " . $tp_show($f) . ")"; }
				continue;
			}
			$tp_lines[] = $tp_key($e) . "\t" . $tp_show($e);
		}
		if (!$tp_lines) { $tp_kind = "off"; }
	} elseif ($tp === true) {
		$tp_kind = "all";
	} elseif (empty($tp)) {
		$tp_kind = "off";
	} else {
		$tp_kind = "other";
		$tp_lines[] = "?\t" . $tp_show(is_scalar($tp) ? var_export($tp, true) : $tp);
	}
}
$out = array(
	"db_found" => ($user === null ? "0" : "1"),
	"db_host" => (string) $host,
	"db_user" => (string) $user,
	"db_name" => (string) $name,
	"dir_data_set" => (isset($DP_CONFIG["dir_data"]) && is_string($DP_CONFIG["dir_data"]) ? "1" : "0"),
	"dir_data" => (isset($DP_CONFIG["dir_data"]) && is_string($DP_CONFIG["dir_data"]) ? $DP_CONFIG["dir_data"] : ""),
	// the developer switch of Deskpro: any truthy value boots the dev kernel with display_errors on
	"debug.dev" => $flag(isset($debug["dev"]) ? $debug["dev"] : null),
	"debug.enable_debug_trace" => $flag(isset($debug["enable_debug_trace"]) ? $debug["enable_debug_trace"] : null),
	"enable_display_errors" => $flag(isset($DP_CONFIG["enable_display_errors"]) ? $DP_CONFIG["enable_display_errors"] : null),
	"enable_request_errorlog" => $flag(isset($DP_CONFIG["enable_request_errorlog"]) ? $DP_CONFIG["enable_request_errorlog"] : null),
	"trust_proxy_kind" => $tp_kind,
	"trust_proxy_list" => implode("\n", $tp_lines),
);
$out["db_password"] = (string) $pass;
$w = function ($t) { fwrite(STDOUT, $t . "\0"); };
$w("begin " . $nonce);
foreach ($out as $k => $v) { $w($k); $w(str_replace("\0", "", $v)); }
$w("end " . $nonce);
};
$__main($argv[1]);
'

# The keys PHP's answer must hold, each exactly once: the longest value (bytes: LC_ALL=C) and
# the characters each may have (a bash regular expression). Nothing else is accepted.
CFG_FLAG_RE='^[01]$'
CFG_NO_CTRL=$'^[^\x01-\x1f\x7f]*$'
CFG_RULES=(
	db_found 1 "$CFG_FLAG_RE"
	db_host 255 '^[][A-Za-z0-9._:/@+-]*$'
	db_user 80 '^[A-Za-z0-9_.@%+$-]*$'
	db_name 64 '^[A-Za-z0-9_$-]*$'
	db_password 256 "$CFG_NO_CTRL"
	dir_data_set 1 "$CFG_FLAG_RE"
	dir_data 4096 "$CFG_NO_CTRL"
	debug.dev 1 "$CFG_FLAG_RE"
	debug.enable_debug_trace 1 "$CFG_FLAG_RE"
	enable_display_errors 1 "$CFG_FLAG_RE"
	enable_request_errorlog 1 "$CFG_FLAG_RE"
	trust_proxy_kind 5 '^(unset|off|all|list|other)$'
	trust_proxy_list 65536 $'^[^\x01-\x08\x0b-\x1f\x7f]*$'
)
# one trust_proxy_data entry: the range key (or ?), a tab, the entry as shown (controls already ?)
CFG_TP_LINE_RE=$'^(\\?|[0-9a-f]{8}/[0-9]{1,2}|[0-9a-f]{32}/[0-9]{1,3})\t[^\x01-\x1f\x7f]{0,600}$'

# parse_config_answer FILE TOKEN SOURCE: reads PHP's NUL-separated answer into CFG, or sets
# CFG_MESSAGE and returns 1. The answer must be exactly: "begin TOKEN", then each key of
# CFG_RULES once with a value of its class, then "end TOKEN", and nothing after it (no byte
# outside these fields, nothing printed before or after). C1 controls in dir_data are refused too.
parse_config_answer() {
	local file=$1 token=$2 source=$3 size used=0 i k v re t line
	local toks=()
	local -A rule=() max=()
	CFG=()
	for ((i = 0; i < ${#CFG_RULES[@]}; i += 3)); do
		max[${CFG_RULES[$i]}]=${CFG_RULES[$((i + 1))]}
		rule[${CFG_RULES[$i]}]=${CFG_RULES[$((i + 2))]}
	done
	size=$(stat -c %s -- "$file" 2>/dev/null) || size=-1
	if [ "$size" -lt 0 ] || [ "$size" -gt 200000 ]; then
		CFG_MESSAGE="PHP's answer for $source is missing or too long, so nothing from it is trusted."
		return 1
	fi
	mapfile -d '' -t toks <"$file"
	for t in "${toks[@]}"; do used=$((used + ${#t} + 1)); done
	if [ "${#toks[@]}" -lt 2 ] || [ "${toks[0]}" != "begin $token" ] || [ "${toks[-1]}" != "end $token" ] || [ "$used" -ne "$size" ]; then
		CFG_MESSAGE="PHP stopped before it had read all of $source (does config.php exit or print early?), so nothing from it is trusted."
		return 1
	fi
	if [ "${#toks[@]}" -ne $((2 + 2 * ${#CFG_RULES[@]} / 3)) ]; then
		CFG_MESSAGE="PHP's answer for $source does not hold exactly the expected values (did config.php print its own?), so nothing from it is trusted."
		return 1
	fi
	for ((i = 1; i < ${#toks[@]} - 1; i += 2)); do
		k=${toks[$i]}
		v=${toks[$((i + 1))]}
		if [ -z "${rule[$k]+x}" ] || [ -n "${CFG[$k]+x}" ]; then
			printable "${k:0:60}"
			CFG=()
			CFG_MESSAGE="PHP's answer for $source has an unexpected or repeated key ($J), so nothing from it is trusted."
			return 1
		fi
		re=${rule[$k]}
		if [ "${#v}" -gt "${max[$k]}" ] || ! [[ $v =~ $re ]] || { [ "$k" = dir_data ] && [[ $v == *$'\xc2'[$'\x80'-$'\x9f']* ]]; }; then
			CFG=()
			CFG_MESSAGE="In $source, the value of $k is not one the audit accepts (too long, or a character outside those allowed for it), so nothing from it is trusted."
			return 1
		fi
		if [ "$k" = trust_proxy_list ] && [ -n "$v" ]; then
			while IFS= read -r line; do
				if ! [[ $line =~ $CFG_TP_LINE_RE ]]; then
					CFG=()
					CFG_MESSAGE="PHP's answer for $source has a trust_proxy_data entry of an unexpected form, so nothing from it is trusted."
					return 1
				fi
			done <<<"$v"
		fi
		CFG[$k]=$v
	done
	if [ -z "${CFG[db_password]}" ]; then CFG[db_password_empty]=1; else CFG[db_password_empty]=0; fi
	return 0
}

# cnf_quote TEXT -> J: TEXT as a double-quoted option-file value (TEXT has no control characters).
cnf_quote() {
	local s=$1 bs=\\ q='"'
	s=${s//"$bs"/"$bs$bs"}
	s=${s//"$q"/"$bs$q"}
	J="$q$s$q"
}

# write_mycnf: the client options, written by the shell from the validated values only (user,
# password, host, port, socket, protocol), into the 0600 $TMP/my.cnf. Nothing PHP printed is
# copied into it as text. An empty file and CNF_MESSAGE when there is nothing usable.
CNF_MESSAGE=''
write_mycnf() {
	local h=${CFG[db_host]:-} text host='' port='' socket='' tcp=0
	: >"$TMP/my.cnf"
	CNF_MESSAGE='No database credentials were found in config.php.'
	[ "${CFG[db_found]:-}" = 1 ] && [ -n "${CFG[db_user]:-}" ] || return 0
	if [[ $h == unix_socket:* ]]; then
		socket=${h#unix_socket:}
		host=localhost
		[[ $socket =~ ^/[A-Za-z0-9._/+-]{1,250}$ ]] || socket=''
		[ -n "$socket" ] || { CNF_MESSAGE="The database socket in config.php ($h) is not a path the audit accepts."; return 0; }
	elif [[ $h =~ ^\[([0-9A-Fa-f:.]{2,45})\](:([0-9]{1,5}))?$ ]]; then
		host=${BASH_REMATCH[1]}
		port=${BASH_REMATCH[3]}
		tcp=1
	elif [[ $h =~ ^([A-Za-z0-9._-]{1,253}):([0-9]{1,5})$ ]]; then
		host=${BASH_REMATCH[1]}
		port=${BASH_REMATCH[2]}
		tcp=1
	elif [[ $h =~ ^[A-Za-z0-9._-]{1,253}$ ]]; then
		host=$h
	elif [ -n "$h" ]; then
		CNF_MESSAGE="The database host in config.php ($h) is not a host name, address or socket the audit accepts."
		return 0
	fi
	if [ -n "$port" ] && { [ "$((10#$port))" -lt 1 ] || [ "$((10#$port))" -gt 65535 ]; }; then
		CNF_MESSAGE="The database port in config.php ($port) is not a port number."
		return 0
	fi
	cnf_quote "${CFG[db_user]}"
	text="[client]"$'\n'"user=$J"$'\n'
	cnf_quote "${CFG[db_password]}"
	text+="password=$J"$'\n'
	if [ -n "$host" ]; then cnf_quote "$host"; text+="host=$J"$'\n'; fi
	if [ -n "$socket" ]; then cnf_quote "$socket"; text+="socket=$J"$'\n'; fi
	if [ -n "$port" ]; then text+="port=$((10#$port))"$'\n'; fi
	if [ "$tcp" = 1 ]; then text+='protocol=TCP'$'\n'; fi
	(umask 077 && printf '%s' "$text" >"$TMP/my.cnf")
}

# load_config CONFIG_PHP READER: runs once per file; sets CFG[...] and CFG_STATUS ok|error.
load_config() {
	local file=$1 reader=$2 dir real token rc
	if [ "$CFG_FILE" = "$file" ]; then [ "$CFG_STATUS" = ok ]; return; fi
	CFG_FILE=$file
	CFG_STATUS=error
	CFG=()
	: >"$TMP/my.cnf"
	if [ -L "$file" ]; then
		real=$(realpath -e -- "$file" 2>/dev/null)
		dir=$(realpath -e -- "$(dirname -- "$file")" 2>/dev/null)
		if [ -z "$real" ] || ! inside "$real" "$dir"; then
			CFG_MESSAGE="$file is a symbolic link to ${real:-a missing file} outside its directory; the audit does not follow it."
			return 1
		fi
	fi
	if ! command -v php >/dev/null 2>&1; then CFG_MESSAGE='php (the PHP command-line interpreter) is not installed, so config.php cannot be read.'; return 1; fi
	if ! id -u -- "$reader" >/dev/null 2>&1; then CFG_MESSAGE="The account $reader does not exist, so config.php cannot be read as that user."; return 1; fi
	if ! runuser -u "$reader" -- test -r "$file"; then CFG_MESSAGE="$reader cannot read $file, so it was not read."; return 1; fi
	# PHP runs as the web-server user, like Deskpro itself: config.php is code, and the audit
	# gives it no more rights than Deskpro does.
	if ! command -v setsid >/dev/null 2>&1 || ! command -v timeout >/dev/null 2>&1; then CFG_MESSAGE='setsid or timeout is missing, so config.php is not run.'; return 1; fi
	token=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
	[[ $token =~ ^[0-9a-f]{32}$ ]] || { CFG_MESSAGE='Could not read /dev/urandom, so config.php is not run.'; return 1; }
	# Its own session (no controlling terminal: code in config.php cannot push keystrokes into
	# root's terminal with TIOCSTI), only the token on stdin (read before config.php runs), and
	# at most 60 seconds.
	printf '%s\n' "$token" | setsid -w runuser -u "$reader" -- timeout 60 php -n -r "$PHP_READ_CONFIG" -- "$file" >"$TMP/config.out" 2>"$TMP/config.err"
	rc=${PIPESTATUS[1]}
	if [ "$rc" -ne 0 ]; then
		: >"$TMP/config.out"
		first_line "$TMP/config.err"
		CFG_MESSAGE="PHP could not read $file (exit $rc): $J"
		return 1
	fi
	if ! parse_config_answer "$TMP/config.out" "$token" "$file"; then
		: >"$TMP/config.out"
		CFG=()
		return 1
	fi
	: >"$TMP/config.out"
	write_mycnf
	CFG_STATUS=ok
	return 0
}

check_config_private() {
	local file=$1 reader=$2 info mode owner group
	if [ -L "$file" ]; then set_result WARN "$file is a symbolic link; the audit does not follow it. Check the file it points to by hand."; return; fi
	info=$(stat -c '%a %U %G' -- "$file" 2>/dev/null) || { set_result FAIL "$file does not exist."; return; }
	read -r mode owner group <<<"$info"
	need runuser || return
	user_exists "$reader" || return
	if [ $((8#$mode & 8#0004)) -ne 0 ]; then
		set_result FAIL "$file is readable by every user on the server (mode $mode, owner $owner:$group)."
	elif ! runuser -u "$reader" -- test -r "$file"; then
		set_result FAIL "$file is not readable by $reader (mode $mode, owner $owner:$group): Deskpro cannot start."
	elif [ $((8#$mode & 8#0002)) -ne 0 ]; then
		set_result FAIL "$file is writable by every user (mode $mode)."
	else
		acl_readers "$file" "$reader" || return
		if [ -n "$J" ]; then
			set_result FAIL "$file has mode $mode, but its access control list lets $J read it."
		else
			set_result PASS "$file has mode $mode, owner $owner:$group${ACL_NOTE}: readable by $reader, not by other users."
		fi
	fi
}

# acl_readers FILE READER -> J: the users and groups other than READER that a POSIX ACL lets
# read FILE (empty: none, or no ACL); ACL_NOTE: a note for the evidence. Returns 1 (result set:
# WARN) when the file has an ACL that cannot be read here.
ACL_NOTE=''
acl_readers() {
	local file=$1 reader=$2 ls_line line tag name perms mask=rwx out=()
	J=''
	ACL_NOTE=''
	ls_line=$(ls -ld -- "$file" 2>/dev/null)
	[ "${ls_line:10:1}" = + ] || return 0
	if ! command -v getfacl >/dev/null 2>&1; then
		set_result WARN "$file has an access control list (the + after its mode), and getfacl (package acl) is not installed to read it: check who it lets read the file by hand."
		return 1
	fi
	getfacl --absolute-names --omit-header -- "$file" >"$TMP/acl" 2>/dev/null || { set_result WARN "$file has an access control list that getfacl could not read."; return 1; }
	while IFS=: read -r tag name perms; do
		[ "$tag" = mask ] && mask=$perms
	done <"$TMP/acl"
	while IFS=: read -r tag name perms; do
		perms=${perms%%[[:space:]]*}
		[ -n "$name" ] || continue
		case $tag in user | group) ;; *) continue ;; esac
		if [ "${perms:0:1}" != r ] || [ "${mask:0:1}" != r ]; then continue; fi
		if [ "$tag" = user ] && [ "$name" = "$reader" ]; then continue; fi
		out+=("$tag $name")
	done <"$TMP/acl"
	ACL_NOTE=' (with an access control list)'
	join_items ', ' "${out[@]}"
}

check_config_db_user() {
	local file=$1 reader=$2 expected=$3 user
	load_config "$file" "$reader" || { set_result SKIP "$CFG_MESSAGE"; return; }
	if [ "${CFG[db_found]:-}" != 1 ]; then
		set_result FAIL "$file sets no database user (neither \$DP_CONFIG['db']['user'] nor DP_DATABASE_USER)."
		return
	fi
	user=${CFG[db_user]:-}
	if [ "$user" = root ]; then
		set_result FAIL "$file connects to the database as root."
	elif [ "${CFG[db_password_empty]:-}" = 1 ]; then
		set_result FAIL "$file connects as $user with an empty password."
	elif [ -n "$expected" ] && [ "$user" != "$expected" ]; then
		set_result WARN "$file connects as $user, not as $expected from the plan (not root)."
	else
		set_result PASS "$file connects as $user (not root) to database ${CFG[db_name]:-} on ${CFG[db_host]:-the default host}; the password is set (not shown)."
	fi
}

# check_config_debug_off CONFIG_PHP READER: Deskpro's developer switch (debug.dev), the debug call
# trace and display_errors are off or unset. enable_request_errorlog is a log of 404, permission and
# method errors (deskpro/surface/runtime.ts CONFIG_REQUEST_ERRORLOG), not debugging: only reported.
check_config_debug_off() {
	local file=$1 reader=$2 on=() k log
	load_config "$file" "$reader" || { set_result SKIP "$CFG_MESSAGE"; return; }
	for k in debug.dev debug.enable_debug_trace enable_display_errors; do
		[ "${CFG[$k]:-}" = 1 ] && on+=("$k")
	done
	if [ "${CFG[enable_request_errorlog]:-}" = 1 ]; then
		log="The request error log (enable_request_errorlog) is on: 404, permission and method errors go to logs/request_errors.log in the data directory."
	else
		log="The request error log (enable_request_errorlog) is off: turn it on to keep a record of probing (404, permission and method errors)."
	fi
	join_items ', ' "${on[@]}"
	if [ "${#on[@]}" -gt 0 ]; then
		set_result FAIL "Debug options on in $file: $J. $log"
	else
		set_result PASS "In $file, debug.dev, debug.enable_debug_trace and enable_display_errors are off or unset. $log"
	fi
}

# check_config_trust_proxy CONFIG_PHP READER [KEY=ADDRESS]...: trust_proxy_data trusts exactly
# the planned proxies (none: false). KEY is the spelling-independent form PHP computes.
check_config_trust_proxy() {
	local file=$1 reader=$2 e key shown planned
	shift 2
	load_config "$file" "$reader" || { set_result SKIP "$CFG_MESSAGE"; return; }
	local -A want=() have=()
	local want_keys=() want_shown=() extra=() missing=() bad=() everyone=()
	for e in "$@"; do
		want[${e%%=*}]=${e#*=}
		want_keys+=("${e%%=*}")
		want_shown+=("${e#*=}")
	done
	join_items ', ' "${want_shown[@]}"
	planned=${J:-none (false)}
	case ${CFG[trust_proxy_kind]:-unset} in
	unset)
		set_result WARN "$file does not set \$DP_CONFIG['trust_proxy_data']. Deskpro's default for it is not documented, so the audit cannot call it safe: set it explicitly (plan: $planned)."
		return
		;;
	all)
		set_result FAIL "$file sets trust_proxy_data to true: Deskpro believes X-Forwarded-For from every client, so anyone can fake their address and get past IP whitelisting and rate limiting (plan: $planned)."
		return
		;;
	other)
		printable "${CFG[trust_proxy_list]:-}"
		set_result WARN "$file sets trust_proxy_data to ${J:2}, which is neither false, true nor a list of addresses; how Deskpro reads that is not documented (plan: $planned)."
		return
		;;
	esac
	while IFS=$'\t' read -r key shown; do
		[ -n "$key" ] || continue
		if [ "$key" = '?' ]; then
			bad+=("$shown")
			continue
		fi
		have[$key]=1
		case $key in */0) everyone+=("$shown") ;; esac
		[ -n "${want[$key]+x}" ] || extra+=("$shown")
	done <<<"${CFG[trust_proxy_list]:-}"
	for key in "${want_keys[@]}"; do
		[ -n "${have[$key]+x}" ] || missing+=("${want[$key]}")
	done
	if [ "${#everyone[@]}" -gt 0 ]; then
		join_items ', ' "${everyone[@]}"
		set_result FAIL "trust_proxy_data in $file trusts every address ($J): anyone can fake their address and get past IP whitelisting and rate limiting (plan: $planned)."
	elif [ "${#extra[@]}" -gt 0 ]; then
		join_items ', ' "${extra[@]}"
		set_result FAIL "trust_proxy_data in $file trusts $J, not among the planned proxies ($planned): a client there can fake any address."
	elif [ "${#bad[@]}" -gt 0 ]; then
		join_items ', ' "${bad[@]}"
		set_result WARN "trust_proxy_data in $file has entries that are not IP addresses or ranges: $J. How Deskpro treats them is not documented (plan: $planned)."
	elif [ "${#missing[@]}" -gt 0 ]; then
		join_items ', ' "${missing[@]}"
		set_result WARN "trust_proxy_data in $file does not list the planned proxies $J: Deskpro then sees the proxy's address for every client, so IP whitelisting and rate limiting cannot tell clients apart."
	elif [ "$#" -eq 0 ]; then
		set_result PASS "trust_proxy_data in $file is false: Deskpro never believes X-Forwarded-For or similar headers, as planned (no reverse proxy)."
	else
		set_result PASS "trust_proxy_data in $file trusts exactly the planned proxies: $planned."
	fi
}

check_data_dir_location() {
	local file=$1 reader=$2 webroot=$3 expected=$4 data real real_web lit_web lit real_exp id_data id_left
	load_config "$file" "$reader" || { set_result SKIP "$CFG_MESSAGE"; return; }
	real_web=$(realpath -m -- "$webroot")
	lit_web=$(realpath -m -s -- "$webroot")
	if [ "${CFG[dir_data_set]:-}" != 1 ]; then
		set_result FAIL "$file does not set \$DP_CONFIG['dir_data'], so Deskpro uses $webroot/data, inside the web root."
		return
	fi
	data=${CFG[dir_data]:-}
	# Deskpro takes a false-y dir_data ('' or '0') as unset (layn321/deskpro app/sys/load_config.php,
	# dp_get_data_dir). The stock config.php sets it to '' below $DP_CONFIG = array(...), so lines
	# added above that assignment end here.
	if [ -z "$data" ] || [ "$data" = 0 ]; then
		set_result FAIL "PHP reads \$DP_CONFIG['dir_data'] in $file as '$data', so Deskpro uses $webroot/data, inside the web root (and creates it mode 0777 when missing). A later line in config.php overrides the new path? Deskpro's stock file sets dir_data = '' further down: put the lines at the END of config.php."
		return
	fi
	if [[ $data != /* ]]; then
		set_result WARN "dir_data is $data, a relative path: where it points depends on PHP's working directory. Set the absolute path ($expected)."
		return
	fi
	real=$(realpath -e -- "$data" 2>/dev/null)
	if [ -z "$real" ] || [ ! -d "$real" ]; then
		set_result FAIL "dir_data is $data, which is not an existing directory."
		return
	fi
	lit=$(realpath -m -s -- "$data")
	real_exp=$(realpath -m -- "$expected")
	# a data directory reachable under the web root by its own name (a symbolic link or bind
	# mount named data/ in the web root) is served like one inside it
	id_data=$(stat -L -c '%d:%i' -- "$real" 2>/dev/null)
	id_left=$(stat -L -c '%d:%i' -- "$real_web/data" 2>/dev/null)
	if inside "$real" "$real_web"; then
		set_result FAIL "dir_data is $data ($real), inside the web root $real_web."
	elif inside "$lit" "$lit_web" || inside "$lit" "$real_web"; then
		set_result FAIL "dir_data is $data: a path inside the web root $webroot (it leads to $real through a symbolic link, and the web server can follow it)."
	elif [ -n "$id_left" ] && [ "$id_left" = "$id_data" ]; then
		set_result FAIL "dir_data is $real, but $real_web/data is the same directory (a symbolic link or bind mount), so it is inside the web root after all."
	elif [ "$real" != "$real_exp" ]; then
		set_result WARN "dir_data is $data ($real), outside the web root but not $expected as planned."
	else
		set_result PASS "dir_data is $data, outside the web root $real_web, as planned."
	fi
}

# ------------------------------------------------------------------ PHP-FPM, as the pool runs it

# A minimal FastCGI client: asks the pool itself to run the probe file and prints its output.
# shellcheck disable=SC2016
PHP_FCGI_CLIENT='
$addr = $argv[1]; $script = $argv[2];
if (strpos($addr, "unix:") === 0) { $target = "unix://" . substr($addr, 5); }
elseif (substr($addr, 0, 1) === "/") { $target = "unix://" . $addr; }
else { $target = "tcp://" . $addr; }
$s = @stream_socket_client($target, $errno, $errstr, 5);
if (!$s) { fwrite(STDERR, "cannot connect to PHP-FPM at $addr: $errstr\n"); exit(2); }
stream_set_timeout($s, 15);
function rec($type, $body) { return pack("CCnnCC", 1, $type, 1, strlen($body), 0, 0) . $body; }
function nvlen($n) { return $n < 128 ? chr($n) : pack("N", $n | 0x80000000); }
$name = "/" . basename($script);
$params = array("SCRIPT_FILENAME" => $script, "SCRIPT_NAME" => $name, "REQUEST_URI" => $name,
	"DOCUMENT_URI" => $name, "DOCUMENT_ROOT" => dirname($script), "REQUEST_METHOD" => "GET",
	"QUERY_STRING" => "", "CONTENT_LENGTH" => "0", "GATEWAY_INTERFACE" => "CGI/1.1",
	"SERVER_PROTOCOL" => "HTTP/1.1", "SERVER_SOFTWARE" => "deskpro-audit", "SERVER_NAME" => "localhost",
	"SERVER_ADDR" => "127.0.0.1", "SERVER_PORT" => "80", "REMOTE_ADDR" => "127.0.0.1", "REMOTE_PORT" => "1");
$p = "";
foreach ($params as $k => $v) { $p .= nvlen(strlen($k)) . nvlen(strlen($v)) . $k . $v; }
fwrite($s, rec(1, pack("nCx5", 1, 0)) . rec(4, $p) . rec(4, "") . rec(5, ""));
function readn($s, $n) { $b = ""; while (strlen($b) < $n) { $c = fread($s, $n - strlen($b)); if ($c === false || $c === "") { return null; } $b .= $c; } return $b; }
$out = ""; $err = "";
while (($h = readn($s, 8)) !== null) {
	$u = unpack("Cver/Ctype/nid/nlen/Cpad/Cres", $h);
	$body = $u["len"] > 0 ? readn($s, $u["len"]) : "";
	if ($u["pad"] > 0) { readn($s, $u["pad"]); }
	if ($body === null) { break; }
	if ($u["type"] == 6) { $out .= $body; } elseif ($u["type"] == 7) { $err .= $body; } elseif ($u["type"] == 3) { break; }
}
echo $out;
if ($err !== "") { fwrite(STDERR, $err); }
'

# fpm_ini_parse MARKER FILE SETTINGS... -> FPM_GOOD, FPM_BAD ("name=value" each), or status 1
# and J (why) when the probe's answer is incomplete or malformed. FILE must hold, after
# anything PHP printed first: the line MARKER, then exactly one line name=VALUE per setting in
# order (VALUE as var_export prints it: a quoted string without quotes or backslashes inside,
# or false), then the line MARKER-end. Only then is a value judged; off means '', 0, off, no,
# false, none or stderr (case-insensitive).
FPM_GOOD=()
FPM_BAD=()
fpm_ini_parse() {
	local marker=$1 file=$2 lines=() i=0 n s line v
	shift 2
	FPM_GOOD=()
	FPM_BAD=()
	mapfile -t lines <"$file" 2>/dev/null
	n=${#lines[@]}
	while [ "$i" -lt "$n" ] && [ "${lines[$i]%$'\r'}" != "$marker" ]; do i=$((i + 1)); done
	if [ "$i" -ge "$n" ]; then J='no start marker'; return 1; fi
	for s in "$@"; do
		i=$((i + 1))
		line=${lines[$i]-}
		line=${line%$'\r'}
		if [ "$i" -ge "$n" ]; then J="it ends before $s"; return 1; fi
		if [[ $line != "$s="* ]]; then
			printable "${line:0:200}"
			J="expected $s=..., got: ${J:-an empty line}"
			return 1
		fi
		v=${line#"$s="}
		if [ "$v" != false ] && ! [[ $v =~ ^\'[^\'\\]*\'$ ]]; then
			printable "${line:0:200}"
			J="not a value PHP printed: $J"
			return 1
		fi
		v=${v#\'}
		v=${v%\'}
		case "${v,,}" in
		'' | 0 | off | no | false | none | stderr) FPM_GOOD+=("$s=${v:-off}") ;;
		*) FPM_BAD+=("$s=$v") ;;
		esac
	done
	i=$((i + 1))
	line=${lines[$i]-}
	if [ "$i" -ge "$n" ] || [ "${line%$'\r'}" != "$marker-end" ]; then
		FPM_GOOD=()
		FPM_BAD=()
		printable "${line:0:200}"
		J="no end marker after the settings${J:+, got: $J}"
		return 1
	fi
}

check_fpm_ini_off() {
	local fpm=$1 runas=$2 probe marker name settings=() s bad=() good=() body
	shift 2
	settings=("$@")
	need php || return
	user_exists "$runas" || return
	if [[ $fpm == unix:* || $fpm == /* ]]; then
		local sock=${fpm#unix:}
		[ -S "$sock" ] || { set_result SKIP "The PHP-FPM socket $sock does not exist: is PHP-FPM running?"; return; }
	fi
	marker=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
	name="probe-$marker.php"
	# The pool's user must read the probe, so it lives in a directory of its own (not the one
	# holding the password file), traversable but not listable, removed right after: in
	# /dev/shm, which PHP-FPM services started with systemd's PrivateTmp can still see.
	local pbase=/tmp
	if [ -d /dev/shm ] && [ -w /dev/shm ] && [ ! -L /dev/shm ]; then pbase=/dev/shm; fi
	PROBE_DIR=$(mktemp -d "$pbase/deskpro-audit-fpm.XXXXXXXXXX") || { set_result SKIP "Cannot create a directory for the PHP-FPM probe in $pbase."; return; }
	chmod 0711 -- "$PROBE_DIR"
	probe="$PROBE_DIR/$name"
	{
		printf '<?php\n'
		printf 'echo "%s\\n";\n' "$marker"
		for s in "${settings[@]}"; do
			printf 'echo "%s=" . var_export(ini_get("%s"), true) . "\\n";\n' "$s" "$s"
		done
		printf 'echo "%s-end\\n";\n' "$marker"
	} >"$probe"
	chmod 0644 -- "$probe"
	php -n -r "$PHP_FCGI_CLIENT" -- "$fpm" "$probe" >"$TMP/fpm.out" 2>"$TMP/fpm.err"
	local rc=$?
	rm -rf -- "$PROBE_DIR"
	PROBE_DIR=''
	body=$(tr -d '\r' <"$TMP/fpm.out")
	if [ "$rc" -ne 0 ] || [[ $body != *"$marker"* ]]; then
		first_line "$TMP/fpm.err"
		local why=$J
		[ -n "$why" ] || { printable "${body:0:300}"; why=$J; }
		set_result SKIP "PHP-FPM at $fpm did not run the probe ($why). If the pool uses open_basedir, chroot or a private /tmp, check display_errors and expose_php in the pool configuration by hand."
		return
	fi
	if ! fpm_ini_parse "$marker" "$TMP/fpm.out" "${settings[@]}"; then
		set_result SKIP "PHP-FPM at $fpm ran the probe, but its answer did not finish as expected ($J), so nothing is judged from it. Check ${settings[*]} in the pool configuration by hand (is ini_get among disable_functions?)."
		return
	fi
	bad=("${FPM_BAD[@]}")
	good=("${FPM_GOOD[@]}")
	if [ "${#bad[@]}" -gt 0 ]; then
		join_items ', ' "${bad[@]}"
		set_result FAIL "As the PHP-FPM pool at $fpm runs PHP: $J (must be off)."
	else
		join_items ', ' "${good[@]}"
		set_result PASS "As the PHP-FPM pool at $fpm runs PHP (asked over FastCGI): $J."
	fi
}

# ------------------------------------------------------------------ HTTP

# url_join BASE PATH -> J
url_join() {
	local base=${1%/}
	J="$base/${2#/}"
}

# url_split URL -> U_SCHEME, U_HOST (lower case, without port), U_PATH (path and query, '/' when
# empty). False when URL is not http(s)://AUTHORITY[/...].
url_split() {
	local re='^(https?)://([^/?#]+)(.*)$' auth
	[[ $1 =~ $re ]] || return 1
	U_SCHEME=${BASH_REMATCH[1]}
	auth=${BASH_REMATCH[2]}
	U_PATH=${BASH_REMATCH[3]:-/}
	[[ $U_PATH == /* ]] || U_PATH="/$U_PATH"
	if [[ $auth == \[* ]]; then U_HOST=${auth%%]*}]; else U_HOST=${auth%%:*}; fi
	U_HOST=${U_HOST,,}
}

# http_get1 URL [SOURCE]: one request, no redirect followed. Sets HTTP_CODE (000 when no
# answer), HTTP_ERROR, $TMP/h.headers, $TMP/h.body. Proxies from the environment (root's
# https_proxy, all_proxy...) are never used: the answers must come from the helpdesk itself.
http_get1() {
	local url=$1 src=${2:-} args=()
	args=(--silent --show-error --noproxy '*' --max-time 15 --max-redirs 0 --proto '=http,https' -o "$TMP/h.body" -D "$TMP/h.headers" -w '%{http_code}')
	[ "$CURL_INSECURE" = 1 ] && args+=(--insecure)
	[ -n "$src" ] && args+=(--interface "$src")
	: >"$TMP/h.headers"
	: >"$TMP/h.body"
	HTTP_CODE=$(curl -q "${args[@]}" -- "$url" 2>"$TMP/h.err")
	HTTP_ERROR=''
	if [ -z "$HTTP_CODE" ] || [ "$HTTP_CODE" = 000 ]; then
		HTTP_CODE=000
		first_line "$TMP/h.err"
		HTTP_ERROR=$J
	fi
}

# http_get URL [SOURCE]: http_get1, except that an http:// URL answered with a redirect to the
# same host and the same path on https:// (what the wizard's own port-80 site does) is judged
# by the https answer: exactly that one redirect is followed, nothing else. HTTP_FOLLOWED is
# then set to the redirect's code (checks name it in their evidence).
http_get() {
	local url=$1 src=${2:-} host path loc code
	HTTP_FOLLOWED=''
	http_get1 "$url" "$src"
	case "$HTTP_CODE" in 301 | 302 | 303 | 307 | 308) ;; *) return 0 ;; esac
	url_split "$url" && [ "$U_SCHEME" = http ] || return 0
	host=$U_HOST
	path=$U_PATH
	header Location
	loc=${HDR_VALUES[0]:-}
	[ "${#HDR_VALUES[@]}" -eq 1 ] && url_split "$loc" && [ "$U_SCHEME" = https ] && [ "$U_HOST" = "$host" ] && [ "$U_PATH" = "$path" ] || return 0
	code=$HTTP_CODE
	http_get1 "$loc" "$src"
	HTTP_FOLLOWED=$code
}

# followed_note: evidence suffix when a check's http:// requests were redirected to https.
followed_note() {
	J=''
	[ -n "${HTTP_ANY_FOLLOWED:-}" ] && J=" (The http:// address answered $HTTP_ANY_FOLLOWED to the same host and path on https://; the https answers were judged.)"
	return 0
}

# header NAME -> HDR_VALUES (every occurrence, case-insensitive name, without CR) and J (all
# of them joined with ' | ', empty when absent). A repeated header is never reduced to one.
header() {
	local want line v
	want="${1,,}:"
	HDR_VALUES=()
	while IFS= read -r line || [ -n "$line" ]; do
		line=${line%$'\r'}
		if [[ ${line,,} == "$want"* ]]; then
			v=${line#*:}
			v=${v#"${v%%[! ]*}"}
			HDR_VALUES+=("$v")
		fi
	done <"$TMP/h.headers"
	join_items ' | ' "${HDR_VALUES[@]}"
}

# front_page_ok BASE: the helpdesk's front page (BASE/) is requested once per run. When it
# answers 403, nothing (000) or 5xx, the answers do not come from Deskpro (a CDN, WAF or
# default site refusing everything would make every refusal look right): the check is SKIP
# and this is false.
front_page_ok() {
	local base=$1
	if [ "${FRONT_BASE-}" != "$base" ]; then
		url_join "$base" /
		FRONT_URL=$J
		http_get "$FRONT_URL"
		FRONT_BASE=$base
		FRONT_CODE=$HTTP_CODE
		FRONT_ERROR=$HTTP_ERROR
	fi
	case "$FRONT_CODE" in
	403 | 000 | 5??)
		set_result SKIP "The helpdesk's front page $FRONT_URL answered $FRONT_CODE${FRONT_ERROR:+ ($FRONT_ERROR)}, so the answers do not come from Deskpro: nothing is judged from them. Check that the URL reaches the helpdesk from this server (no CDN, WAF or default site in between)."
		return 1
		;;
	esac
}

# http_judge URL [SOURCE]: http_get, remembering a followed redirect for followed_note.
http_judge() {
	http_get "$@"
	[ -n "$HTTP_FOLLOWED" ] && HTTP_ANY_FOLLOWED=$HTTP_FOLLOWED
	return 0
}

check_http_status() {
	local base=$1 want=$2 p q qs=() bad=() good=() noanswer=() child kids=0
	shift 2
	need curl || return
	front_page_ok "$base" || return
	HTTP_ANY_FOLLOWED=''
	# A directory URL alone proves little: a stock server refuses a directory without an index
	# (403) while serving the files in it. A name inside it that does not exist must be refused
	# too: a server that does not deny the directory answers 404 or hands it to index.php.
	child="dp-audit-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n').txt"
	for p in "$@"; do
		qs=("$p")
		[[ $p == */ ]] && qs+=("$p$child") && kids=$((kids + 1))
		for q in "${qs[@]}"; do
			url_join "$base" "$q"
			http_judge "$J"
			if [ "$HTTP_CODE" = 000 ]; then
				noanswer+=("$q ($HTTP_ERROR)")
			elif [ "$HTTP_CODE" = "$want" ]; then
				good+=("$q -> $HTTP_CODE")
			else
				bad+=("$q -> $HTTP_CODE")
			fi
		done
	done
	followed_note
	local note=$J
	if [ "${#bad[@]}" -gt 0 ]; then
		join_items ', ' "${bad[@]}"
		set_result FAIL "Expected $want from $base: $J.$note"
	elif [ "${#noanswer[@]}" -gt 0 ]; then
		join_items ', ' "${noanswer[@]}"
		set_result SKIP "No answer from $base: $J.$note"
	else
		join_items ', ' "${good[@]}"
		local why=''
		[ "$kids" -gt 0 ] && why=' (no dp-audit-*.txt file exists: each directory is refused as a whole, not only its listing)'
		set_result PASS "$base: $J$why.$note"
	fi
}

check_http_php_not_run() {
	local base=$1 prefix=$2 name path xpb
	need curl || return
	front_page_ok "$base" || return
	HTTP_ANY_FOLLOWED=''
	name="dp-audit-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n').php"
	path="${prefix%/}/$name"
	url_join "$base" "$path"
	http_judge "$J"
	header X-Powered-By
	xpb=$J
	followed_note
	local note=$J
	if [ "$HTTP_CODE" = 000 ]; then
		set_result SKIP "No answer for $path: $HTTP_ERROR.$note"
	elif [ "$HTTP_CODE" = 403 ] && [ -z "$xpb" ] && ! grep -qE 'File not found|No input file specified|Primary script unknown' "$TMP/h.body" 2>/dev/null; then
		set_result PASS "$path (a .php name that does not exist, so nothing could run) -> 403: PHP is never asked to run files under $prefix.$note"
	elif [ -n "$xpb" ] || grep -qE 'File not found|No input file specified|Primary script unknown' "$TMP/h.body" 2>/dev/null; then
		set_result FAIL "$path -> $HTTP_CODE and the answer came from PHP${xpb:+ (X-Powered-By: $xpb)}: the web server hands .php files under $prefix to PHP, so an uploaded script would run.$note"
	else
		set_result FAIL "$path -> $HTTP_CODE, not 403: .php files under $prefix are not refused, so an uploaded script could run.$note"
	fi
}

check_http_no_version() {
	local base=$1 p v server xpb bad=() seen=() noanswer=()
	shift
	need curl || return
	front_page_ok "$base" || return
	HTTP_ANY_FOLLOWED=''
	# Every occurrence of each header counts: a second X-Powered-By (e.g. PleskLin after PHP/8.2.7)
	# must not hide the first.
	for p in "$@"; do
		url_join "$base" "$p"
		http_judge "$J"
		if [ "$HTTP_CODE" = 000 ]; then noanswer+=("$p ($HTTP_ERROR)"); continue; fi
		header Server
		server=$J
		for v in "${HDR_VALUES[@]}"; do [[ $v == *[0-9]* ]] && bad+=("$p: Server: $v"); done
		header X-Powered-By
		xpb=$J
		for v in "${HDR_VALUES[@]}"; do [[ $v == *[0-9]* ]] && bad+=("$p: X-Powered-By: $v"); done
		seen+=("$p -> $HTTP_CODE, Server: ${server:-(none)}, X-Powered-By: ${xpb:-(none)}")
	done
	followed_note
	local note=$J
	if [ "${#bad[@]}" -gt 0 ]; then
		join_items '; ' "${bad[@]}"
		set_result FAIL "Version numbers disclosed: $J.$note"
	elif [ "${#noanswer[@]}" -gt 0 ]; then
		join_items ', ' "${noanswer[@]}"
		set_result SKIP "No answer from $base: $J.$note"
	else
		join_items '; ' "${seen[@]}"
		set_result PASS "No version in the headers: $J.$note"
	fi
}

# ipv4_to_int ADDR -> J: the dotted IPv4 ADDR (already checked: four groups of 1-3 digits) as a number.
ipv4_to_int() {
	local IFS=. a b c d
	read -r a b c d <<<"$1"
	# base 10 always: a leading zero (10.1.2.08) is not octal
	J=$(((10#$a << 24) + (10#$b << 16) + (10#$c << 8) + 10#$d))
}
# ipv4_in_cidr ADDR CIDR: true when the IPv4 ADDR lies in the IPv4 CIDR.
ipv4_in_cidr() {
	local addr=$1 net=${2%/*} bits=32 x y mask
	[[ $2 == */* ]] && bits=${2#*/}
	[[ $addr =~ ^[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}$ && $net =~ ^[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}$ && $bits =~ ^[0-9]{1,2}$ ]] || return 1
	bits=$((10#$bits))
	[ "$bits" -le 32 ] || return 1
	ipv4_to_int "$addr"
	x=$J
	ipv4_to_int "$net"
	y=$J
	if [ "$bits" -eq 0 ]; then mask=0; else mask=$(((0xFFFFFFFF << (32 - bits)) & 0xFFFFFFFF)); fi
	[ $((x & mask)) -eq $((y & mask)) ]
}

check_http_allow_list() {
	local base=$1 paths=() allowed=() p a bad=() good=() noanswer=() cmd local_seen=()
	shift
	while [ "$#" -gt 0 ] && [ "$1" != -- ]; do paths+=("$1"); shift; done
	[ "$#" -gt 0 ] && shift
	allowed=("$@")
	need curl || return
	front_page_ok "$base" || return
	HTTP_ANY_FOLLOWED=''
	join_items ', ' "${allowed[@]}"
	local allow_text=${J:-(none)}
	if [ -n "$OUTSIDE_SOURCE" ]; then
		for a in "${allowed[@]}"; do
			# IPv6 ranges are not computed here: never judge from an address that may be inside one
			if [[ $OUTSIDE_SOURCE == *:* && $a == *:* ]]; then
				set_result SKIP "--outside-source $OUTSIDE_SOURCE is IPv6 and the allow-list has the IPv6 entry $a, which this script cannot compare: give an IPv4 address outside $allow_text, or run the curl command from an outside machine."
				return
			fi
			if ipv4_in_cidr "$OUTSIDE_SOURCE" "$a"; then
				set_result SKIP "--outside-source $OUTSIDE_SOURCE lies inside the allow-list entry $a: give an address outside $allow_text."
				return
			fi
		done
		for p in "${paths[@]}"; do
			url_join "$base" "$p"
			http_judge "$J" "$OUTSIDE_SOURCE"
			if [ "$HTTP_CODE" = 000 ]; then noanswer+=("$p ($HTTP_ERROR)")
			elif [ "$HTTP_CODE" = 403 ]; then good+=("$p -> 403")
			else bad+=("$p -> $HTTP_CODE"); fi
		done
		followed_note
		local note=$J
		if [ "${#bad[@]}" -gt 0 ]; then
			join_items ', ' "${bad[@]}"
			set_result FAIL "From $OUTSIDE_SOURCE (outside the allow-list $allow_text): $J, not refused.$note"
		elif [ "${#noanswer[@]}" -gt 0 ]; then
			join_items ', ' "${noanswer[@]}"
			set_result SKIP "No answer from $OUTSIDE_SOURCE: $J.$note"
		else
			join_items ', ' "${good[@]}"
			set_result PASS "From $OUTSIDE_SOURCE (outside the allow-list $allow_text): $J.$note"
		fi
		return
	fi
	for p in "${paths[@]}"; do
		url_join "$base" "$p"
		http_judge "$J"
		local_seen+=("$p -> $HTTP_CODE")
	done
	join_items ', ' "${local_seen[@]}"
	local from_here=$J
	url_join "$base" "${paths[0]}"
	if [ -n "$HTTP_ANY_FOLLOWED" ]; then
		sh_quote "$J"
		cmd="curl -s -L --max-redirs 1 -o /dev/null -w '%{http_code}\\n' $J"
	else
		sh_quote "$J"
		cmd="curl -s -o /dev/null -w '%{http_code}\\n' $J"
	fi
	followed_note
	set_result MANUAL "A script on the server cannot prove what outside clients get. From this server: $from_here (allow-list: $allow_text). From an address outside the allow-list, run: $cmd (it must print 403). Or re-run this script with --outside-source ADDR, a local address outside the allow-list.$J"
}

# ------------------------------------------------------------------ database

# check_db_grants CONFIG_PHP READER DATABASE RUNTIME_PRIVILEGE... -- UPGRADE_PRIVILEGE...
check_db_grants() {
	local file=$1 reader=$2 database=$3 client
	shift 3
	load_config "$file" "$reader" || { set_result SKIP "$CFG_MESSAGE"; return; }
	if command -v mariadb >/dev/null 2>&1; then client=$(command -v mariadb)
	elif command -v mysql >/dev/null 2>&1; then client=$(command -v mysql)
	else set_result SKIP 'Neither the mariadb nor the mysql client is installed, so the grants cannot be read.'; return; fi
	[ -s "$TMP/my.cnf" ] || { set_result SKIP "$CNF_MESSAGE"; return; }
	# The client runs as the reader account, like Deskpro, never as root: whatever config.php
	# says, a client library bug or plugin cannot run code with more rights than the web user
	# already has. The options reach it on stdin (no command line, no environment); it keeps
	# them in its own 0600 file only while it runs. Only that file (--defaults-file: root's and
	# the user's own option files are not read) and no login-path file.
	setsid -w runuser -u "$reader" -- timeout 60 sh -c "$DB_AS_READER" sh "$client" <"$TMP/my.cnf" >"$TMP/grants" 2>"$TMP/grants.err"
	local rc=$?
	if [ "$rc" -ne 0 ]; then
		first_line "$TMP/grants.err"
		set_result SKIP "Could not connect with the credentials from $file: $J"
		return
	fi
	judge_grants "$TMP/grants" "$database" "$@"
}

# The reader's side of check_db_grants (sh, as the reader account): the options from stdin into
# a private file, SHOW GRANTS with only that file, the file removed.
# shellcheck disable=SC2016 # the reader's shell expands these
DB_AS_READER='umask 077
base=/dev/shm
if [ ! -d "$base" ] || [ -L "$base" ] || [ ! -w "$base" ]; then base=/tmp; fi
f=$(mktemp "$base/deskpro-audit-db.XXXXXXXXXX") || exit 97
if ! cat >"$f"; then rm -f -- "$f"; exit 97; fi
MYSQL_TEST_LOGIN_FILE=/dev/null "$1" --defaults-file="$f" --batch --raw --skip-column-names --connect-timeout=10 -e "SHOW GRANTS FOR CURRENT_USER()"
rc=$?
rm -f -- "$f"
exit "$rc"'

# judge_grants GRANTS_FILE DATABASE RUNTIME_PRIVILEGE... -- UPGRADE_PRIVILEGE...: the verdict
# on SHOW GRANTS output (MariaDB or MySQL), one grant per line.
judge_grants() {
	local grants_file=$1 database=$2 line grants=() bad=() warn=() schema=() privs obj dbpart x p
	local re_grant='^GRANT (.+) ON (.+) TO ' re_role='^GRANT [^ ]+ TO '
	local -A runtime=() upgrade=()
	shift 2
	while [ "$#" -gt 0 ] && [ "$1" != -- ]; do runtime[$1]=1; shift; done
	[ "$#" -gt 0 ] && shift
	for x in "$@"; do upgrade[$x]=1; done
	while IFS= read -r line; do
		# Never echo a password hash.
		line=$(printf '%s' "$line" | sed -E "s/(IDENTIFIED (BY PASSWORD|VIA [^ ]+ USING|BY|WITH [^ ]+ AS)) '[^']*'/\\1 '<hidden>'/g")
		grants+=("$line")
		if [[ $line =~ $re_grant ]]; then
			privs=${BASH_REMATCH[1]}
			obj=${BASH_REMATCH[2]}
			[[ $line == *'WITH GRANT OPTION'* ]] && bad+=("GRANT OPTION: $line")
			if [ "$obj" = '*.*' ]; then
				[ "$privs" = USAGE ] || bad+=("privileges on *.*: $privs")
			elif [[ $privs == PROXY ]]; then
				bad+=("PROXY: $line")
			else
				# routine grants name their object as PROCEDURE `db`.`p` / FUNCTION `db`.`f`
				dbpart=${obj#PROCEDURE }
				dbpart=${dbpart#FUNCTION }
				dbpart=${dbpart%%.*}
				dbpart=${dbpart#\`}
				dbpart=${dbpart%\`}
				if [ "${dbpart//\\_/_}" != "$database" ]; then
					bad+=("a grant on another database: $obj")
				elif [[ $dbpart == *_* && ${dbpart//\\_/} == *_* ]]; then
					warn+=("$obj is a pattern (an unescaped _ matches any character)")
				fi
				# each privilege (column lists dropped) against the runtime account's set
				privs=$(printf '%s' "$privs" | sed -E 's/ ?\([^)]*\)//g')
				IFS=',' read -r -a x <<<"$privs"
				for p in "${x[@]}"; do
					p=${p# }
					p=${p% }
					[ -n "$p" ] || continue
					if [ -n "${runtime[$p]+x}" ]; then continue
					elif [ -n "${upgrade[$p]+x}" ]; then schema+=("$p")
					elif [[ $p == 'ALL PRIVILEGES' || $p == ALL || $p == FILE || $p == SUPER || $p == PROCESS || $p == SHUTDOWN ]]; then bad+=("$p on $obj")
					else warn+=("$p on $obj is more than the runtime account needs")
					fi
				done
			fi
		elif [[ $line =~ $re_role ]]; then
			warn+=("a role is granted ($line): its privileges are not listed here")
		fi
	done <"$grants_file"
	join_items ' | ' "${grants[@]}"
	local all=$J
	if [ "${#bad[@]}" -gt 0 ]; then
		join_items '; ' "${bad[@]}"
		set_result FAIL "The database account has forbidden grants: $J. All grants: $all"
	elif [ "${#warn[@]}" -gt 0 ] || [ "${#schema[@]}" -gt 0 ]; then
		if [ "${#schema[@]}" -gt 0 ]; then
			join_items ', ' "${schema[@]}"
			warn+=("the account can change the schema ($J): is config.php using the upgrade account? Use the runtime account day to day")
		fi
		join_items '; ' "${warn[@]}"
		set_result WARN "$J. All grants: $all"
	elif [ "${#grants[@]}" -eq 0 ]; then
		set_result SKIP 'SHOW GRANTS returned nothing.'
	else
		set_result PASS "Only the runtime rights on $database; no *.* privileges, FILE, SUPER, PROCESS or GRANT OPTION: $all"
	fi
}

# ------------------------------------------------------------------ cron

# cron_line_of LINE INSTALL: LINE names INSTALL as a whole path (INSTALL/cron.php, or INSTALL
# followed by a space, quote, ; & or ) or the end), not a longer one like INSTALL-staging.
cron_line_of() {
	local line=$1 install=$2 b
	[[ $line == *"$install" ]] && return 0
	for b in /cron.php ' ' "'" '"' ';' '&' ')'; do
		[[ $line == *"$install$b"* ]] && return 0
	done
	return 1
}

# check_cron_user INSTALL EXPECTED [UPDATER]: every line running INSTALL's cron.php runs as
# EXPECTED, except a line with Deskpro's --auto-updater, which may run as UPDATER (the owner of the
# files: Deskpro's guide splits cron so, deskpro/surface/runtime.ts CRON_LAYOUTS). Never root.
check_cron_user() {
	local install=$1 expected=$2 updater=${3:-} f user line rest found=() users=() root=() sr=$SYSTEM_ROOT
	local files=() upd=() n_upd=0
	local re_upd='(^|[[:space:]])--auto-updater([[:space:]]|$)'
	[ -f "$sr/etc/crontab" ] && files+=("sys:$sr/etc/crontab")
	for f in "$sr"/etc/cron.d/*; do [ -f "$f" ] && files+=("sys:$f"); done
	for f in "$sr"/var/spool/cron/crontabs/* "$sr"/var/spool/cron/*; do [ -f "$f" ] && files+=("usr:$f"); done
	for f in "${files[@]}"; do
		local kind=${f%%:*} path=${f#*:} owner
		owner=$(basename -- "$path")
		while IFS= read -r line || [ -n "$line" ]; do
			line=${line%$'\r'}
			[[ $line =~ ^[[:space:]]*(#|$) ]] && continue
			[[ $line =~ ^[[:space:]]*[A-Za-z_][A-Za-z0-9_]*[[:space:]]*= ]] && continue
			if [[ $line != *cron.php* ]] || ! cron_line_of "$line" "$install"; then continue; fi
			if [ "$kind" = sys ]; then
				if [[ $line =~ ^[[:space:]]*@[a-z]+[[:space:]]+([^[:space:]]+) ]]; then user=${BASH_REMATCH[1]}
				elif [[ $line =~ ^[[:space:]]*[^[:space:]]+[[:space:]]+[^[:space:]]+[[:space:]]+[^[:space:]]+[[:space:]]+[^[:space:]]+[[:space:]]+[^[:space:]]+[[:space:]]+([^[:space:]]+) ]]; then user=${BASH_REMATCH[1]}
				else continue; fi
			else
				user=$owner
			fi
			rest="${path#"$sr"}: $line"
			found+=("$user in $rest")
			users+=("$user")
			if [[ $line =~ $re_upd ]]; then upd+=(1); n_upd=$((n_upd + 1)); else upd+=(0); fi
			[ "$user" = root ] && root+=("$rest")
		done <"$path"
	done
	if [ "${#found[@]}" -eq 0 ]; then
		set_result SKIP "No crontab line runs $install/cron.php (looked in ${sr:-}/etc/crontab, ${sr:-}/etc/cron.d and ${sr:-}/var/spool/cron; systemd timers are not inspected)."
		return
	fi
	join_items '; ' "${found[@]}"
	if [ "${#root[@]}" -gt 0 ]; then
		set_result FAIL "Deskpro's cron runs as root: $J"
		return
	fi
	local i u
	for i in "${!users[@]}"; do
		u=${users[$i]}
		if [ "${upd[$i]}" = 1 ] && [ -n "$updater" ]; then
			if [ "$u" != "$updater" ]; then
				set_result WARN "Deskpro's updater line (--auto-updater) runs as $u, not as $updater, the owner of the files from the plan: $J"
				return
			fi
		elif [ "$u" != "$expected" ]; then
			set_result WARN "Deskpro's cron runs as $u, not root, but not as $expected from the plan: $J"
			return
		fi
	done
	if [ -n "$updater" ] && [ "$n_upd" -gt 0 ]; then
		set_result PASS "Deskpro's cron runs as $expected, and its updater (--auto-updater) as $updater: $J"
	elif [ -n "$updater" ]; then
		set_result PASS "Deskpro's cron runs as $expected; no line runs the updater (--auto-updater), so updates are manual: $J"
	else
		set_result PASS "Deskpro's cron runs as $expected: $J"
	fi
}
