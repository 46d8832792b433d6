#!/bin/sh
# The program's language (issue 11, item 12): French when the locale names
# none (C, POSIX, C.UTF-8, nothing set), the language the environment asks
# for otherwise (LANGUAGE, then LC_ALL, LC_MESSAGES, LANG, even a locale not
# installed here), English msgids where no catalogue exists; French words
# folded to ASCII on an ASCII terminal, never '?'.
. "${PF_SRCDIR:-.}/tests/lib.sh"
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

fr='check : --days attend un nombre de jours de 0'
en='check: --days needs a number of days from 0'
# says ENV... EXPECTED DESCRIPTION: the message of a usage error, under
# exactly that environment.
says() {
	expected=$1 desc=$2
	shift 2
	env -i PATH="$PATH" PORTAIL_FAMILLE_LOCALEDIR="$PORTAIL_FAMILLE_LOCALEDIR" "$@" \
		"$PF_BIN" check --days many >/dev/null 2>"$tmp/err"
	status=$?
	if [ "$status" -eq 2 ] && grep -qF -- "$expected" "$tmp/err"; then
		ok "$desc"
	else
		not_ok "$desc (exit $status)"
		sed 's/^/# /' "$tmp/err"
	fi
}
says "$fr" "no locale set: French"
says "$fr" "LANG=C.UTF-8: French" LANG=C.UTF-8
says "$fr" "LC_ALL=POSIX: French" LC_ALL=POSIX
says "check : --days attend un nombre de jours de 0 a " "LANG=C: French, folded to ASCII" LANG=C
says "$en" "LANGUAGE=en LANG=C.UTF-8: English" LANGUAGE=en LANG=C.UTF-8
says "$en" "LANGUAGE=en LANG=C: English (LANGUAGE read although LC_MESSAGES is C)" LANGUAGE=en LANG=C
says "$en" "LANG=en_US.UTF-8 (installed or not): English" LANG=en_US.UTF-8
says "$en" "LC_ALL=en_GB.UTF-8 over LANG=fr_FR.UTF-8: English" LC_ALL=en_GB.UTF-8 LANG=fr_FR.UTF-8
says "$en" "LC_MESSAGES=de_DE.UTF-8 (no German catalogue): the English msgids" LC_MESSAGES=de_DE.UTF-8
says "$fr" "LANGUAGE=fr over LANG=en_US.UTF-8: French" LANGUAGE=fr LANG=en_US.UTF-8
says "$fr" "LANG=fr_FR.UTF-8 (installed or not): French" LANG=fr_FR.UTF-8

# The French words reach an ASCII terminal folded, not as '?' or raw bytes.
env -i PATH="$PATH" PORTAIL_FAMILLE_LOCALEDIR="$PORTAIL_FAMILLE_LOCALEDIR" LANG=C \
	"$PF_BIN" check --days many 2>"$tmp/err"
check "LANG=C: the French message is pure ASCII" sh -c '! LC_ALL=C grep -q "[^ -~]" "$1"' sh "$tmp/err"

# After a page was parsed too: tidy asks the system locale itself
# (setlocale(LC_ALL, "") from its thread), which put LC_MESSAGES back to C
# and the rest of a LANG=C run in English.
env -i PATH="$PATH" PORTAIL_FAMILLE_LOCALEDIR="$PORTAIL_FAMILLE_LOCALEDIR" LANG=C \
	"$PF_BIN" parse invoices "$PF_SRCDIR/tests/fixtures/invoices/seed.html" >"$tmp/out" 2>&1
check "LANG=C, after parsing a page: still French" grep -q "^No de la facture .*Echeance" "$tmp/out"
env -i PATH="$PATH" PORTAIL_FAMILLE_LOCALEDIR="$PORTAIL_FAMILLE_LOCALEDIR" LANG=C LANGUAGE=en \
	"$PF_BIN" parse invoices "$PF_SRCDIR/tests/fixtures/invoices/seed.html" >"$tmp/out" 2>&1
check "LANG=C LANGUAGE=en, after parsing a page: still English" grep -q "^Invoice no\." "$tmp/out"
done_testing
