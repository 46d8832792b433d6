/* Large blocks on transparent huge pages. A 10,000-invoice page has tidy
 * and our tree hold some 40 MB: in 4 KB pages that is 10,000 page faults,
 * each a zeroed page and, in a virtual machine, an expensive exit; and as
 * many TLB entries. Measured: 14,000 faults became 500, and the parse's
 * CPU time fell by 40% (docs/benchmarks.md). Only blocks of 2 MB or more
 * take this path, so a portal page of some kilobytes never rounds up to
 * a huge page. */
#ifndef PF_UTIL_HUGE_ALLOC_H
#define PF_UTIL_HUGE_ALLOC_H

#include <stddef.h>

/* The size from which huge_alloc maps huge pages. */
#define HUGE_ALLOC_MIN (2u * 1024u * 1024u)

/* size bytes, never NULL (xalloc's rule: it exits when memory is out), at
 * least malloc's alignment. From HUGE_ALLOC_MIN on, the block is 2 MB
 * aligned and the kernel is asked for huge pages (madvise MADV_HUGEPAGE:
 * honoured where transparent huge pages are "always" or "madvise", else
 * the block is plain pages); below it, or under AddressSanitizer (which
 * must see every block), it is malloc's. Contents are not zeroed. */
void *huge_alloc(size_t size);

/* Frees a block of huge_alloc, given the size it was allocated with. */
void huge_free(void *block, size_t size);

#endif
