/* Replays what the fuzzers found through the harnesses themselves
 * (tests/fuzz/fuzz_*.c, compiled here without libFuzzer), so a fixed bug
 * stays fixed under a plain build as well as under scripts/fuzz.sh:
 *  - every input saved under tests/fixtures/fuzz/, named TARGET-WHAT
 *    (e.g. form_encode-utf8-host), one test case each;
 *  - the seeds (every HTML fixture, tests/fuzz/seeds/), one case per target,
 *    so that the harnesses' own properties hold on known-good pages;
 *  - the bugs still open (fuzz.h, FUZZ_OPEN_BUG_*), checked directly. */
#include "config.h"

#include <dirent.h>
#include <stdio.h>

#include "util/file.h"
#include "util/xalloc.h"
#include "web/url.h"
#include "fuzz/fuzz.h"
#include "test_util.h"

#define N_ELEMS(a) (sizeof(a) / sizeof((a)[0]))
#define MAX_CASES 1024

static const struct target {
	const char *name;
	int (*run)(const uint8_t *data, size_t size);
	const char *prefix; /* bytes put before a seed page (see the harness) */
	size_t prefix_len;
} targets[] = {
	{ "invoices", fuzz_invoices, "", 0 },
	{ "login", fuzz_login, "", 0 },
	{ "form_encode", fuzz_form_encode, "\0\0", 2 },
	{ "money_date", fuzz_money_date, "", 0 },
	{ "handoff", fuzz_handoff, "", 0 },
	{ "sanitize", fuzz_sanitize, "", 0 },
	{ "page_text", fuzz_page_text, "P\0", 2 },
	{ "charset", fuzz_charset, "", 0 },
	{ "config", fuzz_config, "", 0 },
	{ "payments", fuzz_payments, "", 0 },
	{ "documents", fuzz_documents, "", 0 },
	{ "disposition", fuzz_disposition, "", 0 },
};

static void fail_hook(const char *message)
{
	fail_msg("%s", message);
}

static const struct target *target_named(const char *name, size_t len)
{
	for (size_t i = 0; i < N_ELEMS(targets); i++)
		if (strlen(targets[i].name) == len && strncmp(targets[i].name, name, len) == 0)
			return &targets[i];
	return NULL;
}

/* Runs the target on prefix + the file, in a buffer of exactly that size
 * as libFuzzer gives it, so that an overread is caught under ASan. */
static void run_file(const struct target *t, const char *path)
{
	char *bytes = NULL, *err = NULL;
	size_t len = 0;

	if (file_read_all(path, 2 * FUZZ_MAX_HTML, &bytes, &len, &err) < 0)
		fail_msg("%s", err);
	uint8_t *input = xmalloc(t->prefix_len + len);
	memcpy(input, t->prefix, t->prefix_len);
	memcpy(input + t->prefix_len, bytes, len);
	free(bytes);
	assert_int_equal(t->run(input, t->prefix_len + len), 0);
	free(input);
}

/* ---- inputs the fuzzers found ---- */

struct found {
	const struct target *target;
	char *path;
};

static void run_found(void **state)
{
	const struct found *f = *state;
	run_file(f->target, f->path);
}

/* ---- seeds ---- */

struct seed_set {
	const char *target;
	const char *dir; /* under tests/fixtures, or "../fuzz/seeds/NAME" */
	const char *suffix;
};

static const struct seed_set seed_sets[] = {
	{ "invoices", "invoices", ".html" },
	{ "invoices", "pages", ".html" },
	{ "login", "pages", ".html" },
	{ "form_encode", "pages", ".html" },
	{ "form_encode", "invoices", ".html" },
	{ "form_encode", "handoff", ".html" },
	{ "handoff", "handoff", ".html" },
	{ "page_text", "pages", ".html" },
	{ "charset", "invoices", ".html" },
	{ "money_date", "../fuzz/seeds/money_date", "" },
	{ "sanitize", "../fuzz/seeds/sanitize", "" },
	{ "config", "../fuzz/seeds/config", "" },
	{ "payments", "payments", ".html" },
	{ "payments", "pages", ".html" },
	{ "documents", "documents", ".html" },
	{ "documents", "pages", ".html" },
	{ "disposition", "../fuzz/seeds/disposition", "" },
};

static void run_seeds(void **state)
{
	const struct seed_set *s = *state;
	const struct target *t = target_named(s->target, strlen(s->target));
	char *dir = xasprintf("%s/%s", fixtures_dir(), s->dir);
	DIR *d = opendir(dir);
	size_t count = 0;
	struct dirent *e;

	assert_non_null(t);
	if (!d)
		fail_msg("cannot open %s", dir);
	while ((e = readdir(d))) {
		size_t n = strlen(e->d_name), sn = strlen(s->suffix);
		if (e->d_name[0] == '.' || n < sn || strcmp(e->d_name + n - sn, s->suffix) != 0)
			continue;
		char *path = xasprintf("%s/%s", dir, e->d_name);
		run_file(t, path);
		free(path);
		count++;
	}
	closedir(d);
	free(dir);
	assert_true(count > 0);
}

/* ---- bugs still open (fuzz.h) ----
 * While a FUZZ_OPEN_BUG_* macro is 1 its case checks that the bug is still
 * there (so the harnesses' allowance for it is still needed) and fails
 * once it is fixed, asking for the macro to be set to 0; from then on it
 * checks the right behaviour. (cmocka's skip() prints "not ok # SKIP",
 * which automake's TAP driver counts as a failure.) */

#define PORTAL "https://portail.example.fr/portail/"

static bool url_is_printable_ascii(const char *url)
{
	for (const char *p = url; *p; p++)
		if ((unsigned char)*p <= 0x20 || (unsigned char)*p >= 0x7f)
			return false;
	return true;
}

/* tests/fixtures/fuzz/form_encode-utf8-host, handoff-nul-in-host,
 * form_encode-del-in-host: a form action whose host holds non-ASCII (U+FFFD
 * from a NUL byte in the second), DEL, a C1 CSI or a bidi override. */
static void open_bug_raw_host(void **state)
{
	static const char *const refs[] = {
		"https://www.tipi.budget.gouv.f\xc3\xb2/tpa/paiement.web",
		"h:/\xef\xbf\xbd",
		"https://a%7Fb.fr/",
		"https://a%C2%9Bb.fr/",
		"https://a%E2%80%AEb.fr/",
	};
	for (size_t i = 0; i < N_ELEMS(refs); i++) {
		char *err = NULL;
		char *url = url_resolve(PORTAL, refs[i], &err);
		bool clean = !url || url_is_printable_ascii(url);
		if (FUZZ_OPEN_BUG_URL_RAW_HOST && clean)
			fail_msg("url_resolve no longer keeps a raw host for \"%s\": set "
			         "FUZZ_OPEN_BUG_URL_RAW_HOST to 0 in tests/fuzz/fuzz.h",
			         refs[i]);
		if (!FUZZ_OPEN_BUG_URL_RAW_HOST && !clean)
			fail_msg("\"%s\" resolves to \"%s\": non-ASCII bytes in the URL", refs[i],
			         url);
		free(url);
		free(err);
	}
}

/* tests/fixtures/fuzz/form_encode-digit-scheme: "5:/e" is a path, as in
 * browsers (a scheme starts with a letter). */
static void open_bug_bad_scheme(void **state)
{
	char *err = NULL;
	char *url = url_resolve(PORTAL, "5:/e", &err);
	bool right = url && strcmp(url, PORTAL "5:/e") == 0;
	if (FUZZ_OPEN_BUG_URL_BAD_SCHEME && right)
		fail_msg(
		        "url_resolve now reads \"5:/e\" as a path: set FUZZ_OPEN_BUG_URL_BAD_SCHEME "
		        "to 0 in tests/fuzz/fuzz.h");
	if (!FUZZ_OPEN_BUG_URL_BAD_SCHEME && !right)
		fail_msg("\"5:/e\" resolves to \"%s\", not \"%s\"", url ? url : err, PORTAL "5:/e");
	free(url);
	free(err);
}

/* tests/fixtures/fuzz/invoices-tidy-doctype-in-button: tidy-html5 5.6.0
 * recurses without end. While open, html_parse cannot be called on it (the
 * process would die): check that the harnesses' filter recognises it and
 * still lets ordinary pages through. */
static void open_bug_tidy_doctype(void **state)
{
	static const char page[] = "<button <!D p><p";
	static const char ok[] = "<!DOCTYPE html><button>Payer</button><p>x</p>";

	if (FUZZ_OPEN_BUG_TIDY_DOCTYPE) {
		assert_true(fuzz_open_bug_tidy((const uint8_t *)page, strlen(page), NULL));
		assert_false(fuzz_open_bug_tidy((const uint8_t *)ok, strlen(ok), NULL));
		return;
	}
	struct html_doc *doc = NULL;
	char *err = NULL;
	if (html_parse(page, strlen(page), NULL, &doc, &err) == 0)
		html_doc_free(&doc);
	free(err);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct CMUnitTest *)a)->name, ((const struct CMUnitTest *)b)->name);
}

int main(void)
{
	struct CMUnitTest *tests = xcalloc(MAX_CASES, sizeof(*tests));
	struct found *found = xcalloc(MAX_CASES, sizeof(*found));
	size_t count = 0, nfound = 0;
	char *dir = xasprintf("%s/fuzz", fixtures_dir());
	DIR *d = opendir(dir);
	struct dirent *e;

	fuzz_set_fail_hook(fail_hook);
	while (d && (e = readdir(d)) && nfound < MAX_CASES / 2) {
		const char *dash = strchr(e->d_name, '-');
		const struct target *t = dash ? target_named(e->d_name, (size_t)(dash - e->d_name))
		                              : NULL;
		if (e->d_name[0] == '.' || !t)
			continue;
		found[nfound] = (struct found){ t, xasprintf("%s/%s", dir, e->d_name) };
		tests[count++] = (struct CMUnitTest){ .name = xasprintf("found %s", e->d_name),
			                              .test_func = run_found,
			                              .initial_state = &found[nfound] };
		nfound++;
	}
	if (d)
		closedir(d);
	qsort(tests, count, sizeof(*tests), by_name);
	for (size_t i = 0; i < N_ELEMS(seed_sets); i++)
		tests[count++] = (struct CMUnitTest){
			.name = xasprintf("seeds %s %s", seed_sets[i].target, seed_sets[i].dir),
			.test_func = run_seeds,
			.initial_state = (void *)&seed_sets[i],
		};
	tests[count++] = (struct CMUnitTest){ .name = xstrdup("open bug: url_resolve, raw host"),
		                              .test_func = open_bug_raw_host };
	tests[count++] = (struct CMUnitTest){ .name = xstrdup("open bug: url_resolve, bad scheme"),
		                              .test_func = open_bug_bad_scheme };
	tests[count++] = (struct CMUnitTest){ .name = xstrdup("open bug: tidy, DOCTYPE in button"),
		                              .test_func = open_bug_tidy_doctype };

	int failed = _cmocka_run_group_tests("fuzz regressions", tests, count, NULL, NULL);
	for (size_t i = 0; i < count; i++)
		free((char *)tests[i].name);
	for (size_t i = 0; i < nfound; i++)
		free(found[i].path);
	free(tests);
	free(found);
	free(dir);
	return failed;
}
