EXTRA_DIST += bench/parse-bench.sh bench/gen-invoices.sh bench/net-bench.sh
bench: all
	$(SHELL) $(srcdir)/bench/parse-bench.sh $(builddir)/src/portail-famille
	$(SHELL) $(srcdir)/bench/net-bench.sh $(builddir)/src/portail-famille
	$(SHELL) $(srcdir)/bench/ui-bench.sh $(builddir)/src/portail-famille
.PHONY: bench
