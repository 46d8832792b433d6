#!/bin/sh
# The interface's language (issue 11, item 12), as TAP, in tmux: French by
# default (the locale names no language), English with LANGUAGE=en — the
# program's own words; the portal's stay as the portal wrote them.
. "${PF_SRCDIR:-.}/tests/ui/ui-lib.sh"

# quit_asked NAME QUESTION: q on the home page, asked QUESTION, o: quits.
quit_asked() {
	keys "$1" q
	wait_for "$1" "$2"
	keys "$1" o
	if wait_exit "$1" && [ "$(exit_status "$1")" = 0 ] && restored "$1"; then
		ok "$1: quits cleanly once asked"
	else
		not_ok "$1: quits cleanly once asked"
	fi
}

demo_session fr -- --demo
keys fr '?'
check_screen "French: the help's own words" fr "Partout"
check_screen "French: a key's words" fr "écran précédent"
keys fr q p
check_screen "French: the portal's words as served" fr "MAIRIE SERVICE ENFANCE JEUNESSE"
check_screen "French: the invoice screen's legend" fr "Entrée : payer les factures cochées"
check_screen "French: its keys on the status line" fr "Espace cocher  a régie  Entrée payer"
keys fr Enter
check_screen "French: the payment's confirmation" fr "Payer 181,99 € \\?"
check_screen "French: its buttons" fr "\\[o\\] payer"
keys fr n
check_screen "French: the answer" fr "Paiement annulé"
# The quit question: the selection changed (one invoice unchecked).
keys fr Space
wait_for fr "Total à régler : +0,00"
keys fr Q
check_screen "French: the quit question" fr "Quitter \\?"
check_screen "French: its text, one invoice" fr "La sélection modifiée \\(1 facture, 36,00 €\\) sera perdue"
check_screen "French: its buttons" fr "o : quitter   \\[n\\] rester"
keys fr n
keys fr 1
quit_asked fr "Quitter"

demo_session en LANGUAGE=en -- --demo
keys en '?'
check_screen "English: the help's own words" en "Everywhere"
check_screen "English: a key's words" en "previous screen"
keys en q 6
check_screen "English: the portal's menu stays the portal's" en "Mon compte"
keys en p
check_screen "English: the invoice screen's legend" en "Enter: pay the checked invoices of the régie"
check_screen "English: its keys on the status line" en "Space check  a régie  Enter pay"
check_screen "English: the portal's column headers stay French" en "Montant dû"
keys en Enter
check_screen "English: the payment's confirmation" en "Pay 181,99 €\\?"
check_screen "English: its buttons" en "\\[o\\] pay"
if ! screen en | grep -q "Montant :\\|annuler\\|n : "; then ok "English: no French left in the dialog"; else
	not_ok "English: no French left in the dialog"; screen en | sed 's/^/#   |/'; fi
keys en n
check_screen "English: the answer" en "Payment cancelled"
keys en Space
wait_for en "Total à régler : +0,00"
keys en Q
check_screen "English: the quit question" en "Quit\\?"
check_screen "English: its text, one invoice" en "The changed selection \\(1 invoice, 36,00 €\\) will be lost"
check_screen "English: its buttons" en "o: quit   \\[n\\] stay"
keys en n
keys en 1
quit_asked en "Quit"

ui_done
