#!/bin/sh
# --plain for screen readers, on the command line (issue 11, item 5):
# invoices and page read linearly, every line meaningful alone — no box
# drawing (U+2500-U+257F), no symbols standing for words (✓ ► […]), table
# rows as lines whose values are named by their column's header.
. "${PF_SRCDIR:-.}/tests/lib.sh"

PASSWORD=demo-pw
export HOME="$tmp/home" XDG_STATE_HOME="$tmp/state" XDG_CONFIG_HOME="$tmp/config"
mkdir -p "$HOME"
unset COLUMNS

pf() {
	PORTAIL_FAMILLE_PASSWORD=$PASSWORD "$PF_BIN" --url "$DEMO_URL" --user martin --timeout 5 \
		"$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	status=$?
}
# no_symbols FILE: no box drawing, no check marks, arrows or brackets.
no_symbols() {
	! LC_ALL=C.UTF-8 grep -q '[─-╿✓►◄▶◀•…]\|\[x\]\|\[ \]' "$1"
}

start_demo --user martin --password "$PASSWORD" || exit 1

pf invoices --plain
expect_exit 0 "invoices --plain"
check "no box drawing or symbols" no_symbols "$tmp/out"
check "one line per invoice, its fields named" grep -q \
	'^Invoice F2022-0912: balance 181,99 €, selected, overdue, due 30/09/2022, amount due 181,99 €, of 05/09/2022, document available$' \
	"$tmp/out"
check "an unchecked one says so" grep -q '^Invoice F2022-0388: balance 44,12 €, not selected, ' "$tmp/out"
check "a paid one says paid" grep -q '^Invoice CL2022-0315: balance 0,00 €, paid, due ' "$tmp/out"
check "the régie on a line of its own" grep -q '^Régie: CENTRE DE LOISIRS$' "$tmp/out"
check "its totals, named" grep -q '^Total to pay: 36,00 €$' "$tmp/out"
check "no column header line" sh -c "! grep -q '^ *Invoice no\\.  ' '$tmp/out'"
pf --plain invoices --regie centre
check "before the command too, with --regie" sh -c \
	"[ \$(grep -c '^Invoice ' '$tmp/out') = 2 ] && ! grep -q 'all régies' '$tmp/out'"
(LANGUAGE=fr; export LANGUAGE; pf invoices --plain)
check "in French" grep -q \
	'^Facture F2022-0912 : solde 181,99 €, sélectionnée, en retard, échéance 30/09/2022, montant dû 181,99 €, du 05/09/2022, document disponible$' \
	"$tmp/out"
pf invoices --plain --ascii
check "--plain --ascii: EUR, pure ASCII" sh -c \
	"grep -q 'balance 181,99 EUR, selected, overdue' '$tmp/out' && [ \$(LC_ALL=C tr -d '\\n -~' <'$tmp/out' | wc -c) -eq 0 ]"

pf payments --plain
expect_exit 0 "payments --plain"
check "a payment a line, its fields named" grep -q \
	'^Payment of 52,50 € on 15/07/2022, by Carte bancaire, régie CENTRE DE LOISIRS, reference TPA-2022-00315$' \
	"$tmp/out"
check "no --/--/---- for a payment without a date" sh -c \
	"! grep -q -- '--/--/' '$tmp/out'"
pf payments
# regie_columns FILE: how many different columns the régies start at.
regie_columns() {
	sed -n 's/\(MAIRIE\|CENTRE\).*//p' "$1" | while IFS= read -r prefix; do
		printf '%s' "$prefix" | LC_ALL=C.UTF-8 wc -L
	done | sort -u | wc -l
}
check "without --plain, the régies line up after a long means (Chèque vacances ANCV)" \
	[ "$(regie_columns "$tmp/out")" -eq 1 ]

pf page compte --plain
expect_exit 0 "page compte --plain"
check "no box drawing" no_symbols "$tmp/out"
check "a table row is one line, its values after their headers" \
	grep -q '^Régie : CENTRE DE LOISIRS, Solde : 36,00 €$' "$tmp/out"
check "headings without an underline" sh -c "grep -q '^Mon compte$' '$tmp/out'"
pf page compte
check "without --plain, the table has its columns" grep -q '│' "$tmp/out"
done_testing
