/* Terminal-safety filter for untrusted text (RELIABILITY.md section 1). */
#include "config.h"

#include "util/sanitize.h"

#include <langinfo.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "util/fold.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xalloc.h"

#define SANITIZE_REPLACEMENT "\xef\xbf\xbd" /* U+FFFD */
#define SANITIZE_ELLIPSIS "\xe2\x80\xa6"    /* U+2026 */

/* Beyond the list in the header: noncharacters, the interlinear annotation
 * controls, the deprecated format controls U+206A-206F and the tag block
 * (which can smuggle invisible ASCII) are equally invisible or disruptive. */
bool sanitize_is_unsafe_codepoint(unsigned long cp)
{
	if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f))
		return true;
	if (cp == 0xad || cp == 0x61c || cp == 0x180e || cp == 0xfeff)
		return true;
	if ((cp >= 0x200b && cp <= 0x200f) || (cp >= 0x2028 && cp <= 0x202e))
		return true;
	if (cp >= 0x2060 && cp <= 0x206f)
		return true;
	if (cp >= 0xd800 && cp <= 0xdfff)
		return true;
	if ((cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) == 0xfffe)
		return true;
	if (cp >= 0xfff9 && cp <= 0xfffb)
		return true;
	if (cp >= 0xe0000 && cp <= 0xe007f)
		return true;
	return cp > 0x10ffff;
}

/* ASCII look-alikes for the punctuation French portals use, so that a
 * LANG=C terminal still reads "1 234,56 EUR" rather than "1?234,56 ?". */
static const struct {
	unsigned long cp;
	const char *ascii;
} sanitize_ascii_punct[] = {
	{ 0x00a0, " " },
	{ 0x00aa, "a" },
	{ 0x00ab, "\"" },
	{ 0x00b0, "o" },
	{ 0x00ba, "o" },
	{ 0x00bb, "\"" },
	{ 0x00d7, "x" },
	{ 0x2002, " " },
	{ 0x2003, " " },
	{ 0x2007, " " },
	{ 0x2009, " " },
	{ 0x200a, " " },
	{ 0x2010, "-" },
	{ 0x2011, "-" },
	{ 0x2012, "-" },
	{ 0x2013, "-" },
	{ 0x2014, "-" },
	{ 0x2015, "-" },
	{ 0x2018, "'" },
	{ 0x2019, "'" },
	{ 0x201a, "'" },
	{ 0x201c, "\"" },
	{ 0x201d, "\"" },
	{ 0x201e, "\"" },
	{ 0x2026, "..." },
	{ 0x202f, " " },
	{ 0x20ac, "EUR" },
	{ 0x2212, "-" },
	/* The symbols pages and the UI draw: arrows, bullets, ticks. */
	{ 0x00b7, "." },
	{ 0x2022, "*" },
	{ 0x2190, "<-" },
	{ 0x2191, "^" },
	{ 0x2192, "->" },
	{ 0x2193, "v" },
	{ 0x25b6, ">" },
	{ 0x25ba, ">" },
	{ 0x25c0, "<" },
	{ 0x25c4, "<" },
	{ 0x2713, "v" },
	{ 0x2714, "v" },
	{ 0x2715, "x" },
	{ 0x2716, "x" },
	{ 0x2717, "x" },
	{ 0x2039, "<" },
	{ 0x203a, ">" },
};

static const char *sanitize_ascii_fold(unsigned long cp)
{
	const char *letters = fold_latin_to_ascii(cp);
	size_t i;

	if (letters)
		return letters;
	for (i = 0; i < sizeof sanitize_ascii_punct / sizeof sanitize_ascii_punct[0]; i++)
		if (sanitize_ascii_punct[i].cp == cp)
			return sanitize_ascii_punct[i].ascii;
	return "?";
}

enum sanitize_action {
	SANITIZE_KEEP,
	SANITIZE_DROP,
	SANITIZE_SPACE,
	SANITIZE_NEWLINE,
	SANITIZE_CARET_ESC,
	SANITIZE_REPLACE,
	SANITIZE_FOLD,
};

/* One decision per character, shared by sanitize_text and sanitize_is_clean
 * so that "clean" means exactly "sanitize_text would not change it". */
static enum sanitize_action sanitize_classify(unsigned long cp, int flags, bool lf_follows)
{
	bool multiline = flags & SANITIZE_MULTILINE;

	if (cp == UTF8_BAD)
		return (flags & SANITIZE_ASCII) ? SANITIZE_FOLD : SANITIZE_REPLACE;
	switch (cp) {
	case 0x1b: return SANITIZE_CARET_ESC;
	case '\n': return multiline ? SANITIZE_KEEP : SANITIZE_SPACE;
	case '\r':
		if (!multiline)
			return SANITIZE_SPACE;
		return lf_follows ? SANITIZE_DROP : SANITIZE_NEWLINE;
	case '\t':
	case '\b': return SANITIZE_SPACE;
	default: break;
	}
	if (sanitize_is_unsafe_codepoint(cp))
		return SANITIZE_DROP;
	if ((flags & SANITIZE_ASCII) && cp >= 0x80)
		return SANITIZE_FOLD;
	return SANITIZE_KEEP;
}

static bool sanitize_lf_follows(const char *text, size_t len, size_t pos)
{
	return pos < len && text[pos] == '\n';
}

static void sanitize_emit(struct strbuf *out, enum sanitize_action action, unsigned long cp,
                          const char *src, size_t n)
{
	switch (action) {
	case SANITIZE_KEEP: strbuf_append(out, src, n); break;
	case SANITIZE_DROP: break;
	case SANITIZE_SPACE: strbuf_putc(out, ' '); break;
	case SANITIZE_NEWLINE: strbuf_putc(out, '\n'); break;
	case SANITIZE_CARET_ESC: strbuf_puts(out, "^["); break;
	case SANITIZE_REPLACE: strbuf_puts(out, SANITIZE_REPLACEMENT); break;
	case SANITIZE_FOLD: strbuf_puts(out, cp == UTF8_BAD ? "?" : sanitize_ascii_fold(cp)); break;
	}
}

/* Output is valid UTF-8, so characters are the non-continuation bytes. */
static size_t sanitize_count_chars(const char *s, size_t len, size_t *offset_of, size_t nth)
{
	size_t i, count = 0;

	for (i = 0; i < len; i++) {
		if (((unsigned char)s[i] & 0xc0) == 0x80)
			continue;
		if (offset_of && count == nth)
			*offset_of = i;
		count++;
	}
	return count;
}

/* Cuts to max_chars characters including the marker. The marker itself is
 * counted, so the result is at most max_chars long and a second pass with
 * the same limit leaves it alone (idempotence). */
static void sanitize_clamp(struct strbuf *out, int flags, size_t max_chars)
{
	const char *marker = (flags & SANITIZE_ASCII) ? "..." : SANITIZE_ELLIPSIS;
	size_t marker_chars = (flags & SANITIZE_ASCII) ? 3 : 1;
	size_t keep, cut = out->len;

	if (max_chars == 0 || sanitize_count_chars(out->data, out->len, NULL, 0) <= max_chars)
		return;
	if (marker_chars > max_chars)
		marker_chars = max_chars;
	keep = max_chars - marker_chars;
	sanitize_count_chars(out->data, out->len, &cut, keep);
	out->len = cut;
	out->data[cut] = '\0';
	/* The ASCII marker is all one byte per character, so a prefix of it is
	 * still a prefix of whole characters. */
	strbuf_append(out, marker, (flags & SANITIZE_ASCII) ? marker_chars : strlen(marker));
}

char *sanitize_text(const char *text, size_t len, int flags, size_t max_chars)
{
	struct strbuf out = STRBUF_INIT;
	size_t pos = 0;

	while (text && pos < len) {
		unsigned long cp;
		size_t n = utf8_decode(text + pos, len - pos, &cp);
		bool lf = sanitize_lf_follows(text, len, pos + n);

		sanitize_emit(&out, sanitize_classify(cp, flags, lf), cp, text + pos, n);
		pos += n;
	}
	sanitize_clamp(&out, flags, max_chars);
	return strbuf_detach(&out);
}

char *sanitize_str(const char *text, int flags)
{
	return sanitize_text(text, text ? strlen(text) : 0, flags, 0);
}

bool sanitize_is_clean(const char *text, size_t len, int flags)
{
	size_t pos = 0;

	while (text && pos < len) {
		unsigned long cp;
		size_t n = utf8_decode(text + pos, len - pos, &cp);
		bool lf = sanitize_lf_follows(text, len, pos + n);

		if (sanitize_classify(cp, flags, lf) != SANITIZE_KEEP)
			return false;
		pos += n;
	}
	return true;
}

int sanitize_terminal_flags(void)
{
	const char *codeset = nl_langinfo(CODESET);
	return codeset && strcmp(codeset, "UTF-8") == 0 ? 0 : SANITIZE_ASCII;
}

int sanitize_fprintf(FILE *out, int flags, const char *format, ...)
{
	va_list ap;
	va_start(ap, format);
	char *text = NULL;
	int n = vasprintf(&text, format, ap);
	va_end(ap);
	if (n < 0)
		return n;
	char *safe = sanitize_text(text, (size_t)n, flags | SANITIZE_MULTILINE, 0);
	n = fputs(safe, out) < 0 ? -1 : (int)strlen(safe);
	free(safe);
	free(text);
	return n;
}
