#!/bin/sh
# UI tests, as TAP: what a new user trips over when paying (issue 11, items
# 1 and 2).
#
# One confirmation per payment: launch, p, Enter, o, and the payment URL is
# on the screen. The dialog says the amount, the régie and the invoices;
# the portal's confirm() met during the hand-off is not asked again (the
# user already confirmed the payment) but shown in the result. Every dialog
# shows the keys that apply to it.
#
# The invoice screen shows the portal's selection as served (checks of
# several régies stay checked); Enter pays the régie under the cursor and
# says the others are not paid this time; quitting asks only when the user
# changed the selection.
. "${PF_SRCDIR:-.}/tests/ui/ui-lib.sh"

command -v jq >/dev/null 2>&1 || { echo "1..0 # SKIP jq not installed"; exit 0; }

start_server || { echo "1..0 # SKIP portail-famille-demo did not start"; exit 0; }
# status_line NAME: the last line of the screen (hints or message).
status_line() { screen "$1" | tail -n 1; }

# ---- item 2: the selection as served ----

run_ui served PORTAIL_FAMILLE_PASSWORD=demo -- --url "$URL" --user demo
wait_for served "Famille : MARTIN"
keys served p
check_screen "the first régie's served check: Total à régler 181,99" served \
	"Total à régler : +181,99"
check_screen "the second régie's served check is kept: Total à régler 36,00" served \
	"Total à régler : +36,00"
if screen served | grep -Eq "CL2022-0457 .*\\[x\\]"; then ok "CL2022-0457 stays checked"; else
	not_ok "CL2022-0457 stays checked"; fi
if ! screen served | grep -q "Une régie à la fois"; then ok "no \"une régie à la fois\" on opening"; else
	not_ok "no \"une régie à la fois\" on opening"; fi
# Space on a row of the second régie changes that régie's total only.
keys served j j Space
check_screen "Space on CL2022-0457: its régie's total is 0,00" served "Total à régler : +0,00"
if screen served | grep -Eq "Total à régler : +181,99"; then ok "the first régie's total is untouched"; else
	not_ok "the first régie's total is untouched"; fi
keys served Space
check_screen "Space again: 36,00" served "Total à régler : +36,00"
# Enter on the second régie pays it, and says the first is not paid now.
keys served Enter
check_screen "Enter on the second régie: its amount" served "Payer 36,00 € \\?"
if screen served | grep -q "Régie : CENTRE DE LOISIRS"; then ok "the confirmation names the régie"; else
	not_ok "the confirmation names the régie"; fi
if screen served | tr -d '\n' | sed 's/[│ ]\+/ /g' | grep -q "autres régies ne sont pas payées"; then
	ok "the confirmation says the other régies' checks are not paid this time"
else
	not_ok "the confirmation says the other régies' checks are not paid this time"
	screen served | sed 's/^/#   |/'
fi
keys served n
check_screen "n: cancelled" served "Paiement annulé"
# The cursor's régie with nothing checked: the one régie that has checks.
keys served Space
wait_for served "Total à régler : +0,00"
keys served Enter
check_screen "nothing checked under the cursor: the only checked régie is paid" served \
	"Payer 181,99 € \\?"
keys served Escape
wait_for served "Paiement annulé"
keys served Space
wait_for served "Total à régler : +36,00"
# The user's toggles came back to what was served: nothing to lose.
keys served 1
wait_for served "Famille : MARTIN"
keys served q
if wait_exit served && [ "$(exit_status served)" = 0 ]; then
	ok "q without a change of the selection quits without asking"
else
	not_ok "q without a change of the selection quits without asking"
	screen served | sed 's/^/#   |/'
fi

run_ui changed PORTAIL_FAMILLE_PASSWORD=demo -- --url "$URL" --user demo
wait_for changed "Famille : MARTIN"
keys changed p
wait_for changed "Total à régler : +36,00"
keys changed j Space
wait_for changed "Total à régler : +226,11"
keys changed 1
wait_for changed "Famille : MARTIN"
keys changed q
check_screen "q after a toggle asks first" changed "sera perdue"
keys changed o
if wait_exit changed && [ "$(exit_status changed)" = 0 ]; then ok "o: quits"; else not_ok "o: quits"; fi

# ---- item 1: one confirmation ----

run_ui once PORTAIL_FAMILLE_PASSWORD=demo -- --url "$URL" --user demo
wait_for once "Famille : MARTIN"
keys once p
wait_for once "Total à régler : +181,99"
keys once Enter
check_screen "Enter: one confirmation with the amount" once "Payer 181,99 € \\?"
if screen once | grep -q "Régie : MAIRIE SERVICE ENFANCE JEUNESSE" &&
	screen once | grep -q "F2022-0912"; then
	ok "it names the régie and the invoice"
else
	not_ok "it names the régie and the invoice"
fi
if screen once | grep -q "\\[o\\] payer"; then ok "its keys: [o] payer"; else not_ok "its keys: [o] payer"; fi
if status_line once | grep -q "o oui"; then ok "the status line shows its keys"; else
	not_ok "the status line shows its keys"; diag "$(status_line once)"; fi
keys once o
check_screen "o: the payment URL, no second question" once "Adresse du paiement \\(localhost\\)"
if screen once | tr -d '\n' | grep -q "Le portail a demandé : « Vous allez être redirigé"; then
	ok "the portal's confirm() of the hand-off is shown in the result"
else
	not_ok "the portal's confirm() of the hand-off is shown in the result"
fi
if [ "$(stat_of payments_started)" = 1 ]; then ok "one payment started"; else
	not_ok "one payment started"; diag "payments_started: $(stat_of payments_started)"; fi
keys once q
wait_for once "Total à régler : +181,99"
quit_ui once
stop_server

# ---- the keys of the progress box and of a message ----

start_server --latency-ms 1500 || not_ok "demo portal with slow pages"
run_ui slow PORTAIL_FAMILLE_PASSWORD=demo -- --url "$URL" --user demo
wait_for slow "Famille : MARTIN"
keys slow p
check_screen "the progress box says how to cancel" slow "Échap : annuler"
if status_line slow | grep -q "Échap : annuler" && ! status_line slow | grep -q "o oui"; then
	ok "the status line under the progress box: Échap : annuler, no o/n"
else
	not_ok "the status line under the progress box: Échap : annuler, no o/n"
	diag "$(status_line slow)"
fi
wait_for slow "Total à régler : +181,99"
quit_ui slow
stop_server

start_server --fault drop=reglement --fault times=1 || not_ok "demo portal dropping the Règlement"
run_ui lost PORTAIL_FAMILLE_PASSWORD=demo XDG_STATE_HOME="$tmp/state-lost" -- --url "$URL" --user demo
wait_for lost "Famille : MARTIN"
keys lost p
wait_for lost "Total à régler : +181,99"
keys lost Enter
wait_for lost "Payer 181,99"
keys lost o
check_screen "a message to acknowledge" lost "Paiement peut-être reçu"
if screen lost | grep -q "\\[Entrée\\] OK" && ! status_line lost | grep -q "o oui"; then
	ok "an OK-only message shows Entrée, not o oui n non"
else
	not_ok "an OK-only message shows Entrée, not o oui n non"
	diag "$(status_line lost)"
fi
keys lost Enter
wait_for lost "Total à régler : +181,99"
quit_ui lost
stop_server

ui_done
