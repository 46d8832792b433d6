/* mmap'd blocks aligned to 2 MB, for transparent huge pages. */
#include "config.h"

#include "util/huge_alloc.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>

#include "util/xalloc.h"

#if defined(__SANITIZE_ADDRESS__)
#define HUGE_ENABLED 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define HUGE_ENABLED 0
#endif
#endif
#ifndef HUGE_ENABLED
#define HUGE_ENABLED 1
#endif

static bool mapped(size_t size)
{
	return HUGE_ENABLED && size >= HUGE_ALLOC_MIN;
}

/* Whole huge pages: a block's tail shares no page with anything else. */
static size_t rounded(size_t size)
{
	return (size + HUGE_ALLOC_MIN - 1) & ~(size_t)(HUGE_ALLOC_MIN - 1);
}

void *huge_alloc(size_t size)
{
	if (!mapped(size))
		return xmalloc(size);
	size_t len = rounded(size);
	if (len < size || len > SIZE_MAX - HUGE_ALLOC_MIN)
		xalloc_die();
	/* One huge page more than needed, then the unaligned ends unmapped. */
	char *raw = mmap(NULL, len + HUGE_ALLOC_MIN, PROT_READ | PROT_WRITE,
	                 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (raw == MAP_FAILED)
		xalloc_die();
	uintptr_t start = ((uintptr_t)raw + HUGE_ALLOC_MIN - 1) & ~(uintptr_t)(HUGE_ALLOC_MIN - 1);
	char *block = (char *)start;
	size_t head = (size_t)(block - raw);
	if (head)
		munmap(raw, head);
	if (HUGE_ALLOC_MIN - head)
		munmap(block + len, HUGE_ALLOC_MIN - head);
#ifdef MADV_HUGEPAGE
	/* Refused where huge pages are off: the block is then plain pages. */
	madvise(block, len, MADV_HUGEPAGE);
#endif
	return block;
}

void huge_free(void *block, size_t size)
{
	if (!block)
		return;
	if (!mapped(size)) {
		free(block);
		return;
	}
	munmap(block, rounded(size));
}
