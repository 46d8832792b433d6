#!/bin/sh
# Builds the libFuzzer harnesses of tests/fuzz/ with clang, AddressSanitizer
# and UndefinedBehaviorSanitizer (the project's library compiled the same
# way, out of tree in _build/fuzz), then runs them.
#   scripts/fuzz.sh [SECONDS] [TARGET...]  fuzz each target (default: all)
#                                          for SECONDS (default 60), one job
#   scripts/fuzz.sh --replay [TARGET...]   run each target once over its
#                                          corpus, seeds and saved crashes
#   scripts/fuzz.sh --build                build only
# Targets are named as their files: fuzz_invoices or just invoices.
# Prints, per target, the executions and whether it crashed; exits 1 when a
# target crashed, leaked, timed out or ran out of memory, printing the path
# of the reproducer (in _build/fuzz/tests/fuzz/artifacts/). Replay one with
#   _build/fuzz/tests/fuzz/fuzz_NAME FILE
# Environment: CC (default clang, else clang-14), FUZZ_BUILD (build dir).
set -eu
cd "$(dirname "$0")/.."
top=$(pwd)

mode=fuzz
seconds=60
case ${1:-} in
--replay) mode=replay; shift ;;
--build) mode=build; shift ;;
--help | -h) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
'' | *[!0-9]*) ;;
*) seconds=$1; shift ;;
esac

all="invoices login form_encode money_date handoff sanitize page_text charset config payments documents disposition"
targets=
for t in ${*:-$all}; do
	t=${t#fuzz_}
	[ -f "$top/tests/fuzz/fuzz_$t.c" ] || { echo "fuzz.sh: no target $t (known: $all)" >&2; exit 2; }
	targets="$targets $t"
done

if [ -z "${CC:-}" ]; then
	if command -v clang >/dev/null 2>&1; then CC=clang; else CC=clang-14; fi
fi
command -v "$CC" >/dev/null 2>&1 ||
	{ echo "fuzz.sh: $CC not found: on Debian, apt-get install clang libclang-rt-dev llvm" >&2; exit 2; }

build=${FUZZ_BUILD:-$top/_build/fuzz}
out=$build/tests/fuzz
san='-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer'
lib_cflags="-g -O1 -fsanitize=fuzzer-no-link $san"

# ---- build ----
[ -x configure ] || autoreconf -fi
mkdir -p "$build" "$out"
if [ ! -f "$build/Makefile" ]; then
	(cd "$build" && "$top/configure" CC="$CC" CFLAGS="$lib_cflags" LDFLAGS="$san" \
		>configure.log 2>&1) || { tail -30 "$build/configure.log"; exit 1; }
fi
make -C "$build" -j2 src/libportail.a >"$build/make.log" 2>&1 ||
	{ grep -E 'error' "$build/make.log" | head -30; tail -20 "$build/make.log"; exit 1; }

# The libraries and flags the project links with, as configure found them.
libs=$(printf 'fuzz-print-libs:\n\t@echo $(TIDY_LIBS) $(NCURSES_LIBS) $(JANSSON_LIBS) $(INIH_LIBS) $(ZLIB_LIBS) $(LIBS) -lpthread\n' |
	make -s -C "$build" -f Makefile -f - fuzz-print-libs)
incs=$(printf 'fuzz-print-cflags:\n\t@echo $(JANSSON_CFLAGS) $(TIDY_CFLAGS)\n' |
	make -s -C "$build" -f Makefile -f - fuzz-print-cflags)

common_obj=$out/fuzz_common.o
cc_harness() {
	# shellcheck disable=SC2086
	$CC -g -O1 -fsanitize=fuzzer-no-link $san -DPF_FUZZER -DHAVE_CONFIG_H \
		-I"$top/src" -I"$top/tests" -I"$build" $incs -Wall -Wextra -Wno-unused-parameter "$@"
}
newer() { # newer TARGET DEPS...: true when TARGET is missing or older than a dep
	[ -f "$1" ] || return 0
	newer_target=$1
	shift
	for d; do [ "$d" -nt "$newer_target" ] && return 0; done
	return 1
}
headers=$(ls "$top"/tests/fuzz/*.h)
# shellcheck disable=SC2086
if newer "$common_obj" "$top/tests/fuzz/fuzz_common.c" $headers "$build/config.h"; then
	cc_harness -c -o "$common_obj" "$top/tests/fuzz/fuzz_common.c"
fi
for t in $targets; do
	bin=$out/fuzz_$t
	# shellcheck disable=SC2086
	if newer "$bin" "$top/tests/fuzz/fuzz_$t.c" "$common_obj" "$build/src/libportail.a" $headers; then
		# shellcheck disable=SC2086
		cc_harness -fsanitize=fuzzer -o "$bin" "$top/tests/fuzz/fuzz_$t.c" "$common_obj" \
			"$build/src/libportail.a" $libs ||
			{ echo "fuzz.sh: cannot build fuzz_$t" >&2; exit 1; }
	fi
done
[ "$mode" = build ] && { echo "fuzz targets built in $out"; exit 0; }

# ---- seeds: the fixtures, rebuilt at each run (never committed) ----
fx=$top/tests/fixtures
seed() { # seed TARGET TAG PREFIX FILES...: copies FILES with PREFIX (a printf format) in front
	dir=$out/seeds/$1 tag=$2 prefix=$3
	shift 3
	for f; do
		[ -f "$f" ] || continue
		# shellcheck disable=SC2059
		{ printf "$prefix"; cat "$f"; } >"$dir/$tag$(basename "$(dirname "$f")")-$(basename "$f")"
	done
}
make_seeds() {
	t=$1
	rm -rf "$out/seeds/$t"
	mkdir -p "$out/seeds/$t" "$out/corpus/$t"
	case $t in
	invoices | charset)
		seed "$t" '' '' "$fx"/invoices/*.html "$fx"/pages/*.html
		set -- "$fx"/invoices/latin1.html "$fx"/invoices/cp1252-euro.html \
			"$fx"/invoices/utf8-bom.html "$fx"/invoices/seed.html
		seed "$t" ct-utf8- 'text/html; charset=UTF-8\n' "$@"
		seed "$t" ct-latin1- 'text/html; charset=ISO-8859-1\n' "$@"
		seed "$t" ct-none- 'text/html\n' "$@" ;;
	login) seed "$t" '' '' "$fx"/pages/*.html "$fx"/invoices/login.html "$fx"/invoices/accueil.html ;;
	form_encode)
		seed "$t" '' '\000\000' "$fx"/pages/*.html "$fx"/invoices/*.html "$fx"/handoff/*.html
		seed "$t" cp1252- '\002\001' "$fx"/invoices/seed.html "$fx"/pages/login.html ;;
	handoff)
		seed "$t" '' '' "$fx"/handoff/*.html "$fx"/invoices/seed.html
		seed "$t" url- 'http://127.0.0.1:8080/portail/regler.php5\n' "$fx"/handoff/*.html ;;
	page_text)
		seed "$t" '' 'P\000' "$fx"/pages/*.html "$fx"/invoices/*.html
		seed "$t" ascii40- '\050\002' "$fx"/pages/*.html
		seed "$t" nolimit- '\000\001' "$fx"/pages/compte.html ;;
	payments)
		seed "$t" '' '' "$fx"/payments/*.html "$fx"/pages/*.html
		seed "$t" ct-latin1- 'text/html; charset=ISO-8859-1\n' "$fx"/payments/nested-latin1.html ;;
	documents)
		seed "$t" '' '' "$fx"/documents/*.html "$fx"/pages/*.html "$fx"/invoices/accueil.html ;;
	money_date | sanitize | config | disposition) cp "$top"/tests/fuzz/seeds/"$t"/* "$out/seeds/$t/" ;;
	esac
	# Inputs that once crashed are seeds too.
	for f in "$fx"/fuzz/"$t"-*; do
		[ -f "$f" ] && cp "$f" "$out/seeds/$t/"
	done
	return 0
}

# ---- run ----
dict_for() {
	case $1 in
	money_date) echo "$top/tests/fuzz/money_date.dict" ;;
	sanitize) echo "$top/tests/fuzz/sanitize.dict" ;;
	config) echo "$top/tests/fuzz/config.dict" ;;
	disposition) echo "$top/tests/fuzz/disposition.dict" ;;
	*) echo "$top/tests/fuzz/html.dict" ;;
	esac
}
maxlen_for() {
	case $1 in
	money_date) echo 256 ;;
	sanitize | config) echo 4096 ;;
	disposition) echo 8192 ;;
	*) echo 1048576 ;;
	esac
}

# ASan's default 256 MB quarantine would leave little of -rss_limit_mb=512
# to the pages themselves (tidy's parser thread has a 256 MiB stack).
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:quarantine_size_mb=64}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
mkdir -p "$out/artifacts" "$out/logs"
status=0
total=0
for t in $targets; do
	make_seeds "$t"
	log=$out/logs/fuzz_$t.log
	stamp=$out/logs/.start_$t
	: >"$stamp"
	set -- -rss_limit_mb=512 -timeout=10 -max_len="$(maxlen_for "$t")" -dict="$(dict_for "$t")" \
		-print_final_stats=1 -artifact_prefix="$out/artifacts/fuzz_$t-"
	if [ "$mode" = replay ]; then
		set -- "$@" -runs=0
	else
		set -- "$@" -max_total_time="$seconds"
	fi
	# FUZZ_SEED: the same sequence of inputs each run (CI's smoke), so a
	# green smoke here stays green there.
	[ -z "${FUZZ_SEED:-}" ] || set -- "$@" -seed="$FUZZ_SEED"
	rc=0
	"$out/fuzz_$t" "$@" "$out/corpus/$t" "$out/seeds/$t" >"$log" 2>&1 || rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
	execs=${execs:-0}
	total=$((total + execs))
	if [ "$rc" -eq 0 ]; then
		printf '%-18s %12s executions  ok\n' "fuzz_$t" "$execs"
	else
		status=1
		kind=$(grep -m1 -oE 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer): [a-z-]+|runtime error|fuzz property broken' "$log" || echo "exit $rc")
		repro=$(find "$out/artifacts" -name "fuzz_$t-*" -newer "$stamp" -type f 2>/dev/null | head -1)
		printf '%-18s %12s executions  FAILED (%s)\n' "fuzz_$t" "$execs" "$kind"
		grep -m3 -E 'SUMMARY|runtime error|fuzz property broken' "$log" | sed 's/^/    /' || true
		echo "    log: $log"
		[ -n "$repro" ] && echo "    reproducer: $repro (minimise: $out/fuzz_$t -minimize_crash=1 -runs=10000 $repro)"
	fi
	rm -f "$stamp"
done
printf '%-18s %12s executions\n' total "$total"
exit $status
