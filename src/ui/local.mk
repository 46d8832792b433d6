# The full-screen interface (src/ui/) and the invoice selection model it
# drives (src/invlist.c), in the core library so that the unit tests link
# the same code the program runs.
src_libportail_a_SOURCES += \
	src/invlist.c src/invlist.h \
	src/ui/ui.c src/ui/ui.h \
	src/ui/app.h \
	src/ui/loop.c src/ui/loop.h \
	src/ui/header.c \
	src/ui/stack.c \
	src/ui/keys.c src/ui/keys.h \
	src/ui/term.c src/ui/term.h \
	src/ui/text.c src/ui/text.h \
	src/ui/list.c src/ui/list.h \
	src/ui/field.c src/ui/field.h \
	src/ui/worker.c src/ui/worker.h \
	src/ui/dialog.c src/ui/dialog.h \
	src/ui/summary.c src/ui/summary.h \
	src/ui/scr_login.c \
	src/ui/scr_accueil.c \
	src/ui/scr_page.c \
	src/ui/scr_help.c \
	src/ui/scr_detail.c \
	src/ui/scr_payments.c \
	src/ui/scr_invoices.c \
	src/ui/download.c \
	src/ui/scr_pay.c \
	src/ui/scr_handoff.c \
	src/ui/scr_accounts.c

# UI tests drive the real binary in tmux; the benchmark measures a toggle.
TESTS += tests/ui/test-ui.sh tests/ui/test-typeahead.sh tests/ui/test-signals.sh \
	tests/ui/test-pay-once.sh tests/ui/test-keys.sh tests/ui/test-reminders.sh \
	tests/ui/test-language.sh tests/ui/test-download.sh
TESTS += tests/ui/test-qr.sh tests/ui/test-plain.sh tests/ui/test-accounts.sh tests/ui/test-arrow.sh
EXTRA_DIST += tests/ui/test-qr.sh tests/ui/test-plain.sh tests/ui/test-accounts.sh tests/ui/test-arrow.sh
EXTRA_DIST += tests/ui/ui-lib.sh tests/ui/test-ui.sh tests/ui/test-typeahead.sh \
	tests/ui/test-signals.sh tests/ui/test-pay-once.sh tests/ui/test-keys.sh \
	tests/ui/test-reminders.sh tests/ui/test-language.sh tests/ui/test-download.sh \
	bench/ui-bench.sh
