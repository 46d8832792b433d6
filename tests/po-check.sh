#!/bin/sh
# The French catalogue is complete: it compiles with msgfmt's checks
# (format strings match), nothing is left untranslated or fuzzy, and every
# string the sources mark (po/xgettext-sources.sh) has its entry.
. "${PF_SRCDIR:-.}/tests/lib.sh"
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
po=$PF_SRCDIR/po/fr.po

if msgfmt -c --statistics -o "$tmp/fr.mo" "$po" 2>"$tmp/stats"; then
	ok "po/fr.po compiles, c-format checks pass"
else
	not_ok "po/fr.po compiles, c-format checks pass"
	sed 's/^/# /' "$tmp/stats"
fi
check "po/fr.po: nothing untranslated or fuzzy ($(cat "$tmp/stats"))" \
	sh -c '! grep -Eq "untranslated|fuzzy" "$1"' sh "$tmp/stats"
if (cd "$PF_SRCDIR" && sh po/xgettext-sources.sh) >"$tmp/pf.pot" 2>"$tmp/xgettext.err" &&
	msgcmp "$po" "$tmp/pf.pot" >"$tmp/msgcmp" 2>&1; then
	ok "every string marked in the sources is in po/fr.po"
else
	not_ok "every string marked in the sources is in po/fr.po (make update-po, then translate)"
	sed 's/^/# /' "$tmp/xgettext.err" "$tmp/msgcmp" | head -30
fi
done_testing
