# The demo portal (libmicrohttpd): a stand-in for the AIGA Portail familles
# and PayFiP, a program of its own (portail-famille-demo, installed in
# $(pkglibexecdir)) that `portail-famille --demo`, the end-to-end tests and
# the benchmarks start. It depends on libc, libmicrohttpd, zlib, jansson and
# pthreads only (not on src/libportail.a), and the client does not link it.
noinst_LIBRARIES += src/demo/libdemo.a
src_demo_libdemo_a_CFLAGS = $(AM_CFLAGS) $(MHD_CFLAGS) $(ZLIB_CFLAGS) $(JANSSON_CFLAGS)
src_demo_libdemo_a_SOURCES = \
	src/demo/demo.h src/demo/internal.h \
	src/demo/buf.c \
	src/demo/data.c \
	src/demo/faults.c \
	src/demo/session.c \
	src/demo/pages.c \
	src/demo/info.c \
	src/demo/history.c \
	src/demo/account.c \
	src/demo/document.c \
	src/demo/payfip.c \
	src/demo/stats.c \
	src/demo/assets.c \
	src/demo/respond.c \
	src/demo/server.c

DEMO_LIBS = src/demo/libdemo.a $(MHD_LIBS) $(ZLIB_LIBS) $(JANSSON_LIBS) -lpthread

# The program; built by `make` (benchmarks use it) and therefore before
# `make check` runs the end-to-end scripts.
pkglibexec_PROGRAMS += src/demo/portail-famille-demo
src_demo_portail_famille_demo_SOURCES = src/demo/main.c
src_demo_portail_famille_demo_LDADD = $(DEMO_LIBS)

# End-to-end, with curl against the standalone server (TAP).
TESTS += tests/demo/test-demo.sh
EXTRA_DIST += tests/demo/test-demo.sh

# The server's C API in process (cmocka, TAP).
if HAVE_CMOCKA
check_PROGRAMS += tests/demo/test_demo_api
TESTS += tests/demo/test_demo_api
endif
tests_demo_test_demo_api_SOURCES = tests/demo/test_demo_api.c
tests_demo_test_demo_api_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_demo_test_demo_api_LDADD = $(DEMO_LIBS) $(CMOCKA_LIBS)
