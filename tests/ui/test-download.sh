#!/bin/sh
# UI tests (in French, the default) of d on the invoice screen (issue 12
# §4), as TAP, in tmux against the demo portal: the invoice's PDF saved in
# $XDG_DOWNLOAD_DIR, mode 0600, the status line saying where; d again
# leaves it as it is; a row without a document says so; the help lists d;
# with no $XDG_DOWNLOAD_DIR, ~/Téléchargements (xdg-user-dir answering
# $HOME); a maintenance page instead of the PDF is said on the status line.
. "${PF_SRCDIR:-.}/tests/ui/ui-lib.sh"

mkdir -p "$tmp/dl"
start_server || { echo "1..0 # SKIP portail-famille-demo did not start"; exit 0; }

login() {
	wait_for "$1" "Mot de passe"
	text "$1" "demo"
	keys "$1" Enter
	wait_for "$1" "Famille : MARTIN"
}

run_ui main "XDG_DOWNLOAD_DIR=$tmp/dl" -- --url "$URL" --user demo
login main
keys main p
check_screen "the invoices" main "F2022-0912 .*181,99"
check_screen "the legend says what d does" main "d : enregistrer le PDF de la facture dans Téléchargements"
keys main d
check_screen "d: the status line says where the PDF went" main \
	"Facture F2022-0912 enregistrée : $tmp/dl/Facture_F2022-0912.pdf"
f=$tmp/dl/Facture_F2022-0912.pdf
if [ -f "$f" ] && [ "$(head -c 5 "$f")" = "%PDF-" ]; then ok "the PDF is in \$XDG_DOWNLOAD_DIR"; else not_ok "the PDF is in \$XDG_DOWNLOAD_DIR"; fi
if [ "$(stat -c %a "$f" 2>/dev/null)" = 600 ]; then ok "its mode is 0600"; else not_ok "its mode is 0600"; fi
printf 'mine\n' >"$f"
keys main d
# (The status line holds 80 columns: the path may be cut.)
check_screen "d again: already saved, said so" main "Facture F2022-0912 : déjà enregistrée sous $tmp/dl/Fact"
if [ "$(cat "$f")" = mine ]; then ok "the file already there is left as it is"; else not_ok "the file already there is left as it is"; fi
keys main j
keys main d
check_screen "a row without a document: said on the status line" main \
	"Facture F2022-0388 : le portail n'en propose aucun document"
keys main j d
check_screen "the CENTRE DE LOISIRS' PDF icon too" main "Facture CL2022-0457 enregistrée : $tmp/dl/CL2022-0457.pdf"
if [ "$(ls -A "$tmp/dl" | grep -c '^\.')" = 0 ]; then ok "no temporary file left"; else not_ok "no temporary file left"; fi
keys main '?'
check_screen "the help lists d among the invoice keys" main "^ *d +enregistrer le PDF de la facture dans Téléchargements$"
keys main q
check_screen "q closes the help" main "Vous êtes ici : Accueil » Mon compte » Détail financier par facture"
keys main q
quit_ui main

# No $XDG_DOWNLOAD_DIR: xdg-user-dir (when installed) answers $HOME, so
# ~/Téléchargements.
mkdir -p "$tmp/home/Téléchargements"
run_ui home -- --url "$URL" --user demo
login home
keys home p
wait_for home "F2022-0912 .*181,99"
keys home d
check_screen "HOME: saved in ~/Téléchargements" home \
	"Facture F2022-0912 enregistrée : ~/Téléchargements/Facture_F2022-0912.pdf"
if [ -f "$tmp/home/Téléchargements/Facture_F2022-0912.pdf" ]; then ok "the file is there"; else not_ok "the file is there"; fi
keys home q
quit_ui home

start_server --fault maintenance=document || { echo "1..0 # SKIP"; exit 0; }
run_ui fault "XDG_DOWNLOAD_DIR=$tmp/dl" -- --url "$URL" --user demo
login fault
keys fault p
wait_for fault "F2022-0912 .*181,99"
rm -f "$tmp/dl"/*
keys fault d
check_screen "a web page instead of the PDF: said on the status line" fault \
	"document de la facture F2022-0912 : le portail a répondu par une page web"
if [ -z "$(ls -A "$tmp/dl")" ]; then ok "nothing saved"; else not_ok "nothing saved"; fi
keys fault q
quit_ui fault

ui_done
