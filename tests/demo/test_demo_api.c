/* The demo portal's C API, in process, as `portail-famille --demo` uses it:
 * start on a free port, the login URL, counters, reset, stop (also while a
 * response is stalled), bad options, and the hand-off and fault parsers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "demo/demo.h"

/* Sends a GET and returns the socket, ready for reading the answer. */
static int http_send(unsigned port, const char *path)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	assert_true(fd >= 0);
	struct sockaddr_in sa;
	memset(&sa, 0, sizeof sa);
	sa.sin_family = AF_INET;
	sa.sin_port = htons((uint16_t)port);
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	assert_int_equal(connect(fd, (struct sockaddr *)&sa, sizeof sa), 0);
	char req[256];
	int n = snprintf(req, sizeof req, "GET %s HTTP/1.0\r\nHost: 127.0.0.1:%u\r\n\r\n", path,
	                 port);
	assert_int_equal(write(fd, req, (size_t)n), n);
	return fd;
}

/* The whole answer (HTTP/1.0: the server closes), NUL-terminated. */
static char *http_get(unsigned port, const char *path)
{
	int fd = http_send(port, path);
	size_t len = 0, cap = 4096;
	char *buf = malloc(cap);
	assert_non_null(buf);
	for (;;) {
		if (cap - len < 1024) {
			cap *= 2;
			buf = realloc(buf, cap);
			assert_non_null(buf);
		}
		ssize_t got = read(fd, buf + len, cap - len - 1);
		if (got <= 0)
			break;
		len += (size_t)got;
	}
	close(fd);
	buf[len] = '\0';
	return buf;
}

static void test_start_defaults(void **state)
{
	(void)state;
	struct demo_server *srv = NULL;
	char *err = NULL;
	assert_int_equal(demo_start(NULL, &srv, &err), 0);
	assert_null(err);
	assert_non_null(srv);
	unsigned port = demo_port(srv);
	assert_true(port > 0 && port < 65536);

	char want[64];
	snprintf(want, sizeof want, "http://127.0.0.1:%u/v4/login.php5", port);
	char *url = demo_login_url(srv);
	assert_string_equal(url, want);
	free(url);

	char *page = http_get(port, "/v4/login.php5");
	assert_non_null(strstr(page, " 200 OK\r\n"));
	assert_non_null(strstr(page, "Content-Type: text/html; charset=ISO-8859-1\r\n"));
	assert_non_null(strstr(page, "Set-Cookie: PHPSESSID="));
	assert_non_null(strstr(page, "name=\"txtPassword\""));
	free(page);
	page = http_get(port, "/v4/compte_factures.php5");
	assert_non_null(strstr(page, " 302 Found\r\n"));
	assert_non_null(strstr(page, "Location: login.php5\r\n"));
	free(page);

	struct demo_stats st = demo_stats(srv);
	assert_int_equal(st.requests, 2);
	assert_true(st.body_bytes > 1000);
	demo_reset(srv);
	st = demo_stats(srv);
	assert_int_equal(st.requests, 0);

	demo_stop(&srv);
	assert_null(srv);
}

static void test_bad_options(void **state)
{
	(void)state;
	static const char *const hosts[] = { "0.0.0.0", "192.168.1.10", "example.org", "::1", "" };
	for (size_t i = 0; i < sizeof hosts / sizeof hosts[0]; i++) {
		struct demo_options o;
		memset(&o, 0, sizeof o);
		o.host = hosts[i];
		struct demo_server *srv = NULL;
		char *err = NULL;
		assert_int_equal(demo_start(&o, &srv, &err), -1);
		assert_null(srv);
		assert_non_null(err);
		assert_non_null(strstr(err, "loopback"));
		free(err);
	}
	struct demo_options o;
	memset(&o, 0, sizeof o);
	o.payfip_host = "evil\"host";
	struct demo_server *srv = NULL;
	assert_int_equal(demo_start(&o, &srv, NULL), -1);
	assert_null(srv);
}

static void test_port_in_use(void **state)
{
	(void)state;
	struct demo_server *a = NULL, *b = NULL;
	assert_int_equal(demo_start(NULL, &a, NULL), 0);
	struct demo_options o;
	memset(&o, 0, sizeof o);
	o.port = demo_port(a);
	char *err = NULL;
	assert_int_equal(demo_start(&o, &b, &err), -1);
	assert_null(b);
	assert_non_null(strstr(err, "cannot listen"));
	free(err);
	demo_stop(&a);
}

static void test_two_servers(void **state)
{
	(void)state;
	struct demo_options o;
	memset(&o, 0, sizeof o);
	o.handoff = DEMO_HANDOFF_DIRECT;
	o.host = "127.0.0.2";
	struct demo_server *a = NULL, *b = NULL;
	assert_int_equal(demo_start(NULL, &a, NULL), 0);
	if (demo_start(&o, &b, NULL) == 0) {
		char *url = demo_login_url(b);
		assert_non_null(strstr(url, "http://127.0.0.2:"));
		free(url);
		demo_stop(&b);
	}
	demo_stop(&a);
}

static void test_stop_wakes_stall(void **state)
{
	(void)state;
	struct demo_options o;
	memset(&o, 0, sizeof o);
	assert_int_equal(demo_fault_parse(&o.faults, "stall=login", NULL), 0);
	struct demo_server *srv = NULL;
	assert_int_equal(demo_start(&o, &srv, NULL), 0);
	int fd = http_send(demo_port(srv), "/v4/login.php5");
	char buf[512];
	assert_true(read(fd, buf, sizeof buf) > 0);
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	demo_stop(&srv);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	assert_true(t1.tv_sec - t0.tv_sec < 5);
	close(fd);
}

static void test_stop_null(void **state)
{
	(void)state;
	struct demo_server *srv = NULL;
	demo_stop(NULL);
	demo_stop(&srv);
	assert_null(srv);
}

static void test_handoff_names(void **state)
{
	(void)state;
	for (int i = 0; i < DEMO_HANDOFF_COUNT; i++) {
		enum demo_handoff h;
		assert_int_equal(
		        demo_handoff_parse(demo_handoff_name((enum demo_handoff)i), &h, NULL), 0);
		assert_int_equal(h, i);
	}
	enum demo_handoff h = DEMO_HANDOFF_POPUP;
	char *err = NULL;
	assert_int_equal(demo_handoff_parse("window", &h, &err), -1);
	assert_non_null(strstr(err, "autosubmit"));
	free(err);
	assert_string_equal(demo_handoff_name(DEMO_HANDOFF_POPUP), "popup");
}

static void test_fault_parse(void **state)
{
	(void)state;
	static const struct {
		const char *spec;
		int rc;
	} cases[] = {
		{ "", -1 },
		{ "=", -1 },
		{ "http500=", -1 },
		{ "http500=nowhere", -1 },
		{ "expire-after", -1 },
		{ "expire-after=-1", -1 },
		{ "expire-after=x", -1 },
		{ "latency-ms=600001", -1 },
		{ "evil-names=1", -1 },
		{ "charset=ebcdic", -1 },
		{ "charset", -1 },
		{ "HTTP500", -1 },
		{ "http500", 0 },
		{ "http500=login,reglement", 0 },
		{ "truncate=all", 0 },
		{ "stall", 0 },
		{ "huge=famille", 0 },
		{ "maintenance", 0 },
		{ "times=1", 0 },
		{ "stall-ms=10", 0 },
		{ "evil-names", 0 },
		{ "charset=meta-only", 0 },
		{ "latency-ms=300", 0 },
		{ "bandwidth-bps=8000", 0 },
		{ "expire-after=3", 0 },
		{ "huge-bytes=1000", 0 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct demo_faults f;
		memset(&f, 0, sizeof f);
		char *err = NULL;
		int rc = demo_fault_parse(&f, cases[i].spec, &err);
		if (rc != cases[i].rc)
			fail_msg("fault \"%s\": rc %d, want %d", cases[i].spec, rc, cases[i].rc);
		if (rc < 0) {
			assert_non_null(err);
			free(err);
		}
	}
	struct demo_faults f;
	memset(&f, 0, sizeof f);
	assert_int_equal(demo_fault_parse(&f, "http500", NULL), 0);
	assert_int_equal(f.http500, DEMO_PAGE_BIT(DEMO_PAGE_FACTURES));
	assert_int_equal(demo_fault_parse(&f, "http500=login,reglement", NULL), 0);
	assert_int_equal(f.http500, DEMO_PAGE_BIT(DEMO_PAGE_FACTURES) |
	                                    DEMO_PAGE_BIT(DEMO_PAGE_LOGIN) |
	                                    DEMO_PAGE_BIT(DEMO_PAGE_REGLEMENT));
	assert_int_equal(demo_fault_parse(&f, "maintenance", NULL), 0);
	assert_true(f.maintenance & DEMO_PAGE_BIT(DEMO_PAGE_LOGIN));
	assert_false(f.maintenance & DEMO_PAGE_BIT(DEMO_PAGE_PAYFIP));
	assert_int_equal(demo_fault_parse(&f, "charset=cp1252", NULL), 0);
	assert_int_equal(f.charset, DEMO_CHARSET_CP1252);
	assert_int_equal(demo_fault_parse(&f, "bandwidth-bps=8000", NULL), 0);
	assert_int_equal(f.bandwidth_bps, 8000);
	for (int p = 0; p < DEMO_PAGE_COUNT_; p++)
		assert_string_not_equal(demo_page_name((enum demo_page)p), "?");
	assert_non_null(strstr(demo_fault_help(), "evil-names"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fault_parse),    cmocka_unit_test(test_handoff_names),
		cmocka_unit_test(test_stop_null),      cmocka_unit_test(test_bad_options),
		cmocka_unit_test(test_start_defaults), cmocka_unit_test(test_port_in_use),
		cmocka_unit_test(test_two_servers),    cmocka_unit_test(test_stop_wakes_stall),
	};
	return cmocka_run_group_tests_name("demo_api", tests, NULL, NULL);
}
