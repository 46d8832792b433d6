/* util/huge_alloc: blocks below 2 MB are malloc's, larger ones 2 MB
 * aligned (where huge pages can back them), every byte usable, and freed
 * with the size they were asked with. Under ASan or valgrind, this also
 * proves nothing leaks or overflows. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "util/huge_alloc.h"

static void test_sizes_and_alignment(void **state)
{
	static const size_t sizes[] = {
		1, 4096, HUGE_ALLOC_MIN - 1, HUGE_ALLOC_MIN, HUGE_ALLOC_MIN + 1, 3 * HUGE_ALLOC_MIN,
	};
	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		unsigned char *p = huge_alloc(sizes[i]);
		assert_non_null(p);
		assert_int_equal((uintptr_t)p % _Alignof(max_align_t), 0);
#if !defined(__SANITIZE_ADDRESS__)
		if (sizes[i] >= HUGE_ALLOC_MIN)
			assert_int_equal((uintptr_t)p % HUGE_ALLOC_MIN, 0);
#endif
		memset(p, 0xA5, sizes[i]);
		assert_int_equal(p[sizes[i] - 1], 0xA5);
		huge_free(p, sizes[i]);
	}
	huge_free(NULL, HUGE_ALLOC_MIN);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sizes_and_alignment),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
