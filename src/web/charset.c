/* Charset detection (BOM, HTTP, <meta>, sniffing) and conversion through iconv. */
#include "web/charset.h"
#include "util/i18n.h"

#include <errno.h>
#include <iconv.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/sanitize.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xalloc.h"

#define CHARSET_PRESCAN_BYTES 4096
#define CHARSET_REPLACEMENT "\xef\xbf\xbd" /* U+FFFD */

static const char charset_utf8[] = "UTF-8";
static const char charset_cp1252[] = "WINDOWS-1252";
static const char charset_latin9[] = "ISO-8859-15";
static const char charset_utf16le[] = "UTF-16LE";
static const char charset_utf16be[] = "UTF-16BE";

/* Labels from the WHATWG Encoding standard (plus "latin9", which servers
 * send). Latin-1 and ASCII labels mean windows-1252 there, and pages
 * labelled Latin-1 routinely contain "€" or "œ" from the 0x80-0x9F range. */
static const struct {
	const char *label;
	const char *name;
} charset_labels[] = {
	{ "unicode-1-1-utf-8", charset_utf8 },
	{ "unicode11utf8", charset_utf8 },
	{ "unicode20utf8", charset_utf8 },
	{ "utf-8", charset_utf8 },
	{ "utf8", charset_utf8 },
	{ "x-unicode20utf8", charset_utf8 },
	{ "ansi_x3.4-1968", charset_cp1252 },
	{ "ascii", charset_cp1252 },
	{ "cp1252", charset_cp1252 },
	{ "cp819", charset_cp1252 },
	{ "csisolatin1", charset_cp1252 },
	{ "ibm819", charset_cp1252 },
	{ "iso-8859-1", charset_cp1252 },
	{ "iso-ir-100", charset_cp1252 },
	{ "iso8859-1", charset_cp1252 },
	{ "iso88591", charset_cp1252 },
	{ "iso_8859-1", charset_cp1252 },
	{ "iso_8859-1:1987", charset_cp1252 },
	{ "l1", charset_cp1252 },
	{ "latin1", charset_cp1252 },
	{ "us-ascii", charset_cp1252 },
	{ "windows-1252", charset_cp1252 },
	{ "x-cp1252", charset_cp1252 },
	{ "csisolatin9", charset_latin9 },
	{ "iso-8859-15", charset_latin9 },
	{ "iso8859-15", charset_latin9 },
	{ "iso885915", charset_latin9 },
	{ "iso_8859-15", charset_latin9 },
	{ "l9", charset_latin9 },
	{ "latin9", charset_latin9 },
	{ "utf-16", charset_utf16le },
	{ "utf-16le", charset_utf16le },
	{ "utf-16be", charset_utf16be },
};

#define CHARSET_COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* ASCII-only case folding: the C locale's tolower is not guaranteed here. */
static char charset_lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static bool charset_is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* True when p[0..n) equals the lowercase literal `lit`, ignoring case. */
static bool charset_span_eq(const char *p, size_t n, const char *lit)
{
	size_t i;

	if (strlen(lit) != n)
		return false;
	for (i = 0; i < n; i++)
		if (charset_lower(p[i]) != lit[i])
			return false;
	return true;
}

static const char *charset_canonical_span(const char *p, size_t n)
{
	size_t i;

	while (n > 0 && (charset_is_space(*p) || *p == '"' || *p == '\'')) {
		p++;
		n--;
	}
	while (n > 0 && (charset_is_space(p[n - 1]) || p[n - 1] == '"' || p[n - 1] == '\''))
		n--;
	for (i = 0; i < CHARSET_COUNT(charset_labels); i++)
		if (charset_span_eq(p, n, charset_labels[i].label))
			return charset_labels[i].name;
	return NULL;
}

const char *charset_canonical(const char *label)
{
	return label ? charset_canonical_span(label, strlen(label)) : NULL;
}

static const char *charset_from_bom(const char *bytes, size_t len)
{
	const unsigned char *u = (const unsigned char *)bytes;

	if (len >= 3 && u[0] == 0xef && u[1] == 0xbb && u[2] == 0xbf)
		return charset_utf8;
	if (len >= 2 && u[0] == 0xff && u[1] == 0xfe)
		return charset_utf16le;
	if (len >= 2 && u[0] == 0xfe && u[1] == 0xff)
		return charset_utf16be;
	return NULL;
}

/* Finds "charset=value" in a Content-Type header or a <meta content>; the
 * value may be quoted. Returns the canonical name or NULL (absent/unknown). */
static const char *charset_from_params(const char *s, size_t n)
{
	size_t i = 0;

	while (i + 7 <= n) {
		size_t start, end;

		if (!charset_span_eq(s + i, 7, "charset")) {
			i++;
			continue;
		}
		for (i += 7; i < n && charset_is_space(s[i]); i++)
			;
		if (i >= n || s[i] != '=')
			continue;
		for (i++; i < n && charset_is_space(s[i]); i++)
			;
		if (i < n && (s[i] == '"' || s[i] == '\'')) {
			char quote = s[i++];

			for (start = end = i; end < n && s[end] != quote; end++)
				;
		} else {
			for (start = end = i; end < n && s[end] != ';' && !charset_is_space(s[end]);
			     end++)
				;
		}
		return charset_canonical_span(s + start, end - start);
	}
	return NULL;
}

struct charset_attr {
	const char *name;
	size_t name_len;
	const char *value;
	size_t value_len;
};

/* Reads one attribute of a tag starting at b[*i], the way the WHATWG prescan
 * does, so that a quoted '>' or "<meta" inside a value fools nobody. Returns
 * false at the end of the tag (or of the buffer). */
static bool charset_next_attr(const char *b, size_t n, size_t *i, struct charset_attr *a)
{
	size_t p = *i;

	while (p < n && (charset_is_space(b[p]) || b[p] == '/'))
		p++;
	if (p >= n || b[p] == '>') {
		*i = p < n ? p + 1 : n;
		return false;
	}
	a->name = b + p;
	while (p < n && !charset_is_space(b[p]) && b[p] != '=' && b[p] != '>' && b[p] != '/')
		p++;
	a->name_len = (size_t)(b + p - a->name);
	a->value = b + p;
	a->value_len = 0;
	while (p < n && charset_is_space(b[p]))
		p++;
	if (p < n && b[p] == '=') {
		for (p++; p < n && charset_is_space(b[p]); p++)
			;
		if (p < n && (b[p] == '"' || b[p] == '\'')) {
			char quote = b[p++];

			for (a->value = b + p; p < n && b[p] != quote; p++)
				;
			a->value_len = (size_t)(b + p - a->value);
			p += p < n;
		} else {
			for (a->value = b + p; p < n && !charset_is_space(b[p]) && b[p] != '>'; p++)
				;
			a->value_len = (size_t)(b + p - a->value);
		}
	}
	*i = p;
	return true;
}

/* One <meta>: charset="x" wins; otherwise http-equiv="Content-Type" with
 * content="...; charset=x". */
static const char *charset_from_meta(const char *b, size_t n, size_t *i)
{
	struct charset_attr a;
	const char *charset = NULL, *from_content = NULL;
	bool pragma = false;

	while (charset_next_attr(b, n, i, &a)) {
		if (charset_span_eq(a.name, a.name_len, "charset") && !charset)
			charset = charset_canonical_span(a.value, a.value_len);
		else if (charset_span_eq(a.name, a.name_len, "http-equiv"))
			pragma = pragma || charset_span_eq(a.value, a.value_len, "content-type");
		else if (charset_span_eq(a.name, a.name_len, "content") && !from_content)
			from_content = charset_from_params(a.value, a.value_len);
	}
	if (!charset && pragma)
		charset = from_content;
	/* A page whose <meta> we could read as ASCII is not UTF-16 (WHATWG). */
	if (charset == charset_utf16le || charset == charset_utf16be)
		charset = charset_utf8;
	return charset;
}

static bool charset_starts_ci(const char *b, size_t n, size_t i, const char *lit)
{
	size_t len = strlen(lit);

	return n - i >= len && charset_span_eq(b + i, len, lit);
}

static size_t charset_skip_past(const char *b, size_t n, size_t i, const char *end)
{
	size_t len = strlen(end);

	for (; i + len <= n; i++)
		if (memcmp(b + i, end, len) == 0)
			return i + len;
	return n;
}

static bool charset_is_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* "<x" or "</x": a '<' before anything else is text, as in "a < b". */
static bool charset_is_tag_start(const char *b, size_t n, size_t i)
{
	if (i + 1 < n && b[i + 1] == '/')
		i++;
	return i + 1 < n && charset_is_letter(b[i + 1]);
}

static const char *charset_prescan(const char *b, size_t n)
{
	size_t i = 0;
	struct charset_attr a;

	while (i < n) {
		const char *found;

		if (b[i] != '<') {
			i++;
		} else if (charset_starts_ci(b, n, i, "<!--")) {
			i = charset_skip_past(b, n, i + 2, "-->");
		} else if (charset_starts_ci(b, n, i, "<meta") && i + 5 < n &&
		           (charset_is_space(b[i + 5]) || b[i + 5] == '/')) {
			i += 5;
			if ((found = charset_from_meta(b, n, &i)))
				return found;
		} else if (i + 1 < n && (b[i + 1] == '!' || b[i + 1] == '?')) {
			i = charset_skip_past(b, n, i, ">");
		} else if (charset_is_tag_start(b, n, i)) {
			/* Any other tag: step over its attributes as a whole. */
			for (i++; i < n && !charset_is_space(b[i]) && b[i] != '>'; i++)
				;
			while (charset_next_attr(b, n, &i, &a))
				;
		} else {
			i++;
		}
	}
	return NULL;
}

/* Length of the leading run of ASCII bytes other than NUL: pages are
 * mostly markup, and copying runs rather than characters keeps the
 * conversion of a 4 MB page in the milliseconds. */
static size_t charset_ascii_run(const char *s, size_t len)
{
	size_t i = 0;
	/* Eight bytes at a time while none has its high bit set or is NUL. */
	while (i + 8 <= len) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		uint64_t has_zero = (w - UINT64_C(0x0101010101010101)) & ~w &
		                    UINT64_C(0x8080808080808080);
		if ((w & UINT64_C(0x8080808080808080)) || has_zero)
			break;
		i += 8;
	}
	while (i < len && (unsigned char)s[i] < 0x80 && s[i] != '\0')
		i++;
	return i;
}

/* What the bytes hold, read as UTF-8: valid multibyte sequences, invalid
 * sequences (each maximal invalid subpart once, as it would become one
 * U+FFFD), and whether the only invalid one is a sequence cut short by the
 * end of the bytes (a page truncated mid-character). */
struct charset_utf8_count {
	size_t multibyte;
	size_t invalid;
	bool cut_at_end;
};

static void charset_count_utf8(const char *bytes, size_t len, struct charset_utf8_count *c)
{
	size_t pos = 0, n;
	unsigned long cp;

	*c = (struct charset_utf8_count){ 0 };
	for (; pos < len; pos += n) {
		if ((unsigned char)bytes[pos] < 0x80) {
			n = charset_ascii_run(bytes + pos, len - pos);
			n = n ? n : 1; /* a NUL byte */
			continue;
		}
		n = utf8_decode(bytes + pos, len - pos, &cp);
		if (cp != UTF8_BAD) {
			c->multibyte++;
			continue;
		}
		c->invalid++;
		c->cut_at_end = c->invalid == 1 && pos + n == len &&
		                (unsigned char)bytes[pos] >= 0xc2;
	}
}

/* Valid UTF-8, or valid but cut mid-character at the very end, after some
 * multibyte UTF-8: a lone Latin-1 "é" at the end of an ASCII page looks
 * like a truncated sequence too. */
static bool charset_count_is_utf8(const struct charset_utf8_count *c)
{
	return c->invalid == 0 || (c->invalid == 1 && c->cut_at_end && c->multibyte > 0);
}

/* Sniffing, with no label to go by: UTF-8 unless the bytes say otherwise. */
static bool charset_looks_utf8(const char *bytes, size_t len)
{
	struct charset_utf8_count c;

	charset_count_utf8(bytes, len, &c);
	return charset_count_is_utf8(&c);
}

/* A "UTF-8" label is kept unless the bytes are clearly something else:
 * no valid multibyte sequence at all (then windows-1252 reads every ASCII
 * byte the same and each other byte as a letter rather than a U+FFFD), or
 * more invalid sequences than valid ones. Windows-1252 text almost never
 * forms valid UTF-8 by chance (it takes an accented capital followed by a
 * symbol such as a raw NBSP), so a page where valid sequences are at least
 * as many is UTF-8 with stray bytes (legacy Latin-1 data in a UTF-8
 * template): the template's labels matter more than the stray letters. */
static bool charset_label_utf8_holds(const char *bytes, size_t len)
{
	struct charset_utf8_count c;

	charset_count_utf8(bytes, len, &c);
	return charset_count_is_utf8(&c) || (c.multibyte > 0 && c.invalid <= c.multibyte);
}

/* True when the bytes hold at least one multibyte UTF-8 sequence and no
 * invalid one: text in windows-1252 practically never does. */
static bool charset_is_real_utf8(const char *bytes, size_t len)
{
	struct charset_utf8_count c;

	charset_count_utf8(bytes, len, &c);
	return c.multibyte > 0 && c.invalid == 0;
}

/* 2015 PHP portals often label UTF-8 pages ISO-8859-1 and the other way
 * round (a template in one, the server default in the other). Reading the
 * page wrong would turn "Montant dû" into "Montant dÃ»" and lose the
 * columns, so a label the bytes plainly contradict is overruled. */
static const char *charset_correct_label(const char *name, const char *bytes, size_t len)
{
	if (name == charset_utf8 && !charset_label_utf8_holds(bytes, len))
		return charset_cp1252;
	if ((name == charset_cp1252 || name == charset_latin9) && charset_is_real_utf8(bytes, len))
		return charset_utf8;
	return name;
}

const char *charset_detect(const char *bytes, size_t len, const char *content_type,
                           enum charset_source *source)
{
	enum charset_source from = CHARSET_SNIFFED;
	const char *name;

	if (!bytes)
		len = 0;
	if ((name = charset_from_bom(bytes, len)))
		from = CHARSET_FROM_BOM;
	else if (content_type && (name = charset_from_params(content_type, strlen(content_type))))
		from = CHARSET_FROM_HTTP;
	else if ((name = charset_prescan(
	                  bytes, len < CHARSET_PRESCAN_BYTES ? len : CHARSET_PRESCAN_BYTES)))
		from = CHARSET_FROM_META;
	else
		name = charset_looks_utf8(bytes, len) ? charset_utf8 : charset_cp1252;
	if (from == CHARSET_FROM_HTTP || from == CHARSET_FROM_META)
		name = charset_correct_label(name, bytes, len);
	if (source)
		*source = from;
	return name;
}

/* Copies valid UTF-8, turning invalid sequences and NUL into U+FFFD; with
 * drop_bom (a page being decoded), also drops a leading BOM (U+FEFF). A
 * form value keeps it: a browser would submit it as typed (found by
 * fuzz_charset: "\uFEFF\uFEFF" re-encoded lost its first character). */
static void charset_clean_utf8(const char *s, size_t len, bool drop_bom, struct strbuf *out)
{
	size_t pos = 0, n;
	unsigned long cp;

	while (pos < len) {
		size_t run = charset_ascii_run(s + pos, len - pos);
		strbuf_append(out, s + pos, run);
		pos += run;
		if (pos == len)
			break;
		n = utf8_decode(s + pos, len - pos, &cp);
		if (cp == UTF8_BAD || cp == 0)
			strbuf_puts(out, CHARSET_REPLACEMENT);
		else if (!(drop_bom && cp == 0xfeff && pos == 0))
			strbuf_append(out, s + pos, n);
		pos += n;
	}
}

/* iconv wants the bare name; "//IGNORE" or "//TRANSLIT" suffixes from a
 * page's label would change behaviour silently, so a '/' is refused. */
static iconv_t charset_open(const char *to, const char *from)
{
	if (strchr(to, '/') || strchr(from, '/'))
		return (iconv_t)-1;
	return iconv_open(to, from);
}

static size_t charset_unit(const char *name)
{
	return name == charset_utf16le || name == charset_utf16be ? 2 : 1;
}

/* Decodes with iconv; an invalid sequence becomes U+FFFD and costs one code
 * unit, then decoding resumes, so nothing after it is lost. */
static void charset_iconv_decode(iconv_t cd, const char *bytes, size_t len, size_t unit,
                                 struct strbuf *out)
{
	char chunk[4096], *in = (char *)bytes, *o;
	size_t inleft = len, oleft;

	while (inleft > 0) {
		size_t r;

		o = chunk;
		oleft = sizeof chunk;
		r = iconv(cd, &in, &inleft, &o, &oleft);
		strbuf_append(out, chunk, (size_t)(o - chunk));
		if (r != (size_t)-1 || errno == E2BIG)
			continue;
		strbuf_puts(out, CHARSET_REPLACEMENT);
		if (errno == EINVAL || inleft <= unit)
			break; /* incomplete sequence at the end of the input */
		in += unit;
		inleft -= unit;
		iconv(cd, NULL, NULL, NULL, NULL);
	}
	o = chunk;
	oleft = sizeof chunk;
	iconv(cd, NULL, NULL, &o, &oleft);
	strbuf_append(out, chunk, (size_t)(o - chunk));
	explicit_bzero(chunk, sizeof chunk);
}

static const char *charset_resolve(const char *charset)
{
	const char *name = charset_canonical(charset);

	return name ? name : charset;
}

bool charset_utf8_unchanged(const char *s, size_t len, const char *charset)
{
	if (!charset || charset_resolve(charset) != charset_utf8)
		return false;
	size_t pos = 0;
	while (pos < len) {
		pos += charset_ascii_run(s + pos, len - pos);
		if (pos == len)
			break;
		unsigned long cp;
		size_t n = utf8_decode(s + pos, len - pos, &cp);
		if (cp == UTF8_BAD || cp == 0 || (cp == 0xfeff && pos == 0))
			return false;
		pos += n;
	}
	return true;
}

int charset_to_utf8(const char *bytes, size_t len, const char *charset, char **out, size_t *out_len,
                    char **errp)
{
	const char *name = charset ? charset_resolve(charset) : NULL;
	struct strbuf result = STRBUF_INIT;

	if (!bytes)
		len = 0;
	if (!name) {
		return set_error(errp, _("no character set given"));
	} else if (name == charset_utf8) {
		charset_clean_utf8(bytes, len, true, &result);
	} else {
		struct strbuf raw = STRBUF_INIT;
		iconv_t cd = charset_open(charset_utf8, name);

		if (cd == (iconv_t)-1) {
			char *shown = sanitize_text(name, strlen(name), SANITIZE_SINGLE_LINE, 40);

			set_error(errp, _("unknown character set \"%s\""), shown);
			free(shown);
			return -1;
		}
		charset_iconv_decode(cd, bytes, len, charset_unit(name), &raw);
		iconv_close(cd);
		charset_clean_utf8(raw.data, raw.len, true, &result);
		strbuf_release(&raw);
	}
	*out_len = result.len;
	*out = strbuf_detach(&result);
	return 0;
}

/* Encodes; a character the charset lacks becomes "&#N;" exactly as a browser
 * submits it, and invalid UTF-8 becomes "&#65533;". */
static void charset_iconv_encode(iconv_t cd, const char *utf8, struct strbuf *out)
{
	char chunk[4096], *in = (char *)utf8, *o;
	size_t inleft = strlen(utf8), oleft;

	while (inleft > 0) {
		size_t r, n;
		unsigned long cp;

		o = chunk;
		oleft = sizeof chunk;
		r = iconv(cd, &in, &inleft, &o, &oleft);
		strbuf_append(out, chunk, (size_t)(o - chunk));
		if (r != (size_t)-1 || errno == E2BIG)
			continue;
		n = utf8_decode(in, inleft, &cp);
		strbuf_printf(out, "&#%lu;", cp == UTF8_BAD ? 0xfffdUL : cp);
		in += n;
		inleft -= n;
		iconv(cd, NULL, NULL, NULL, NULL);
	}
	o = chunk;
	oleft = sizeof chunk;
	iconv(cd, NULL, NULL, &o, &oleft);
	strbuf_append(out, chunk, (size_t)(o - chunk));
	explicit_bzero(chunk, sizeof chunk);
}

char *charset_from_utf8(const char *utf8, const char *charset)
{
	const char *name = charset ? charset_resolve(charset) : NULL;
	struct strbuf out = STRBUF_INIT;
	iconv_t cd;

	if (!name)
		return NULL;
	if (!utf8)
		utf8 = "";
	/* Form values may be passwords: the output is allocated once, large
	 * enough for the worst case ("&#1114111;" per input byte), so growing
	 * never leaves a copy in freed memory. */
	strbuf_reserve(&out, strlen(utf8) * 10 + 16);
	/* Browsers submit forms of UTF-16 pages as UTF-8 (WHATWG). */
	if (name == charset_utf16le || name == charset_utf16be)
		name = charset_utf8;
	if (name == charset_utf8) {
		charset_clean_utf8(utf8, strlen(utf8), false, &out);
		return strbuf_detach(&out);
	}
	cd = charset_open(name, charset_utf8);
	if (cd == (iconv_t)-1) {
		strbuf_release(&out);
		return NULL;
	}
	charset_iconv_encode(cd, utf8, &out);
	iconv_close(cd);
	return strbuf_detach(&out);
}
