#!/bin/sh
# Memory of an interface session on the demo portal (login, the seven
# menu screens, the invoices, a toggle, a hand-off up to the payment
# address), run in tmux at 80x24: the peak resident set (VmHWM) and, at
# the end, the private dirty memory (smaps_rollup: what this process alone
# costs the machine). Next to it, plain curl fetching the login page, and
# libcurl's own floor (bench/libcurl-floor.c: libcurl loaded as the
# program loads it, initialised, one GET of the same page).
# Prints "key value" lines (kB). A benchmark, not a test.
#   bench/mem-bench.sh [path/to/portail-famille]
# With MEM_BENCH_SMAPS=FILE, the session's /proc/PID/smaps at the end is
# copied to FILE, for bench/smaps-sum.sh.
set -u
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
bin=${1:-_build/default/src/portail-famille}
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
demo=${bin%/src/portail-famille}/src/demo/portail-famille-demo
# A binary just linked has page-cache pages not yet written back, which
# smaps counts as private dirty until they are: write them back first.
sync
# The interface in French, its default, with the build tree's catalogue.
localedir=${PORTAIL_FAMILLE_LOCALEDIR:-${bin%/src/portail-famille}/po/locale}
command -v tmux >/dev/null 2>&1 || { echo "mem-bench: tmux is needed" >&2; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/mem-bench.XXXXXX") || exit 1
T="tmux -L pf-mem-bench-$$"
cleanup() {
	$T kill-server 2>/dev/null
	bench_stop_demo
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

bench_start_demo "$demo" "$tmp" || exit 1
echo "curl.peak $(peak_kb curl -s -o /dev/null --compressed "$DEMO_URL")"
# The libcurl the program loads: the one its configure found (config.h).
soname=$(sed -n 's/^#define PF_CURL_SONAME "\(.*\)"$/\1/p' "${bin%/src/portail-famille}/config.h" 2>/dev/null)
if ${CC:-cc} -O2 $(pkg-config --cflags libcurl 2>/dev/null) -o "$tmp/libcurl-floor" \
	"$here/libcurl-floor.c" -ldl 2>"$tmp/floor.err"; then
	"$tmp/libcurl-floor" "${soname:-libcurl.so.4}" "$DEMO_URL" || echo "mem-bench: libcurl floor failed" >&2
else
	echo "mem-bench: cannot build bench/libcurl-floor.c: $(cat "$tmp/floor.err")" >&2
fi

mkdir -p "$tmp/home"
$T -f /dev/null new-session -d -s ui -x 80 -y 24 \
	"exec env -i PATH=\"$PATH\" HOME=$tmp/home XDG_STATE_HOME=$tmp/home XDG_CONFIG_HOME=$tmp/home \
	 LANG=C.UTF-8 TERM=xterm-256color PORTAIL_FAMILLE_PASSWORD=demo \
	 LANGUAGE=fr PORTAIL_FAMILLE_LOCALEDIR=\"$localedir\" \
	 \"$bin\" --url \"$DEMO_URL\" --user demo"
pid=$($T display -p -t ui '#{pane_pid}')
wait_for() {
	i=0
	while [ $i -lt 200 ]; do
		$T capture-pane -p -t ui | grep -Eq -- "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	echo "mem-bench: timeout waiting for $1" >&2
	exit 1
}
wait_for "Famille : MARTIN"
for k in 2 3 4 5 6 7 1; do
	$T send-keys -t ui $k
	sleep 0.4
done
wait_for "Famille : MARTIN"
$T send-keys -t ui p
wait_for "F2022-0912"
$T send-keys -t ui j Space
sleep 0.5
$T send-keys -t ui Enter
wait_for "Payer "
$T send-keys -t ui o
wait_for "paiementws.web"
sleep 0.5
echo "ui.peak $(sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\).*/\1/p' "/proc/$pid/status")"
echo "ui.rss $(sed -n 's/^VmRSS:[[:space:]]*\([0-9]*\).*/\1/p' "/proc/$pid/status")"
echo "ui.private_dirty $(sed -n 's/^Private_Dirty:[[:space:]]*\([0-9]*\).*/\1/p' "/proc/$pid/smaps_rollup")"
[ -n "${MEM_BENCH_SMAPS:-}" ] && cp "/proc/$pid/smaps" "$MEM_BENCH_SMAPS"
$T send-keys -t ui q
