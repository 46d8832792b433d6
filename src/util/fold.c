/* Label folding: lowercase ASCII words, accents removed, punctuation as spaces. */
#include "util/fold.h"

#include <stdlib.h>
#include <string.h>

#include "util/strbuf.h"
#include "util/utf8.h"

/* U+00C0-U+017F, one entry per code point; NULL for × and ÷, which are not
 * letters. Case is kept because sanitize's ASCII mode shows the result. */
static const char *const fold_latin_table[0x180 - 0xc0] = {
	/* U+00C0 */ "A",
	"A",
	"A",
	"A",
	"A",
	"A",
	"AE",
	"C",
	"E",
	"E",
	"E",
	"E",
	"I",
	"I",
	"I",
	"I",
	/* U+00D0 */ "D",
	"N",
	"O",
	"O",
	"O",
	"O",
	"O",
	NULL,
	"O",
	"U",
	"U",
	"U",
	"U",
	"Y",
	"TH",
	"ss",
	/* U+00E0 */ "a",
	"a",
	"a",
	"a",
	"a",
	"a",
	"ae",
	"c",
	"e",
	"e",
	"e",
	"e",
	"i",
	"i",
	"i",
	"i",
	/* U+00F0 */ "d",
	"n",
	"o",
	"o",
	"o",
	"o",
	"o",
	NULL,
	"o",
	"u",
	"u",
	"u",
	"u",
	"y",
	"th",
	"y",
	/* U+0100 */ "A",
	"a",
	"A",
	"a",
	"A",
	"a",
	"C",
	"c",
	"C",
	"c",
	"C",
	"c",
	"C",
	"c",
	"D",
	"d",
	/* U+0110 */ "D",
	"d",
	"E",
	"e",
	"E",
	"e",
	"E",
	"e",
	"E",
	"e",
	"E",
	"e",
	"G",
	"g",
	"G",
	"g",
	/* U+0120 */ "G",
	"g",
	"G",
	"g",
	"H",
	"h",
	"H",
	"h",
	"I",
	"i",
	"I",
	"i",
	"I",
	"i",
	"I",
	"i",
	/* U+0130 */ "I",
	"i",
	"IJ",
	"ij",
	"J",
	"j",
	"K",
	"k",
	"k",
	"L",
	"l",
	"L",
	"l",
	"L",
	"l",
	"L",
	/* U+0140 */ "l",
	"L",
	"l",
	"N",
	"n",
	"N",
	"n",
	"N",
	"n",
	"n",
	"N",
	"n",
	"O",
	"o",
	"O",
	"o",
	/* U+0150 */ "O",
	"o",
	"OE",
	"oe",
	"R",
	"r",
	"R",
	"r",
	"R",
	"r",
	"S",
	"s",
	"S",
	"s",
	"S",
	"s",
	/* U+0160 */ "S",
	"s",
	"T",
	"t",
	"T",
	"t",
	"T",
	"t",
	"U",
	"u",
	"U",
	"u",
	"U",
	"u",
	"U",
	"u",
	/* U+0170 */ "U",
	"u",
	"U",
	"u",
	"W",
	"w",
	"Y",
	"y",
	"Y",
	"Z",
	"z",
	"Z",
	"z",
	"Z",
	"z",
	"s",
};

const char *fold_latin_to_ascii(unsigned long cp)
{
	if (cp >= 0xc0 && cp < 0x180)
		return fold_latin_table[cp - 0xc0];
	/* ª and º are not letters here: "Nº" must fold like "N°", to "n". */
	switch (cp) {
	/* Romanian comma-below letters, common in family names. */
	case 0x218: return "S";
	case 0x219: return "s";
	case 0x21a: return "T";
	case 0x21b: return "t";
	case 0x1e9e: /* capital sharp s */ return "SS";
	default: return NULL;
	}
}

/* Characters that vanish without separating words: combining accents (text
 * in decomposed form, "e" + U+0301) and soft hyphens or zero-width marks
 * inside a word must not split "fac\u00adture" into two words. */
static bool fold_is_ignorable(unsigned long cp)
{
	return (cp >= 0x300 && cp <= 0x36f) || cp == 0xad || (cp >= 0x200b && cp <= 0x200d) ||
	       cp == 0x2060 || cp == 0xfeff;
}

static void fold_put_word_chars(struct strbuf *out, const char *letters, bool *pending_space)
{
	if (*pending_space && out->len > 0)
		strbuf_putc(out, ' ');
	*pending_space = false;
	for (; *letters; letters++) {
		char c = *letters;

		strbuf_putc(out, c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c);
	}
}

char *fold_label(const char *utf8)
{
	struct strbuf out = STRBUF_INIT;
	size_t len = utf8 ? strlen(utf8) : 0, pos = 0;
	bool pending_space = false;

	while (pos < len) {
		unsigned long cp;
		size_t n = utf8_decode(utf8 + pos, len - pos, &cp);
		char ascii[2] = { (char)cp, '\0' };
		const char *letters = NULL;

		pos += n;
		if (cp < 0x80 && ((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
		                  (cp >= 'A' && cp <= 'Z')))
			letters = ascii;
		else if (cp >= 0x80)
			letters = fold_latin_to_ascii(cp);
		if (letters)
			fold_put_word_chars(&out, letters, &pending_space);
		else if (!fold_is_ignorable(cp))
			pending_space = true;
	}
	return strbuf_detach(&out);
}

bool fold_equal(const char *a_utf8, const char *b_utf8)
{
	char *a = fold_label(a_utf8);
	char *b = fold_label(b_utf8);
	bool same = strcmp(a, b) == 0;

	free(a);
	free(b);
	return same;
}

/* Padding both sides with spaces turns "whole words" into a plain substring
 * search: " facture " cannot match inside " factures ". */
bool fold_contains(const char *haystack_utf8, const char *needle_utf8)
{
	char *h = fold_label(haystack_utf8);
	char *n = fold_label(needle_utf8);
	bool found = false;

	if (*n) {
		struct strbuf ph = STRBUF_INIT, pn = STRBUF_INIT;

		strbuf_printf(&ph, " %s ", h);
		strbuf_printf(&pn, " %s ", n);
		found = strstr(ph.data, pn.data) != NULL;
		strbuf_release(&ph);
		strbuf_release(&pn);
	}
	free(h);
	free(n);
	return found;
}
