/* UTF-8: the one strict decoder, and the one rule for display width. */
#include "util/utf8.h"

/* Second-byte ranges come from Unicode table 3-7; checking them here is what
 * rejects overlong forms (E0 80..9F, F0 80..8F) and surrogates (ED A0..BF). */
size_t utf8_decode(const char *s, size_t len, unsigned long *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned char lo = 0x80, hi = 0xbf;
	size_t need, i;
	unsigned long v;

	if (len == 0) {
		*cp = UTF8_BAD;
		return 0;
	}
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if (u[0] >= 0xc2 && u[0] <= 0xdf) {
		need = 1;
		v = u[0] & 0x1f;
	} else if (u[0] >= 0xe0 && u[0] <= 0xef) {
		need = 2;
		v = u[0] & 0x0f;
		if (u[0] == 0xe0)
			lo = 0xa0;
		else if (u[0] == 0xed)
			hi = 0x9f;
	} else if (u[0] >= 0xf0 && u[0] <= 0xf4) {
		need = 3;
		v = u[0] & 0x07;
		if (u[0] == 0xf0)
			lo = 0x90;
		else if (u[0] == 0xf4)
			hi = 0x8f;
	} else {
		*cp = UTF8_BAD;
		return 1;
	}
	for (i = 1; i <= need; i++) {
		if (i >= len || u[i] < lo || u[i] > hi) {
			*cp = UTF8_BAD;
			return i;
		}
		v = (v << 6) | (u[i] & 0x3f);
		lo = 0x80;
		hi = 0xbf;
	}
	*cp = v;
	return need + 1;
}

/* Without the locale (tests and LANG=C give the same layout): combining
 * marks 0, East Asian wide and emoji 2, everything else 1. The UI, page
 * and invoices all align columns with it. */
size_t utf8_cp_width(unsigned long cp)
{
	if ((cp >= 0x300 && cp <= 0x36f) || (cp >= 0x1ab0 && cp <= 0x1aff) ||
	    (cp >= 0x1dc0 && cp <= 0x1dff) || (cp >= 0x20d0 && cp <= 0x20ff) ||
	    (cp >= 0xfe20 && cp <= 0xfe2f))
		return 0;
	if ((cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) ||
	    (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) ||
	    (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
	    (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1f64f) ||
	    (cp >= 0x1f900 && cp <= 0x1f9ff) || (cp >= 0x20000 && cp <= 0x3fffd))
		return 2;
	return 1;
}

size_t utf8_fit(const char *s, size_t len, size_t cols, size_t *used)
{
	size_t width = 0, pos = 0;
	while (pos < len) {
		unsigned long cp;
		size_t n = utf8_decode(s + pos, len - pos, &cp);
		size_t w = utf8_cp_width(cp);
		if (width + w > cols)
			break;
		width += w;
		pos += n;
	}
	if (used)
		*used = width;
	return pos;
}

size_t utf8_width(const char *s, size_t len)
{
	size_t used;
	utf8_fit(s, len, (size_t)-1, &used);
	return used;
}
