#!/bin/sh
# Builds portail-famille (out of tree, in _build/default) if needed, then
# runs it with the given arguments; without arguments it starts the
# full-screen interface on the built-in demo portal.
set -eu
cd "$(dirname "$0")/.."
top=$(pwd)
mkdir -p _build/default
if [ ! -x configure ]; then
	echo "run: autoreconf…"
	autoreconf -fi >_build/autoreconf.log 2>&1 || { cat _build/autoreconf.log; exit 1; }
fi
(
	cd _build/default
	if [ ! -f Makefile ]; then
		echo "run: configure…"
		"$top/configure" --enable-werror >configure.log 2>&1 || { tail -30 configure.log; exit 1; }
	fi
	# Quiet when there is nothing to do; one line when there is.
	targets="src/portail-famille src/demo/portail-famille-demo po/locale/fr/LC_MESSAGES/portail-famille.mo"
	if ! make -q $targets >/dev/null 2>&1; then
		echo "run: compiling…"
	fi
	make -j"$(nproc)" $targets >make.log 2>&1 ||
		{ tail -30 make.log; exit 1; }
)
if [ $# -eq 0 ]; then
	set -- --demo
fi
# The French catalogue of the build tree (installed, it is in $localedir).
PORTAIL_FAMILLE_LOCALEDIR=$top/_build/default/po/locale
export PORTAIL_FAMILLE_LOCALEDIR
exec "$top/_build/default/src/portail-famille" "$@"
