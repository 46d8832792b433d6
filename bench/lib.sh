# shellcheck shell=sh
# Shared by the benchmarks (sourced): CPU time, peak memory, the demo
# portal. Benchmarks are never tests: they print figures, and fail only
# when what they measure did not happen.

# cpu_ms RUNS COMMAND...: the median CPU time (user + system, every
# thread) of RUNS runs, in milliseconds with one decimal. perf's task clock
# when perf may count this process, else GNU time (10 ms steps).
cpu_ms() {
	cpu_runs=$1
	shift
	cpu_tmp=$(mktemp)
	if [ -z "${cpu_tool:-}" ]; then
		cpu_tool="time"
		perf stat -x, -e task-clock -o "$cpu_tmp" true >/dev/null 2>&1 &&
			grep -q '^[0-9.]*,[^,]*,task-clock' "$cpu_tmp" && cpu_tool=perf
	fi
	: >"$cpu_tmp"
	cpu_i=0
	while [ "$cpu_i" -lt "$cpu_runs" ]; do
		if [ "$cpu_tool" = perf ]; then
			perf stat -x, -e task-clock -o "$cpu_tmp.one" "$@" >/dev/null 2>&1 </dev/null
			sed -n 's/^\([0-9.]*\),[^,]*,task-clock.*/\1/p' "$cpu_tmp.one" >>"$cpu_tmp"
		else
			/usr/bin/time -f '%U %S' -o "$cpu_tmp.one" "$@" >/dev/null 2>&1 </dev/null
			tail -1 "$cpu_tmp.one" | awk '{ printf "%.1f\n", ($1 + $2) * 1000 }' >>"$cpu_tmp"
		fi
		cpu_i=$((cpu_i + 1))
	done
	sort -n "$cpu_tmp" | awk '{ t[NR] = $1 } END { printf "%.1f", t[int((NR + 1) / 2)] }'
	rm -f "$cpu_tmp" "$cpu_tmp.one"
}

# peak_kb COMMAND...: the peak resident memory (GNU time's %M), in kB.
peak_kb() {
	/usr/bin/time -f '%M' -o "${TMPDIR:-/tmp}/peak.$$" "$@" >/dev/null 2>&1 </dev/null
	tail -1 "${TMPDIR:-/tmp}/peak.$$"
	rm -f "${TMPDIR:-/tmp}/peak.$$"
}

# ratio A B: A / B with two decimals.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }

# bench_start_demo DEMO TMPDIR [OPTIONS...]: starts the demo portal, sets
# DEMO_URL and DEMO_BASE; bench_stop_demo stops it (stdin closed).
bench_demo_pid=
bench_start_demo() {
	bench_stop_demo
	bench_demo=$1
	bench_tmp=$2
	shift 2
	rm -f "$bench_tmp/demo-in" "$bench_tmp/demo-url"
	mkfifo "$bench_tmp/demo-in"
	"$bench_demo" "$@" <"$bench_tmp/demo-in" >"$bench_tmp/demo-url" 2>/dev/null &
	bench_demo_pid=$!
	exec 8>"$bench_tmp/demo-in"
	bench_i=0
	while [ ! -s "$bench_tmp/demo-url" ] && [ $bench_i -lt 200 ]; do
		sleep 0.05
		bench_i=$((bench_i + 1))
	done
	DEMO_URL=$(head -1 "$bench_tmp/demo-url")
	# shellcheck disable=SC2034 # used by the scripts that source this file
	DEMO_BASE=${DEMO_URL%/v4/login.php5}
	[ -n "$DEMO_URL" ] || { echo "the demo portal did not start" >&2; return 1; }
}
bench_stop_demo() {
	[ -n "$bench_demo_pid" ] || return 0
	exec 8>&-
	wait "$bench_demo_pid" 2>/dev/null
	bench_demo_pid=
}
