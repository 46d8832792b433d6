# The demo portal (libmicrohttpd): a stand-in for the AIGA Portail familles
# and PayFiP, used in-process by `portail-famille --demo`, standalone by the
# end-to-end tests and the benchmarks. It depends on libc, libmicrohttpd,
# zlib, jansson and pthreads only (not on src/libportail.a), so it builds
# and links on its own.
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
	src/demo/account.c \
	src/demo/payfip.c \
	src/demo/stats.c \
	src/demo/respond.c \
	src/demo/server.c

DEMO_LIBS = src/demo/libdemo.a $(MHD_LIBS) $(ZLIB_LIBS) $(JANSSON_LIBS) -lpthread

# The standalone server; built by `make` (benchmarks use it) and therefore
# before `make check` runs the end-to-end script.
noinst_PROGRAMS += tests/demo/demo-portal
tests_demo_demo_portal_SOURCES = tests/demo/demo-portal.c
tests_demo_demo_portal_LDADD = $(DEMO_LIBS)

# End-to-end, with curl against the standalone server (TAP).
TESTS += tests/demo/test-demo.sh
EXTRA_DIST += tests/demo/test-demo.sh

# The C API in process, as `portail-famille --demo` uses it (cmocka, TAP).
if HAVE_CMOCKA
check_PROGRAMS += tests/demo/test_demo_api
TESTS += tests/demo/test_demo_api
endif
tests_demo_test_demo_api_SOURCES = tests/demo/test_demo_api.c
tests_demo_test_demo_api_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_demo_test_demo_api_LDADD = $(DEMO_LIBS) $(CMOCKA_LIBS)
