# shellcheck shell=bash
# ---------------------------------------------------------------------------------------------
# Deskpro On-Premise (Docker): the audit's Docker checks. Added to the script after the common
# library when the plan runs Deskpro in Docker; recording, states, exit codes and the result
# block are the common library's.
#
# Everything `docker inspect`, nft, iptables, the log files and the HTTP answers return is
# hostile input: Docker prints it through Go templates that quote every string on its own line
# (printf "%q": no raw newline or quote can reach bash), bash matches it against fixed patterns,
# compares it with the plan's values and never evaluates it, runs it or writes it into a file
# anything reads as configuration. Values shown in the evidence pass through dk_show (a fixed
# character class, no run of dashes, so never a BEGIN/END line), and secret values are never
# shown at all.
# ---------------------------------------------------------------------------------------------

DK_MAX_SHOW=120

# dk_show TEXT -> J: TEXT for the evidence: letters, digits and . _ : / @ + = , > - only (anything
# else becomes ?), no two dashes in a row, no marker text, at most DK_MAX_SHOW characters.
dk_show() {
	local s=$1
	s=${s//[!A-Za-z0-9._:\/@+=,>-]/?}
	while [[ $s == *--* ]]; do s=${s//--/-}; done
	[ "${#s}" -le "$DK_MAX_SHOW" ] || s="${s:0:$DK_MAX_SHOW}..."
	# and the common library's marker removal (any spelling of BEGIN/END DESKPRO AUDIT RESULT)
	unmark "$s"
}

# gq_plain QUOTED -> J: the content of a Go-quoted string that holds no escape sequence; false
# otherwise (the caller treats such a value as unusual and never uses it as a path or a name).
gq_plain() {
	local re='^"([^"\\]*)"$'
	[[ $1 =~ $re ]] || return 1
	J=${BASH_REMATCH[1]}
}

# One docker inspect per container and run: every field the checks read, one tagged line each,
# strings Go-quoted. Cached in the private temporary directory (names are checked words).
DK_TEMPLATE='run {{.State.Running}}{{"\n"}}image {{printf "%q" .Config.Image}}{{"\n"}}net {{printf "%q %t" .HostConfig.NetworkMode .HostConfig.PublishAllPorts}}{{"\n"}}ns {{printf "%t %q %q %q" .HostConfig.Privileged .HostConfig.NetworkMode .HostConfig.PidMode .HostConfig.IpcMode}}{{"\n"}}restart {{printf "%q" .HostConfig.RestartPolicy.Name}}{{"\n"}}{{range .Config.Env}}env {{printf "%q" .}}{{"\n"}}{{end}}{{range .HostConfig.CapAdd}}cap {{printf "%q" .}}{{"\n"}}{{end}}{{range .HostConfig.SecurityOpt}}opt {{printf "%q" .}}{{"\n"}}{{end}}{{range .Mounts}}mount {{printf "%q %q %q %t" .Type .Source .Destination .RW}}{{"\n"}}{{end}}{{range $p, $b := .NetworkSettings.Ports}}{{range $b}}port {{printf "%q %q %q" $p .HostIp .HostPort}}{{"\n"}}{{end}}{{end}}'

# dk_inspect CONTAINER TAG -> DK_LINES: the lines of that tag (without it). False, with the
# running check set to FAIL, when the container does not exist or is not running.
DK_LINES=()
dk_inspect() {
	local name=$1 tag=$2 f line
	DK_LINES=()
	[[ $name =~ ^[a-z0-9][a-z0-9_.-]{0,62}$ ]] || { set_result FAIL "Bad container name."; return 1; }
	f="$TMP/dk.$name"
	if [ ! -f "$f" ]; then
		if ! docker inspect --type container --format "$DK_TEMPLATE" -- "$name" >"$f.new" 2>"$TMP/d.err"; then
			first_line "$TMP/d.err"
			dk_show "$J"
			set_result FAIL "The container $name was not found (docker inspect: $J). Start the project, then run the audit again."
			rm -f -- "$f.new"
			return 1
		fi
		mv -- "$f.new" "$f"
	fi
	if ! grep -qx 'run true' -- "$f"; then
		set_result FAIL "The container $name is not running."
		return 1
	fi
	while IFS= read -r line; do
		[[ $line == "$tag "* ]] && DK_LINES+=("${line#"$tag "}")
	done <"$f"
	return 0
}

# dk_env CONTAINER -> DK_ENV (name -> Go-quoted value, without the quotes).
declare -A DK_ENV=()
dk_env() {
	local line re='^"([A-Za-z_][A-Za-z0-9_.]{0,127})=(.*)"$'
	DK_ENV=()
	dk_inspect "$1" env || return 1
	for line in "${DK_LINES[@]}"; do
		[[ $line =~ $re ]] || continue
		DK_ENV[${BASH_REMATCH[1]}]=${BASH_REMATCH[2]}
	done
}

# dk_mounts CONTAINER -> DK_M_TYPE, DK_M_SRC (Go-quoted), DK_M_DST (Go-quoted), DK_M_RW arrays.
DK_M_TYPE=()
DK_M_SRC=()
DK_M_DST=()
DK_M_RW=()
dk_mounts() {
	local line re='^("[^"\\]*(\\.[^"\\]*)*") ("[^"\\]*(\\.[^"\\]*)*") ("[^"\\]*(\\.[^"\\]*)*") (true|false)$'
	DK_M_TYPE=()
	DK_M_SRC=()
	DK_M_DST=()
	DK_M_RW=()
	dk_inspect "$1" mount || return 1
	for line in "${DK_LINES[@]}"; do
		[[ $line =~ $re ]] || continue
		DK_M_TYPE+=("${BASH_REMATCH[1]}")
		DK_M_SRC+=("${BASH_REMATCH[3]}")
		DK_M_DST+=("${BASH_REMATCH[5]}")
		DK_M_RW+=("${BASH_REMATCH[7]}")
	done
}

# dk_mounted CONTAINER-PATH: true when a mount has exactly this destination (after dk_mounts).
dk_mounted() {
	local i
	for i in "${!DK_M_DST[@]}"; do [ "${DK_M_DST[$i]}" = "\"$1\"" ] && return 0; done
	return 1
}

# dk_off VALUE: the (Go-quoted, unquoted) value of a switch means off.
dk_off() {
	case "$1" in '' | false | 0) return 0 ;; esac
	return 1
}

# dk_verdict PASS_BEFORE PASS_AFTER [FAIL_AFTER]: the result from the calling check's bad and good
# lists: FAIL with bad joined by '; ' (then FAIL_AFTER, default '.') when there is any, else PASS
# with good joined by ', ' between PASS_BEFORE and PASS_AFTER.
dk_verdict() {
	if [ "${#bad[@]}" -gt 0 ]; then
		join_items '; ' "${bad[@]}"
		set_result FAIL "$J${3:-.}"
	else
		join_items ', ' "${good[@]}"
		set_result PASS "$1$J$2"
	fi
}

check_docker_image() {
	local want=$1 c bad=() good=() got tag
	shift
	need docker || return
	for c in "$@"; do
		dk_inspect "$c" image || return
		if ! gq_plain "${DK_LINES[0]:-}"; then
			bad+=("$c runs an image with an unusual name")
			continue
		fi
		got=$J
		tag=${got##*:}
		[[ $got == *:* && $tag != */* ]] || tag=''
		dk_show "$got"
		if [ -z "$tag" ] || [ "${tag,,}" = latest ]; then
			bad+=("$c runs $J (no pinned tag: latest)")
		elif [ "$got" != "$want" ]; then
			bad+=("$c runs $J, not the planned $want")
		else
			good+=("$c")
		fi
	done
	dk_verdict '' ": $want."
}

check_docker_ports() {
	local never=() c='' w line p ip hp spec i bad=() seen=() mode all
	local -A want=() got=()
	local re='^"([0-9]{1,5}/(tcp|udp|sctp))" "([^"\\]*)" "([0-9]{0,5})"$'
	while [ "$#" -gt 0 ] && [[ $1 != @* ]]; do never+=("$1"); shift; done
	need docker || return
	while [ "$#" -gt 0 ]; do
		c=${1#@}
		shift
		want=()
		while [ "$#" -gt 0 ] && [[ $1 != @* ]]; do want[$1]=1; shift; done
		dk_inspect "$c" net || return
		mode=${DK_LINES[0]:-}
		dk_inspect "$c" port || return
		if [[ $mode == '"host" '* ]]; then
			bad+=("$c runs on the host's network: every port it listens on, ${never[*]} included, is open on the host")
			continue
		fi
		[[ $mode == *' true' ]] && bad+=("$c publishes every exposed port (publish-all)")
		got=()
		all=()
		for line in "${DK_LINES[@]}"; do
			if ! [[ $line =~ $re ]]; then
				bad+=("$c has a port binding this script cannot read")
				continue
			fi
			p=${BASH_REMATCH[1]}
			ip=${BASH_REMATCH[3]:-0.0.0.0}
			hp=${BASH_REMATCH[4]}
			# Docker publishes 0.0.0.0 on IPv6 too (as ::): that is the same binding
			if [ "$ip" = '::' ] && [ -n "${want[0.0.0.0:$hp->$p]:-}" ]; then continue; fi
			spec="$ip:$hp->$p"
			got[$spec]=1
			dk_show "$spec"
			all+=("$J")
			local forbidden=0
			for w in "${never[@]}"; do
				if [ "${p%/*}" = "$w" ]; then forbidden=1; bad+=("$c publishes port $w ($J), which must never be published"); fi
			done
			[ -n "${want[$spec]:-}" ] || [ "$forbidden" = 1 ] || bad+=("$c publishes $J, which the plan does not")
		done
		for w in "${!want[@]}"; do
			[ -n "${got[$w]:-}" ] || bad+=("$c does not publish the planned $w")
		done
		join_items ', ' "${all[@]}"
		seen+=("$c: ${J:-nothing}")
	done
	if [ "${#bad[@]}" -gt 0 ]; then
		join_items '; ' "${bad[@]}"
		set_result FAIL "$J."
	else
		join_items '; ' "${seen[@]}"
		set_result PASS "Published exactly as planned: $J; never ${never[*]}."
	fi
}

check_docker_env_off() {
	local vars=() c v val bad=() good=()
	while [ "$#" -gt 0 ] && [[ $1 != @* ]]; do vars+=("$1"); shift; done
	need docker || return
	for c in "$@"; do
		c=${c#@}
		dk_env "$c" || return
		dk_mounts "$c" || return
		for v in "${vars[@]}"; do
			if [ -n "${DK_ENV[$v]+x}" ]; then
				val=${DK_ENV[$v]}
				if dk_off "$val"; then good+=("$c $v=${val:-(empty)}"); else dk_show "$val"; bad+=("$c has $v=$J"); fi
			elif [ -n "${DK_ENV[${v}_FILE]+x}" ]; then
				bad+=("$c reads $v from a file (${v}_FILE), which this audit cannot see: write $v=false instead")
			elif dk_mounted "/run/secrets/$v"; then
				bad+=("$c has /run/secrets/$v mounted, which sets $v from a file")
			else
				good+=("$c $v absent")
			fi
		done
	done
	dk_verdict 'Off: ' '.' ' (must be absent or false).'
}

check_docker_secrets() {
	local c v f i bad=() good=() name re_secret='(PASS|PASSWORD|SECRET|TOKEN|APP_KEY)$'
	need docker || return
	while [ "$#" -gt 0 ]; do
		c=${1#@}
		shift
		dk_env "$c" || return
		dk_mounts "$c" || return
		local vars=()
		while [ "$#" -gt 0 ] && [[ $1 != @* ]]; do vars+=("$1"); shift; done
		for v in "${vars[@]}"; do
			if [ -n "${DK_ENV[$v]+x}" ]; then
				bad+=("$c has $v as a plain variable (its value is visible to docker inspect; not shown here)")
				continue
			fi
			if [ -n "${DK_ENV[${v}_FILE]+x}" ]; then
				f=${DK_ENV[${v}_FILE]}
				if ! [[ $f =~ ^/[A-Za-z0-9._/-]+$ ]]; then
					bad+=("$c has ${v}_FILE set to an unusual path")
				elif ! dk_mounted "$f"; then
					bad+=("$c has ${v}_FILE=$f, which is not a file mounted into the container")
				else
					good+=("$c $v from $f")
				fi
			elif dk_mounted "/run/secrets/$v"; then
				good+=("$c $v from /run/secrets/$v")
			else
				bad+=("$c is not given $v as a file (${v}_FILE)")
			fi
		done
		for name in "${!DK_ENV[@]}"; do
			[[ $name =~ $re_secret ]] || continue
			for v in "${vars[@]}"; do [ "$name" = "$v" ] && continue 2; done
			[ -n "${DK_ENV[$name]}" ] || continue
			bad+=("$c has $name as a plain variable (not shown here): give it as ${name}_FILE")
		done
	done
	dk_verdict 'Only files, no secret in the environment: ' '.'
}

# dk_secret_dest DEST: a mount destination that holds a secret or a private key.
dk_secret_dest() {
	[[ $1 == /run/secrets/* || $1 == /deskpro/ssl/private/* || $1 == /deskpro/ssl/*.key || $1 == /deskpro/config/*secret* ]]
}

check_docker_secret_mounts() {
	local c i dst src st bad=() good=() n=0
	need docker stat || return
	for c in "$@"; do
		dk_mounts "$c" || return
		for i in "${!DK_M_DST[@]}"; do
			gq_plain "${DK_M_DST[$i]}" || continue
			dst=$J
			dk_secret_dest "$dst" || continue
			n=$((n + 1))
			if [ "${DK_M_RW[$i]}" != false ]; then bad+=("$c mounts $dst writable"); fi
			if ! gq_plain "${DK_M_SRC[$i]}" || ! [[ $J =~ ^/[A-Za-z0-9._/@+-]+$ ]]; then
				bad+=("$c mounts $dst from a host path with unusual characters (check it by hand)")
				continue
			fi
			src=$J
			# the host file itself, never a symlink's target
			if ! st=$(stat -c '%u %a %F' -- "$src" 2>/dev/null); then
				bad+=("$c mounts $dst from $src, which this script cannot stat")
				continue
			fi
			case "$st" in
			'0 600 regular file' | '0 400 regular file' | '0 600 regular empty file' | '0 400 regular empty file') good+=("$dst (root, 0${st:2:3})") ;;
			*) dk_show "$st"; bad+=("$c mounts $dst from $src: $J (must be a regular file, owner root, mode 0600 or 0400)") ;;
			esac
		done
	done
	if [ "${#bad[@]}" -gt 0 ]; then
		join_items '; ' "${bad[@]}"
		set_result FAIL "$J."
	elif [ "$n" = 0 ]; then
		set_result FAIL "No secret or key file is mounted into ${*}: the secrets are not given as files."
	else
		join_items ', ' "${good[@]:0:$MAX_LIST}"
		[ "${#good[@]}" -gt "$MAX_LIST" ] && J="$J ... and $((${#good[@]} - MAX_LIST)) more"
		set_result PASS "$n secret and key files, read-only, root-owned, 0600/0400: $J."
	fi
}

check_docker_privileges() {
	local c line bad=() good=() caps opts i src dst
	need docker || return
	for c in "$@"; do
		dk_inspect "$c" ns || return
		line=${DK_LINES[0]:-}
		[[ $line == 'false '* ]] || bad+=("$c runs privileged")
		[[ $line == *' "host" '* || $line == *' "host"' ]] && bad+=("$c shares a namespace with the host (network, pid or ipc: host)")
		caps=()
		opts=0
		dk_inspect "$c" cap || return
		for line in "${DK_LINES[@]}"; do
			if [[ $line =~ ^\"([A-Za-z_]{1,40})\"$ ]]; then caps+=("${BASH_REMATCH[1]}"); else caps+=('?'); fi
		done
		dk_inspect "$c" opt || return
		for line in "${DK_LINES[@]}"; do
			case "$line" in '"no-new-privileges"' | '"no-new-privileges:true"' | '"no-new-privileges=true"') opts=1 ;; esac
		done
		if [ "${#caps[@]}" -gt 0 ]; then join_items ', ' "${caps[@]}"; bad+=("$c adds capabilities: $J"); fi
		[ "$opts" = 1 ] || bad+=("$c lacks no-new-privileges")
		dk_mounts "$c" || return
		for i in "${!DK_M_SRC[@]}"; do
			src=${DK_M_SRC[$i]}
			dst=${DK_M_DST[$i]}
			if [[ $src == *docker.sock\" || $dst == *docker.sock\" ]]; then bad+=("$c has the Docker socket mounted (root on the host)"); fi
		done
		good+=("$c")
	done
	dk_verdict '' ': not privileged, no added capabilities, no-new-privileges, no host namespace, no Docker socket.'
}

check_docker_runtime() {
	local logs=$1 c pol warn=() good=() i
	shift
	need docker || return
	for c in "$@"; do
		dk_inspect "$c" restart || return
		pol=${DK_LINES[0]:-}
		case "$pol" in
		'"unless-stopped"' | '"always"' | '"on-failure"') good+=("$c restart ${pol//\"/}") ;;
		*) dk_show "$pol"; warn+=("$c has no restart policy ($J)") ;;
		esac
		dk_mounts "$c" || return
		local logmnt=0
		for i in "${!DK_M_DST[@]}"; do
			if [ "${DK_M_DST[$i]}" = '"/deskpro/logs"' ]; then
				if [ "${DK_M_SRC[$i]}" = "\"$logs\"" ]; then logmnt=1; else logmnt=2; fi
			fi
		done
		case "$logmnt" in
		1) good+=("$c logs to $logs") ;;
		2) warn+=("$c exports its logs to another host directory than $logs") ;;
		*) warn+=("$c does not export its logs (nothing mounted at /deskpro/logs)") ;;
		esac
	done
	if [ "${#warn[@]}" -gt 0 ]; then
		join_items '; ' "${warn[@]}"
		set_result WARN "$J."
	else
		join_items ', ' "${good[@]}"
		set_result PASS "$J."
	fi
}

# dk_fw_drops PORT: the firewall drops new connections to host port PORT from anyone but the
# proxies: the nftables table's prerouting chain (after its accept rules), or DOCKER-USER.
dk_fw_drops() {
	local port=$1 re
	re="tcp dport (\\{[^}]*[ ,{]${port}[ ,}][^}]*\\}|${port}) drop$"
	if [ -s "$TMP/nft.txt" ] && grep -Eq -- "$re" "$TMP/nft.txt"; then return 0; fi
	[ -s "$TMP/ipt.txt" ] && grep -Eq -- "--ctorigdstport $port -j DROP$" "$TMP/ipt.txt"
}

check_docker_real_ip() {
	local c=$1 want=$2 table=$3 set='' via='' line p ip hp open=() lo=() bad=()
	local re='^"(80|443|9080|9443)/tcp" "([^"\\]*)" "([0-9]{1,5})"$'
	need docker || return
	dk_env "$c" || return
	if [ -n "${DK_ENV[HTTP_USER_REAL_IP_HEADER]+x}" ]; then
		set=${DK_ENV[HTTP_USER_REAL_IP_HEADER]}
	elif [ -n "${DK_ENV[HTTP_USER_REAL_IP_HEADER_FILE]+x}" ]; then
		set_result FAIL "$c reads HTTP_USER_REAL_IP_HEADER from a file, which this audit cannot see: write it in config.env."
		return
	fi
	if [ -z "$want" ]; then
		if [ -n "$set" ]; then
			dk_show "$set"
			set_result FAIL "$c trusts the client-IP header $J from anyone, but the plan has no proxy in front of it: remove HTTP_USER_REAL_IP_HEADER."
		else
			set_result PASS "$c trusts no client-IP header (clients connect directly)."
		fi
		return
	fi
	if [ -z "$set" ]; then
		set_result WARN "$c trusts no client-IP header, so it logs and rate-limits the proxy's address instead of the clients' (the plan sets HTTP_USER_REAL_IP_HEADER=$want)."
		return
	fi
	if [ "${set,,}" != "${want,,}" ]; then
		dk_show "$set"
		set_result FAIL "$c trusts the header $J; the plan trusts $want."
		return
	fi
	dk_inspect "$c" port || return
	for line in "${DK_LINES[@]}"; do
		[[ $line =~ $re ]] || continue
		p=${BASH_REMATCH[1]}
		ip=${BASH_REMATCH[2]:-0.0.0.0}
		hp=${BASH_REMATCH[3]}
		if [[ $ip == 127.* || $ip == ::1 ]]; then lo+=("$ip:$hp->$p"); else open+=("$hp"); fi
	done
	if [ "${#open[@]}" -eq 0 ]; then
		join_items ', ' "${lo[@]}"
		set_result PASS "$c trusts $want and is published on loopback only (${J:-nothing published}): only this host, the front proxy, reaches it."
		return
	fi
	: >"$TMP/nft.txt"
	: >"$TMP/ipt.txt"
	if command -v nft >/dev/null 2>&1 && nft list table inet "$table" >"$TMP/nft.raw" 2>/dev/null; then
		# only the prerouting chain of the planned table counts
		local in=0
		while IFS= read -r line; do
			line=${line#"${line%%[![:space:]]*}"}
			case "$line" in
			'chain prerouting {') in=1 ;;
			'}') in=0 ;;
			*) [ "$in" = 1 ] && printf '%s\n' "$line" >>"$TMP/nft.txt" ;;
			esac
		done <"$TMP/nft.raw"
		grep -q 'hook prerouting' "$TMP/nft.txt" || : >"$TMP/nft.txt"
		via="the nftables table inet $table"
	fi
	if command -v iptables >/dev/null 2>&1; then
		iptables -S DOCKER-USER >"$TMP/ipt.txt" 2>/dev/null || : >"$TMP/ipt.txt"
		[ -s "$TMP/ipt.txt" ] && via="${via:+$via or }the DOCKER-USER chain"
	fi
	for hp in "${open[@]}"; do
		dk_fw_drops "$hp" || bad+=("$hp")
	done
	if [ "${#bad[@]}" -gt 0 ]; then
		join_items ', ' "${bad[@]}"
		set_result FAIL "$c trusts $want from anyone, and host port $J is published beyond loopback with no firewall rule that keeps everyone but the proxies out (${via:-no nftables table inet $table, no DOCKER-USER rule}): anyone who reaches it can claim any client address."
	else
		join_items ', ' "${open[@]}"
		set_result PASS "$c trusts $want; host port $J is reachable only by the proxies ($via drops everyone else)."
	fi
}

check_http_xff_ignored() {
	local base=$1 dir=$2 name=$3 file token spoof size i line addr args=()
	need curl od || return
	front_page_ok "$base" || return
	file="$dir/$name"
	token=$(od -An -tx1 -N8 /dev/urandom) || return
	token=${token//[!0-9a-f]/}
	spoof="203.0.113.$((RANDOM % 250 + 2))"
	size=0
	if [ -f "$file" ] && [ ! -L "$file" ]; then size=$(stat -c %s -- "$file" 2>/dev/null || echo 0); fi
	url_join "$base" "/deskpro-audit-$token/"
	args=(--silent --noproxy '*' --max-time 15 --max-redirs 0 --proto '=http,https' -o /dev/null -w '%{http_code}' -H "X-Forwarded-For: $spoof")
	[ "$CURL_INSECURE" = 1 ] && args+=(--insecure)
	HTTP_CODE=$(curl -q "${args[@]}" -- "$J" 2>/dev/null) || true
	line=''
	for i in 1 2 3 4 5 6 7 8 9 10; do
		if [ -f "$file" ] && [ ! -L "$file" ]; then
			line=$(tail -c "+$((size + 1))" -- "$file" 2>/dev/null | head -c 1000000 | grep -F -m 1 -- "/deskpro-audit-$token/" | head -c 4000) || true
			[ -n "$line" ] && break
		fi
		sleep 1
	done
	if [ -z "$line" ]; then
		set_result MANUAL "Sent $J with X-Forwarded-For: $spoof (answer ${HTTP_CODE:-000}); no line for it appeared in $file within 10 s. Check Deskpro's access log (docker logs, or the exported logs) for that request: its user_remote_addr must not be $spoof."
		return
	fi
	if [[ $line =~ \"user_remote_addr\":\"([0-9A-Fa-f:.]{1,45})\" || $line =~ (^|[[:space:]])user_remote_addr=\"?([0-9A-Fa-f:.]{1,45}) ]]; then
		addr=${BASH_REMATCH[-1]}
	else
		set_result SKIP "The access log line for the test request in $file carries no readable user_remote_addr."
		return
	fi
	if [ "$addr" = "$spoof" ]; then
		set_result FAIL "A request through the proxy with a forged X-Forwarded-For: $spoof was logged by Deskpro as coming from $spoof: the forged address was believed."
	else
		set_result PASS "A request through the proxy with a forged X-Forwarded-For: $spoof was logged by Deskpro as coming from $addr."
	fi
}
