/* Allocation wrappers that exit cleanly instead of returning NULL, and set_error. */
#include "util/xalloc.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void (*xalloc_fatal_hook)(void);

void xalloc_set_fatal_hook(void (*hook)(void))
{
	xalloc_fatal_hook = hook;
}

/* The hook runs first so that the message lands on a restored terminal
 * rather than in the middle of a curses screen. */
_Noreturn void xalloc_die(void)
{
	void (*hook)(void) = xalloc_fatal_hook;

	/* The hook may itself allocate and fail: never run it twice. */
	xalloc_fatal_hook = NULL;
	if (hook)
		hook();
	fputs("portail-famille: out of memory\n", stderr);
	exit(1);
}

static void *xalloc_check(void *p)
{
	if (!p)
		xalloc_die();
	return p;
}

/* malloc(0) may return NULL legitimately; asking for one byte keeps the
 * "never NULL" promise without a special case at every call site. */
void *xmalloc(size_t size)
{
	return xalloc_check(malloc(size ? size : 1));
}

void *xcalloc(size_t nmemb, size_t size)
{
	if (nmemb == 0 || size == 0)
		nmemb = size = 1;
	return xalloc_check(calloc(nmemb, size));
}

void *xrealloc(void *ptr, size_t size)
{
	return xalloc_check(realloc(ptr, size ? size : 1));
}

void *xreallocarray(void *ptr, size_t nmemb, size_t size)
{
	if (size != 0 && nmemb > SIZE_MAX / size)
		xalloc_die();
	return xrealloc(ptr, nmemb * size);
}

void *xappend_room(void *ptr, size_t count, size_t size)
{
	if (count != 0 && (count & (count - 1)) != 0)
		return ptr;
	return xreallocarray(ptr, count ? count * 2 : 1, size);
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	size_t len = strnlen(s, n);
	char *copy = xmalloc(len + 1);

	memcpy(copy, s, len);
	copy[len] = '\0';
	return copy;
}

/* vasprintf is a GNU extension whose result is unspecified on failure;
 * measuring first keeps this portable and lets xalloc_die handle OOM. */
__attribute__((format(printf, 1, 0))) static char *xvasprintf(const char *fmt, va_list ap)
{
	va_list measure;
	int n;
	char *s;

	va_copy(measure, ap);
	n = vsnprintf(NULL, 0, fmt, measure);
	va_end(measure);
	if (n < 0)
		return xstrdup(fmt);
	s = xmalloc((size_t)n + 1);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	return s;
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	return s;
}

int set_error(char **errp, const char *fmt, ...)
{
	va_list ap;

	if (!errp)
		return -1;
	va_start(ap, fmt);
	*errp = xvasprintf(fmt, ap);
	va_end(ap);
	return -1;
}
