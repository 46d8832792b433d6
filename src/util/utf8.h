/* UTF-8 text: decoding and display width, one rule each for the whole
 * program. Pure functions, no locale. */
#ifndef PF_UTIL_UTF8_H
#define PF_UTIL_UTF8_H

#include <stddef.h>

/* The one strict UTF-8 decoder of the project. Decodes the character at
 * s[0..len), len > 0, into *cp and returns how many bytes it takes.
 * Overlong forms, surrogates, values past U+10FFFF and truncated sequences
 * give *cp = UTF8_BAD and consume their maximal invalid subpart (at least
 * one byte), so that each becomes one U+FFFD as the Unicode standard and
 * browsers do. len == 0 gives UTF8_BAD and 0. */
#define UTF8_BAD 0x110000UL
size_t utf8_decode(const char *s, size_t len, unsigned long *cp);

/* Columns a code point takes on a terminal: 0 for combining marks, 2 for
 * East Asian wide characters and emoji, else 1 (an invalid sequence is one
 * U+FFFD: 1). */
size_t utf8_cp_width(unsigned long cp);

/* Columns s[0..len) takes. */
size_t utf8_width(const char *s, size_t len);

/* How many bytes of s[0..len) fit in cols columns, never splitting a
 * character; *used (may be NULL) receives their width. */
size_t utf8_fit(const char *s, size_t len, size_t cols, size_t *used);

#endif
