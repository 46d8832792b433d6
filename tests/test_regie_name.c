/* Unit tests for portal/regie_name.c: a régie by the name a person types
 * (--regie), and for the CLI's two lines of text about the wait:
 * app/progress's step and web/http_log's totals. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "util/sanitize.h"
#include "web/http_log.h"
#include "portal/regie_name.h"
#include "app/progress.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static struct regie regies[] = {
	{ .name = "CENTRE DE LOISIRS" },
	{ .name = "CENTRE SOCIAL" },
	{ .name = "MAIRIE SERVICE ENFANCE JEUNESSE" },
	{ .name = "Périscolaire" },
	{ .name = "Cantine" },
	{ .name = "Cantine scolaire" },
};
static const struct invoice_page page = { .regies = regies, .nregies = COUNT(regies) };

static void test_names_found_without_case_accents_or_the_whole_name(void **state)
{
	static const struct {
		const char *typed;
		long want;
	} cases[] = {
		{ "CENTRE DE LOISIRS", 0 },
		{ "centre de loisirs", 0 },
		{ "Centre de", 0 },
		{ "centre-de-loisirs", 0 }, /* punctuation folds to a space */
		{ "centre s", 1 },
		{ "mairie", 2 },
		{ "MAIRIE SERVICE ENFANCE JEUNESSE", 2 },
		{ "periscolaire", 3 },
		{ "PÉRI", 3 },
		{ "cantine", 4 }, /* a whole name wins over a longer one it begins */
		{ "cantine s", 5 },
	};
	for (size_t i = 0; i < COUNT(cases); i++) {
		char *err = NULL;
		long got = regie_find(&page, cases[i].typed, &err);
		if (got != cases[i].want)
			fail_msg("\"%s\": got %ld (%s), want %ld", cases[i].typed, got,
			         err ? err : "no message", cases[i].want);
		assert_null(err);
	}
}

static void test_unknown_ambiguous_or_empty_names_list_the_regies(void **state)
{
	static const struct {
		const char *typed;
		const char *says;
	} cases[] = {
		{ "centre", "begins the names of several régies" },
		{ "c", "begins the names of several régies" },
		{ "piscine", "no régie \"piscine\"" },
		{ "", "no régie \"\"" },
		{ " - ", "no régie \" - \"" },
		{ "centre de loisirs et plus", "no régie" },
	};
	for (size_t i = 0; i < COUNT(cases); i++) {
		char *err = NULL;
		assert_int_equal(regie_find(&page, cases[i].typed, &err), -1);
		assert_non_null(err);
		if (!strstr(err, cases[i].says) ||
		    !strstr(err, "the régies: \"CENTRE DE LOISIRS\", \"CENTRE SOCIAL\", \"MAIRIE "
		                 "SERVICE ENFANCE JEUNESSE\", \"Périscolaire\", \"Cantine\", "
		                 "\"Cantine scolaire\""))
			fail_msg("\"%s\": \"%s\"", cases[i].typed, err);
		free(err);
	}
}

static void test_a_page_without_regies(void **state)
{
	static const struct invoice_page empty = { 0 };
	char *err = NULL;
	assert_int_equal(regie_find(&empty, "centre", &err), -1);
	assert_string_equal(err, "no régie \"centre\" on the invoice page; the régies: none");
	free(err);
}

static void test_progress_text(void **state)
{
	/* "…" is "..." for a terminal that is not UTF-8 (LANG=C). */
	bool ascii = sanitize_terminal_flags() & SANITIZE_ASCII;
	char *text = progress_text("login", 2, 0);
	assert_string_equal(text, ascii ? "login... (request 2)" : "login… (request 2)");
	free(text);
	text = progress_text("invoice page", 4, 1);
	assert_string_equal(text, ascii ? "invoice page... (request 4, redirect 1)"
	                                : "invoice page… (request 4, redirect 1)");
	free(text);
	/* A label quoting page text never moves the cursor by itself. */
	text = progress_text("Payer\033[2J mes factures", 3, 0);
	assert_null(strchr(text, '\033'));
	free(text);
}

static void test_totals_group_thousands(void **state)
{
	static const struct {
		size_t down, up, decoded;
		const char *want;
	} cases[] = {
		{ 0, 0, 0, "0 bytes on the wire (0 decoded)" },
		{ 999, 0, 1000, "999 bytes on the wire (1,000 decoded)" },
		{ 1500, 567, 3757, "2,067 bytes on the wire (3,757 decoded)" },
		{ 1234567, 0, 12345678, "1,234,567 bytes on the wire (12,345,678 decoded)" },
		{ 100000, 0, 999999, "100,000 bytes on the wire (999,999 decoded)" },
	};
	for (size_t i = 0; i < COUNT(cases); i++) {
		struct http_stats stats = { .requests = 1,
			                    .bytes_down = cases[i].down,
			                    .bytes_up = cases[i].up,
			                    .bytes_decoded = cases[i].decoded };
		char *text = http_log_totals_text(&stats);
		assert_string_equal(text, cases[i].want);
		free(text);
	}
}

int main(void)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names_found_without_case_accents_or_the_whole_name),
		cmocka_unit_test(test_unknown_ambiguous_or_empty_names_list_the_regies),
		cmocka_unit_test(test_a_page_without_regies),
		cmocka_unit_test(test_progress_text),
		cmocka_unit_test(test_totals_group_thousands),
	};
	return cmocka_run_group_tests_name("regie_name", tests, NULL, NULL);
}
