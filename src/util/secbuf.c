/* A byte buffer that never leaves a copy of a secret in freed memory. */
#include "config.h"

#include "util/secbuf.h"

#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

void secbuf_append(struct secbuf *b, const char *bytes, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 256;
		while (cap < b->len + n + 1)
			cap *= 2;
		char *grown = xmalloc(cap);
		if (b->len)
			memcpy(grown, b->data, b->len);
		if (b->data) {
			explicit_bzero(b->data, b->cap);
			free(b->data);
		}
		b->data = grown;
		b->cap = cap;
	}
	if (n)
		memcpy(b->data + b->len, bytes, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void secbuf_puts(struct secbuf *b, const char *s)
{
	secbuf_append(b, s, strlen(s));
}

void secbuf_wipe(struct secbuf *b)
{
	if (b->data) {
		explicit_bzero(b->data, b->cap);
		free(b->data);
	}
	memset(b, 0, sizeof(*b));
}

void secbuf_free_string(char *s)
{
	if (s) {
		explicit_bzero(s, strlen(s));
		free(s);
	}
}
