/* Unit tests for app/browser.c: what may reach $BROWSER, and how, and the
 * openers found in $PATH without it. The browser is a script that records
 * its argument in a marker file. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "util/file.h"
#include "util/xalloc.h"
#include "app/browser.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

struct browser_env {
	char dir[64];
	char *script, *marker;
};

static int setup(void **state)
{
	struct browser_env *e = xcalloc(1, sizeof(*e));
	snprintf(e->dir, sizeof e->dir, "%s/test-browser.XXXXXX",
	         getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(e->dir))
		return -1;
	e->script = xasprintf("%s/browser.sh", e->dir);
	e->marker = xasprintf("%s/opened", e->dir);
	FILE *f = fopen(e->script, "w");
	if (!f)
		return -1;
	fprintf(f, "#!/bin/sh\nprintf '%%s\\n' \"$1\" >>'%s'\n", e->marker);
	fclose(f);
	chmod(e->script, 0700);
	setenv("BROWSER", e->script, 1);
	*state = e;
	return 0;
}

static int teardown(void **state)
{
	struct browser_env *e = *state;
	unlink(e->marker);
	unlink(e->script);
	rmdir(e->dir);
	free(e->script);
	free(e->marker);
	free(e);
	unsetenv("BROWSER");
	return 0;
}

static bool opened(const struct browser_env *e)
{
	return access(e->marker, F_OK) == 0;
}

/* The fetch policy holds for the browser too: only https, or http toward
 * the loopback, is opened. */
static void test_refused_schemes_never_reach_the_browser(void **state)
{
	static const char *const refused[] = {
		"file:///etc/passwd",           "FILE:///etc/passwd",  "ftp://127.0.0.1/tarifs.pdf",
		"http://www.mairie-lhorme.fr/", "javascript:alert(1)", "mailto:a@p.fr",
		"smb://serveur/partage",        "not a url",
	};
	struct browser_env *e = *state;
	for (size_t i = 0; i < COUNT(refused); i++) {
		char *err = NULL;
		if (browser_open(refused[i], &err) != -1)
			fail_msg("%s was opened", refused[i]);
		assert_non_null(err);
		if (!strstr(err, "not opened"))
			fail_msg("%s: \"%s\" does not say it was not opened", refused[i], err);
		free(err);
		assert_false(opened(e));
	}
}

static void test_allowed_urls_are_opened(void **state)
{
	struct browser_env *e = *state;
	char *err = NULL;
	assert_int_equal(
	        browser_open("https://www.tipi.budget.gouv.fr/tpa/paiement.web?idop=1", &err), 0);
	assert_int_equal(browser_open("http://localhost:8080/tpa/paiementws.web?idop=2", &err), 0);
	assert_null(err);
	char *text = NULL;
	size_t len = 0;
	assert_int_equal(file_read_all(e->marker, 4096, &text, &len, &err), 0);
	assert_string_equal(text, "https://www.tipi.budget.gouv.fr/tpa/paiement.web?idop=1\n"
	                          "http://localhost:8080/tpa/paiementws.web?idop=2\n");
	free(text);
}

/* Without $BROWSER: xdg-open from $PATH, with the URL as its argument. */
static void test_without_browser_xdg_open_from_path(void **state)
{
	struct browser_env *e = *state;
	char *opener = xasprintf("%s/xdg-open", e->dir);
	assert_int_equal(rename(e->script, opener), 0);
	unsetenv("BROWSER");
	char *old_path = xstrdup(getenv("PATH") ? getenv("PATH") : "");
	char *path = xasprintf("/nonexistent::%s", e->dir);
	setenv("PATH", path, 1);
	char *err = NULL;
	int rc = browser_open("https://www.tipi.budget.gouv.fr/tpa/paiement.web?idop=3", &err);
	setenv("PATH", old_path, 1);
	assert_int_equal(rename(opener, e->script), 0);
	assert_int_equal(rc, 0);
	assert_null(err);
	char *text = NULL;
	size_t len = 0;
	assert_int_equal(file_read_all(e->marker, 4096, &text, &len, &err), 0);
	assert_string_equal(text, "https://www.tipi.budget.gouv.fr/tpa/paiement.web?idop=3\n");
	free(text);
	free(path);
	free(old_path);
	free(opener);
}

/* Without $BROWSER and without an opener: the message says what to do. */
static void test_no_browser_at_all(void **state)
{
	struct browser_env *e = *state;
	unsetenv("BROWSER");
	char *old_path = xstrdup(getenv("PATH") ? getenv("PATH") : "");
	setenv("PATH", "/nonexistent", 1);
	char *err = NULL;
	int rc = browser_open("https://www.tipi.budget.gouv.fr/tpa/paiement.web?idop=4", &err);
	setenv("PATH", old_path, 1);
	assert_int_equal(rc, -1);
	assert_string_equal(err, "no browser: set $BROWSER, or install xdg-utils");
	assert_false(opened(e));
	free(err);
	free(old_path);
}

int main(void)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_refused_schemes_never_reach_the_browser, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(test_allowed_urls_are_opened, setup, teardown),
		cmocka_unit_test_setup_teardown(test_without_browser_xdg_open_from_path, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(test_no_browser_at_all, setup, teardown),
	};
	return cmocka_run_group_tests_name("browser", tests, NULL, NULL);
}
