#!/bin/sh
# The interface's language (issue 11, item 12), as TAP, in tmux: French by
# default (the locale names no language), English with LANGUAGE=en — the
# program's own words; the portal's stay as the portal wrote them.
. "${PF_SRCDIR:-.}/tests/ui/ui-lib.sh"

demo_session fr -- --demo
keys fr '?'
check_screen "French: the help's own words" fr "Partout"
check_screen "French: a key's words" fr "écran précédent"
keys fr q p
check_screen "French: the portal's words as served" fr "MAIRIE SERVICE ENFANCE JEUNESSE"
keys fr 1
quit_ui fr

demo_session en LANGUAGE=en -- --demo
keys en '?'
check_screen "English: the help's own words" en "Everywhere"
check_screen "English: a key's words" en "previous screen"
keys en q 6
check_screen "English: the portal's menu stays the portal's" en "Mon compte"
keys en 1
quit_ui en

ui_done
