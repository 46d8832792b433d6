#!/bin/sh
# UI tests, as TAP: the keys users of less, mutt, tig and htop expect, and
# small windows (issue 11, items 7 and 9). Space pages down on text screens
# (and still checks an invoice), Q quits from any screen, → and l open like
# Enter, a slow Esc sequence still reads as one key, the header names "?
# Aide" once, `?` starts with the current screen's keys; a table row wider
# than the screen scrolls sideways (→ ← l h) and opens in full with Enter;
# 60x20 works, smaller windows get a refusal that fits them.
. "${PF_SRCDIR:-.}/tests/ui/ui-lib.sh"

# body_line NAME N: line N of the screen (1 = the top line).
body_line() { screen "$1" | sed -n "${2}p"; }

# ---- the header ----

# ESCDELAY 600 (honoured since set_escdelay no longer overrides it): the Esc
# test below stays far from its edge on a loaded machine.
demo_session main ESCDELAY=600 -- --demo
hdr=$(screen main | sed -n 1,2p)
if printf '%s\n' "$hdr" | grep -q "7 Mode d'emploi" &&
	[ "$(printf '%s\n' "$hdr" | grep -o "Aide" | wc -l)" -eq 1 ]; then
	ok "header: '? Aide' once, menu 7 is 'Mode d'emploi'"
else
	not_ok "header: '? Aide' once, menu 7 is 'Mode d'emploi'"
	diag "$hdr"
fi

# ---- help: the current screen's keys first ----

keys main '?'
wait_for main "» Aide du"
if body_line main 5 | grep -q "Listes, pages et tableaux" &&
	screen main | grep -Eq "PgDn Espace +page suivante"; then
	ok "? from a page: the lists' keys first, Space pages down"
else
	not_ok "? from a page: the lists' keys first, Space pages down"
	screen main | sed 's/^/#   |/'
fi
# Space pages down the help: its last section comes into view.
keys main Space Space Space
check_screen "Space pages down the help" main "o y +oui"
keys main q
wait_for main "Vous êtes ici : Accueil *$"

keys main p
wait_for main "Total à régler : +181,99"
keys main '?'
wait_for main "» Aide du"
if body_line main 5 | grep -q "Factures" && screen main | grep -Eq "Espace +cocher" &&
	screen main | grep -Eq "^ +a +cocher"; then
	ok "? from the invoices: Space and a on the first page"
else
	not_ok "? from the invoices: Space and a on the first page"
	screen main | sed 's/^/#   |/'
fi
keys main q
wait_for main "Total à régler : +181,99"
keys main j Space
check_screen "Space still checks an invoice on the invoice table" main "Total à régler : +226,11"
keys main Space
wait_for main "Total à régler : +181,99"

# ---- Esc sent apart from the rest of its sequence ----

# Over a slow link the bytes of an arrow (Esc O B) arrive apart: they are
# one key (Down), not Esc (back) and two letters. The gap is 40 ms, more
# than the old 25 ms delay (which ignored ESCDELAY), well under the 600 ms
# this session asks for.
keys main '?'
wait_for main "» Aide du"
keys main Escape
sleep 0.04
text main "OB"
keys main /
text main "oui"
keys main Enter
# Still on the help (the search found a row of it), not on the invoices.
check_screen "Esc then O B apart: one Down arrow, the help stays" main "» Aide du"
keys main q
wait_for main "Total à régler : +181,99"

# ---- Q quits from any screen ----

# A change of the user's to the served selection (F2022-0388 checked), so
# that quitting has something to ask about.
keys main p
wait_for main "Total à régler : +181,99"
keys main g j Space
wait_for main "Total à régler : +226,11"
keys main 5
wait_for main "Année scolaire 2022-2023"
keys main Q
check_screen "Q on a page asks about the selection the user changed" main "Quitter \\?"
keys main o
if wait_exit main && [ "$(exit_status main)" = 0 ] && restored main; then
	ok "Q then o: quits from a page, terminal restored"
else
	not_ok "Q then o: quits from a page, terminal restored"
fi

# ---- → and l; a wide table row ----

demo_session wide -- --demo
keys wide 6
wait_for wide "Derniers règlements"
# Line 6 of the text (under "> Payment history" and a blank line):
# "- Détail financier par facture [1]".
keys wide j j j j j l
check_screen "l on a link opens it, like Enter (the invoices)" wide "Total à régler : +181,99"
keys wide q
wait_for wide "Derniers règlements"
keys wide Right
check_screen "→ on a link opens it too" wide "Total à régler : +181,99"
keys wide q 5
wait_for wide "Année scolaire 2022-2023"
if screen wide | grep -q "Validée"; then
	not_ok "80 columns: the last columns of Mes inscriptions are off screen"
else
	ok "80 columns: the last columns of Mes inscriptions are off screen"
fi
# Line 8: the first row of the table (Léo, Restaurant scolaire).
keys wide j j j j j j j Enter
check_screen "Enter on a cut row: every cell with its header" wide "Période : du 01/09/2022 au 07/07/2023"
if screen wide | grep -q "Lieu : Groupe scolaire Louis Pasteur" &&
	screen wide | grep -q "Enfant : Léo"; then
	ok "the row's other cells, Header : value"
else
	not_ok "the row's other cells, Header : value"
fi
keys wide q
wait_for wide "Année scolaire 2022-2023"
keys wide l
check_screen "l on a line without a link scrolls right" wide "│ Jours  "
keys wide h
wait_for wide "Enfant"
if screen wide | grep -q "│ Jours"; then not_ok "h scrolls back left"; else ok "h scrolls back left"; fi
keys wide h
check_screen "h at the left edge: back, as Esc" wide "Vous êtes ici : Accueil *$"

# ---- small windows ----

$T resize-window -t wide -x 60 -y 20
keys wide p
check_screen "60x20: the invoices, not a refusal" wide "Total à régler : +181,99"
if screen wide | grep -Eq "Solde dû : +226,11$" && screen wide | grep -q "F2022-0912" &&
	! screen wide | grep -q "Agrandissez"; then
	ok "60x20: whole amounts and numbers, no wrapped line"
else
	not_ok "60x20: whole amounts and numbers, no wrapped line"
	screen wide | sed 's/^/#   |/'
fi
if screen wide | sed -n 5p | grep -q "MAIRIE SERVICE ENFANCE JEUNESSE"; then
	ok "60x20: the first régie's heading above its first invoice"
else
	not_ok "60x20: the first régie's heading above its first invoice"
fi
if screen wide | sed -n 2p | grep -q "7 Emploi"; then ok "60x20: the whole menu bar"; else
	not_ok "60x20: the whole menu bar"; fi
$T resize-window -t wide -x 40 -y 10
check_screen "40x10: the refusal, its every line on the window" wide "^q : quitter\\.$"
$T resize-window -t wide -x 20 -y 5
check_screen "20x5: the refusal wrapped, q : quitter shown" wide "^q : quitter\.$"
$T resize-window -t wide -x 20 -y 4
check_screen "20x4: a shorter refusal that fits" wide "^Fenêtre trop petite$"
if screen wide | grep -q "^q : quitter$"; then ok "20x4: q : quitter shown"; else
	not_ok "20x4: q : quitter shown"; fi
$T resize-window -t wide -x 12 -y 3
check_screen "12x3: the shortest refusal" wide "^q quitter$"
$T resize-window -t wide -x 80 -y 24
wait_for wide "Total à régler : +181,99"
keys wide Q o
if wait_exit wide && [ "$(exit_status wide)" = 0 ] && restored wide; then
	ok "Q from the invoices quits"
else
	not_ok "Q from the invoices quits"
fi

ui_done
