/* Allocation that never returns NULL, and set_error() for the project's
 * error convention (both conventions, errors and ownership, are written
 * down in docs/DESIGN.md). */
#ifndef PF_UTIL_XALLOC_H
#define PF_UTIL_XALLOC_H

#include <stddef.h>

/* On allocation failure these call the registered fatal hook (the UI uses it
 * to restore the terminal), print a message and exit(1). */
void *xmalloc(size_t size);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *ptr, size_t size);
/* Grows an array of nmemb elements of size bytes; checks the multiplication. */
void *xreallocarray(void *ptr, size_t nmemb, size_t size);
/* Makes room for element [count] of an array grown only by this function,
 * one element at a time: it reallocates when count is 0 or a power of two,
 * doubling, so a list of n elements costs log2(n) reallocations. */
void *xappend_room(void *ptr, size_t count, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* printf into a newly allocated string. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Stores a formatted message in *errp when errp is not NULL; returns -1 so
 * that `return set_error(errp, ...)` reads naturally. */
int set_error(char **errp, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Runs the fatal hook, says "out of memory" and exits(1): for allocators
 * handed to libraries (tidy) that report failure through a callback. */
_Noreturn void xalloc_die(void);

/* Called before exiting on an allocation failure (e.g. endwin). */
void xalloc_set_fatal_hook(void (*hook)(void));

#endif
