/* The saved portal pages under tests/fixtures/pages/, for the navigation
 * and page content tests. */
#ifndef PF_TESTS_PAGE_FIXTURES_H
#define PF_TESTS_PAGE_FIXTURES_H

#include <stdio.h>

#include "util/file.h"
#include "util/xalloc.h"
#include "test_util.h"

/* Where the pages were saved from: links resolve against it. */
#define PAGE_BASE "https://portail2.aiga.fr/v4/"

static inline char *fixture_path(const char *name)
{
	return xasprintf("%s/pages/%s", fixtures_dir(), name);
}

/* Reads a whole fixture file; fails the test when it cannot. */
static inline char *read_fixture(const char *name, size_t *len)
{
	char *path = fixture_path(name), *bytes = NULL, *err = NULL;
	size_t n = 0;
	if (file_read_all(path, HTML_MAX_BYTES, &bytes, &n, &err) < 0)
		fail_msg("%s", err);
	free(path);
	if (len)
		*len = n;
	return bytes;
}

/* Parses a saved page as served (no Content-Type: the charset comes from
 * its <meta>). */
static inline struct html_doc *load_page(const char *name)
{
	size_t len = 0;
	char *bytes = read_fixture(name, &len), *err = NULL;
	struct html_doc *doc = NULL;
	if (html_parse(bytes, len, NULL, &doc, &err) < 0)
		fail_msg("%s: %s", name, err);
	free(bytes);
	return doc;
}

#endif
