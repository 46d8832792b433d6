/* Every block carries a header linking it into a list: freeing unlinks
 * it, and whatever is still linked when the parse is over is tidy's own
 * leak, freed here. The budgets are checked at each allocation: tidy's
 * endless recursions create nodes at every level, so they allocate long
 * before the stack runs out, and jumping out of an allocation callback
 * (rather than out of a SIGSEGV handler) never leaves malloc half-done. */
#include "config.h"

#include "tidy_allocator.h"

#include <stdint.h>
#include <stdlib.h>

#include "util/xalloc.h"

struct tracked_block {
	struct tracked_block *prev, *next;
	size_t size;
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

static _Noreturn void overrun(struct tidy_allocator *a, enum tidy_overrun why)
{
	a->overrun = why;
	longjmp(*a->escape, 1);
}

/* Stacks grow down on every platform Debian builds for, but the distance
 * is taken either way. */
static void check_budgets(struct tidy_allocator *a, size_t more_bytes)
{
	if (!a->escape)
		return;
	uintptr_t here = (uintptr_t)__builtin_frame_address(0);
	uintptr_t start = (uintptr_t)a->stack_start;
	if ((start > here ? start - here : here - start) > a->stack_budget)
		overrun(a, TIDY_STACK_OVERRUN);
	if (more_bytes > a->memory_budget - a->live_bytes)
		overrun(a, TIDY_MEMORY_OVERRUN);
}

static void *link_block(struct tidy_allocator *a, union tracked_header *h, size_t size)
{
	h->link.prev = NULL;
	h->link.next = a->blocks;
	h->link.size = size;
	if (a->blocks)
		a->blocks->prev = &h->link;
	a->blocks = &h->link;
	a->live_bytes += size;
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
	a->live_bytes -= h->link.size;
	return h;
}

static void *TIDY_CALL tracked_alloc(TidyAllocator *self, size_t size)
{
	struct tidy_allocator *a = owner(self);
	check_budgets(a, size);
	if (size > SIZE_MAX - sizeof(union tracked_header))
		return NULL;
	return link_block(a, xmalloc(sizeof(union tracked_header) + size), size);
}

static void *TIDY_CALL tracked_realloc(TidyAllocator *self, void *block, size_t size)
{
	if (!block)
		return tracked_alloc(self, size);
	struct tidy_allocator *a = owner(self);
	size_t old = ((union tracked_header *)block - 1)->link.size;
	check_budgets(a, size > old ? size - old : 0);
	if (size > SIZE_MAX - sizeof(union tracked_header))
		return NULL;
	union tracked_header *h = unlink_block(a, block);
	return link_block(a, xrealloc(h, sizeof(*h) + size), size);
}

static void TIDY_CALL tracked_free(TidyAllocator *self, void *block)
{
	if (block)
		free(unlink_block(owner(self), block));
}

/* tidy calls panic when an allocation returns NULL: ours only do for sizes
 * that cannot exist, so stop as xalloc does. */
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
	*allocator = (struct tidy_allocator){ .base.vtbl = &tracked_vtbl };
}

void tidy_allocator_guard(struct tidy_allocator *allocator, jmp_buf *escape,
                          size_t stack_budget, size_t memory_budget)
{
	allocator->escape = escape;
	allocator->stack_start = __builtin_frame_address(0);
	allocator->stack_budget = stack_budget;
	allocator->memory_budget = memory_budget;
	allocator->overrun = TIDY_WITHIN_BUDGET;
}

void tidy_allocator_disarm(struct tidy_allocator *allocator)
{
	allocator->escape = NULL;
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
	allocator->live_bytes = 0;
}
