EXTRA_DIST += bench/parse-bench.sh bench/gen-invoices.sh bench/net-bench.sh bench/ui-bench.sh \
	bench/mem-bench.sh bench/lib.sh bench/all.sh bench/libcurl-floor.c \
	bench/smaps-sum.sh docs/benchmarks.md
# One run, one table (issue 13's measures, each next to its anchor measured
# in the same run: tidy, curl), also written to docs/benchmarks.md.
bench: all
	$(SHELL) $(srcdir)/bench/all.sh $(builddir)/src/portail-famille $(srcdir)/docs/benchmarks.md
.PHONY: bench
