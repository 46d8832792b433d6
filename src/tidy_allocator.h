/* An allocator for tidy that remembers every block it hands out, so that
 * whatever tidy forgets to free (tidy #1177, and the "<?xml" declarations
 * fuzzing found) is freed with the document anyway. */
#ifndef PF_TIDY_ALLOCATOR_H
#define PF_TIDY_ALLOCATOR_H

#include <tidy.h>

struct tracked_block;

struct tidy_allocator {
	TidyAllocator base; /* first: tidy passes &base back to us */
	struct tracked_block *blocks;
};

void tidy_allocator_init(struct tidy_allocator *allocator);

/* Frees what tidy left allocated; call after tidyRelease. */
void tidy_allocator_release(struct tidy_allocator *allocator);

#endif
