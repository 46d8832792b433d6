EXTRA_DIST += bench/parse-bench.sh bench/gen-invoices.sh bench/net-bench.sh bench/ui-bench.sh \
	bench/all.sh docs/benchmarks.md
# One run, one table: parse time against tidy, requests and bytes against
# curl on a throttled link, terminal bytes per keystroke, peak memory. The
# table is also written to docs/benchmarks.md.
bench: all
	$(SHELL) $(srcdir)/bench/all.sh $(builddir)/src/portail-famille $(srcdir)/docs/benchmarks.md
.PHONY: bench
