#!/bin/sh
# UI tests (in French, the default) of the reminders and the payment history, as TAP, in tmux
# against the demo portal's "current" family (due dates counted from
# today): the invoice due within 7 days marked "~" as the overdue one is
# marked "!", the home screen's "1 invoice to pay before DD/MM" from the
# launch on (the invoices read in the background after login, and that
# reading shown by p: not asked twice), and Mon compte's payment history
# screen (H).
. "${PF_SRCDIR:-.}/tests/ui/ui-lib.sh"

command -v jq >/dev/null 2>&1 || { echo "1..0 # SKIP jq not installed"; exit 0; }

start_server --family current || { echo "1..0 # SKIP portail-famille-demo did not start"; exit 0; }
soon=$(date -d '+3 days' +%d/%m)
run_ui main -- --url "$URL" --user demo
wait_for main "Mot de passe"
text main "demo"
keys main Enter
check_screen "login: Accueil" main "Famille : MARTIN"
check_screen "Accueil at launch: 1 invoice to pay before $soon, unasked" main \
	"1 facture à payer avant le $soon"
check_screen "Accueil at launch: 1 overdue invoice" main "1 facture en retard"

keys main p
check_screen "p shows the invoices read in the background" main "F2022-0912"
reads=$(invoice_reads)
if [ "$reads" = 1 ]; then ok "the invoice page was read once, not again for p"
else not_ok "the invoice page was read once, not again for p (read $reads times)"; fi
check_screen "invoices: the one due in 3 days is marked ~" main "F2022-0912 .*[0-9]{2}/[0-9]{2}/[0-9]{4} ~"
check_screen "invoices: the overdue one is still marked !" main "F2022-0388 .*[0-9]{2}/[0-9]{2}/[0-9]{4} !"
if screen main | grep -q "CL2022-0457 .*[0-9] [~!]"; then not_ok "the invoice due in 20 days is not marked"
else ok "the invoice due in 20 days is not marked"; fi
keys main G
check_screen "the legend says what ~ means" main "~ à payer sous 7 jours"

keys main r
check_screen "r reads them again: now asked twice" main "Factures relues : rien n'a changé"
reads=$(invoice_reads)
if [ "$reads" = 2 ]; then ok "r asked the portal again"
else not_ok "r asked the portal again (read $reads times)"; fi

keys main 1
check_screen "Accueil: 1 invoice to pay before $soon" main "1 facture à payer avant le $soon"
check_screen "Accueil: 1 overdue invoice" main "1 facture en retard"

keys main 6
check_screen "Mon compte offers the payment history" main "> Historique des règlements \\(H"
keys main H
check_screen "H opens the history screen" main "Vous êtes ici : Accueil » Mon compte » Historique des règlements"
check_screen "the history page's payments, French amounts read" main "03/11/2025 +1 234,56 € +Prélèvement"
check_screen "an impossible date is said" main "ligne 3 : .*31/02/2025"
keys main G
check_screen "the year's sums per régie" main "Total réglé en 2025 : 1 464,55 €"
keys main q
check_screen "q goes back to Mon compte" main "Vous êtes ici : Accueil » Mon compte$"
keys main Enter
check_screen "Enter on the entry line opens it too" main "Historique des règlements$"
keys main q q
quit_ui main

start_server --history none || { echo "1..0 # SKIP"; exit 0; }
run_ui nohist -- --url "$URL" --user demo
wait_for nohist "Mot de passe"
text nohist "demo"
keys nohist Enter
wait_for nohist "Famille : MARTIN"
keys nohist 6
wait_for nohist "Payment history"
keys nohist H
check_screen "a portal without history: the screen says so" nohist "le portail ne montre aucun"
keys nohist q
quit_ui nohist

ui_done
