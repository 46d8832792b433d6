# TAP helpers for the shell tests (sourced). Each test script calls
# `plan N` or `done_testing`, then `ok`/`not_ok` per case.
tap_count=0
tap_failed=0

# The program's words in English (the msgids) unless a test asks for
# French: no test depends on the machine's locale. (French is the
# program's default; tests/e2e-language.sh checks it.)
LANGUAGE=en
export LANGUAGE

ok() {
	tap_count=$((tap_count + 1))
	echo "ok $tap_count - $*"
}

not_ok() {
	tap_count=$((tap_count + 1))
	tap_failed=$((tap_failed + 1))
	echo "not ok $tap_count - $*"
}

# check DESCRIPTION COMMAND...: ok when the command succeeds.
check() {
	desc=$1
	shift
	if "$@"; then ok "$desc"; else not_ok "$desc"; fi
}

# expect_exit CODE DESCRIPTION: $status, the last run's exit status, is
# CODE; else the first lines of $tmp/err are shown.
expect_exit() {
	if [ "$status" -eq "$1" ]; then
		ok "$2 (exit $1)"
	else
		not_ok "$2 (exit $status, expected $1)"
		sed 's/^/# stderr: /' "$tmp/err" | head -5
	fi
}

diag() {
	printf '%s\n' "$@" | sed 's/^/# /'
}

done_testing() {
	echo "1..$tap_count"
	[ "$tap_failed" -eq 0 ]
}

: "${PF_BIN:?PF_BIN must name the portail-famille binary (make check sets it)}"
: "${PF_FIXTURES:?PF_FIXTURES must name tests/fixtures (make check sets it)}"
tmp=$(mktemp -d)
trap 'stop_demo; rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM

# ---- the demo portal, for end-to-end tests ----
# start_demo ARGS...: a fresh standalone demo portal (src/demo/portail-famille-demo
# next to $PF_BIN's build tree); sets DEMO_URL (its login page), DEMO_BASE
# and PAYFIP (the card-payment stand-in's base URL). Its stdin is a pipe we
# hold open: stop_demo closes it and the server exits.
demo_pid=
demo_count=0
start_demo() {
	stop_demo
	demo_count=$((demo_count + 1))
	demo_bin=${PF_DEMO_PORTAL:-${PF_BIN%/src/portail-famille}/src/demo/portail-famille-demo}
	mkfifo "$tmp/demo-in.$demo_count"
	"$demo_bin" "$@" <"$tmp/demo-in.$demo_count" >"$tmp/demo-url.$demo_count" 2>"$tmp/demo-err.$demo_count" &
	demo_pid=$!
	exec 9>"$tmp/demo-in.$demo_count"
	i=0
	while [ ! -s "$tmp/demo-url.$demo_count" ] && [ $i -lt 300 ]; do
		sleep 0.05
		i=$((i + 1))
	done
	DEMO_URL=$(head -n 1 "$tmp/demo-url.$demo_count")
	DEMO_BASE=${DEMO_URL%/v4/login.php5}
	PAYFIP=http://localhost:${DEMO_BASE##*:}
	[ -n "$DEMO_URL" ] || { diag "demo portal did not start: $(cat "$tmp/demo-err.$demo_count")"; return 1; }
}
stop_demo() {
	[ -n "$demo_pid" ] || return 0
	exec 9>&-
	wait "$demo_pid"
	demo_pid=
}
