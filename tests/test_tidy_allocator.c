/* The allocator handed to tidy: it frees what tidy leaves behind, and
 * stops tidy (by longjmp) past its stack or memory budget. Run under ASan
 * or valgrind, these tests also prove that nothing leaks after a stop. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <tidy.h>
#include <tidybuffio.h>

#include <cmocka.h>

#include "util/strbuf.h"
#include "web/tidy_allocator.h"

static void *alloc(struct tidy_allocator *a, size_t size)
{
	return a->base.vtbl->alloc(&a->base, size);
}

static void test_blocks_tidy_forgets_are_freed(void **state)
{
	struct tidy_allocator a;
	tidy_allocator_init(&a);
	char *kept = alloc(&a, 100);
	char *freed = alloc(&a, 50);
	memset(kept, 'x', 100);
	assert_int_equal(a.live_bytes, 150);
	a.base.vtbl->free(&a.base, freed);
	a.base.vtbl->free(&a.base, NULL);
	kept = a.base.vtbl->realloc(&a.base, kept, 4000);
	assert_int_equal(kept[99], 'x');
	assert_int_equal((uintptr_t)kept % _Alignof(max_align_t), 0);
	assert_int_equal(a.live_bytes, 4000);
	char *fresh = a.base.vtbl->realloc(&a.base, NULL, 10);
	assert_non_null(fresh);
	tidy_allocator_release(&a); /* `kept` and `fresh` were never freed */
	assert_null(a.big);
	assert_null(a.chunks);
	assert_int_equal(a.live_bytes, 0);
}

/* A small block costs 8 bytes beside its size rounded up to 8, so that
 * tidy's many short strings and nodes take little more than they ask;
 * each is aligned for any type tidy allocates. */
static void test_small_blocks_are_packed(void **state)
{
	struct tidy_allocator a;
	tidy_allocator_init(&a);
	enum {
		COUNT = 10000
	};
	for (int i = 0; i < COUNT; i++) {
		char *p = alloc(&a, i % 2 ? 3 : 104);
		assert_int_equal((uintptr_t)p % 8, 0);
		memset(p, 'x', i % 2 ? 3 : 104);
	}
#if !defined(__SANITIZE_ADDRESS__)
	/* 16 and 112 bytes, plus the last chunk's unused end. */
	assert_true(a.held_bytes <= COUNT / 2 * (16 + 112) + 1024u * 1024u);
#endif
	tidy_allocator_release(&a);
	assert_int_equal(a.held_bytes, 0);
}

/* Blocks move between the pools' classes and malloc as they grow and
 * shrink: their bytes go with them. */
static void test_realloc_keeps_contents_across_sizes(void **state)
{
	static const size_t sizes[] = { 1, 16, 17, 200, 256, 257, 5000, 300, 100, 0, 40 };
	struct tidy_allocator a;
	tidy_allocator_init(&a);
	unsigned char *p = alloc(&a, 8);
	size_t have = 8;
	memset(p, 0xA5, have);
	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		p = a.base.vtbl->realloc(&a.base, p, sizes[i]);
		assert_non_null(p);
		size_t kept = have < sizes[i] ? have : sizes[i];
		for (size_t k = 0; k < kept; k++)
			assert_int_equal(p[k], 0xA5);
		memset(p, 0xA5, sizes[i]);
		have = sizes[i];
		assert_int_equal(a.live_bytes, sizes[i]);
	}
	/* A freed slot is handed out again for the same class. */
	void *q = alloc(&a, 30);
	a.base.vtbl->free(&a.base, q);
	assert_int_equal(a.live_bytes, 40);
	tidy_allocator_release(&a);
}

static void test_memory_budget_stops_allocation(void **state)
{
	struct tidy_allocator a;
	tidy_allocator_init(&a);
	jmp_buf escape;
	if (setjmp(escape) == 0) {
		tidy_allocator_guard(&a, &escape, 1u << 20, 1000, 60.0);
		alloc(&a, 600);
		alloc(&a, 600); /* over the budget: jumps */
		fail_msg("the memory budget did not stop the allocation");
	}
	assert_int_equal(a.overrun, TIDY_MEMORY_OVERRUN);
	assert_int_equal(a.live_bytes, 600);
	tidy_allocator_release(&a);
}

/* Blocks of one size freed, then of another: freed slots stay in their
 * pool, and the pools count against the budget, so no mix of sizes takes
 * more than it from malloc (without pools, under ASan, nothing is kept). */
static void test_pools_stay_within_the_memory_budget(void **state)
{
	enum {
		BUDGET = 1u << 20,
		PER_ROUND = 2000
	};
	struct tidy_allocator a;
	tidy_allocator_init(&a);
	void **blocks = calloc(PER_ROUND, sizeof(*blocks));
	jmp_buf escape;
	volatile size_t size = 8;
	if (setjmp(escape) == 0) {
		tidy_allocator_guard(&a, &escape, 1u << 20, BUDGET, 60.0);
		for (; size <= 256; size += 16) {
			for (size_t i = 0; i < PER_ROUND; i++)
				blocks[i] = alloc(&a, size);
			for (size_t i = 0; i < PER_ROUND; i++)
				a.base.vtbl->free(&a.base, blocks[i]);
			assert_true(a.held_bytes <= BUDGET);
		}
	}
	assert_true(a.held_bytes <= BUDGET);
	assert_true(a.overrun == TIDY_WITHIN_BUDGET || a.overrun == TIDY_MEMORY_OVERRUN);
	tidy_allocator_release(&a);
	free(blocks);
}

/* An endless loop that frees what it allocates: only the clock stops it. */
static void test_time_budget_stops_a_loop(void **state)
{
	struct tidy_allocator a;
	tidy_allocator_init(&a);
	jmp_buf escape;
	if (setjmp(escape) == 0) {
		tidy_allocator_guard(&a, &escape, 1u << 20, 1u << 20, 0.05);
		for (;;)
			a.base.vtbl->free(&a.base, alloc(&a, 100));
	}
	assert_int_equal(a.overrun, TIDY_TIME_OVERRUN);
	assert_int_equal(a.live_bytes, 0);
	tidy_allocator_release(&a);
}

/* Recurses, allocating at each level, as tidy's endless recursions do. */
static size_t recurse(struct tidy_allocator *a, size_t level)
{
	volatile char frame[256];
	frame[0] = (char)level;
	alloc(a, 8);
	if (level == SIZE_MAX) /* never: keeps the compiler from calling it endless */
		return 0;
	return recurse(a, level + 1) + frame[0];
}

static void test_stack_budget_stops_recursion(void **state)
{
	struct tidy_allocator a;
	tidy_allocator_init(&a);
	jmp_buf escape;
	if (setjmp(escape) == 0) {
		tidy_allocator_guard(&a, &escape, 64u * 1024u, 1u << 30, 60.0);
		recurse(&a, 0);
		fail_msg("the stack budget did not stop the recursion");
	}
	assert_int_equal(a.overrun, TIDY_STACK_OVERRUN);
	assert_true(a.live_bytes > 0); /* the levels' blocks, freed below */
	tidy_allocator_release(&a);
}

/* tidy itself, stopped midway: its half-built document is not released
 * (tidyRelease would walk it) but every block it held is freed. */
static enum tidy_overrun parse_with_budget(const char *html, size_t stack, size_t memory)
{
	struct tidy_allocator a;
	tidy_allocator_init(&a);
	jmp_buf escape;
	if (setjmp(escape) == 0) {
		tidy_allocator_guard(&a, &escape, stack, memory, 60.0);
		TidyDoc doc = tidyCreateWithAllocator(&a.base);
		tidyOptSetBool(doc, TidyQuiet, yes);
		tidyOptSetBool(doc, TidyShowWarnings, no);
		tidySetReportFilter(doc, NULL);
		tidyParseString(doc, html);
		tidyRelease(doc);
		tidy_allocator_disarm(&a);
	}
	tidy_allocator_release(&a);
	return a.overrun;
}

static char *nested_page(unsigned levels)
{
	struct strbuf page = STRBUF_INIT;
	for (unsigned i = 0; i < levels; i++)
		strbuf_puts(&page, "<div><span>");
	strbuf_puts(&page, "x");
	return strbuf_detach(&page);
}

static void test_tidy_is_stopped_and_cleaned_up(void **state)
{
	char *page = nested_page(300);
	assert_int_equal(parse_with_budget(page, 32u << 20, 64u << 20), TIDY_WITHIN_BUDGET);
	assert_int_equal(parse_with_budget(page, 16u << 10, 64u << 20), TIDY_STACK_OVERRUN);
	assert_int_equal(parse_with_budget(page, 32u << 20, 32u << 10), TIDY_MEMORY_OVERRUN);
	free(page);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_blocks_tidy_forgets_are_freed),
		cmocka_unit_test(test_small_blocks_are_packed),
		cmocka_unit_test(test_realloc_keeps_contents_across_sizes),
		cmocka_unit_test(test_memory_budget_stops_allocation),
		cmocka_unit_test(test_stack_budget_stops_recursion),
		cmocka_unit_test(test_time_budget_stops_a_loop),
		cmocka_unit_test(test_pools_stay_within_the_memory_budget),
		cmocka_unit_test(test_tidy_is_stopped_and_cleaned_up),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
