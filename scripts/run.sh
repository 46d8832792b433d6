#!/bin/sh
# Builds portail-famille (out of tree, in _build/default) if needed, then
# runs it with the given arguments; without arguments it starts the
# full-screen interface on the built-in demo portal.
set -eu
cd "$(dirname "$0")/.."
top=$(pwd)
[ -x configure ] || autoreconf -fi
mkdir -p _build/default
(
	cd _build/default
	[ -f Makefile ] || "$top/configure" --enable-werror >configure.log 2>&1 || { tail -30 configure.log; exit 1; }
	make -j"$(nproc)" src/portail-famille >make.log 2>&1 || { tail -30 make.log; exit 1; }
)
if [ $# -eq 0 ]; then
	set -- --demo
fi
exec "$top/_build/default/src/portail-famille" "$@"
