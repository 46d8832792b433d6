#!/bin/sh
# UI benchmark (not a test): the bytes the interface writes to the terminal
# for one toggle of an invoice at 80x24 (aim: 64 or fewer), and the peak
# memory (VmHWM) of a whole UI session (login, every menu screen, the
# invoices, a hand-off). The program runs in tmux against the standalone
# demo portal; what it writes to its terminal is logged with pipe-pane.
#
# usage: bench/ui-bench.sh [path/to/portail-famille]
set -u
BIN=${1:-./src/portail-famille}
DEMO=${PF_DEMO_PORTAL:-$(dirname "$BIN")/../src/demo/portail-famille-demo}
# The French catalogue of the build tree: the interface speaks French.
LOCALEDIR=${PORTAIL_FAMILLE_LOCALEDIR:-$(cd "$(dirname "$BIN")/.." && pwd)/po/locale}
for tool in tmux; do
	command -v $tool >/dev/null 2>&1 || { echo "ui-bench: $tool is needed" >&2; exit 1; }
done
[ -x "$BIN" ] && [ -x "$DEMO" ] || { echo "ui-bench: build first (make)" >&2; exit 1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/ui-bench.XXXXXX") || exit 1
T="tmux -L pf-ui-bench-$$"
server=
cleanup() {
	$T kill-server 2>/dev/null
	exec 3>&- 2>/dev/null
	[ -n "$server" ] && wait "$server" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

mkfifo "$tmp/in"
"$DEMO" <"$tmp/in" >"$tmp/url" 2>/dev/null &
server=$!
exec 3>"$tmp/in"
i=0
while [ ! -s "$tmp/url" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
URL=$(head -n 1 "$tmp/url")
[ -n "$URL" ] || { echo "ui-bench: the demo portal did not start" >&2; exit 1; }

mkdir -p "$tmp/home"
$T -f /dev/null new-session -d -s ui -x 80 -y 24 \
	"exec env -i PATH=\"$PATH\" HOME=$tmp/home XDG_STATE_HOME=$tmp/home XDG_CONFIG_HOME=$tmp/home \
	 LANG=C.UTF-8 TERM=xterm-256color PORTAIL_FAMILLE_PASSWORD=demo \
	 LANGUAGE=fr PORTAIL_FAMILLE_LOCALEDIR=\"$LOCALEDIR\" \
	 \"$BIN\" --url \"$URL\" --user demo"
PID=$($T display -p -t ui '#{pane_pid}')
ui=ui # the session wait_for and measure look at

wait_for() {
	i=0
	while [ $i -lt 150 ]; do
		$T capture-pane -p -t "$ui" | grep -Eq -- "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	echo "ui-bench: timeout waiting for $1" >&2
	exit 1
}
size() { wc -c <"$tmp/tty" | tr -d ' '; }
# measure DESCRIPTION KEY EXPECT: bytes written between the key and the
# screen settling on EXPECT.
measure() {
	before=$(size)
	$T send-keys -t "$ui" "$2"
	wait_for "$3"
	sleep 0.4 # the loop wakes every 100 ms: let it settle
	after=$(size)
	printf '  %-40s %5d bytes\n' "$1" $((after - before))
	# PF_UI_BENCH_DUMP=PREFIX keeps each measure's bytes, to see where they go.
	[ -z "${PF_UI_BENCH_DUMP:-}" ] ||
		tail -c $((after - before)) "$tmp/tty" >"$PF_UI_BENCH_DUMP.$(echo "$1" | tr -c 'a-zA-Z0-9\n' _)"
}

wait_for "Famille : MARTIN"
for k in 2 3 4 5 6 7 1; do
	$T send-keys -t ui $k
	sleep 0.3
done
wait_for "Famille : MARTIN"
: >"$tmp/tty"
$T pipe-pane -t ui -o "cat >>$tmp/tty"
sleep 0.3
echo "Terminal output at 80x24 (TERM=xterm-256color, colours on):"
$T send-keys -t ui p
wait_for "Total à régler : +181,99"
sleep 0.4
measure "first Space on the invoice screen" Space "Total à régler : +0,00"
cp "$tmp/tty" "$tmp/first-space.tty"
measure "toggle it back (Space)" Space "Total à régler : +181,99"
$T send-keys -t ui j # to F2022-0388
sleep 0.5
measure "toggle F2022-0388 (Space)" Space "Total à régler : +226,11"
measure "toggle F2022-0388 back (Space)" Space "Total à régler : +181,99"
measure "cursor down (j)" j "CL2022-0457"
measure "cursor up (k)" k "F2022-0388"
measure "toggle the régie (a)" a "Total à régler : +226,11"
measure "screen change: Ma famille (3)" 3 "Accueil » Ma famille"
measure "screen change: back to the invoices (p)" p "Total à régler : +226,11"
$T pipe-pane -t ui

# The same screen with --arrow-cursor: a marker column, no reverse bar.
$T new-session -d -s arrow -x 80 -y 24 \
	"exec env -i PATH=\"$PATH\" HOME=$tmp/home XDG_STATE_HOME=$tmp/home XDG_CONFIG_HOME=$tmp/home \
	 LANG=C.UTF-8 TERM=xterm-256color PORTAIL_FAMILLE_PASSWORD=demo \
	 LANGUAGE=fr PORTAIL_FAMILLE_LOCALEDIR=\"$LOCALEDIR\" \
	 \"$BIN\" --url \"$URL\" --user demo --arrow-cursor"
main_session=ui
ui=arrow
wait_for "Famille : MARTIN"
$T send-keys -t arrow p
wait_for "Total à régler : +181,99"
sleep 0.4
: >"$tmp/tty"
$T pipe-pane -t arrow -o "cat >>$tmp/tty"
sleep 0.3
echo "With --arrow-cursor:"
measure "first Space on the invoice screen" Space "Total à régler : +0,00"
measure "cursor down (j)" j "^>"
measure "cursor down again (j)" j "^ +Solde|^>"
measure "cursor up (k)" k "^>"
measure "toggle (Space)" Space "Total à régler"
$T pipe-pane -t arrow
$T send-keys -t arrow q q o
ui=$main_session

# A hand-off, so the peak covers the whole flow.
$T send-keys -t ui Enter
wait_for "Payer 226,11"
$T send-keys -t ui o
wait_for "Adresse du paiement"
hwm=$(sed -n 's/^VmHWM:[[:space:]]*//p' "/proc/$PID/status" 2>/dev/null)
rss=$(sed -n 's/^VmRSS:[[:space:]]*//p' "/proc/$PID/status" 2>/dev/null)
echo "Memory of the UI session (login, 7 menu screens, invoices, hand-off):"
echo "  peak (VmHWM)                             ${hwm:-?}"
echo "  now (VmRSS)                              ${rss:-?}"
$T send-keys -t ui q 1 q o
