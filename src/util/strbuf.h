/* A growable byte buffer that is always NUL-terminated. */
#ifndef PF_UTIL_STRBUF_H
#define PF_UTIL_STRBUF_H

#include <stddef.h>

struct strbuf {
	char *data; /* NUL-terminated; NULL only before the first append */
	size_t len;
	size_t cap;
};

#define STRBUF_INIT        \
	{                  \
		NULL, 0, 0 \
	}

void strbuf_append(struct strbuf *sb, const char *data, size_t len);
/* Makes room for extra more bytes at once, so that the appends that follow
 * never move the data (and leave no copy of it behind in freed memory). */
void strbuf_reserve(struct strbuf *sb, size_t extra);
void strbuf_puts(struct strbuf *sb, const char *s);
void strbuf_putc(struct strbuf *sb, char c);
void strbuf_printf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Returns the contents (never NULL: "" when empty) and leaves sb empty. */
char *strbuf_detach(struct strbuf *sb);
void strbuf_reset(struct strbuf *sb);
void strbuf_release(struct strbuf *sb);

#endif
