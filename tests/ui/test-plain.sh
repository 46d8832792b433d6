#!/bin/sh
# UI tests, as TAP: --plain, the screen-reader mode (issue 11, item 5),
# tried as a person with a screen reader would: the screen read line by
# line, every line meaningful alone — no box drawing (U+2500-U+257F), no
# symbols standing for words, each invoice one line whose fields are
# named, the terminal's cursor on the selected row, the pages' tables as
# rows of "Header : value".
. "${PF_SRCDIR:-.}/tests/ui/ui-lib.sh"

start_server || { echo "1..0 # SKIP portail-famille-demo did not start"; exit 0; }

# no_symbols NAME: nothing on the screen a screen reader reads as symbols.
no_symbols() { ! screen "$1" | grep -q '[─-╿✓►◄▶◀•…⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]\|\[x\]\|\[ \]'; }
# cursor_line NAME: the text of the line the terminal's cursor is on.
cursor_line() {
	y=$($T display -p -t "$1" '#{cursor_y}')
	screen "$1" | sed -n "$((y + 1))p"
}

run_ui plain PORTAIL_FAMILLE_PASSWORD=demo -- --url "$URL" --user demo --plain
wait_for plain "Famille : MARTIN"
keys plain p
check_screen "p: the invoices, each one line in words" plain \
	"F2022-0912 : solde 181,99 €, sélectionnée, en retard, échéance 30/09/2022"
if no_symbols plain; then ok "no box drawing, check marks, ellipses or brackets"; else
	not_ok "no box drawing, check marks, ellipses or brackets"; screen plain | sed 's/^/#   |/'; fi
if ! screen plain | grep -q "N° facture\|Sélection$"; then ok "no column header to follow"; else
	not_ok "no column header to follow"; fi
if screen plain | grep -q "CL2022-0315 : solde 0,00 €, payée, "; then ok "a paid invoice says payée"; else
	not_ok "a paid invoice says payée"; fi
if cursor_line plain | grep -q "F2022-0912 : "; then ok "the cursor rests on the selected row"; else
	not_ok "the cursor rests on the selected row: $(cursor_line plain)"; fi
keys plain j
sleep 0.3
if cursor_line plain | grep -q "F2022-0388 : solde 44,12 €, non sélectionnée"; then
	ok "j: the cursor follows to the next invoice, read alone"
else
	not_ok "j: the cursor follows to the next invoice: $(cursor_line plain)"
fi
keys plain Space
check_screen "Space: the row says sélectionnée" plain "F2022-0388 : solde 44,12 €, sélectionnée"
check_screen "and the total follows" plain "Total à régler : +226,11"
# The payment's confirmation: no frame around it.
keys plain Enter
check_screen "Enter: the confirmation" plain "Payer 226,11 € \\?"
if no_symbols plain; then ok "the confirmation has no frame"; else
	not_ok "the confirmation has no frame"; screen plain | sed 's/^/#   |/'; fi
keys plain n
wait_for plain "Paiement annulé"
# A page: its table as rows of named values.
keys plain 6
check_screen "Mon compte: a table row in words" plain "Régie : CENTRE DE LOISIRS, Solde : 36,00 €"
if no_symbols plain; then ok "Mon compte: no box drawing"; else
	not_ok "Mon compte: no box drawing"; screen plain | sed 's/^/#   |/'; fi
keys plain Q
wait_for plain "Quitter"
keys plain o
if wait_exit plain && [ "$(exit_status plain)" = 0 ]; then ok "plain: quits cleanly"; else
	not_ok "plain: quits cleanly"; fi
stop_server
ui_done
