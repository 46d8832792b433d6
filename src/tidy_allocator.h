/* The allocator we hand to tidy. It does what tidy cannot do itself:
 *  - it remembers every block, so that whatever tidy forgets to free
 *    (tidy #1177; "<?xml" declarations, found by fuzzing) is freed with
 *    the document anyway;
 *  - it holds tidy to a budget of stack and of memory. tidy 5.6's parser
 *    recurses, and some pages send it into endless recursion (fuzzing
 *    found several), growing both. When tidy asks for memory past either
 *    budget, the allocator jumps back to where the parse started instead
 *    of letting the thread overflow its stack, and the page is refused
 *    like any other page we do not understand. */
#ifndef PF_TIDY_ALLOCATOR_H
#define PF_TIDY_ALLOCATOR_H

#include <setjmp.h>
#include <stdbool.h>
#include <stddef.h>
#include <tidy.h>

struct tracked_block;

enum tidy_overrun { TIDY_WITHIN_BUDGET, TIDY_STACK_OVERRUN, TIDY_MEMORY_OVERRUN };

struct tidy_allocator {
	TidyAllocator base; /* first: tidy passes &base back to us */
	struct tracked_block *blocks;
	size_t live_bytes;
	/* The guard, off while escape is NULL. */
	jmp_buf *escape;
	const char *stack_start; /* a frame address near the parse's start */
	size_t stack_budget;     /* bytes tidy may use below stack_start */
	size_t memory_budget;    /* bytes tidy may hold at once */
	enum tidy_overrun overrun;
};

void tidy_allocator_init(struct tidy_allocator *allocator);

/* Arms the guard: when tidy allocates with more than stack_budget bytes of
 * stack in use below the caller's frame, or would hold more than
 * memory_budget bytes, the allocator records why in ->overrun and
 * longjmps to escape (with value 1). The tidy document must then not be
 * used again, only tidy_allocator_release'd. Call from the frame that did
 * the setjmp. */
void tidy_allocator_guard(struct tidy_allocator *allocator, jmp_buf *escape,
                          size_t stack_budget, size_t memory_budget);
void tidy_allocator_disarm(struct tidy_allocator *allocator);

/* Frees every block tidy still holds: after tidyRelease, or instead of it
 * after an escape. */
void tidy_allocator_release(struct tidy_allocator *allocator);

#endif
