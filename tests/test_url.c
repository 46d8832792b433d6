/* Unit tests for url.c: resolution as browsers do it, hosts, fetch policy. */
#include "config.h"

#include <stdbool.h>

#include "web/url.h"
#include "test_cases.h"

struct resolve_case {
	const char *name;
	const char *base, *ref;
	const char *want; /* NULL: an error */
};

/* RFC 3986 section 5.4 ("normal" and "abnormal" examples), then what
 * portals write in their hrefs. */
static const char rfc_base[] = "http://a/b/c/d;p?q";
static const struct resolve_case resolve_cases[] = {
	{ "rfc3986 g", rfc_base, "g", "http://a/b/c/g" },
	{ "rfc3986 ./g", rfc_base, "./g", "http://a/b/c/g" },
	{ "rfc3986 g/", rfc_base, "g/", "http://a/b/c/g/" },
	{ "rfc3986 /g", rfc_base, "/g", "http://a/g" },
	{ "rfc3986 //g", rfc_base, "//g", "http://g/" },
	{ "rfc3986 ?y", rfc_base, "?y", "http://a/b/c/d;p?y" },
	{ "rfc3986 g?y", rfc_base, "g?y", "http://a/b/c/g?y" },
	{ "rfc3986 #s drops the fragment", rfc_base, "#s", "http://a/b/c/d;p?q" },
	{ "rfc3986 g#s", rfc_base, "g#s", "http://a/b/c/g" },
	{ "rfc3986 g?y#s", rfc_base, "g?y#s", "http://a/b/c/g?y" },
	{ "rfc3986 ;x", rfc_base, ";x", "http://a/b/c/;x" },
	{ "rfc3986 g;x?y#s", rfc_base, "g;x?y#s", "http://a/b/c/g;x?y" },
	{ "rfc3986 empty ref is the base", rfc_base, "", "http://a/b/c/d;p?q" },
	{ "rfc3986 .", rfc_base, ".", "http://a/b/c/" },
	{ "rfc3986 ..", rfc_base, "..", "http://a/b/" },
	{ "rfc3986 ../g", rfc_base, "../g", "http://a/b/g" },
	{ "rfc3986 ../../g", rfc_base, "../../g", "http://a/g" },
	{ "rfc3986 ../../../g stays at the root", rfc_base, "../../../g", "http://a/g" },
	{ "rfc3986 /./g", rfc_base, "/./g", "http://a/g" },
	{ "rfc3986 /../g", rfc_base, "/../g", "http://a/g" },
	{ "rfc3986 g.", rfc_base, "g.", "http://a/b/c/g." },
	{ "rfc3986 ..g", rfc_base, "..g", "http://a/b/c/..g" },
	{ "rfc3986 g/../h", rfc_base, "g/../h", "http://a/b/c/h" },
	{ "rfc3986 g;x=1/../y", rfc_base, "g;x=1/../y", "http://a/b/c/y" },
	{ "rfc3986 dots in the query stay", rfc_base, "g?y/../x", "http://a/b/c/g?y/../x" },
	{ "same scheme without slashes is relative", rfc_base, "http:g", "http://a/b/c/g" },
	{ "bare same scheme is the base", rfc_base, "http:", "http://a/b/c/d;p?q" },
	{ "absolute https URL", "http://127.0.0.1:8080/v4/accueil.php5",
	  "https://www.tipi.budget.gouv.fr/tpa/paiementws.web?idop=abc",
	  "https://www.tipi.budget.gouv.fr/tpa/paiementws.web?idop=abc" },
	{ "demo payment host, other port", "http://127.0.0.1:8080/v4/reglement.php5",
	  "//localhost:8081/tpa/paiementws.web?idop=T0K3N",
	  "http://localhost:8081/tpa/paiementws.web?idop=T0K3N" },
	{ "portal relative link", "https://portail2.aiga.fr/v4/accueil.php5?id=3",
	  "factures.php5?regie=1&amp=2",
	  "https://portail2.aiga.fr/v4/factures.php5?regie=1&amp=2" },
	{ "surrounding spaces and newlines trimmed", "https://portail2.aiga.fr/v4/x.php5",
	  " \n\tfactures.php5 \r\n", "https://portail2.aiga.fr/v4/factures.php5" },
	{ "tab and newline inside removed", "https://p.fr/v4/x", "fac\ntu\tres.php5",
	  "https://p.fr/v4/factures.php5" },
	{ "space in path percent-encoded", "https://p.fr/v4/x", "facture 1.pdf",
	  "https://p.fr/v4/facture%201.pdf" },
	{ "space and quote in query encoded", "https://p.fr/v4/x", "f.php5?nom=d'arc x",
	  "https://p.fr/v4/f.php5?nom=d%27arc%20x" },
	{ "non-ASCII path as UTF-8 escapes", "https://p.fr/v4/x", "r\xc3\xa9gie.php5",
	  "https://p.fr/v4/r%C3%A9gie.php5" },
	{ "existing escapes kept", "https://p.fr/v4/x", "a%20b%zz", "https://p.fr/v4/a%20b%zz" },
	{ "backslash is a slash in http", "https://p.fr/v4/x", "..\\img\\a.png",
	  "https://p.fr/img/a.png" },
	{ "host lowercased, default port dropped", "https://p.fr/", "HTTPS://WWW.TiPi.fr:443/A",
	  "https://www.tipi.fr/A" },
	{ "other port kept", "https://p.fr/", "https://p.fr:8443/a", "https://p.fr:8443/a" },
	{ "ipv6 loopback", "http://[::1]:8080/v4/a", "b", "http://[::1]:8080/v4/b" },
	{ "numeric ipv4 normalised", "http://127.1:8080/v4/a", "b", "http://127.0.0.1:8080/v4/b" },
	{ "base fragment dropped", "https://p.fr/a?x#top", "", "https://p.fr/a?x" },
	{ "javascript: is not a URL to resolve", "https://p.fr/a", "javascript:void(0)", NULL },
	{ "mailto: refused", "https://p.fr/a", "mailto:mairie@example.fr", NULL },
	{ "bad host", "https://p.fr/a", "https://exa mple.fr/", NULL },
	{ "relative base refused", "v4/a.php5", "b", NULL },
	{ "empty base refused", "", "b", NULL },
};

static void test_resolve(void **state)
{
	const struct resolve_case *c = *state;
	char *err = NULL;
	char *got = url_resolve(c->base, c->ref, &err);

	if (c->want) {
		if (!got)
			fail_msg("%s: error %s", c->ref, err ? err : "(none)");
		assert_string_equal(got, c->want);
		assert_null(err);
	} else {
		if (got)
			fail_msg("%s: resolved to %s", c->ref, got);
		assert_non_null(err);
		assert_null(strchr(err, '\x1b'));
	}
	free(got);
	free(err);
}

static void test_resolve_null_arguments(void **state)
{
	char *err = NULL;

	assert_null(url_resolve(NULL, "a", &err));
	assert_non_null(err);
	free(err);
	assert_null(url_resolve("https://p.fr/", NULL, NULL));
}

static void test_error_message_is_sanitized(void **state)
{
	char *err = NULL;

	assert_null(url_resolve("https://p.fr/", "https://\x1b[31mevil\x1b[0m.fr\x07/", &err));
	assert_non_null(err);
	assert_null(strchr(err, '\x1b'));
	assert_null(strchr(err, '\x07'));
	free(err);
}

struct query_case {
	const char *name, *url, *query, *want;
};

static const struct query_case query_cases[] = {
	{ "query replaced", "https://p.fr/a.php5?old=1#f", "q=2", "https://p.fr/a.php5?q=2" },
	{ "query added", "https://p.fr/a.php5", "q=%C3%A9", "https://p.fr/a.php5?q=%C3%A9" },
	{ "empty query keeps the ?", "https://p.fr/a.php5?x", "", "https://p.fr/a.php5?" },
};

static void test_with_query(void **state)
{
	const struct query_case *c = *state;
	char *got = url_with_query(c->url, c->query, NULL);

	assert_non_null(got);
	assert_string_equal(got, c->want);
	free(got);
}

static void test_with_query_bad_url(void **state)
{
	char *err = NULL;

	assert_null(url_with_query("not a url", "a=b", &err));
	assert_non_null(err);
	free(err);
}

static void test_scheme_and_host(void **state)
{
	static const struct {
		const char *url, *scheme, *host;
	} cases[] = {
		{ "HTTPS://WWW.Tipi.Budget.Gouv.FR:443/tpa/x", "https", "www.tipi.budget.gouv.fr" },
		{ "http://127.0.0.1:8080/v4/", "http", "127.0.0.1" },
		{ "http://[::1]:8081/x", "http", "::1" },
		{ "javascript:window.open('x')", "javascript", NULL },
		{ "file:///etc/passwd", "file", NULL },
		{ "ftp://files.example.fr/a", "ftp", "files.example.fr" },
		{ "/relative/path", NULL, NULL },
		{ "1http://x/", NULL, NULL },
		{ "", NULL, NULL },
	};

	for (size_t i = 0; i < COUNT(cases); i++) {
		char *scheme = url_scheme(cases[i].url), *host = url_host(cases[i].url);
		if (cases[i].scheme)
			assert_string_equal(scheme, cases[i].scheme);
		else
			assert_null(scheme);
		if (cases[i].host)
			assert_string_equal(host, cases[i].host);
		else if (host)
			fail_msg("%s: host %s", cases[i].url, host);
		free(scheme);
		free(host);
	}
	assert_null(url_scheme(NULL));
	assert_null(url_host(NULL));
}

static void test_same_host(void **state)
{
	assert_true(
	        url_same_host("https://Portail2.aiga.fr/v4/a", "https://portail2.AIGA.fr:443/b"));
	assert_true(url_same_host("http://127.0.0.1:8080/v4/a", "http://127.0.0.1:9999/"));
	/* The demo portal and its payment stand-in differ by host name only. */
	assert_false(url_same_host("http://127.0.0.1:8080/v4/a", "http://localhost:8080/tpa"));
	assert_false(
	        url_same_host("https://portail2.aiga.fr/", "https://www.tipi.budget.gouv.fr/"));
	assert_false(url_same_host("https://portail2.aiga.fr/", "not a url"));
	assert_false(url_same_host(NULL, NULL));
}

static void test_loopback_hosts(void **state)
{
	static const char *const yes[] = {
		"localhost", "LocalHost", "127.0.0.1",       "127.1.2.3",
		"::1",       "[::1]",     "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1"
	};
	static const char *const no[] = {
		"",    "localhost.example.fr", "128.0.0.1",        "10.0.0.1",
		"::2", "portail2.aiga.fr",     "127.0.0.1.nip.io", "0.0.0.0"
	};

	for (size_t i = 0; i < COUNT(yes); i++)
		if (!url_host_is_loopback(yes[i]))
			fail_msg("%s should be loopback", yes[i]);
	for (size_t i = 0; i < COUNT(no); i++)
		if (url_host_is_loopback(no[i]))
			fail_msg("%s should not be loopback", no[i]);
	assert_false(url_host_is_loopback(NULL));
}

struct policy_case {
	const char *name, *url;
	bool allowed;
	const char *message_part; /* for a refusal */
};

static const struct policy_case policy_cases[] = {
	{ "https anywhere", "https://www.tipi.budget.gouv.fr/tpa/paiementws.web?idop=1", true,
	  NULL },
	{ "http to 127.0.0.1", "http://127.0.0.1:8080/v4/login.php5", true, NULL },
	{ "http to localhost", "http://localhost:8081/tpa/paiementws.web?idop=x", true, NULL },
	{ "http to ::1", "http://[::1]:8080/", true, NULL },
	{ "plain http elsewhere", "http://portail2.aiga.fr/v4/login.php5", false,
	  "portail2.aiga.fr" },
	{ "javascript:", "javascript:alert(1)", false, "javascript" },
	{ "file:", "file:///etc/passwd", false, "file" },
	{ "ftp:", "ftp://example.fr/x", false, "ftp" },
	{ "data:", "data:text/html,<b>x</b>", false, "data" },
	{ "relative", "/v4/login.php5", false, "not a valid" },
	{ "control characters", "https://p.fr/\x1b[2J", false, "not a valid" },
};

static void test_is_plain(void **state)
{
	assert_true(url_is_plain("https://www.payfip.gouv.fr/tpa/paiement.web?numcli=1&"
	                         "objet=Facture%20F2022-0912%C3%A9&urlcl=https%3A%2F%2Fp.fr%2F"));
	assert_true(url_is_plain("https://p.fr/100%")); /* a lone % is not a byte */
	assert_true(url_is_plain("https://p.fr/%zz%2"));
	assert_false(url_is_plain(NULL));
	assert_false(url_is_plain(""));
	assert_false(url_is_plain("https://p.fr/a b"));
	assert_false(url_is_plain("https://p.fr/\x1b[2J"));
	assert_false(url_is_plain("https://p.fr/caf\xc3\xa9"));
	assert_false(url_is_plain("https://p.fr/?x=%1B%5B2J"));
	assert_false(url_is_plain("https://p.fr/?x=%1b"));
	assert_false(url_is_plain("https://p.fr/?x=%00"));
	assert_false(url_is_plain("https://p.fr/?x=%0A"));
	assert_false(url_is_plain("https://p.fr/?x=%7f"));
	assert_false(url_is_plain("https://p.fr/?x=%C2%9B2J"));          /* C1 CSI */
	assert_false(url_is_plain("https://p.fr/?x=lmth%E2%80%AE.exe")); /* RLO */
	assert_false(url_is_plain("https://p.fr/?x=a%E2%80%8Bb"));       /* zero width */
	assert_true(url_is_plain("https://p.fr/?objet=Cr%E8che%20%80")); /* Latin-1 */
}

static void test_policy(void **state)
{
	const struct policy_case *c = *state;
	char *err = NULL;
	int rc = url_check_allowed(c->url, &err);

	if (c->allowed) {
		assert_int_equal(rc, 0);
		assert_null(err);
		return;
	}
	assert_int_equal(rc, -1);
	assert_non_null(err);
	if (!strstr(err, c->message_part))
		fail_msg("message \"%s\" lacks \"%s\"", err, c->message_part);
	assert_null(strchr(err, '\x1b'));
	free(err);
	assert_int_equal(url_check_allowed(c->url, NULL), -1);
}

static void test_policy_null(void **state)
{
	char *err = NULL;

	assert_int_equal(url_check_allowed(NULL, &err), -1);
	free(err);
}

static void test_is_javascript(void **state)
{
	static const char *const yes[] = { "javascript:void(0)", "JavaScript:payer()",
		                           "  \tjavascript:x", "java\tscript:x", "jav\nascript:x" };
	static const char *const no[] = {
		"javascript", "javascrip:x", "/javascript:x", "http://p.fr/javascript:x", "", "#"
	};

	for (size_t i = 0; i < COUNT(yes); i++)
		if (!url_is_javascript(yes[i]))
			fail_msg("\"%s\" is javascript", yes[i]);
	for (size_t i = 0; i < COUNT(no); i++)
		if (url_is_javascript(no[i]))
			fail_msg("\"%s\" is not javascript", no[i]);
	assert_false(url_is_javascript(NULL));
}

struct redact_case {
	const char *name, *url, *want;
};

static const struct redact_case redact_cases[] = {
	{ "no credentials", "https://portail2.aiga.fr/v4/login.php5",
	  "https://portail2.aiga.fr/v4/login.php5" },
	{ "password masked", "http://u:secret@127.0.0.1:1/v4/login.php5",
	  "http://u:***@127.0.0.1:1/v4/login.php5" },
	{ "user alone kept", "https://martin@p.fr/v4/", "https://martin@p.fr/v4/" },
	{ "empty user", "https://:secret@p.fr/", "https://:***@p.fr/" },
	{ "the last @ ends the user part", "https://u:p@ss@p.fr/x", "https://u:***@p.fr/x" },
	{ "an @ in the path is not a user part", "https://p.fr/a:b@c", "https://p.fr/a:b@c" },
	{ "an @ after the fragment neither", "https://p.fr#a:b@c", "https://p.fr#a:b@c" },
	{ "port kept", "http://u:secret@localhost:8080/", "http://u:***@localhost:8080/" },
	{ "scheme in capitals", "HTTPS://U:SECRET@P.FR/", "HTTPS://U:***@P.FR/" },
	{ "no scheme", "//u:secret@p.fr/x", "//u:***@p.fr/x" },
	{ "backslashes", "http:\\\\u:secret@p.fr\\x", "http:\\\\u:***@p.fr\\x" },
	{ "tab inside the scheme", "ht\ttp://u:secret@p.fr/", "http://u:***@p.fr/" },
	{ "a URL curl refuses", "http://u:secret@[::1", "http://u:***@[::1" },
	{ "controls in the password", "http://u:\x1b[31msec\nret@p.fr/", "http://u:***@p.fr/" },
	{ "no authority (mailto:)", "mailto:a:b@p.fr", "mailto:a:b@p.fr" },
	{ "secret query value", "https://p.fr/x?mdp=abc&a=1&token=t",
	  "https://p.fr/x?mdp=…&a=1&token=…" },
	{ "both", "https://u:secret@p.fr/x?pass=1", "https://u:***@p.fr/x?pass=…" },
	{ "a URL in the query is not this URL's user part", "https://p.fr/?next=http://u:p@h",
	  "https://p.fr/?next=http://u:p@h" },
	{ "ESC shown inert", "https://p.fr/\x1b[2J", "https://p.fr/^[[2J" },
	{ "empty", "", "" },
};

static void test_redacted(void **state)
{
	const struct redact_case *c = *state;
	char *got = url_redacted(c->url);

	if (strcmp(got, c->want) != 0)
		fail_msg("\"%s\": got \"%s\", want \"%s\"", c->url, got, c->want);
	free(got);
}

/* Every message of url.c that quotes a URL masks its password. */
static void test_messages_mask_passwords(void **state)
{
	char *err = NULL, *got;

	got = url_redacted(NULL);
	assert_string_equal(got, "");
	free(got);
	assert_int_equal(url_check_allowed("http://u:secret@[::1", &err), -1);
	assert_non_null(strstr(err, "u:***@"));
	assert_null(strstr(err, "secret"));
	free(err);
	err = NULL;
	assert_null(url_resolve("http://u:secret@[::1/", "a", &err));
	assert_non_null(strstr(err, "u:***@"));
	assert_null(strstr(err, "secret"));
	free(err);
	err = NULL;
	assert_null(url_with_query("http://u:secret@[::1/", "a=1", &err));
	assert_non_null(strstr(err, "u:***@"));
	assert_null(strstr(err, "secret"));
	free(err);
}

int main(void)
{
	static const struct CMUnitTest fixed[] = {
		cmocka_unit_test(test_resolve_null_arguments),
		cmocka_unit_test(test_error_message_is_sanitized),
		cmocka_unit_test(test_with_query_bad_url),
		cmocka_unit_test(test_scheme_and_host),
		cmocka_unit_test(test_same_host),
		cmocka_unit_test(test_loopback_hosts),
		cmocka_unit_test(test_policy_null),
		cmocka_unit_test(test_is_javascript),
		cmocka_unit_test(test_is_plain),
		cmocka_unit_test(test_messages_mask_passwords),
	};
	struct CMUnitTest tests[COUNT(fixed) + COUNT(resolve_cases) + COUNT(query_cases) +
	                        COUNT(policy_cases) + COUNT(redact_cases)];
	size_t n = 0, named;
	int rc;

	TEST_CASES_ADD(tests, n, resolve_cases, test_resolve, "resolve: ");
	TEST_CASES_ADD(tests, n, query_cases, test_with_query, "with_query: ");
	TEST_CASES_ADD(tests, n, policy_cases, test_policy, "policy: ");
	TEST_CASES_ADD(tests, n, redact_cases, test_redacted, "redacted: ");
	named = n;
	for (size_t i = 0; i < COUNT(fixed); i++)
		tests[n++] = fixed[i];
	rc = _cmocka_run_group_tests("url", tests, n, NULL, NULL);
	test_cases_free_names(tests, named);
	return rc;
}
