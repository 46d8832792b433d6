# Unit tests (cmocka, TAP through automake's tap driver, so `make check`
# names each failing case) and black-box tests of the real binary.
LOG_DRIVER = env AM_TAP_AWK='$(AWK)' $(SHELL) $(top_srcdir)/build-aux/tap-driver.sh
SH_LOG_DRIVER = $(LOG_DRIVER)
TEST_EXTENSIONS = .sh
AM_TESTS_ENVIRONMENT = \
	CMOCKA_MESSAGE_OUTPUT=TAP; export CMOCKA_MESSAGE_OUTPUT; \
	PF_FIXTURES='$(abs_top_srcdir)/tests/fixtures'; export PF_FIXTURES; \
	PF_BIN='$(abs_top_builddir)/src/portail-famille'; export PF_BIN; \
	PF_SRCDIR='$(abs_top_srcdir)'; export PF_SRCDIR; \
	PORTAIL_FAMILLE_LOCALEDIR='$(abs_top_builddir)/po/locale'; export PORTAIL_FAMILLE_LOCALEDIR; \
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=0; export ASAN_OPTIONS; \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1; export UBSAN_OPTIONS;

TEST_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) $(TIDY_CFLAGS) $(JANSSON_CFLAGS)
TEST_LIBS = $(PF_LIBS) $(CMOCKA_LIBS)

unit_tests = \
	tests/test_money \
	tests/test_date \
	tests/test_sanitize \
	tests/test_fold \
	tests/test_charset \
	tests/test_html \
	tests/test_html_prescan \
	tests/test_tidy_allocator \
	tests/test_json_write \
	tests/test_huge_alloc \
	tests/test_file_map \
	tests/test_form \
	tests/test_table \
	tests/test_invoices \
	tests/test_invlist \
	tests/test_navigation \
	tests/test_page_content \
	tests/test_url \
	tests/test_browser \
	tests/test_regie_name \
	tests/test_form_encode \
	tests/test_handoff \
	tests/test_handoff_marker \
	tests/test_qr_text \
	tests/test_config_file \
	tests/test_reminders \
	tests/test_payments \
	tests/test_invoice_documents \
	tests/test_download \
	tests/test_fuzz_regressions

EXTRA_DIST += tests/fixtures tests/test_util.h tests/cli-parse.sh tests/lib.sh \
	tests/e2e-cli.sh tests/e2e-cli-options.sh tests/man-lint.sh

if HAVE_CMOCKA
check_PROGRAMS += $(unit_tests)
TESTS += $(unit_tests)
else
check-local:
	@echo "make check needs cmocka: on Debian, apt-get install libcmocka-dev" >&2; exit 1
endif
TESTS += tests/e2e-reminders.sh tests/e2e-download.sh
EXTRA_DIST += tests/e2e-reminders.sh tests/e2e-download.sh
TESTS += tests/e2e-language.sh tests/po-check.sh tests/e2e-plain.sh tests/e2e-profiles.sh
EXTRA_DIST += tests/e2e-language.sh tests/po-check.sh tests/e2e-plain.sh tests/e2e-profiles.sh
TESTS += tests/cli-parse.sh tests/e2e-cli.sh tests/e2e-cli-options.sh tests/man-lint.sh tests/layers.sh
EXTRA_DIST += tests/layers.sh

# make check-layers: the include rules of docs/DESIGN.md alone.
check-layers:
	$(SHELL) $(srcdir)/scripts/check-layers.sh
.PHONY: check-layers

# The fault matrix: every command against every fault (RELIABILITY.md G3),
# with a scripted HTTP server for the faults the demo portal cannot make.
TESTS += tests/fault-matrix.sh
EXTRA_DIST += tests/fault-matrix.sh
check_PROGRAMS += tests/fault/fault-server
tests_fault_fault_server_SOURCES = tests/fault/fault-server.c
tests_fault_fault_server_CFLAGS = $(AM_CFLAGS) $(ZLIB_CFLAGS)
tests_fault_fault_server_LDADD = $(ZLIB_LIBS)

tests_test_money_SOURCES = tests/test_money.c
tests_test_money_CFLAGS = $(TEST_CFLAGS)
tests_test_money_LDADD = $(TEST_LIBS)
tests_test_date_SOURCES = tests/test_date.c
tests_test_date_CFLAGS = $(TEST_CFLAGS)
tests_test_date_LDADD = $(TEST_LIBS)
tests_test_sanitize_SOURCES = tests/test_sanitize.c
tests_test_sanitize_CFLAGS = $(TEST_CFLAGS)
tests_test_sanitize_LDADD = $(TEST_LIBS)
tests_test_fold_SOURCES = tests/test_fold.c
tests_test_fold_CFLAGS = $(TEST_CFLAGS)
tests_test_fold_LDADD = $(TEST_LIBS)
tests_test_config_file_SOURCES = tests/test_config_file.c
tests_test_config_file_CFLAGS = $(TEST_CFLAGS)
tests_test_config_file_LDADD = $(TEST_LIBS)
tests_test_qr_text_SOURCES = tests/test_qr_text.c
tests_test_qr_text_CFLAGS = $(TEST_CFLAGS) $(QRENCODE_CFLAGS)
tests_test_qr_text_LDADD = $(TEST_LIBS)
tests_test_charset_SOURCES = tests/test_charset.c
tests_test_charset_CFLAGS = $(TEST_CFLAGS)
tests_test_charset_LDADD = $(TEST_LIBS)
tests_test_html_SOURCES = tests/test_html.c tests/test_util.h
tests_test_html_CFLAGS = $(TEST_CFLAGS)
tests_test_html_LDADD = $(TEST_LIBS)
tests_test_html_prescan_SOURCES = tests/test_html_prescan.c tests/test_cases.h
tests_test_html_prescan_CFLAGS = $(TEST_CFLAGS)
tests_test_html_prescan_LDADD = $(TEST_LIBS)
tests_test_huge_alloc_SOURCES = tests/test_huge_alloc.c
tests_test_huge_alloc_CFLAGS = $(TEST_CFLAGS)
tests_test_huge_alloc_LDADD = $(TEST_LIBS)
tests_test_file_map_SOURCES = tests/test_file_map.c
tests_test_file_map_CFLAGS = $(TEST_CFLAGS)
tests_test_file_map_LDADD = $(TEST_LIBS)
tests_test_json_write_SOURCES = tests/test_json_write.c
tests_test_json_write_CFLAGS = $(TEST_CFLAGS)
tests_test_json_write_LDADD = $(TEST_LIBS)
tests_test_tidy_allocator_SOURCES = tests/test_tidy_allocator.c
tests_test_tidy_allocator_CFLAGS = $(TEST_CFLAGS)
tests_test_tidy_allocator_LDADD = $(TEST_LIBS)
tests_test_form_SOURCES = tests/test_form.c tests/test_util.h
tests_test_form_CFLAGS = $(TEST_CFLAGS)
tests_test_form_LDADD = $(TEST_LIBS)
tests_test_table_SOURCES = tests/test_table.c tests/test_util.h
tests_test_table_CFLAGS = $(TEST_CFLAGS)
tests_test_table_LDADD = $(TEST_LIBS)
tests_test_invoices_SOURCES = tests/test_invoices.c tests/test_util.h
tests_test_invoices_CFLAGS = $(TEST_CFLAGS)
tests_test_invoices_LDADD = $(TEST_LIBS)
tests_test_invlist_SOURCES = tests/test_invlist.c
tests_test_invlist_CFLAGS = $(TEST_CFLAGS)
tests_test_invlist_LDADD = $(TEST_LIBS)
tests_test_navigation_SOURCES = tests/test_navigation.c tests/page_fixtures.h tests/test_util.h
tests_test_navigation_CFLAGS = $(TEST_CFLAGS)
tests_test_navigation_LDADD = $(TEST_LIBS)
tests_test_page_content_SOURCES = tests/test_page_content.c tests/page_fixtures.h tests/test_util.h
tests_test_page_content_CFLAGS = $(TEST_CFLAGS)
tests_test_page_content_LDADD = $(TEST_LIBS)
tests_test_url_SOURCES = tests/test_url.c tests/test_cases.h
tests_test_url_CFLAGS = $(TEST_CFLAGS)
tests_test_url_LDADD = $(TEST_LIBS)
tests_test_regie_name_SOURCES = tests/test_regie_name.c
tests_test_regie_name_CFLAGS = $(TEST_CFLAGS)
tests_test_regie_name_LDADD = $(TEST_LIBS)
tests_test_browser_SOURCES = tests/test_browser.c
tests_test_browser_CFLAGS = $(TEST_CFLAGS)
tests_test_browser_LDADD = $(TEST_LIBS)
tests_test_form_encode_SOURCES = tests/test_form_encode.c tests/test_cases.h tests/test_util.h
tests_test_form_encode_CFLAGS = $(TEST_CFLAGS)
tests_test_form_encode_LDADD = $(TEST_LIBS)
tests_test_handoff_SOURCES = tests/test_handoff.c tests/test_cases.h tests/test_util.h
tests_test_handoff_CFLAGS = $(TEST_CFLAGS)
tests_test_handoff_LDADD = $(TEST_LIBS)
tests_test_reminders_SOURCES = tests/test_reminders.c tests/test_util.h
tests_test_reminders_CFLAGS = $(TEST_CFLAGS)
tests_test_reminders_LDADD = $(TEST_LIBS)
tests_test_payments_SOURCES = tests/test_payments.c tests/test_util.h
tests_test_payments_CFLAGS = $(TEST_CFLAGS)
tests_test_payments_LDADD = $(TEST_LIBS)
tests_test_invoice_documents_SOURCES = tests/test_invoice_documents.c tests/test_util.h
tests_test_invoice_documents_CFLAGS = $(TEST_CFLAGS)
tests_test_invoice_documents_LDADD = $(TEST_LIBS)
tests_test_download_SOURCES = tests/test_download.c tests/test_util.h
tests_test_download_CFLAGS = $(TEST_CFLAGS)
tests_test_download_LDADD = $(TEST_LIBS)
tests_test_handoff_marker_SOURCES = tests/test_handoff_marker.c
tests_test_handoff_marker_CFLAGS = $(TEST_CFLAGS)
tests_test_handoff_marker_LDADD = $(TEST_LIBS)
tests_test_fuzz_regressions_SOURCES = tests/test_fuzz_regressions.c tests/test_util.h \
	tests/fuzz/fuzz.h tests/fuzz/fuzz_common.c tests/fuzz/fuzz_invoices.c \
	tests/fuzz/fuzz_login.c tests/fuzz/fuzz_form_encode.c tests/fuzz/fuzz_money_date.c \
	tests/fuzz/fuzz_handoff.c tests/fuzz/fuzz_sanitize.c tests/fuzz/fuzz_page_text.c \
	tests/fuzz/fuzz_charset.c tests/fuzz/fuzz_config.c tests/fuzz/fuzz_payments.c \
	tests/fuzz/fuzz_documents.c tests/fuzz/fuzz_disposition.c
tests_test_fuzz_regressions_CFLAGS = $(TEST_CFLAGS)
tests_test_fuzz_regressions_LDADD = $(TEST_LIBS)
