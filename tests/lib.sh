# TAP helpers for the shell tests (sourced). Each test script calls
# `plan N` or `done_testing`, then `ok`/`not_ok` per case.
tap_count=0
tap_failed=0

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
trap 'rm -rf "$tmp"' EXIT INT TERM
