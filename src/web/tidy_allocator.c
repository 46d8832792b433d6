/* Every block carries a header with its size. Small blocks are carved
 * from 64 KB chunks and, once freed, kept on a list per size class for
 * the next allocation of that class; larger ones are malloc'd and linked
 * into a list. Releasing frees the chunks and whatever is still linked:
 * tidy's own leaks included.
 * The budgets are checked at each allocation: tidy's endless recursions
 * create nodes at every level, so they allocate long before the stack
 * runs out, and jumping out of an allocation callback (rather than out
 * of a SIGSEGV handler) never leaves malloc half-done. */
#include "config.h"

#include "web/tidy_allocator.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util/xalloc.h"

struct big_block {
	struct big_block *prev, *next; /* big blocks only */
	size_t size;                   /* what tidy asked for */
};

/* The header is padded so the caller's block keeps malloc's alignment. */
union block_header {
	struct big_block h;
	max_align_t align;
};

struct free_slot {
	struct free_slot *next;
};

#define CHUNK_SIZE (64u * 1024u)

/* Under AddressSanitizer every block is malloc'd, so that it watches each
 * one: a pool would hide overflows and uses after free inside it. */
#if defined(__SANITIZE_ADDRESS__)
#define POOL_ENABLED 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define POOL_ENABLED 0
#endif
#endif
#ifndef POOL_ENABLED
#define POOL_ENABLED 1
#endif

static bool pooled(size_t size)
{
	return POOL_ENABLED && size <= TIDY_POOL_MAX;
}

struct pool_chunk {
	struct pool_chunk *next;
	_Alignas(max_align_t) char data[];
};

static struct tidy_allocator *owner(TidyAllocator *self)
{
	return (struct tidy_allocator *)self;
}

static union block_header *header_of(void *block)
{
	return (union block_header *)block - 1;
}

static _Noreturn void overrun(struct tidy_allocator *a, enum tidy_overrun why)
{
	a->overrun = why;
	longjmp(*a->escape, 1);
}

/* The CPU time of the thread that parses, not the wall clock: a page's
 * cost does not depend on how loaded the machine is, and the budget is
 * one of CPU time. */
static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* The clock is read every 256 allocations: a parse makes hundreds of
 * thousands, an endless loop makes them endlessly. */
#define CLOCK_EVERY 256u

/* Stack and time, at every allocation. Stacks grow down on every
 * platform Debian builds for, but the distance is taken either way. */
static inline void check_progress(struct tidy_allocator *a)
{
	if (!a->escape)
		return;
	if (++a->calls == CLOCK_EVERY) {
		a->calls = 0;
		if (now() > a->deadline)
			overrun(a, TIDY_TIME_OVERRUN);
	}
	uintptr_t here = (uintptr_t)__builtin_frame_address(0);
	uintptr_t start = (uintptr_t)a->stack_start;
	if ((start > here ? start - here : here - start) > a->stack_budget)
		overrun(a, TIDY_STACK_OVERRUN);
}

/* Memory, before taking more from malloc: what the pools hold counts, free
 * slots included, so that no pattern of sizes can grow them past it. */
static void check_memory(struct tidy_allocator *a, size_t more_bytes)
{
	if (a->escape && more_bytes > a->memory_budget - a->held_bytes)
		overrun(a, TIDY_MEMORY_OVERRUN);
	a->held_bytes += more_bytes;
}

/* ---- small blocks ---- */

static size_t size_class(size_t size)
{
	return size ? (size - 1) / 16u : 0;
}

static size_t slot_size(size_t class)
{
	return sizeof(union block_header) + (class + 1) * 16u;
}

static union block_header *carve(struct tidy_allocator *a, size_t class)
{
	size_t need = slot_size(class);
	if (a->carve_left < need) {
		check_memory(a, sizeof(struct pool_chunk) + CHUNK_SIZE);
		struct pool_chunk *chunk = xmalloc(sizeof(*chunk) + CHUNK_SIZE);
		chunk->next = a->chunks;
		a->chunks = chunk;
		a->carve = chunk->data;
		a->carve_left = CHUNK_SIZE;
	}
	union block_header *h = (union block_header *)a->carve;
	a->carve += need;
	a->carve_left -= need;
	return h;
}

static void *small_alloc(struct tidy_allocator *a, size_t size)
{
	size_t class = size_class(size);
	union block_header *h;
	if (a->free_slots[class]) {
		struct free_slot *slot = a->free_slots[class];
		a->free_slots[class] = slot->next;
		h = header_of(slot);
	} else {
		h = carve(a, class);
	}
	h->h.size = size;
	return h + 1;
}

static void small_free(struct tidy_allocator *a, void *block, size_t size)
{
	struct free_slot *slot = block;
	size_t class = size_class(size);
	slot->next = a->free_slots[class];
	a->free_slots[class] = slot;
}

/* ---- big blocks ---- */

static void *link_big(struct tidy_allocator *a, union block_header *h, size_t size)
{
	h->h.prev = NULL;
	h->h.next = a->big;
	h->h.size = size;
	if (a->big)
		a->big->prev = &h->h;
	a->big = &h->h;
	return h + 1;
}

static union block_header *unlink_big(struct tidy_allocator *a, union block_header *h)
{
	if (h->h.prev)
		h->h.prev->next = h->h.next;
	else
		a->big = h->h.next;
	if (h->h.next)
		h->h.next->prev = h->h.prev;
	return h;
}

/* ---- tidy's interface ---- */

static void *TIDY_CALL pooled_alloc(TidyAllocator *self, size_t size)
{
	struct tidy_allocator *a = owner(self);
	check_progress(a);
	if (size > SIZE_MAX - sizeof(union block_header))
		return NULL;
	void *block;
	if (pooled(size)) {
		block = small_alloc(a, size);
	} else {
		check_memory(a, sizeof(union block_header) + size);
		block = link_big(a, xmalloc(sizeof(union block_header) + size), size);
	}
	a->live_bytes += size;
	return block;
}

static void TIDY_CALL pooled_free(TidyAllocator *self, void *block)
{
	if (!block)
		return;
	struct tidy_allocator *a = owner(self);
	size_t size = header_of(block)->h.size;
	a->live_bytes -= size;
	if (pooled(size)) {
		small_free(a, block, size);
	} else {
		a->held_bytes -= sizeof(union block_header) + size;
		free(unlink_big(a, header_of(block)));
	}
}

static void *TIDY_CALL pooled_realloc(TidyAllocator *self, void *block, size_t size)
{
	if (!block)
		return pooled_alloc(self, size);
	struct tidy_allocator *a = owner(self);
	union block_header *h = header_of(block);
	size_t old = h->h.size;
	check_progress(a);
	if (!pooled(old) && !pooled(size)) {
		if (size > SIZE_MAX - sizeof(*h))
			return NULL;
		if (size > old)
			check_memory(a, size - old);
		else
			a->held_bytes -= old - size;
		a->live_bytes = a->live_bytes - old + size;
		unlink_big(a, h);
		return link_big(a, xrealloc(h, sizeof(*h) + size), size);
	}
	if (pooled(old) && pooled(size) && size_class(old) == size_class(size)) {
		a->live_bytes = a->live_bytes - old + size;
		h->h.size = size;
		return block;
	}
	void *moved = pooled_alloc(self, size);
	if (moved) {
		memcpy(moved, block, old < size ? old : size);
		pooled_free(self, block);
	}
	return moved;
}

/* tidy calls panic when an allocation returns NULL: ours only do for sizes
 * that cannot exist, so stop as xalloc does. */
static void TIDY_CALL pooled_panic(TidyAllocator *self, ctmbstr msg)
{
	(void)self;
	(void)msg;
	xalloc_die();
}

static const TidyAllocatorVtbl pooled_vtbl = {
	pooled_alloc,
	pooled_realloc,
	pooled_free,
	pooled_panic,
};

void tidy_allocator_init(struct tidy_allocator *allocator)
{
	*allocator = (struct tidy_allocator){ .base.vtbl = &pooled_vtbl };
}

void tidy_allocator_guard(struct tidy_allocator *allocator, jmp_buf *escape, size_t stack_budget,
                          size_t memory_budget, double seconds)
{
	allocator->deadline = now() + seconds;
	allocator->calls = 0;
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
	while (allocator->big) {
		struct big_block *next = allocator->big->next;
		free(allocator->big);
		allocator->big = next;
	}
	while (allocator->chunks) {
		struct pool_chunk *next = allocator->chunks->next;
		free(allocator->chunks);
		allocator->chunks = next;
	}
	struct tidy_allocator empty = { .base = allocator->base, .overrun = allocator->overrun };
	*allocator = empty;
}
