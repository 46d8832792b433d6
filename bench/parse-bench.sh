#!/bin/sh
# Parse time of `portail-famille parse invoices` next to tidy's own parse of
# the same page without diagnostics, at 100, 1,000 and 10,000 invoices.
# A benchmark, not a test: it prints figures and fails only if a parse does.
#   bench/parse-bench.sh [path/to/portail-famille] [runs]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-_build/default/src/portail-famille}
runs=${2:-7}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

command -v tidy >/dev/null || { echo "tidy (Debian package tidy) is needed" >&2; exit 1; }

# Median wall time of a command, in milliseconds.
median_ms() {
	i=0
	: >"$tmp/times"
	while [ $i -lt "$runs" ]; do
		start=$(date +%s%N)
		"$@" >/dev/null 2>&1 || true
		end=$(date +%s%N)
		echo $(((end - start) / 1000)) >>"$tmp/times"
		i=$((i + 1))
	done
	sort -n "$tmp/times" | awk '{ t[NR] = $1 } END { printf "%.1f", t[int((NR + 1) / 2)] / 1000 }'
}

# Instructions (valgrind --tool=callgrind) do not depend on the machine's
# load, unlike wall time on a shared machine.
instructions() {
	valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
		sed -n 's/.*Collected : *\([0-9]*\).*/\1/p; s/.*I *refs: *\([0-9,]*\).*/\1/p' | tr -d , | tail -1
}

printf '%-10s %10s %12s %12s %8s' invoices bytes "ours (ms)" "tidy (ms)" ratio
command -v valgrind >/dev/null && printf ' %14s %14s %8s' "ours (Minstr)" "tidy (Minstr)" ratio
printf '\n'
for n in 100 1000 10000; do
	page="$tmp/invoices-$n.html"
	sh "$here/gen-invoices.sh" "$n" >"$page"
	count=$("$bin" parse invoices "$page" --json | grep -c '"number"')
	[ "$count" -eq "$n" ] || { echo "parse found $count invoices, expected $n" >&2; exit 1; }
	ours=$(median_ms "$bin" parse invoices "$page" --json)
	theirs=$(median_ms tidy -q -e --show-warnings no --show-errors 0 "$page")
	ratio=$(awk -v a="$ours" -v b="$theirs" 'BEGIN { printf "%.2f", a / b }')
	printf '%-10s %10s %12s %12s %8s' "$n" "$(wc -c <"$page")" "$ours" "$theirs" "$ratio"
	if command -v valgrind >/dev/null; then
		ours_i=$(instructions "$bin" parse invoices "$page" --json)
		theirs_i=$(instructions tidy -q -e --show-warnings no --show-errors 0 "$page")
		printf ' %14s %14s %8s' "$((ours_i / 1000000))" "$((theirs_i / 1000000))" \
			"$(awk -v a="$ours_i" -v b="$theirs_i" 'BEGIN { printf "%.2f", a / b }')"
	fi
	printf '\n'
done
echo "(median of $runs runs; ours = read file, charset, tidy parse, tree, invoices, JSON)"
