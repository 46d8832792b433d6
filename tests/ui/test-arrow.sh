#!/bin/sh
# UI tests, as TAP: fewer bytes for slow links (issue 13). --arrow-cursor
# (or arrow_cursor = yes in the config file) marks the cursor's row with
# '>' in the column left of the rows instead of a reverse bar, and a move
# only moves the marker; a status message stays until another replaces it
# or the screen changes (a key that changes nothing there writes nothing).
. "${PF_SRCDIR:-.}/tests/ui/ui-lib.sh"

start_server || { echo "1..0 # SKIP portail-famille-demo did not start"; exit 0; }
REV=$(printf '\033\\[[0-9;]*7[0-9;]*m')

# marked NAME ERE: the line starting with '>' matches ERE.
marked() { screen "$1" | grep '^>' | grep -Eq -- "$2"; }

run_ui arrow PORTAIL_FAMILLE_PASSWORD=demo -- --url "$URL" --user demo --arrow-cursor
wait_for arrow "Famille : MARTIN"
keys arrow p
wait_for arrow "Total à régler : +181,99"
if marked arrow "F2022-0912"; then ok "the cursor's row is marked with >"; else
	not_ok "the cursor's row is marked with >"; screen arrow | sed 's/^/#   |/'; fi
if [ "$(screen arrow | grep -c '^>')" -eq 1 ]; then ok "one marker"; else not_ok "one marker"; fi
if ! screen_e arrow | grep -E "F2022-0912" | grep -q "$REV"; then ok "no reverse bar on it"; else
	not_ok "no reverse bar on it"; fi
keys arrow j
sleep 0.3
if marked arrow "F2022-0388" && [ "$(screen arrow | grep -c '^>')" -eq 1 ]; then
	ok "j: the marker moves to the next invoice"
else
	not_ok "j: the marker moves to the next invoice"; screen arrow | sed 's/^/#   |/'
fi
$T pipe-pane -t arrow -o "cat >>$tmp/arrow.tty"
sleep 0.3
keys arrow Space
check_screen "Space toggles the marked row" arrow "Total à régler : +226,11"
sleep 0.3
$T pipe-pane -t arrow
# The attributes change without switching the character set (ESC ( B):
# the interface never uses the alternate one.
if [ -s "$tmp/arrow.tty" ] && ! grep -q "$(printf '\033')(B" "$tmp/arrow.tty"; then
	ok "a toggle writes no ESC ( B"
else
	not_ok "a toggle writes no ESC ( B"; od -c "$tmp/arrow.tty" | head -5 | sed 's/^/#   /'
fi
keys arrow Q
wait_for arrow "Quitter"
keys arrow o
wait_exit arrow && ok "arrow: quits" || not_ok "arrow: quits"

# The config file's arrow_cursor = yes, without the option.
mkdir -p "$tmp/config/portail-famille"
printf 'arrow_cursor = yes\n' >"$tmp/config/portail-famille/config"
run_ui conf PORTAIL_FAMILLE_PASSWORD=demo -- --url "$URL" --user demo
wait_for conf "Famille : MARTIN"
keys conf p
wait_for conf "Total à régler : +181,99"
if marked conf "F2022-0912"; then ok "arrow_cursor = yes in the config file"; else
	not_ok "arrow_cursor = yes in the config file"; screen conf | sed 's/^/#   |/'; fi
keys conf q q
rm -f "$tmp/config/portail-famille/config"

# A message outlives the keys that do not replace it.
run_ui msg PORTAIL_FAMILLE_PASSWORD=demo -- --url "$URL" --user demo
wait_for msg "Famille : MARTIN"
keys msg p
wait_for msg "Total à régler : +181,99"
keys msg /
text msg "zzz"
keys msg Enter
check_screen "a search that finds nothing says so" msg "« zzz » : introuvable"
keys msg j Space
sleep 0.4
if screen msg | tail -n 1 | grep -q "« zzz » : introuvable"; then
	ok "after j and Space the message is still there"
else
	not_ok "after j and Space the message is still there"; screen msg | tail -n 1 | sed 's/^/#   |/'
fi
keys msg 3
check_screen "a screen change: Ma famille" msg "Accueil » Ma famille"
sleep 0.3
if ! screen msg | tail -n 1 | grep -q "introuvable"; then ok "the message goes with its screen"; else
	not_ok "the message goes with its screen"; fi
keys msg q q o
stop_server
ui_done
