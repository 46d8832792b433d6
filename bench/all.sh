#!/bin/sh
# `make bench`: every benchmark in one run, as one table, also written to
# docs/benchmarks.md with the machine it ran on. Not a test.
#   bench/all.sh [path/to/portail-famille] [output.md]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-_build/default/src/portail-famille}
out=${2:-$here/../docs/benchmarks.md}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "running the parse benchmark..." >&2
sh "$here/parse-bench.sh" "$bin" 5 >"$tmp/parse"
echo "running the network benchmark..." >&2
sh "$here/net-bench.sh" "$bin" >"$tmp/net"
echo "running the UI benchmark..." >&2
sh "$here/ui-bench.sh" "$bin" >"$tmp/ui"

# Peak memory of `invoices` on the demo portal (GNU time's %M, in kB).
peak_invoices=-
if [ -x /usr/bin/time ]; then
	peak_invoices=$(/usr/bin/time -f '%M' "$bin" --demo invoices --json 2>&1 >/dev/null | tail -1)
	page10k=$tmp/10k.html
	sh "$here/gen-invoices.sh" 10000 >"$page10k"
	peak_parse10k=$(/usr/bin/time -f '%M' "$bin" parse invoices "$page10k" --json 2>&1 >/dev/null | tail -1)
fi

row() { printf '| %s | %s | %s | %s |\n' "$1" "$2" "$3" "$4"; }
parse_row() {
	line=$(grep "^$1 " "$tmp/parse")
	set -- $line
	row "parse $1 invoices ($2 bytes): wall ms" "$3" "tidy $4" "$5"
	[ $# -ge 8 ] && row "parse $1 invoices: million instructions" "$6" "tidy $7" "$8"
	return 0
}
net_value() { grep "^$1" "$tmp/net" | awk -v f="$2" '{ print $(NF - 3 + f) }'; }
ui_value() { grep "$1" "$tmp/ui" | awk '{ print $(NF - 1) }'; }

{
	echo "# Benchmarks"
	echo
	echo "Produced by \`make bench\` (bench/all.sh) on $(date -u '+%Y-%m-%d %H:%M UTC'),"
	echo "$(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1),"
	echo "$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM, $(uname -sr)."
	echo "Wall times are medians of 5 runs on a shared machine; instruction counts"
	echo "(valgrind --tool=callgrind) do not depend on its load."
	echo
	row "measure" "portail-famille" "reference" "ratio"
	row "---" "---:" "---:" "---:"
	parse_row 100
	parse_row 1000
	parse_row 10000
	row "login → invoices → payment URL: requests" "$(net_value portail 1)" "curl $(net_value 'plain curl' 1)" ""
	row "login → invoices → payment URL: bytes on the wire" "$(net_value portail 2)" "curl $(net_value 'plain curl' 2)" ""
	row "login → invoices → payment URL: wall s" "$(net_value portail 3)" "curl $(net_value 'plain curl' 3)" ""
	row "terminal bytes, one toggle at 80×24" "$(ui_value 'toggle F2022-0388')" "aim ≤ 64" ""
	row "terminal bytes, cursor down" "$(ui_value 'cursor down')" "" ""
	row "terminal bytes, screen change (Ma famille)" "$(ui_value 'Ma famille')" "full screen" ""
	row "peak memory, invoices --json on the demo (kB)" "$peak_invoices" "" ""
	row "peak memory, parse of 10,000 invoices (kB)" "${peak_parse10k:--}" "" ""
	row "peak memory, UI session (kB)" "$(grep 'peak (VmHWM)' "$tmp/ui" | awk '{ print $(NF - 1) }')" "" ""
	echo
	echo "The network figures use the demo portal's throttling: $(head -1 "$tmp/net" | sed 's/^link: //')."
	echo "portail-famille also logs out at the end (one request more than curl)."
} >"$tmp/table.md"

cat "$tmp/table.md"
mkdir -p "$(dirname "$out")"
cp "$tmp/table.md" "$out"
echo "(written to $out)" >&2
