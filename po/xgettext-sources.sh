#!/bin/sh
# Writes the catalogue template of every string the client shows (the
# demo portal is the portal's stand-in: French by nature, not translated)
# to stdout. Run from the top of the source tree.
set -eu
find src -name '*.c' ! -path 'src/demo/*' | LC_ALL=C sort |
	xargs xgettext --from-code=UTF-8 --language=C --keyword=_ --keyword=N_ \
		--keyword=ngettext:1,2 --add-comments=TRANSLATORS: --no-location \
		--package-name=portail-famille --msgid-bugs-address=none -o -
