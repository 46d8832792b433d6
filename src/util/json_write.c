/* A JSON writer that streams: no tree, no second pass for escapes. */
#include "config.h"

#include "util/json_write.h"

#include <string.h>

#include "util/sanitize.h"
#include "util/utf8.h"

void json_writer_init(struct json_writer *w, FILE *out)
{
	w->out = out;
	w->failed = false;
	w->depth = 0;
	w->used = 0;
}

static void flush(struct json_writer *w)
{
	if (w->used && fwrite(w->buf, 1, w->used, w->out) != w->used)
		w->failed = true;
	w->used = 0;
}

static void put(struct json_writer *w, const char *s, size_t n)
{
	if (n > sizeof(w->buf) - w->used) {
		flush(w);
		if (n > sizeof(w->buf)) {
			if (fwrite(s, 1, n, w->out) != n)
				w->failed = true;
			return;
		}
	}
	memcpy(w->buf + w->used, s, n);
	w->used += n;
}

static void put_str(struct json_writer *w, const char *s)
{
	put(w, s, strlen(s));
}

static void indent(struct json_writer *w)
{
	/* A newline and two spaces a level, JSON_WRITER_MAX_DEPTH levels. */
	static const char spaces[] = "\n                                ";
	size_t n = 1 + 2 * (size_t)w->depth;
	put(w, spaces, n < sizeof(spaces) - 1 ? n : sizeof(spaces) - 1);
}

/* \uXXXX, or a surrogate pair beyond the Basic Multilingual Plane. */
static void put_escape(struct json_writer *w, unsigned long cp)
{
	char text[32];
	if (cp > 0xFFFF) {
		cp -= 0x10000;
		snprintf(text, sizeof(text), "\\u%04lX\\u%04lX", 0xD800 + (cp >> 10),
		         0xDC00 + (cp & 0x3FF));
	} else {
		snprintf(text, sizeof(text), "\\u%04lX", cp);
	}
	put_str(w, text);
}

/* True for the ASCII bytes written as they are. */
static bool plain(unsigned char c)
{
	return c >= 0x20 && c < 0x7f && c != '"' && c != '\\';
}

static void put_quoted(struct json_writer *w, const char *text)
{
	size_t size = strlen(text), pos = 0;
	put(w, "\"", 1);
	while (pos < size) {
		size_t run = pos;
		while (run < size && plain((unsigned char)text[run]))
			run++;
		put(w, text + pos, run - pos);
		pos = run;
		if (pos == size)
			break;
		unsigned char c = (unsigned char)text[pos];
		if (c < 0x80) {
			switch (c) {
			case '"': put_str(w, "\\\""); break;
			case '\\': put_str(w, "\\\\"); break;
			case '\n': put_str(w, "\\n"); break;
			case '\t': put_str(w, "\\t"); break;
			case '\r': put_str(w, "\\r"); break;
			case '\b': put_str(w, "\\b"); break;
			case '\f': put_str(w, "\\f"); break;
			default: put_escape(w, c); break; /* other C0, DEL */
			}
			pos++;
			continue;
		}
		unsigned long cp;
		size_t n = utf8_decode(text + pos, size - pos, &cp);
		/* A lone surrogate escaped would not be JSON a parser takes. */
		if (cp == UTF8_BAD || (cp >= 0xD800 && cp <= 0xDFFF))
			put_escape(w, 0xFFFD);
		else if (sanitize_is_unsafe_codepoint(cp))
			put_escape(w, cp);
		else
			put(w, text + pos, n);
		pos += n;
	}
	put(w, "\"", 1);
}

/* The separator, the line and the key before a member. */
static void member(struct json_writer *w, const char *key)
{
	if (w->depth > 0 && w->depth <= JSON_WRITER_MAX_DEPTH) {
		if (w->filled[w->depth - 1])
			put(w, ",", 1);
		w->filled[w->depth - 1] = true;
	}
	if (w->depth > 0)
		indent(w);
	if (key) {
		put_quoted(w, key);
		put(w, ": ", 2);
	}
}

static void begin(struct json_writer *w, const char *key, char opener, char closer)
{
	member(w, key);
	put(w, &opener, 1);
	if (w->depth < JSON_WRITER_MAX_DEPTH) {
		w->filled[w->depth] = false;
		w->closer[w->depth] = closer;
	}
	w->depth++;
}

void json_begin_object(struct json_writer *w, const char *key)
{
	begin(w, key, '{', '}');
}

void json_begin_array(struct json_writer *w, const char *key)
{
	begin(w, key, '[', ']');
}

void json_end(struct json_writer *w)
{
	if (w->depth == 0 || w->depth > JSON_WRITER_MAX_DEPTH) {
		w->failed = true; /* unbalanced, or nested too deeply */
		return;
	}
	w->depth--;
	if (w->filled[w->depth])
		indent(w);
	put(w, &w->closer[w->depth], 1);
}

void json_put_string(struct json_writer *w, const char *key, const char *value)
{
	member(w, key);
	if (value)
		put_quoted(w, value);
	else
		put(w, "null", 4);
}

void json_put_int(struct json_writer *w, const char *key, int64_t value)
{
	char digits[24];
	size_t at = sizeof(digits);
	/* Unsigned, so that INT64_MIN has a magnitude. */
	uint64_t magnitude = value < 0 ? 0 - (uint64_t)value : (uint64_t)value;
	do {
		digits[--at] = (char)('0' + magnitude % 10);
		magnitude /= 10;
	} while (magnitude);
	if (value < 0)
		digits[--at] = '-';
	member(w, key);
	put(w, digits + at, sizeof(digits) - at);
}

void json_put_bool(struct json_writer *w, const char *key, bool value)
{
	member(w, key);
	put_str(w, value ? "true" : "false");
}

void json_put_null(struct json_writer *w, const char *key)
{
	member(w, key);
	put(w, "null", 4);
}

int json_writer_finish(struct json_writer *w)
{
	put(w, "\n", 1);
	flush(w);
	return w->depth == 0 && !w->failed && !ferror(w->out) ? 0 : -1;
}
