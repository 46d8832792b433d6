#!/bin/sh
# Builds portail-famille out of tree and runs the whole test suite.
#   scripts/test.sh                 warnings as errors
#   scripts/test.sh --sanitizers    the same under ASan + UBSan
#   scripts/test.sh --valgrind      the unit tests under valgrind (no leak)
# A tool or library the suite needs that is missing is installed first
# (scripts/install-deps.sh --dev), so that no test is skipped.
set -eu
cd "$(dirname "$0")/.."
top=$(pwd)
mode=${1:-default}
mode=${mode#--}

missing=
for tool in autoreconf make cc pkg-config curl jq tmux mandoc openssl script; do
	command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"
done
[ "$mode" != valgrind ] || command -v valgrind >/dev/null 2>&1 || missing="$missing valgrind"
command -v pkg-config >/dev/null 2>&1 && pkg-config --exists cmocka || missing="$missing cmocka"
if [ -n "$missing" ]; then
	echo "test: missing:$missing; installing the developer packages…"
	sh scripts/install-deps.sh --dev
fi

if [ ! -x configure ]; then
	echo "test: autoreconf…"
	mkdir -p _build
	autoreconf -fi >_build/autoreconf.log 2>&1 || { cat _build/autoreconf.log; exit 1; }
fi
case $mode in
default) flags="--enable-werror" ;;
sanitizers) flags="--enable-werror --enable-sanitizers" ;;
valgrind) flags="--enable-werror" ;;
*) echo "usage: $0 [--sanitizers|--valgrind]" >&2; exit 2 ;;
esac

build="$top/_build/$mode"
mkdir -p "$build"
cd "$build"
if [ ! -f Makefile ]; then
	echo "test: configure ($mode)…"
	"$top/configure" $flags >configure.log 2>&1 || { tail -30 configure.log; exit 1; }
fi
echo "test: compiling…"
make -j"$(nproc)" >make.log 2>&1 || { grep -E 'error|warning' make.log | head -50; tail -20 make.log; exit 1; }

if [ "$mode" = valgrind ]; then
	make -j"$(nproc)" check TESTS= >/dev/null
	status=0
	for t in tests/test_*; do
		[ -x "$t" ] || continue
		PF_FIXTURES="$top/tests/fixtures" CMOCKA_MESSAGE_OUTPUT=TAP \
			valgrind -q --leak-check=full --show-leak-kinds=definite,indirect \
			--errors-for-leak-kinds=definite,indirect --error-exitcode=99 "$t" >"$t.valgrind.log" 2>&1 ||
			{ echo "valgrind: $t failed"; tail -30 "$t.valgrind.log"; status=1; }
	done
	[ $status -eq 0 ] && echo "valgrind: every unit test clean"
	exit $status
fi

echo "test: running the test suite (a few minutes)…"
if make -j"$(nproc)" check >check.log 2>&1; then
	grep -E '^# (TOTAL|PASS|FAIL|XFAIL|XPASS|SKIP|ERROR)' check.log
	pass=$(sed -n 's/^# PASS: *//p' check.log | tail -1)
	fail=$(sed -n 's/^# FAIL: *//p' check.log | tail -1)
	echo "$pass passed, $fail failed"
else
	grep -E '^(FAIL|ERROR)|^# ' check.log || true
	for log in $(find . -name '*.log' -newer Makefile); do
		grep -lE '^not ok|^Bail out' "$log" >/dev/null 2>&1 && { echo "== $log"; grep -E '^not ok|^#' "$log" | head -40; }
	done
	exit 1
fi
