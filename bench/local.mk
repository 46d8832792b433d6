EXTRA_DIST += bench/parse-bench.sh bench/gen-invoices.sh
bench: all
	$(SHELL) $(srcdir)/bench/parse-bench.sh $(builddir)/src/portail-famille
.PHONY: bench
