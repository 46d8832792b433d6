/* JSON out: jansson writes UTF-8, we escape what could act on a terminal. */
#include "config.h"

#include "util/json_print.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "util/sanitize.h"
#include "util/strbuf.h"
#include "util/utf8.h"

/* \uXXXX, or a surrogate pair beyond the Basic Multilingual Plane. */
static void put_escape(struct strbuf *out, unsigned long cp)
{
	if (cp > 0xFFFF) {
		cp -= 0x10000;
		strbuf_printf(out, "\\u%04lX\\u%04lX", 0xD800 + (cp >> 10), 0xDC00 + (cp & 0x3FF));
	} else {
		strbuf_printf(out, "\\u%04lX", cp);
	}
}

/* True when every byte is printable ASCII or a tab/newline: nothing to do. */
static bool plain_ascii(const char *text)
{
	for (const unsigned char *p = (const unsigned char *)text; *p; p++)
		if (*p >= 0x7f)
			return false;
	return true;
}

/* jansson escapes C0 controls, '"' and '\\' but passes DEL, C1 controls,
 * bidi and other invisible characters through raw. They can only occur
 * inside strings (the JSON structure is ASCII), where \uXXXX is exact and
 * inert, so they are rewritten on the way out. */
static char *escape_unsafe(const char *text)
{
	struct strbuf out = STRBUF_INIT;
	size_t size = strlen(text), pos = 0;
	while (pos < size) {
		size_t run = pos;
		while (run < size && (unsigned char)text[run] < 0x7f)
			run++;
		strbuf_append(&out, text + pos, run - pos);
		pos = run;
		if (pos == size)
			break;
		unsigned long cp;
		size_t n = utf8_decode(text + pos, size - pos, &cp);
		if (cp == UTF8_BAD)
			put_escape(&out, 0xFFFD); /* jansson validates strings: never */
		else if (cp == 0x7f || sanitize_is_unsafe_codepoint(cp))
			put_escape(&out, cp);
		else
			strbuf_append(&out, text + pos, n);
		pos += n;
	}
	return strbuf_detach(&out);
}

char *json_print_string(const json_t *value)
{
	char *text = json_dumps(value, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	if (!text || plain_ascii(text))
		return text;
	char *safe = escape_unsafe(text);
	free(text);
	return safe;
}

json_t *json_text(const char *text)
{
	json_t *value = json_string(text);
	if (value)
		return value;
	char *clean = sanitize_str(text, SANITIZE_MULTILINE);
	value = json_string(clean);
	free(clean);
	return value;
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
