/* Content-Disposition: the proposed file name, read as browsers do. */
#include "config.h"

#include "web/disposition.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/hex.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xalloc.h"

static bool is_space(char c)
{
	return c == ' ' || c == '\t';
}

/* True when s[0..len) is valid UTF-8 without NUL. */
static bool valid_utf8(const char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		unsigned long cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		if (cp == UTF8_BAD || cp == 0)
			return false;
		i += n;
	}
	return true;
}

/* ISO-8859-1 bytes as UTF-8 (every byte is its own code point). */
static char *latin1_to_utf8(const char *s, size_t len)
{
	struct strbuf out = STRBUF_INIT;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			strbuf_putc(&out, (char)c);
		} else {
			strbuf_putc(&out, (char)(0xc0 | (c >> 6)));
			strbuf_putc(&out, (char)(0x80 | (c & 0x3f)));
		}
	}
	return strbuf_detach(&out);
}

/* Bytes as UTF-8: kept when they are, read as latin-1 when not. NULL for
 * an empty name or one holding a NUL. */
static char *as_utf8(const char *s, size_t len)
{
	if (len == 0 || memchr(s, '\0', len))
		return NULL;
	return valid_utf8(s, len) ? xstrndup(s, len) : latin1_to_utf8(s, len);
}

/* One parameter's value at *p: a quoted string (backslash escapes) or a
 * token up to ';'. Advances *p past it. Newly allocated (may be ""). */
static char *param_value(const char **p)
{
	const char *s = *p;
	struct strbuf out = STRBUF_INIT;
	strbuf_append(&out, "", 0);
	if (*s == '"') {
		for (s++; *s && *s != '"'; s++) {
			if (*s == '\\' && s[1])
				s++;
			strbuf_putc(&out, *s);
		}
		if (*s == '"')
			s++;
		while (*s && *s != ';')
			s++;
	} else {
		const char *start = s;
		while (*s && *s != ';')
			s++;
		const char *end = s;
		while (end > start && is_space(end[-1]))
			end--;
		strbuf_append(&out, start, (size_t)(end - start));
	}
	*p = s;
	return strbuf_detach(&out);
}

/* An RFC 8187 ext-value, "UTF-8''Facture%20F2022.pdf": NULL when its
 * charset is neither UTF-8 nor ISO-8859-1 or its bytes do not fit it. */
static char *ext_value(const char *v)
{
	const char *q1 = strchr(v, '\'');
	const char *q2 = q1 ? strchr(q1 + 1, '\'') : NULL;
	if (!q2)
		return NULL;
	size_t cs_len = (size_t)(q1 - v);
	bool utf8 = cs_len == 5 && strncasecmp(v, "utf-8", 5) == 0;
	bool latin1 = cs_len == 10 && strncasecmp(v, "iso-8859-1", 10) == 0;
	if (!utf8 && !latin1)
		return NULL;
	struct strbuf bytes = STRBUF_INIT;
	strbuf_append(&bytes, "", 0);
	for (const char *s = q2 + 1; *s; s++) {
		if (*s == '%' && hex_digit_value(s[1]) >= 0 && hex_digit_value(s[2]) >= 0) {
			strbuf_putc(&bytes,
			            (char)(hex_digit_value(s[1]) * 16 + hex_digit_value(s[2])));
			s += 2;
		} else {
			strbuf_putc(&bytes, *s);
		}
	}
	char *name = NULL;
	if (bytes.len && !memchr(bytes.data, '\0', bytes.len)) {
		if (latin1)
			name = latin1_to_utf8(bytes.data, bytes.len);
		else if (valid_utf8(bytes.data, bytes.len))
			name = xstrndup(bytes.data, bytes.len);
	}
	strbuf_release(&bytes);
	return name;
}

char *http_disposition_filename(const char *value)
{
	if (!value)
		return NULL;
	char *plain = NULL, *extended = NULL;
	const char *p = strchr(value, ';'); /* past the disposition type */
	while (p && *p) {
		p++;
		while (is_space(*p))
			p++;
		const char *name = p;
		while (*p && *p != '=' && *p != ';')
			p++;
		const char *name_end = p;
		while (name_end > name && is_space(name_end[-1]))
			name_end--;
		if (*p != '=')
			continue;
		p++;
		while (is_space(*p))
			p++;
		char *v = param_value(&p);
		size_t n = (size_t)(name_end - name);
		if (n == 9 && strncasecmp(name, "filename*", 9) == 0 && !extended)
			extended = ext_value(v);
		else if (n == 8 && strncasecmp(name, "filename", 8) == 0 && !plain)
			plain = as_utf8(v, strlen(v));
		free(v);
	}
	if (extended) {
		free(plain);
		return extended;
	}
	return plain;
}
