#!/bin/sh
# UI tests, as TAP: keys typed ahead never pay (issue 9, item 2). Keys
# pressed while a page loads are kept and replayed once it is there, but
# the key that starts a payment must be pressed with the invoices on the
# screen, and the confirmation takes its answer only from keys pressed
# while it is shown: what sat in the terminal's input queue when it
# appeared is thrown away. Every case ends with the demo portal's counters:
# no Règlement was posted unless the user answered a visible question.
. "${PF_SRCDIR:-.}/tests/ui/ui-lib.sh"

command -v jq >/dev/null 2>&1 || { echo "1..0 # SKIP jq not installed"; exit 0; }

# Every page takes 700 ms: keys sent with "p" arrive long before the list.
start_server --latency-ms 700 || { echo "1..0 # SKIP portail-famille-demo did not start"; exit 0; }
no_reglement() {
	if [ "$(stat_of reglement_posts)" = 0 ]; then ok "$1"; else
		not_ok "$1"; diag "reglement_posts: $(stat_of reglement_posts)"; fi
}

run_ui ta PORTAIL_FAMILLE_PASSWORD=demo -- --url "$URL" --user demo
wait_for ta "Famille : MARTIN"

# ---- p Enter Enter, typed during the load ----

keys ta p Enter Enter
check_screen "the invoices come, the type-ahead after them" ta "Total à régler : +181,99"
check_screen "a typed-ahead Enter does not open the payment" ta \
	"Entrée tapée avant l'affichage des factures : ignorée"
if ! screen ta | grep -q "Payer 181,99"; then ok "no confirmation opened by type-ahead"; else
	not_ok "no confirmation opened by type-ahead"; fi
no_reglement "p Enter Enter: no Règlement posted"

# Enter pressed with the list on the screen: the question, waiting.
keys ta Enter
check_screen "Enter on the visible list asks first" ta "Payer 181,99 € \\?"
keys ta n
check_screen "n: not paid" ta "Paiement annulé"
no_reglement "n: no Règlement posted"

# ---- Enter o, both in the terminal's queue before the question shows ----

# Stopped, the program cannot read: both keys wait in the terminal's input
# queue. A round trip through the tmux server makes sure they were written.
pid=$(ui_pid ta)
kill -STOP "$pid"
keys ta Enter o
$T display -p -t ta '#{pane_pid}' >/dev/null
$T display -p -t ta '#{pane_pid}' >/dev/null
kill -CONT "$pid"
check_screen "Enter on the visible list opens the question" ta "Payer 181,99 € \\?"
# The queued "o" is dropped when the question first shows, and said so:
# once that is on the screen, nothing else is in flight.
check_screen "the o queued before it showed is dropped, and said so" ta \
	"Touche tapée avant l'affichage de la question : ignorée"
no_reglement "the queued o did not answer the question"
if screen ta | grep -q "Payer 181,99 € ?"; then ok "the question still waits for an answer"; else
	not_ok "the question still waits for an answer"; fi

# A visible answer pays: the guard does not swallow real keys. It is the
# one question of the payment (issue 11): the portal's confirm() on the way
# is answered by it, the payment URL comes next.
keys ta o
check_screen "o on the visible question: the payment URL" ta "Adresse du paiement"
if [ "$(stat_of reglement_posts)" = 1 ]; then ok "one Règlement posted"; else
	not_ok "one Règlement posted"; diag "reglement_posts: $(stat_of reglement_posts)"; fi
if ! screen ta | grep -q "Le portail demande"; then ok "no second question"; else
	not_ok "no second question"; fi
keys ta q
wait_for ta "Total à régler : +181,99"

keys ta q q o
if wait_exit ta && [ "$(exit_status ta)" = 0 ] && restored ta; then ok "quits cleanly"; else
	not_ok "quits cleanly"; diag "exit: $(cat "$tmp/ta.exit" 2>/dev/null)"; fi
stop_server

# ---- the background reading after login (issue 12 §1) ----
# Still under way when a key asks for something: the same reading is taken
# over (the invoice page asked for once), another request makes it give
# way, and Esc cancels the request waiting for its turn.

start_server --latency-ms 700 || { echo "1..0 # SKIP portail-famille-demo did not start"; exit 0; }
run_ui bg PORTAIL_FAMILLE_PASSWORD=demo -- --url "$URL" --user demo
wait_for bg "Famille : MARTIN"
keys bg p
check_screen "p during the background reading: its progress dialog" bg "Lecture des factures"
check_screen "then the invoices" bg "Total à régler : +181,99"
reads=$(invoice_reads)
if [ "$reads" = 1 ]; then ok "the background reading taken over: the invoice page read once"
else not_ok "the background reading taken over: the invoice page read once (read $reads times)"; fi
quit_ui bg
stop_server

start_server --latency-ms 700 || { echo "1..0 # SKIP portail-famille-demo did not start"; exit 0; }
run_ui bg2 PORTAIL_FAMILLE_PASSWORD=demo -- --url "$URL" --user demo
wait_for bg2 "Famille : MARTIN"
keys bg2 3
check_screen "3 during the background reading: Ma famille comes" bg2 "Vous êtes ici : Accueil » Ma famille"
keys bg2 1
wait_for bg2 "Famille : MARTIN"
if ! screen bg2 | grep -q "facture.* en retard"; then
	ok "the reading that gave way left no reminder"; else
	not_ok "the reading that gave way left no reminder"; fi
keys bg2 p
check_screen "p then reads the invoices itself" bg2 "Total à régler : +181,99"
quit_ui bg2

famille_reads() {
	demo_stats | jq -r '[.log[] | select(.path | test("famille"))] | length'
}
famille_before=$(famille_reads)
run_ui bg3 PORTAIL_FAMILLE_PASSWORD=demo -- --url "$URL" --user demo
wait_for bg3 "Famille : MARTIN"
keys bg3 3 Escape
check_screen "Esc on a request waiting for its turn: cancelled" bg3 "Page indisponible : annulé"
sleep 2 # the background reading's end, which the cancelled request waited for
famille_reads=$(($(famille_reads) - famille_before))
if [ "$famille_reads" = 0 ]; then ok "the cancelled request never reached the portal"
else not_ok "the cancelled request never reached the portal ($famille_reads requests)"; fi
quit_ui bg3
stop_server

ui_done
