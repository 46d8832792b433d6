# The core library holds everything but main(), so the tests link the same
# code the program runs.
noinst_LIBRARIES += src/libportail.a
src_libportail_a_CFLAGS = $(AM_CFLAGS) $(TIDY_CFLAGS) $(CURL_CFLAGS) $(NCURSES_CFLAGS) $(JANSSON_CFLAGS) $(INIH_CFLAGS) $(QRENCODE_CFLAGS)
src_libportail_a_SOURCES = \
	src/util/xalloc.c src/util/xalloc.h \
	src/util/huge_alloc.c src/util/huge_alloc.h \
	src/util/strbuf.c src/util/strbuf.h \
	src/util/secbuf.c src/util/secbuf.h \
	src/util/utf8.c src/util/utf8.h \
	src/util/i18n.c src/util/i18n.h \
	src/util/sanitize.c src/util/sanitize.h \
	src/util/fold.c src/util/fold.h \
	src/util/file.c src/util/file.h \
	src/util/file_map.c src/util/file_map.h \
	src/util/json_print.c src/util/json_print.h \
	src/util/json_write.c src/util/json_write.h \
	src/util/hex.h \
	src/money.c src/money.h \
	src/date.c src/date.h \
	src/web/charset.c src/web/charset.h \
	src/web/html.c src/web/html.h src/web/html_text.c src/web/html_query.c \
	src/web/html_prescan.c src/web/html_prescan.h \
	src/web/tidy_allocator.c src/web/tidy_allocator.h \
	src/web/form.c src/web/form.h \
	src/web/url.c src/web/url.h \
	src/web/form_encode.c src/web/form_encode.h \
	src/web/table.c src/web/table.h \
	src/web/http.c src/web/http.h \
	src/web/curl_lazy.c src/web/curl_lazy.h \
	src/web/http_log.c src/web/http_log.h \
	src/web/disposition.c src/web/disposition.h \
	src/portal/model.h \
	src/portal/invoices.c src/portal/invoices.h \
	src/portal/session.c src/portal/session.h \
	src/portal/session_pay.c src/portal/session_internal.h \
	src/portal/invoice_columns.c src/portal/invoice_columns.h \
	src/portal/column_match.c src/portal/column_match.h \
	src/portal/reminders.c src/portal/reminders.h \
	src/portal/documents_due.c src/portal/documents_due.h \
	src/portal/payments.c src/portal/payments.h \
	src/portal/session_account.c \
	src/portal/session_download.c \
	src/portal/invoice_document.c src/portal/invoice_document.h \
	src/portal/regie_heading.c src/portal/regie_heading.h \
	src/portal/regie_name.c src/portal/regie_name.h \
	src/portal/handoff/handoff.c src/portal/handoff/handoff.h src/portal/handoff/handoff_internal.h \
	src/portal/handoff/handoff_click.c \
	src/portal/handoff/handoff_js.c src/portal/handoff/handoff_js.h \
	src/portal/handoff/handoff_jsfn.c src/portal/handoff/handoff_jsfn.h \
	src/portal/handoff/handoff_lex.c src/portal/handoff/handoff_lex.h \
	src/portal/navigation.c src/portal/navigation.h src/portal/login_message.c \
	src/portal/page_content.c src/portal/page_content.h src/portal/page_internal.h \
	src/portal/page_sink.c src/portal/page_table.c src/portal/page_text.c \
	src/exit_codes.h \
	src/cli/invoice_output.c src/cli/invoice_output.h \
	src/cli/invoice_plain.c src/cli/invoice_plain.h \
	src/cli/reminder_output.c src/cli/reminder_output.h \
	src/cli/payment_output.c src/cli/payment_output.h \
	src/app/qr_text.c src/app/qr_text.h \
	src/app/invoice_words.c src/app/invoice_words.h \
	src/app/options.c src/app/options.h \
	src/app/config_file.c src/app/config_file.h \
	src/app/password.c src/app/password.h \
	src/app/connect.c src/app/connect.h \
	src/app/handoff_marker.c src/app/handoff_marker.h \
	src/app/demo_child.c src/app/demo_child.h \
	src/app/pay_guard.c src/app/pay_guard.h \
	src/app/browser.c src/app/browser.h \
	src/app/progress.c src/app/progress.h \
	src/app/document_save.c src/app/document_save.h \
	src/app/download_dir.c src/app/download_dir.h \
	src/cli/cmd_parse.c src/cli/commands.h \
	src/cli/cmd_invoices.c \
	src/cli/cmd_page.c \
	src/cli/cmd_pay.c \
	src/cli/cmd_check.c \
	src/cli/cmd_payments.c \
	src/cli/cmd_download.c \
	src/cli/cmd_profiles.c

# No $(CURL_LIBS): web/curl_lazy loads libcurl on the first request.
PF_LIBS = src/libportail.a $(TIDY_LIBS) $(NCURSES_LIBS) $(JANSSON_LIBS) $(INIH_LIBS) $(QRENCODE_LIBS) -lpthread

bin_PROGRAMS += src/portail-famille
src_portail_famille_SOURCES = src/main.c
src_portail_famille_LDADD = $(PF_LIBS)
