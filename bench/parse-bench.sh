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

printf '%-10s %10s %12s %12s %8s\n' invoices bytes "ours (ms)" "tidy (ms)" ratio
for n in 100 1000 10000; do
	page="$tmp/invoices-$n.html"
	sh "$here/gen-invoices.sh" "$n" >"$page"
	count=$("$bin" parse invoices "$page" --json | grep -c '"number"')
	[ "$count" -eq "$n" ] || { echo "parse found $count invoices, expected $n" >&2; exit 1; }
	ours=$(median_ms "$bin" parse invoices "$page" --json)
	theirs=$(median_ms tidy -q -e --show-warnings no --show-errors 0 "$page")
	ratio=$(awk -v a="$ours" -v b="$theirs" 'BEGIN { printf "%.2f", a / b }')
	printf '%-10s %10s %12s %12s %8s\n' "$n" "$(wc -c <"$page")" "$ours" "$theirs" "$ratio"
done
echo "(median of $runs runs; ours = read file, charset, tidy parse, tree, invoices, JSON)"
