/* JSON out: jansson escapes everything non-ASCII, we turn the harmless
 * escapes back into UTF-8 so French text stays readable. */
#include "config.h"

#include "util/json_print.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "util/sanitize.h"
#include "util/strbuf.h"

static int hex4(const char *s, unsigned long *out)
{
	unsigned long v = 0;
	for (int i = 0; i < 4; i++) {
		char c = s[i];
		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= (unsigned long)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v |= (unsigned long)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v |= (unsigned long)(c - 'A' + 10);
		else
			return -1;
	}
	*out = v;
	return 0;
}

static void put_utf8(struct strbuf *sb, unsigned long cp)
{
	char b[4];
	size_t n;
	if (cp < 0x800) {
		b[0] = (char)(0xC0 | (cp >> 6));
		b[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		b[0] = (char)(0xE0 | (cp >> 12));
		b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		b[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		b[0] = (char)(0xF0 | (cp >> 18));
		b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		b[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		b[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	strbuf_append(sb, b, n);
}

/* Decodes the \uXXXX (or surrogate pair) at s; returns its length in s, or
 * 0 when it must stay escaped. */
static size_t safe_escape(const char *s, unsigned long *cp)
{
	if (hex4(s + 2, cp) < 0)
		return 0;
	size_t len = 6;
	if (*cp >= 0xD800 && *cp <= 0xDBFF) {
		unsigned long low;
		if (s[6] != '\\' || s[7] != 'u' || hex4(s + 8, &low) < 0 || low < 0xDC00 ||
		    low > 0xDFFF)
			return 0;
		*cp = 0x10000 + ((*cp - 0xD800) << 10) + (low - 0xDC00);
		len = 12;
	}
	if (*cp < 0xA0 || (*cp >= 0xDC00 && *cp <= 0xDFFF) || sanitize_is_unsafe_codepoint(*cp))
		return 0;
	return len;
}

char *json_print_string(const json_t *value)
{
	char *ascii = json_dumps(value, JSON_INDENT(2) | JSON_ENSURE_ASCII | JSON_PRESERVE_ORDER);
	if (!ascii)
		return NULL;
	struct strbuf sb = STRBUF_INIT;
	for (const char *s = ascii; *s;) {
		unsigned long cp;
		size_t len;
		if (s[0] == '\\' && s[1] == 'u' && (len = safe_escape(s, &cp)) > 0) {
			put_utf8(&sb, cp);
			s += len;
		} else if (s[0] == '\\' && s[1]) {
			strbuf_append(&sb, s, 2);
			s += 2;
		} else {
			size_t run = strcspn(s + 1, "\\") + 1;
			strbuf_append(&sb, s, run);
			s += run;
		}
	}
	free(ascii);
	return strbuf_detach(&sb);
}

int json_print(FILE *out, const json_t *value)
{
	char *text = json_print_string(value);
	if (!text)
		return -1;
	int rc = fputs(text, out) < 0 || fputc('\n', out) == EOF ? -1 : 0;
	free(text);
	return rc;
}
