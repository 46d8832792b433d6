/* Every block carries a header linking it into a list: freeing unlinks
 * it, and whatever is still linked when the parse is over is tidy's own
 * leak, freed here. */
#include "config.h"

#include "tidy_allocator.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "util/xalloc.h"

struct tracked_block {
	struct tracked_block *prev, *next;
};

/* The header is padded so the caller's block keeps malloc's alignment. */
union tracked_header {
	struct tracked_block link;
	max_align_t align;
};

static struct tidy_allocator *owner(TidyAllocator *self)
{
	return (struct tidy_allocator *)self;
}

static void *link_block(struct tidy_allocator *a, union tracked_header *h)
{
	h->link.prev = NULL;
	h->link.next = a->blocks;
	if (a->blocks)
		a->blocks->prev = &h->link;
	a->blocks = &h->link;
	return h + 1;
}

static union tracked_header *unlink_block(struct tidy_allocator *a, void *block)
{
	union tracked_header *h = (union tracked_header *)block - 1;
	if (h->link.prev)
		h->link.prev->next = h->link.next;
	else
		a->blocks = h->link.next;
	if (h->link.next)
		h->link.next->prev = h->link.prev;
	return h;
}

static void *TIDY_CALL tracked_alloc(TidyAllocator *self, size_t size)
{
	if (size > SIZE_MAX - sizeof(union tracked_header))
		return NULL;
	return link_block(owner(self), xmalloc(sizeof(union tracked_header) + size));
}

static void *TIDY_CALL tracked_realloc(TidyAllocator *self, void *block, size_t size)
{
	if (!block)
		return tracked_alloc(self, size);
	if (size > SIZE_MAX - sizeof(union tracked_header))
		return NULL;
	union tracked_header *h = unlink_block(owner(self), block);
	return link_block(owner(self), xrealloc(h, sizeof(*h) + size));
}

static void TIDY_CALL tracked_free(TidyAllocator *self, void *block)
{
	if (block)
		free(unlink_block(owner(self), block));
}

/* tidy calls panic when an allocation fails; ours never return NULL for
 * sizes that fit, so this is the "size overflow" case: stop like xalloc. */
static void TIDY_CALL tracked_panic(TidyAllocator *self, ctmbstr msg)
{
	(void)self;
	(void)msg;
	xalloc_die();
}

static const TidyAllocatorVtbl tracked_vtbl = {
	tracked_alloc, tracked_realloc, tracked_free, tracked_panic,
};

void tidy_allocator_init(struct tidy_allocator *allocator)
{
	allocator->base.vtbl = &tracked_vtbl;
	allocator->blocks = NULL;
}

void tidy_allocator_release(struct tidy_allocator *allocator)
{
	struct tracked_block *block = allocator->blocks;
	while (block) {
		struct tracked_block *next = block->next;
		free(block);
		block = next;
	}
	allocator->blocks = NULL;
}
