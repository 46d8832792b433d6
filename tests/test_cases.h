/* Table-driven cmocka tests with one TAP line per row, named after it. */
#ifndef PF_TESTS_TEST_CASES_H
#define PF_TESTS_TEST_CASES_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Appends one test per row of a table whose rows start with a
 * `const char *name`; each test gets its row as *state. Names are
 * allocated: free them with test_cases_free_names. */
static inline void test_cases_add(struct CMUnitTest *tests, size_t *n, const void *table,
                                  size_t row_size, size_t rows, CMUnitTestFunction fn,
                                  const char *prefix)
{
	for (size_t i = 0; i < rows; i++) {
		const void *row = (const char *)table + i * row_size;
		const char *name = *(const char *const *)row;
		size_t len = strlen(prefix) + strlen(name) + 1;
		char *full = malloc(len);

		if (!full)
			abort();
		snprintf(full, len, "%s%s", prefix, name);
		tests[(*n)++] = (struct CMUnitTest){ full, fn, NULL, NULL, (void *)row };
	}
}

#define TEST_CASES_ADD(tests, n, table, fn, prefix) \
	test_cases_add(tests, &(n), table, sizeof((table)[0]), COUNT(table), fn, prefix)

static inline void test_cases_free_names(struct CMUnitTest *tests, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free((char *)tests[i].name);
}

#endif
