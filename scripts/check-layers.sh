#!/bin/sh
# Checks the layer rules of docs/DESIGN.md: every #include "..." of a file
# under src/ names a header of its own layer or of a layer below it.
#   util → money/date → web → portal → invlist → app → cli | ui → main
# and demo apart (it includes only demo/). Prints each breach; exit 1 on any.
set -eu
cd "$(dirname "$0")/../src"

# layer FILE: the layer a file of src/ belongs to.
layer() {
	case $1 in
	util/*) echo util ;;
	money.[ch] | date.[ch] | exit_codes.h) echo values ;;
	web/*) echo web ;;
	portal/*) echo portal ;;
	invlist.[ch]) echo invlist ;;
	app/*) echo app ;;
	cli/*) echo cli ;;
	ui/*) echo ui ;;
	main.c) echo main ;;
	demo/*) echo demo ;;
	*) echo unknown ;;
	esac
}
# allowed LAYER: the layers its files may include.
allowed() {
	case $1 in
	util) echo "util" ;;
	values) echo "util values" ;;
	web) echo "util values web" ;;
	portal) echo "util values web portal" ;;
	invlist) echo "util values portal invlist" ;;
	app) echo "util values web portal invlist app" ;;
	cli) echo "util values web portal invlist app cli" ;;
	ui) echo "util values web portal invlist app ui" ;;
	main) echo "util values app cli ui" ;;
	demo) echo "demo" ;;
	*) echo "" ;;
	esac
}

status=0
for f in $(find . -name '*.[ch]' | sed 's|^\./||' | sort); do
	from=$(layer "$f")
	ok=$(allowed "$from")
	if [ -z "$ok" ]; then
		echo "$f: in no layer (add it to docs/DESIGN.md and this script)"
		status=1
		continue
	fi
	for h in $(sed -n 's/^#include "\([^"]*\)".*/\1/p' "$f"); do
		[ "$h" = config.h ] && continue
		to=$(layer "$h")
		case " $ok " in
		*" $to "*) ;;
		*)
			echo "$f ($from) includes $h ($to)"
			status=1
			;;
		esac
	done
done
[ $status -eq 0 ] && echo "layers: every include follows docs/DESIGN.md"
exit $status
