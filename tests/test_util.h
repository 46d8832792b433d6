/* Helpers shared by the cmocka tests: fixtures and parsing inline HTML. */
#ifndef PF_TESTS_TEST_UTIL_H
#define PF_TESTS_TEST_UTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "web/html.h"

/* The fixtures directory: $PF_FIXTURES (set by make check), else the
 * source tree's tests/fixtures relative to the current directory. */
static inline const char *fixtures_dir(void)
{
	const char *dir = getenv("PF_FIXTURES");
	return dir && *dir ? dir : "tests/fixtures";
}

/* Parses a literal page; fails the test when tidy refuses it. */
static inline struct html_doc *parse_html(const char *html)
{
	struct html_doc *doc = NULL;
	char *err = NULL;
	int rc = html_parse(html, strlen(html), NULL, &doc, &err);
	if (rc != 0)
		fail_msg("html_parse: %s", err ? err : "?");
	return doc;
}

#endif
