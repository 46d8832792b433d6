# The core library holds everything but main(), so the tests link the same
# code the program runs.
noinst_LIBRARIES += src/libportail.a
src_libportail_a_CFLAGS = $(AM_CFLAGS) $(TIDY_CFLAGS) $(CURL_CFLAGS) $(NCURSES_CFLAGS) $(JANSSON_CFLAGS) $(MHD_CFLAGS) $(INIH_CFLAGS) $(QRENCODE_CFLAGS)
src_libportail_a_SOURCES = \
	src/util/xalloc.c src/util/xalloc.h \
	src/util/strbuf.c src/util/strbuf.h \
	src/util/secbuf.c src/util/secbuf.h \
	src/util/sanitize.c src/util/sanitize.h \
	src/util/fold.c src/util/fold.h \
	src/util/file.c src/util/file.h \
	src/util/json_print.c src/util/json_print.h \
	src/util/hex.h \
	src/money.c src/money.h \
	src/date.c src/date.h \
	src/charset.c src/charset.h \
	src/html.c src/html.h src/html_text.c \
	src/html_prescan.c src/html_prescan.h \
	src/tidy_allocator.c src/tidy_allocator.h \
	src/form.c src/form.h \
	src/url.c src/url.h \
	src/form_encode.c src/form_encode.h \
	src/table.c src/table.h \
	src/http.c src/http.h \
	src/http_log.c src/http_log.h \
	src/portal/model.h \
	src/portal/invoices.c src/portal/invoices.h \
	src/portal/session.c src/portal/session.h \
	src/portal/session_pay.c src/portal/session_internal.h \
	src/portal/invoice_columns.c src/portal/invoice_columns.h \
	src/portal/regie_heading.c src/portal/regie_heading.h \
	src/portal/handoff.c src/portal/handoff.h src/portal/handoff_internal.h \
	src/portal/handoff_click.c \
	src/portal/handoff_js.c src/portal/handoff_js.h \
	src/portal/handoff_jsfn.c src/portal/handoff_jsfn.h \
	src/portal/handoff_lex.c src/portal/handoff_lex.h \
	src/portal/navigation.c src/portal/navigation.h src/portal/login_message.c \
	src/portal/page_content.c src/portal/page_content.h src/portal/page_internal.h \
	src/portal/page_sink.c src/portal/page_table.c src/portal/page_text.c \
	src/exit_codes.h \
	src/cli/invoice_output.c src/cli/invoice_output.h \
	src/qr_text.c src/qr_text.h \
	src/cli/options.c src/cli/options.h \
	src/cli/password.c src/cli/password.h \
	src/cli/connect.c src/cli/connect.h \
	src/cli/handoff_marker.c src/cli/handoff_marker.h \
	src/cli/browser.c src/cli/browser.h \
	src/cli/cmd_parse.c src/cli/commands.h \
	src/cli/cmd_invoices.c \
	src/cli/cmd_page.c \
	src/cli/cmd_pay.c

PF_LIBS = src/libportail.a src/demo/libdemo.a $(TIDY_LIBS) $(CURL_LIBS) $(NCURSES_LIBS) $(JANSSON_LIBS) $(MHD_LIBS) $(INIH_LIBS) $(QRENCODE_LIBS) $(ZLIB_LIBS) -lpthread

bin_PROGRAMS += src/portail-famille
src_portail_famille_SOURCES = src/main.c
src_portail_famille_LDADD = $(PF_LIBS)
