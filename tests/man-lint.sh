#!/bin/sh
# The man page is clean under mandoc -Tlint, documents every option,
# command and exit code the program has, and no option it does not have.
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
# The reverse: every option the man page shows, as it renders (a word
# that Fl turned into "-word" by mistake included), is in --help.
# in_help OPTION: --help has it as a whole word.
in_help() {
	grep -q -- "\(^\|[ [(|]\)$1\([^a-z-]\|\$\)" "$tmp/help"
}
for option in $(grep -o 'Fl \\-[a-z\\-]*' "$man" | sed 's/^Fl /-/; s/\\-/-/g' | sort -u); do
	check "--help lists $option, which the man page documents" in_help "$option"
done
mandoc -Tascii "$man" | col -b >"$tmp/rendered"
for option in $(grep -o '\(^\|[ (\[|]\)--\?[a-z][a-z-]*' "$tmp/rendered" | sed 's/^[ (\[|]//' | sort -u); do
	check "--help lists $option, as the man page renders it" in_help "$option"
done
for command in invoices page pay parse check payments profiles download; do
	check "man page documents the $command command" grep -q "^\.It Cm $command" "$man"
done
# Every key of the interface's table (src/ui/keys.c) is in KEYS.
sed -n '/^\.Sh KEYS/,/^\.Sh /p' "$man" >"$tmp/keys-section"
sed -n '/bindings\[\] = {/,/^};/p' "$PF_SRCDIR/src/ui/keys.c" | sed "s/CTRL('.')//g" |
	grep -o "'[^'\\ ]'" | tr -d "'" | sort -u >"$tmp/keys"
while read -r key; do
	case $key in
	[1-7]) pattern='^\.It Ic 1 No \\(en Ic 7' ;;
	'?') pattern='Ic \\&?' ;;
	*) pattern="Ic $key\( \|\$\)" ;;
	esac
	check "man page KEYS lists the key $key" grep -q -- "$pattern" "$tmp/keys-section"
done <"$tmp/keys"
for code in 0 1 2 3 4 5 6 130 143; do
	check "man page documents exit code $code" grep -q "^\.It $code\$" "$man"
done
done_testing
