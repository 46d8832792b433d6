#!/bin/sh
# The man page is clean under mandoc -Tlint and documents every option,
# command and exit code the program has.
. "${PF_SRCDIR:-.}/tests/lib.sh"
man="$PF_SRCDIR/man/portail-famille.1"

mandoc -Tlint -Wwarning "$man" >"$tmp/lint" 2>&1
check "mandoc -Tlint -Wwarning is clean" [ ! -s "$tmp/lint" ]
sed 's/^/# /' "$tmp/lint"

"$PF_BIN" --help >"$tmp/help"
for option in $(grep -o -- '--[a-z][a-z-]*' "$tmp/help" | sort -u); do
	escaped=$(printf '%s' "${option#--}" | sed 's/-/\\\\-/g')
	if grep -q -- "Fl \\\\-$escaped" "$man"; then ok "man page documents $option"; else not_ok "man page documents $option"; fi
done
for command in invoices page pay parse; do
	check "man page documents the $command command" grep -q "^\.It Cm $command" "$man"
done
for code in 0 1 2 3 4 5 6 130 143; do
	check "man page documents exit code $code" grep -q "^\.It $code\$" "$man"
done
done_testing
