/* A growable byte buffer for secrets (passwords, bodies that hold them).
 *
 * Growing with realloc (as strbuf does) leaves the old bytes readable in
 * freed memory; here growing copies into a fresh allocation and wipes the
 * old one with explicit_bzero, and secbuf_wipe clears everything before
 * freeing. See RELIABILITY.md section 3 ("Conventions to copy"). */
#ifndef PF_UTIL_SECBUF_H
#define PF_UTIL_SECBUF_H

#include <stddef.h>

struct secbuf {
	char *data; /* NUL-terminated; NULL before the first append */
	size_t len, cap;
};

#define SECBUF_INIT        \
	{                  \
		NULL, 0, 0 \
	}

/* Appends n bytes (n may be 0: the buffer then holds at least ""). */
void secbuf_append(struct secbuf *b, const char *bytes, size_t n);
void secbuf_puts(struct secbuf *b, const char *s);
/* Wipes and frees the contents; the buffer is empty and reusable. */
void secbuf_wipe(struct secbuf *b);

/* Wipes a NUL-terminated string, then frees it. Accepts NULL. */
void secbuf_free_string(char *s);

#endif
