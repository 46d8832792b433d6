/* Every block carries its size in the 8 bytes before it. Small blocks
 * are carved from chunks (64 KB, then larger as a page needs more) and,
 * once freed, kept on a list per size class for the next allocation of
 * that class; larger ones are malloc'd and linked into a list. Releasing
 * frees the chunks and whatever is still linked: tidy's own leaks
 * included. A small block costs 8 bytes more than asked, rounded to 8:
 * tidy's 200,000 nodes and 400,000 small strings of a 10,000-invoice page
 * fit in half what malloc's 16-byte granules (or our former 32-byte
 * headers) take.
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

#include "util/huge_alloc.h"
#include "util/xalloc.h"

/* A big block's header: malloc's alignment for the block after it, and
 * the size last, where a small block keeps it too. */
struct big_block {
	struct big_block *prev, *next;
	size_t pad;
	size_t size; /* what tidy asked for */
};
_Static_assert(sizeof(struct big_block) % _Alignof(max_align_t) == 0,
               "a big block keeps malloc's alignment");

/* Small blocks are aligned to 8 bytes, what tidy's types need (pointers,
 * size_t, unsigned, double: it allocates no long double). */
#define SMALL_ALIGN 8u
#define SMALL_HEADER sizeof(size_t)

struct free_slot {
	struct free_slot *next;
};

/* The first chunk is small (a portal page needs some hundred kilobytes);
 * each further chunk doubles, up to 2 MB, which huge_alloc backs with a
 * huge page: a large page takes a few dozen chunks, not hundreds, and few
 * page faults. Sizes include the chunk's header. */
#define CHUNK_FIRST (64u * 1024u)
#define CHUNK_MAX HUGE_ALLOC_MIN

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
	size_t size; /* header included, as huge_alloc'd */
	_Alignas(max_align_t) char data[];
};

static struct tidy_allocator *owner(TidyAllocator *self)
{
	return (struct tidy_allocator *)self;
}

/* The size tidy asked for, 8 bytes before the block, big or small. */
static size_t *size_of(void *block)
{
	return (size_t *)block - 1;
}

static struct big_block *big_of(void *block)
{
	return (struct big_block *)block - 1;
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

/* The clock is read every 1,024 allocations: a parse makes hundreds of
 * thousands, an endless loop makes them endlessly. (Each reading of a
 * thread's CPU time is a system call.) */
#define CLOCK_EVERY 1024u

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
	return size ? (size - 1) / SMALL_ALIGN : 0;
}

static size_t slot_size(size_t class)
{
	return SMALL_HEADER + (class + 1) * SMALL_ALIGN;
}

static char *carve(struct tidy_allocator *a, size_t class)
{
	size_t need = slot_size(class);
	if (a->carve_left < need) {
		size_t size = a->chunk_size ? a->chunk_size * 2 : CHUNK_FIRST;
		if (size > CHUNK_MAX)
			size = CHUNK_MAX;
		check_memory(a, size);
		struct pool_chunk *chunk = huge_alloc(size);
		chunk->next = a->chunks;
		chunk->size = size;
		a->chunks = chunk;
		a->chunk_size = size;
		a->carve = chunk->data;
		a->carve_left = size - sizeof(*chunk);
	}
	char *slot = a->carve;
	a->carve += need;
	a->carve_left -= need;
	return slot + SMALL_HEADER;
}

static void *small_alloc(struct tidy_allocator *a, size_t size)
{
	size_t class = size_class(size);
	void *block;
	if (a->free_slots[class]) {
		struct free_slot *slot = a->free_slots[class];
		a->free_slots[class] = slot->next;
		block = slot;
	} else {
		block = carve(a, class);
	}
	*size_of(block) = size;
	return block;
}

static void small_free(struct tidy_allocator *a, void *block, size_t size)
{
	struct free_slot *slot = block;
	size_t class = size_class(size);
	slot->next = a->free_slots[class];
	a->free_slots[class] = slot;
}

/* ---- big blocks ---- */

static void *link_big(struct tidy_allocator *a, struct big_block *h, size_t size)
{
	h->prev = NULL;
	h->next = a->big;
	h->size = size;
	if (a->big)
		a->big->prev = h;
	a->big = h;
	return h + 1;
}

static struct big_block *unlink_big(struct tidy_allocator *a, struct big_block *h)
{
	if (h->prev)
		h->prev->next = h->next;
	else
		a->big = h->next;
	if (h->next)
		h->next->prev = h->prev;
	return h;
}

/* ---- tidy's interface ---- */

static void *TIDY_CALL pooled_alloc(TidyAllocator *self, size_t size)
{
	struct tidy_allocator *a = owner(self);
	check_progress(a);
	if (size > SIZE_MAX - sizeof(struct big_block))
		return NULL;
	void *block;
	if (pooled(size)) {
		block = small_alloc(a, size);
	} else {
		check_memory(a, sizeof(struct big_block) + size);
		block = link_big(a, xmalloc(sizeof(struct big_block) + size), size);
	}
	a->live_bytes += size;
	return block;
}

static void TIDY_CALL pooled_free(TidyAllocator *self, void *block)
{
	if (!block)
		return;
	struct tidy_allocator *a = owner(self);
	size_t size = *size_of(block);
	a->live_bytes -= size;
	if (pooled(size)) {
		small_free(a, block, size);
	} else {
		a->held_bytes -= sizeof(struct big_block) + size;
		free(unlink_big(a, big_of(block)));
	}
}

static void *TIDY_CALL pooled_realloc(TidyAllocator *self, void *block, size_t size)
{
	if (!block)
		return pooled_alloc(self, size);
	struct tidy_allocator *a = owner(self);
	size_t old = *size_of(block);
	check_progress(a);
	if (!pooled(old) && !pooled(size)) {
		if (size > SIZE_MAX - sizeof(struct big_block))
			return NULL;
		if (size > old)
			check_memory(a, size - old);
		else
			a->held_bytes -= old - size;
		a->live_bytes = a->live_bytes - old + size;
		struct big_block *h = unlink_big(a, big_of(block));
		return link_big(a, xrealloc(h, sizeof(*h) + size), size);
	}
	if (pooled(old) && pooled(size) && size_class(old) == size_class(size)) {
		a->live_bytes = a->live_bytes - old + size;
		*size_of(block) = size;
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
		huge_free(allocator->chunks, allocator->chunks->size);
		allocator->chunks = next;
	}
	struct tidy_allocator empty = { .base = allocator->base, .overrun = allocator->overrun };
	*allocator = empty;
}
