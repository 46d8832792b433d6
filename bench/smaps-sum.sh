#!/bin/sh
# Where a process's resident set is: /proc/PID/smaps (or a saved copy)
# summed by mapping (a file's name, [heap], [stack], anonymous), largest
# first, in kB: Rss and Private_Dirty. A benchmark tool, not a test.
#   bench/smaps-sum.sh FILE|PID [lines]
set -u
src=${1:?usage: smaps-sum.sh FILE|PID [lines]}
case $src in *[!0-9]*) ;; *) src=/proc/$src/smaps ;; esac
awk '
	/^[0-9a-f]+-[0-9a-f]+ / {
		name = (NF >= 6) ? $6 : "[anonymous]"
		sub(".*/", "", name)
		next
	}
	$1 == "Rss:" { rss[name] += $2; total += $2 }
	$1 == "Private_Dirty:" { dirty[name] += $2; dirty_total += $2 }
	END {
		for (n in rss)
			printf "%8d %8d  %s\n", rss[n], dirty[n], n
		printf "%8d %8d  %s\n", total, dirty_total, "(total)"
	}
' "$src" | sort -rn | head -n "${2:-40}" | awk 'BEGIN { printf "%8s %8s  %s\n", "rss", "dirty", "mapping" } { print }'
