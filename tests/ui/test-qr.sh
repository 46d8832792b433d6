#!/bin/sh
# UI tests, as TAP: the payment's QR code on small windows (issue 11,
# item 8). The full-screen code (v on the hand-off screen) is made for the
# window it is shown in: level M with the standard margin when it fits,
# else a smaller code (level L, a 2-module margin), else it says the size
# it needs. Under LANG=C it is drawn in ASCII and still fits 80x24.
. "${PF_SRCDIR:-.}/tests/ui/ui-lib.sh"

start_server || { echo "1..0 # SKIP portail-famille-demo did not start"; exit 0; }

# qr_rows NAME: the code's lines (each starts with its light margin).
qr_rows() { screen "$1" | grep -c '^ *██'; }

# to_handoff NAME: p, Enter, o — the served selection paid, the URL shown.
to_handoff() {
	wait_for "$1" "Famille : MARTIN" &&
		keys "$1" p && wait_for "$1" "Total . r.gler : +181,99" &&
		keys "$1" Enter && wait_for "$1" "Payer 181,99 (€|EUR) \\?" &&
		keys "$1" o && wait_for "$1" "Adresse du paiement"
}

run_ui qr PORTAIL_FAMILLE_PASSWORD=demo -- --url "$URL" --user demo
if to_handoff qr; then ok "p, Enter, o: the payment address"; else not_ok "p, Enter, o: the payment address"; fi
keys qr v
check_screen "v at 80x24: the code full screen" qr "Scannez avec votre téléphone"
rows=$(qr_rows qr)
if [ "$rows" -ge 15 ] && [ "$rows" -le 23 ]; then ok "80x24: $rows rows of code"; else
	not_ok "80x24: $rows rows of code"; screen qr | sed 's/^/#   |/'; fi
# A shorter window: the same address in a smaller code, never "too small".
$T resize-window -t qr -x 80 -y 22
keys qr C-l
check_screen "80x22: still a code" qr "Scannez avec votre téléphone"
rows22=$(qr_rows qr)
if [ "$rows22" -le 21 ] && [ "$rows22" -lt "$rows" ] || [ "$rows" -le 21 ]; then
	ok "80x22: $rows22 rows, within the window"
else
	not_ok "80x22: $rows22 rows, within the window"; screen qr | sed 's/^/#   |/'
fi
# Too small for any code: the size it needs, on one line that fits.
$T resize-window -t qr -x 60 -y 20
keys qr C-l
# (The address's length varies with the demo's port: the smallest code
# fits 19 rows or not.)
if wait_for qr "QR code demande [0-9]+×[0-9]+|Scannez" && {
	screen qr | grep -Eq "QR code demande [0-9]+×[0-9]+" || [ "$(qr_rows qr)" -le 19 ]; }; then
	ok "60x20: a code within the window, or the size it needs"
else
	not_ok "60x20: a code within the window, or the size it needs"; screen qr | sed 's/^/#   |/'
fi
keys qr q
$T resize-window -t qr -x 80 -y 24
check_screen "a key: back to the hand-off screen" qr "Adresse du paiement"
keys qr q q q o
wait_exit qr && [ "$(exit_status qr)" = 0 ] && ok "qr: quits cleanly" || not_ok "qr: quits cleanly"

# LANG=C: ASCII blocks, still within 80x24.
stop_server
start_server || not_ok "demo portal again"
mkdir -p "$tmp/state2"
# (a state of its own: the first run's hand-off record would ask "send again?")
run_ui ascii PORTAIL_FAMILLE_PASSWORD=demo LANG=C LC_ALL=C XDG_STATE_HOME="$tmp/state2" -- --url "$URL" --user demo
if to_handoff ascii; then ok "LANG=C: the payment address"; else not_ok "LANG=C: the payment address"; fi
keys ascii v
check_screen "LANG=C, v: the code" ascii "Scannez avec votre t"
arows=$(screen ascii | grep -c '^ *##')
if [ "$arows" -ge 15 ] && [ "$arows" -le 23 ] && ! screen ascii | grep -q '[█▀▄]'; then
	ok "LANG=C: $arows rows of ASCII code in 80x24"
else
	not_ok "LANG=C: $arows rows of ASCII code in 80x24"; screen ascii | sed 's/^/#   |/'
fi
keys ascii q q q q o
stop_server
ui_done
