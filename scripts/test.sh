#!/bin/sh
# Builds portail-famille out of tree and runs the whole test suite.
#   scripts/test.sh                 warnings as errors
#   scripts/test.sh --sanitizers    the same under ASan + UBSan
#   scripts/test.sh --valgrind      the unit tests under valgrind (no leak)
set -eu
cd "$(dirname "$0")/.."
top=$(pwd)
mode=${1:-default}
mode=${mode#--}

[ -x configure ] || autoreconf -fi
case $mode in
default) flags="--enable-werror" ;;
sanitizers) flags="--enable-werror --enable-sanitizers" ;;
valgrind) flags="--enable-werror" ;;
*) echo "usage: $0 [--sanitizers|--valgrind]" >&2; exit 2 ;;
esac

build="$top/_build/$mode"
mkdir -p "$build"
cd "$build"
[ -f Makefile ] || "$top/configure" $flags >configure.log 2>&1 || { tail -30 configure.log; exit 1; }
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
