# Helpers of the UI tests (sourced by tests/ui/test-*.sh): TAP lines, the
# standalone demo portal, the program in a tmux pane of its own, and waits
# that poll the screen up to a deadline ($PF_UI_TIMEOUT seconds, default
# 15), never fixed sleeps. Skips the whole script (1..0) when tmux, curl or
# the demo portal is missing.
set -u
LC_ALL=C.UTF-8
export LC_ALL

n=0
failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }
diag() { printf '%s\n' "$@" | sed 's/^/# /'; }

: "${PF_BIN:?PF_BIN must name the portail-famille binary (make check sets it)}"
command -v tmux >/dev/null 2>&1 || { echo "1..0 # SKIP tmux not installed"; exit 0; }
command -v curl >/dev/null 2>&1 || { echo "1..0 # SKIP curl not installed"; exit 0; }
DEMO=
for cand in "${PF_DEMO_PORTAL:-}" "${PF_BIN%/src/portail-famille}/src/demo/portail-famille-demo" \
            ./src/demo/portail-famille-demo; do
	if [ -n "$cand" ] && [ -x "$cand" ]; then DEMO=$cand; break; fi
done
[ -n "$DEMO" ] || { echo "1..0 # SKIP portail-famille-demo not built"; exit 0; }

TIMEOUT=${PF_UI_TIMEOUT:-15}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/test-ui.XXXXXX") || exit 1
SOCK="pf-ui-test-$$"
T="tmux -L $SOCK"
server_pid=
cleanup() {
	$T kill-server 2>/dev/null
	exec 3>&- 2>/dev/null
	if [ -n "$server_pid" ]; then
		kill "$server_pid" 2>/dev/null
		wait "$server_pid" 2>/dev/null
	fi
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

ESC=$(printf '\033')

# ---- the demo portal ----

# start_server ARGS...: a fresh server; sets URL (its login page).
nserver=0
start_server() {
	stop_server
	nserver=$((nserver + 1))
	mkfifo "$tmp/stdin.$nserver"
	"$DEMO" "$@" <"$tmp/stdin.$nserver" >"$tmp/url.$nserver" 2>"$tmp/server.err" &
	server_pid=$!
	exec 3>"$tmp/stdin.$nserver"
	i=0
	while [ ! -s "$tmp/url.$nserver" ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
	URL=$(head -n 1 "$tmp/url.$nserver")
	[ -n "$URL" ]
}
# demo_stats: the running server's counters and request log, as JSON.
demo_stats() { curl -s --max-time 5 "${URL%/v4/login.php5}/__demo/stats"; }
# stat_of KEY: one of those counters (needs jq).
stat_of() { demo_stats | jq -r ".$1"; }
# invoice_reads: how many times the invoice page was asked for (needs jq).
invoice_reads() {
	demo_stats |
		jq -r '[.log[] | select(.method == "GET" and (.path | test("compte_factures")))] | length'
}
stop_server() {
	[ -n "$server_pid" ] || return 0
	exec 3>&-
	wait "$server_pid" 2>/dev/null
	server_pid=
}

# ---- the terminal ----

mkdir -p "$tmp/home" "$tmp/state" "$tmp/config"
# A server of our own, kept alive by a idle session; panes stay after their
# program exits so that exit status and last screen can be read.
$T -f /dev/null new-session -d -s keep -x 80 -y 24 "sleep 3600" || {
	echo "1..0 # SKIP tmux cannot start a server here"; exit 0; }
$T set -g remain-on-exit on
$T set -g set-clipboard on
$T set -g history-limit 0

# run_ui NAME ENV... -- ARGS...: starts the program in a new 80x24 window;
# the shell around it (which outlives a Ctrl-C sent to the pane) records
# stty before and after, and the exit status, then keeps the pane alive
# (a dead pane's cursor and screen are tmux's, not the program's);
# the program's pid is in $tmp/NAME.pid (see ui_pid).
run_ui() {
	name=$1
	shift
	envs=
	while [ "$1" != "--" ]; do envs="$envs '$1'"; shift; done
	shift
	args=
	for a in "$@"; do args="$args '$a'"; done
	cat >"$tmp/$name.sh" <<EOF
trap true INT
stty -g >"$tmp/$name.stty-before"
env -i PATH="$PATH" HOME="$tmp/home" XDG_STATE_HOME="$tmp/state" \\
    XDG_CONFIG_HOME="$tmp/config" LANG=C.UTF-8 TERM=xterm-256color \\
    LANGUAGE="${PF_UI_LANGUAGE:-fr}" PORTAIL_FAMILLE_LOCALEDIR="${PORTAIL_FAMILLE_LOCALEDIR:-}" \\
    ASAN_OPTIONS="\${ASAN_OPTIONS:-}" UBSAN_OPTIONS="\${UBSAN_OPTIONS:-}" \\
    $envs sh -c 'echo \$\$ >"\$0"; exec "\$@"' "$tmp/$name.pid" "$PF_BIN" $args 2>"$tmp/$name.stderr"
rc=\$?
stty -g >"$tmp/$name.stty-after"
echo "exit=\$rc" >"$tmp/$name.exit"
exec sleep 3600
EOF
	$T new-session -d -s "$name" -x 80 -y 24 "sh $tmp/$name.sh"
}

screen() { $T capture-pane -p -t "$1"; }
screen_e() { $T capture-pane -p -e -t "$1"; }
keys() { t=$1; shift; $T send-keys -t "$t" "$@"; }
text() { $T send-keys -t "$1" -l "$2"; }

# wait_for NAME ERE: polls the screen until a line matches.
wait_for() {
	i=0
	limit=$((TIMEOUT * 10))
	while [ $i -lt $limit ]; do
		if screen "$1" | grep -Eq -- "$2"; then return 0; fi
		sleep 0.1
		i=$((i + 1))
	done
	diag "timeout waiting for /$2/ on $1:"
	screen "$1" | sed 's/^/#   |/'
	return 1
}
# check_screen DESC NAME ERE
check_screen() {
	if wait_for "$2" "$3"; then ok "$1"; else not_ok "$1"; fi
}
# wait_exit NAME: until the program left (the pane is dead).
wait_exit() {
	i=0
	while [ $i -lt $((TIMEOUT * 10)) ]; do
		[ -s "$tmp/$1.exit" ] && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
exit_status() { sed -n 's/^exit=//p' "$tmp/$1.exit"; }
restored() {
	[ -s "$tmp/$1.stty-before" ] && cmp -s "$tmp/$1.stty-before" "$tmp/$1.stty-after" &&
		[ "$($T display -p -t "$1" '#{alternate_on}')" = 0 ]
}
# no_colour NAME: no SGR colour (30-37, 40-47, 90-97, 100-107, 38;/48;).
no_colour() {
	! screen_e "$1" | grep -Eq "$ESC\\[([0-9;]*;)?(3[0-8]|4[0-8]|9[0-7]|10[0-7])(;|m)"
}
has_colour() { ! no_colour "$1"; }

# quit_ui NAME: q back to Accueil, q, and "o" to the question the selection
# the portal served raises; the program must leave cleanly.
quit_ui() {
	keys "$1" q q o
	if wait_exit "$1" && [ "$(exit_status "$1")" = 0 ] && restored "$1"; then
		ok "$1: quits cleanly"
	else
		not_ok "$1: quits cleanly"
		diag "exit: $(cat "$tmp/$1.exit" 2>/dev/null)" "$(cat "$tmp/$1.stderr" 2>/dev/null)"
	fi
}

# demo_session NAME ENV... -- ARGS...: on the in-process demo portal, logged
# in without a prompt (the demo's credentials are public).
demo_session() {
	run_ui "$@"
	wait_for "$1" "Famille : MARTIN"
}

# ui_pid NAME: the program's pid, once it started.
ui_pid() {
	i=0
	while [ ! -s "$tmp/$1.pid" ] && [ $i -lt $((TIMEOUT * 10)) ]; do sleep 0.1; i=$((i + 1)); done
	cat "$tmp/$1.pid" 2>/dev/null
}

# ui_done: the plan line, and the script's status.
ui_done() {
	echo "1..$n"
	[ "$failed" -eq 0 ]
}
