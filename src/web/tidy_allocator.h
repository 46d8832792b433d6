/* The allocator we hand to tidy. It does what tidy cannot do itself:
 *  - it owns every block, so that whatever tidy forgets to free (tidy
 *    #1177; "<?xml" declarations, found by fuzzing) is freed with the
 *    document anyway. Small blocks come from pools freed at once, which
 *    also costs tidy less than malloc: a parse makes some 700,000 of them
 *    for 10,000 invoices;
 *  - it holds tidy to a budget of stack, memory and time. tidy 5.6's
 *    parser recurses, and some pages send it into endless recursion or
 *    endless loops (fuzzing found several; tidy #937, #1185). When tidy
 *    asks for memory past a budget, the allocator jumps back to where the
 *    parse started instead of letting the thread overflow its stack or
 *    spin, and the page is refused like any page we do not understand. */
#ifndef PF_WEB_TIDY_ALLOCATOR_H
#define PF_WEB_TIDY_ALLOCATOR_H

#include <setjmp.h>
#include <stdbool.h>
#include <stddef.h>
#include <tidy.h>

struct big_block;
struct pool_chunk;
struct free_slot;

/* Blocks up to this size come from the pools, in classes 8 bytes apart
 * (and aligned to 8 bytes); larger ones keep malloc's alignment. */
#define TIDY_POOL_MAX 256u
#define TIDY_POOL_CLASSES (TIDY_POOL_MAX / 8u)

enum tidy_overrun {
	TIDY_WITHIN_BUDGET,
	TIDY_STACK_OVERRUN,
	TIDY_MEMORY_OVERRUN,
	TIDY_TIME_OVERRUN,
};

struct tidy_allocator {
	TidyAllocator base;        /* first: tidy passes &base back to us */
	struct big_block *big;     /* larger blocks, each malloc'd */
	struct pool_chunk *chunks; /* where small blocks are carved */
	char *carve;               /* the unused end of the newest chunk */
	size_t carve_left;
	size_t chunk_size; /* of the newest chunk, 0 before the first */
	struct free_slot *free_slots[TIDY_POOL_CLASSES]; /* freed small blocks */
	size_t live_bytes;                               /* asked for and not freed */
	size_t held_bytes; /* taken from malloc: chunks and big blocks */
	/* The guard, off while escape is NULL. */
	jmp_buf *escape;
	const char *stack_start; /* a frame address near the parse's start */
	size_t stack_budget;     /* bytes tidy may use below stack_start */
	size_t memory_budget;    /* bytes the pools and big blocks may hold */
	double deadline;         /* CLOCK_THREAD_CPUTIME_ID seconds */
	unsigned calls;          /* allocations since the clock was read */
	enum tidy_overrun overrun;
};

void tidy_allocator_init(struct tidy_allocator *allocator);

/* Arms the guard: when tidy allocates with more than stack_budget bytes of
 * stack in use below the caller's frame, would hold more than
 * memory_budget bytes, or has used more than seconds of CPU time (the
 * calling thread's, from now on), the allocator
 * records why in ->overrun and longjmps to escape (with value 1). The tidy
 * document must then not be used again, only tidy_allocator_release'd.
 * Call from the frame that did the setjmp. */
void tidy_allocator_guard(struct tidy_allocator *allocator, jmp_buf *escape, size_t stack_budget,
                          size_t memory_budget, double seconds);
void tidy_allocator_disarm(struct tidy_allocator *allocator);

/* Frees every block tidy still holds: after tidyRelease, or instead of it
 * after an escape. */
void tidy_allocator_release(struct tidy_allocator *allocator);

#endif
