/* Unit tests for util/sanitize.c: every RELIABILITY.md section 1 case, plus idempotence. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "util/sanitize.h"
#include "util/utf8.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define ML SANITIZE_MULTILINE
#define ASCII SANITIZE_ASCII
#define FFFD "\xef\xbf\xbd"

struct case_ {
	const char *in;
	size_t len; /* 0: strlen(in); set it for inputs holding NUL */
	int flags;
	size_t max_chars;
	const char *want;
};

/* Failure messages must not themselves put raw controls on the terminal. */
static const char *visible(const char *s, char *buf, size_t size)
{
	size_t o = 0;

	for (; *s && o + 5 < size; s++) {
		unsigned char c = (unsigned char)*s;

		if (c < 0x20 || c >= 0x7f)
			o += (size_t)snprintf(buf + o, size - o, "\\x%02x", c);
		else
			buf[o++] = (char)c;
	}
	buf[o] = '\0';
	return buf;
}

/* The output must be valid UTF-8 with nothing a terminal would act on. */
static void assert_terminal_safe(const char *out, int flags)
{
	size_t len = strlen(out), pos = 0, n;
	char shown[512];

	for (; pos < len; pos += n) {
		unsigned long cp;

		n = utf8_decode(out + pos, len - pos, &cp);
		if (cp == UTF8_BAD)
			fail_msg("invalid UTF-8 in output \"%s\"",
			         visible(out, shown, sizeof shown));
		if (cp == '\n' && (flags & ML))
			continue;
		if (sanitize_is_unsafe_codepoint(cp))
			fail_msg("U+%04lX in output \"%s\"", cp, visible(out, shown, sizeof shown));
		if ((flags & ASCII) && cp >= 0x80)
			fail_msg("non-ASCII in ASCII output \"%s\"",
			         visible(out, shown, sizeof shown));
	}
}

/* Checks one case and, for every case, the header's promises: safe output,
 * idempotence, and sanitize_is_clean agreeing with sanitize_text. */
static void check_case(const struct case_ *c, size_t index)
{
	size_t len = c->len ? c->len : strlen(c->in);
	char *out = sanitize_text(c->in, len, c->flags, c->max_chars);
	char *again;
	char a[512], b[512];

	if (strcmp(out, c->want) != 0)
		fail_msg("case %zu \"%s\": got \"%s\", want \"%s\"", index,
		         visible(c->in, a, sizeof a), visible(out, b, sizeof b), c->want);
	assert_terminal_safe(out, c->flags);
	again = sanitize_text(out, strlen(out), c->flags, c->max_chars);
	if (strcmp(again, out) != 0)
		fail_msg("case %zu not idempotent: \"%s\" then \"%s\"", index,
		         visible(out, a, sizeof a), visible(again, b, sizeof b));
	assert_true(sanitize_is_clean(out, strlen(out), c->flags));
	if (c->max_chars == 0)
		assert_int_equal(sanitize_is_clean(c->in, len, c->flags),
		                 strcmp(out, c->in) == 0 && len == strlen(c->in));
	free(again);
	free(out);
}

static void check_cases(const struct case_ *cases, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		check_case(&cases[i], i);
}

static void test_null_and_empty(void **state)
{
	/* A table, aligned by hand: */
	/* clang-format off */
	static const struct case_ cases[] = {
		{ "", 0, 0, 0, "" }, { "", 0, ML, 0, "" }, { "", 0, ASCII, 5, "" },
	};
	/* clang-format on */
	char *out;

	(void)state;
	check_cases(cases, COUNT(cases));
	out = sanitize_text(NULL, 0, 0, 0);
	assert_string_equal(out, "");
	free(out);
	out = sanitize_str(NULL, 0);
	assert_string_equal(out, "");
	free(out);
	assert_true(sanitize_is_clean(NULL, 0, 0));
}

static void test_plain_text_is_unchanged(void **state)
{
	/* A table, aligned by hand: */
	/* clang-format off */
	static const struct case_ cases[] = {
		{ "F2022-0912 181,99 \xe2\x82\xac", 0, 0, 0, "F2022-0912 181,99 \xe2\x82\xac" },
		{ "R\xc3\xa9gie cantine", 0, 0, 0, "R\xc3\xa9gie cantine" },
		{ "1\xc2\xa0" "234,56", 0, 0, 0, "1\xc2\xa0" "234,56" },
		{ "\xe6\xbc\xa2\xe5\xad\x97 \xf0\x9f\x98\x80", 0, 0, 0, "\xe6\xbc\xa2\xe5\xad\x97 \xf0\x9f\x98\x80" },
		{ "caret ^[ is plain text", 0, 0, 0, "caret ^[ is plain text" },
		{ FFFD, 0, 0, 0, FFFD },
	};
	/* clang-format on */

	(void)state;
	check_cases(cases, COUNT(cases));
}

/* ESC becomes "^[", git-style; what followed it stays as inert text. */
static void test_esc_shown_as_caret(void **state)
{
	/* A table, aligned by hand: */
	/* clang-format off */
	static const struct case_ cases[] = {
		{ "\x1b", 0, 0, 0, "^[" },
		{ "\x1b[31mred\x1b[0m", 0, 0, 0, "^[[31mred^[[0m" },
		{ "\x1b[2J\x1b[H", 0, 0, 0, "^[[2J^[[H" },
		{ "total 12,00\x1b[1K\x1b[10D99,99", 0, 0, 0, "total 12,00^[[1K^[[10D99,99" },
		{ "trailing\x1b", 0, 0, 0, "trailing^[" },
		{ "\x1bGQ", 0, 0, 0, "^[GQ" }, /* rxvt CVE-2021-33477 */
		{ "\x1b[31m", 0, ML, 0, "^[[31m" },
		{ "\x1b[31m", 0, ASCII, 0, "^[[31m" },
	};
	/* clang-format on */

	(void)state;
	check_cases(cases, COUNT(cases));
}

/* "&#27;" and "&#x1b;" reach us as a real 0x1b once tidy decoded them. */
static void test_entity_decoded_esc(void **state)
{
	/* A table, aligned by hand: */
	/* clang-format off */
	static const struct case_ cases[] = {
		{ "Facture \x1b]0;owned\x07 F2022", 0, 0, 0, "Facture ^[]0;owned F2022" },
		{ "\x1b\x1b\x1b", 0, 0, 0, "^[^[^[" },
	};
	/* clang-format on */

	(void)state;
	check_cases(cases, COUNT(cases));
}

static void test_osc_sequences(void **state)
{
	/* A table, aligned by hand: */
	/* clang-format off */
	static const struct case_ cases[] = {
		/* OSC 52: write the clipboard */
		{ "\x1b]52;c;cm0gLXJmIH4=\x07", 0, 0, 0, "^[]52;c;cm0gLXJmIH4=" },
		/* OSC 8: a hyperlink whose text hides its target */
		{ "\x1b]8;;https://evil.example/\x1b\\Payer\x1b]8;;\x1b\\", 0, 0, 0,
		  "^[]8;;https://evil.example/^[\\Payer^[]8;;^[\\" },
		/* OSC 0: set the title, then have it reported back */
		{ "\x1b]0;title\x07\x1b[21t", 0, 0, 0, "^[]0;title^[[21t" },
		/* DCS, string terminated */
		{ "\x1bPq#0\x1b\\", 0, 0, 0, "^[Pq#0^[\\" },
	};
	/* clang-format on */

	(void)state;
	check_cases(cases, COUNT(cases));
}

static void test_c1_controls_removed(void **state)
{
	/* A table, aligned by hand: */
	/* clang-format off */
	static const struct case_ cases[] = {
		{ "\xc2\x9b" "31mred", 0, 0, 0, "31mred" },             /* CSI U+009B */
		{ "\xc2\x9d" "0;title\xc2\x9c", 0, 0, 0, "0;title" }, /* OSC ... ST */
		{ "a\xc2\x90" "b\xc2\x9f" "c\xc2\x85" "d\xc2\x80", 0, 0, 0, "abcd" }, /* DCS APC NEL */
		{ "\xc2\x9b" "31m", 0, ASCII, 0, "31m" },
		/* A raw 0x9B byte is not UTF-8: it becomes U+FFFD, never a CSI. */
		{ "\x9b" "31m", 0, 0, 0, FFFD "31m" },
	};
	/* clang-format on */

	(void)state;
	check_cases(cases, COUNT(cases));
}

static void test_c0_controls_and_del_removed(void **state)
{
	/* A table, aligned by hand: */
	/* clang-format off */
	static const struct case_ cases[] = {
		{ "a\x07" "b", 0, 0, 0, "ab" },
		{ "a\0b", 3, 0, 0, "ab" },
		{ "a\x7f" "b", 0, 0, 0, "ab" },
		{ "a\x0b" "b\x0c" "c", 0, 0, 0, "abc" },
		{ "\x01\x02\x03\x1c\x1f", 0, ML, 0, "" },
	};
	/* clang-format on */

	(void)state;
	check_cases(cases, COUNT(cases));
}

/* In a table cell nothing may move the cursor: a backspace could overwrite
 * the amount printed beside it. */
static void test_single_line_whitespace_becomes_space(void **state)
{
	/* A table, aligned by hand: */
	/* clang-format off */
	static const struct case_ cases[] = {
		{ "a\tb", 0, 0, 0, "a b" },
		{ "a\rb", 0, 0, 0, "a b" },
		{ "a\nb", 0, 0, 0, "a b" },
		{ "a\r\nb", 0, 0, 0, "a  b" },
		{ "12,00\b\b\b\b\b99,99", 0, 0, 0, "12,00     99,99" },
	};
	/* clang-format on */

	(void)state;
	check_cases(cases, COUNT(cases));
}

static void test_multiline_keeps_newline(void **state)
{
	/* A table, aligned by hand: */
	/* clang-format off */
	static const struct case_ cases[] = {
		{ "a\nb\n", 0, ML, 0, "a\nb\n" },
		{ "a\r\nb", 0, ML, 0, "a\nb" },
		{ "a\rb", 0, ML, 0, "a\nb" },
		{ "a\r\r\nb", 0, ML, 0, "a\n\nb" },
		{ "a\tb\bc", 0, ML, 0, "a b c" },
		{ "\x1b[2K\n", 0, ML, 0, "^[[2K\n" },
		{ "a\nb", 0, ML | ASCII, 0, "a\nb" },
	};
	/* clang-format on */

	(void)state;
	check_cases(cases, COUNT(cases));
}

/* Trojan Source: an RLO can make "F2022-0912 181,99" read differently. */
static void test_bidi_controls_removed(void **state)
{
	/* A table, aligned by hand: */
	/* clang-format off */
	static const struct case_ cases[] = {
		{ "F2022-\xe2\x80\xae" "2190 181,99", 0, 0, 0, "F2022-2190 181,99" }, /* RLO */
		{ "\xe2\x80\xaa" "a\xe2\x80\xab" "b\xe2\x80\xac" "c\xe2\x80\xad", 0, 0, 0, "abc" },
		{ "\xe2\x81\xa6" "a\xe2\x81\xa7" "b\xe2\x81\xa8" "c\xe2\x81\xa9", 0, 0, 0, "abc" },
		{ "\xe2\x80\x8e" "a\xe2\x80\x8f" "b\xd8\x9c" "c", 0, 0, 0, "abc" }, /* LRM RLM ALM */
	};
	/* clang-format on */

	(void)state;
	check_cases(cases, COUNT(cases));
}

static void test_invisible_characters_removed(void **state)
{
	/* A table, aligned by hand: */
	/* clang-format off */
	static const struct case_ cases[] = {
		{ "a\xe2\x80\x8b" "b\xe2\x80\x8c" "c\xe2\x80\x8d" "d", 0, 0, 0, "abcd" }, /* ZW* */
		{ "a\xe2\x81\xa0" "b\xef\xbb\xbf" "c", 0, 0, 0, "abc" },             /* WJ, BOM */
		{ "fac\xc2\xad" "ture", 0, 0, 0, "facture" },                          /* soft hyphen */
		{ "a\xe2\x80\xa8" "b\xe2\x80\xa9" "c", 0, ML, 0, "abc" },              /* LS, PS */
		{ "ok\xf3\xa0\x81\x81\xf3\xa0\x81\xbf", 0, 0, 0, "ok" },                /* tags */
		{ "a\xef\xbf\xbf" "b\xef\xb7\x90" "c", 0, 0, 0, "abc" },               /* nonchars */
	};
	/* clang-format on */

	(void)state;
	check_cases(cases, COUNT(cases));
}

static void test_invalid_utf8_replaced(void **state)
{
	/* A table, aligned by hand: */
	/* clang-format off */
	static const struct case_ cases[] = {
		{ "\xff", 0, 0, 0, FFFD },
		{ "caf\xe9", 0, 0, 0, "caf" FFFD },
		{ "\xc3", 0, 0, 0, FFFD },
		{ "\xe2\x82", 0, 0, 0, FFFD },                       /* truncated € */
		{ "\xc0\xaf", 0, 0, 0, FFFD FFFD },                  /* overlong '/' */
		{ "\xc1\x9b", 0, 0, 0, FFFD FFFD },                  /* overlong ESC */
		{ "\xe0\x80\x9b", 0, 0, 0, FFFD FFFD FFFD },         /* overlong CSI */
		{ "\xed\xa0\x80", 0, 0, 0, FFFD FFFD FFFD },         /* surrogate */
		{ "\xf4\x90\x80\x80", 0, 0, 0, FFFD FFFD FFFD FFFD }, /* past U+10FFFF */
		{ "\xe2\x82\xac\x80", 0, 0, 0, "\xe2\x82\xac" FFFD },
	};
	/* clang-format on */

	(void)state;
	check_cases(cases, COUNT(cases));
}

static void test_max_chars_truncates(void **state)
{
	/* A table, aligned by hand: */
	/* clang-format off */
	static const struct case_ cases[] = {
		{ "abcdef", 0, 0, 0, "abcdef" },
		{ "abcdef", 0, 0, 6, "abcdef" },
		{ "abcdef", 0, 0, 3, "ab\xe2\x80\xa6" },
		{ "abcdef", 0, 0, 1, "\xe2\x80\xa6" },
		{ "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", 0, 0, 3, "\xc3\xa9\xc3\xa9\xe2\x80\xa6" },
		{ "\x1b[1mbold", 0, 0, 2, "^\xe2\x80\xa6" },
		{ "ab\xe2\x80\xae" "cd", 0, 0, 4, "abcd" }, /* removed characters do not count */
		{ "R\xc3\xa9gie municipale", 0, ASCII, 8, "Regie..." },
		{ "abcdef", 0, ASCII, 2, ".." },
	};
	/* clang-format on */

	(void)state;
	check_cases(cases, COUNT(cases));
}

/* ASCII mode: accents dropped, punctuation approximated, "€" spelt "EUR"
 * (so an amount stays readable), anything else '?'. */
static void test_ascii_mode(void **state)
{
	/* A table, aligned by hand: */
	/* clang-format off */
	static const struct case_ cases[] = {
		{ "R\xc3\xa9gie", 0, ASCII, 0, "Regie" },
		{ "181,99 \xe2\x82\xac", 0, ASCII, 0, "181,99 EUR" },
		{ "1\xe2\x80\xaf" "234,56\xc2\xa0\xe2\x82\xac", 0, ASCII, 0, "1 234,56 EUR" },
		{ "\xc5\x92uvre \xc3\x86", 0, ASCII, 0, "OEuvre AE" },
		{ "d\xe2\x80\x99\xc3\xa9" "cole \xc2\xab" "x\xc2\xbb", 0, ASCII, 0, "d'ecole \"x\"" },
		{ "N\xc2\xb0 1 \xe2\x80\x93 2\xe2\x80\xa6", 0, ASCII, 0, "No 1 - 2..." },
		{ "\xe6\xbc\xa2\xe5\xad\x97", 0, ASCII, 0, "??" },
		{ "\xff" FFFD, 0, ASCII, 0, "??" },
		{ "\xc2\x9b" "1\xe2\x80\xae" "2", 0, ASCII, 0, "12" },
		/* The symbols of the demo portal and of the UI itself. */
		{ "\xe2\x96\xba Famille", 0, ASCII, 0, "> Famille" },
		{ "\xe2\x97\x84 \xe2\x96\xb6 \xe2\x97\x80", 0, ASCII, 0, "< > <" },
		{ "\xe2\x9c\x93 pay\xc3\xa9" "e", 0, ASCII, 0, "v payee" },
		{ "\xe2\x80\xa2 a \xe2\x86\x92 b \xe2\x86\x90 c", 0, ASCII, 0, "* a -> b <- c" },
		{ "\xe2\x80\x94 \xc2\xab x \xc2\xbb", 0, ASCII, 0, "- \" x \"" },
	};
	/* clang-format on */

	(void)state;
	check_cases(cases, COUNT(cases));
}

static void test_is_clean(void **state)
{
	static const struct {
		const char *text;
		int flags;
		bool clean;
	} cases[] = {
		{ "", 0, true },
		{ "abc ^[", 0, true },
		{ "R\xc3\xa9gie", 0, true },
		{ "R\xc3\xa9gie", ASCII, false },
		{ "a\nb", ML, true },
		{ "a\nb", 0, false },
		{ "a\tb", ML, false },
		{ "\x1b", 0, false },
		{ "\xff", 0, false },
		{ "\xe2\x80\xae", 0, false },
	};
	size_t i;

	(void)state;
	for (i = 0; i < COUNT(cases); i++)
		if (sanitize_is_clean(cases[i].text, strlen(cases[i].text), cases[i].flags) !=
		    cases[i].clean)
			fail_msg("case %zu: want %s", i, cases[i].clean ? "clean" : "not clean");
}

static void test_unsafe_codepoints(void **state)
{
	static const unsigned long unsafe[] = {
		0x00,   0x07,   0x0a,   0x1b,   0x1f,    0x7f,     0x80,     0x9b,   0x9f,
		0xad,   0x61c,  0x200b, 0x200e, 0x2028,  0x202e,   0x2060,   0x2066, 0x2069,
		0xd800, 0xfeff, 0xfffe, 0xffff, 0xe0041, 0x10fffe, 0x110000,
	};
	static const unsigned long safe[] = {
		0x20, 0x41, 0x7e, 0xa0, 0xe9, 0x153, 0x2019, 0x202f, 0x20ac, 0xfffd, 0x1f600,
	};
	size_t i;

	(void)state;
	for (i = 0; i < COUNT(unsafe); i++)
		if (!sanitize_is_unsafe_codepoint(unsafe[i]))
			fail_msg("U+%04lX should be unsafe", unsafe[i]);
	for (i = 0; i < COUNT(safe); i++)
		if (sanitize_is_unsafe_codepoint(safe[i]))
			fail_msg("U+%04lX should be safe", safe[i]);
}

static void test_utf8_decode(void **state)
{
	static const struct {
		const char *bytes;
		size_t len;
		unsigned long cp;
		size_t used;
	} cases[] = {
		{ "A", 1, 0x41, 1 },
		{ "\xc3\xa9", 2, 0xe9, 2 },
		{ "\xe2\x82\xac", 3, 0x20ac, 3 },
		{ "\xf0\x9f\x98\x80", 4, 0x1f600, 4 },
		{ "\xf4\x8f\xbf\xbf", 4, 0x10ffff, 4 },
		{ "\x80", 1, UTF8_BAD, 1 },
		{ "\xc3", 1, UTF8_BAD, 1 },
		{ "\xe2\x82", 2, UTF8_BAD, 2 },
		{ "\xe2\x82"
		  "A",
		  3, UTF8_BAD, 2 },
		{ "\xe0\x9f\x80", 3, UTF8_BAD, 1 },
		{ "\xf8\x88\x80\x80\x80", 5, UTF8_BAD, 1 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < COUNT(cases); i++) {
		unsigned long cp;
		size_t used = utf8_decode(cases[i].bytes, cases[i].len, &cp);

		if (cp != cases[i].cp || used != cases[i].used)
			fail_msg("case %zu: got U+%04lX/%zu, want U+%04lX/%zu", i, cp, used,
			         cases[i].cp, cases[i].used);
	}
}

/* Fuzz-like sweep: deterministic pseudo-random bytes biased towards the
 * interesting ones, every flag combination, with and without a limit. */
static void test_random_input_is_safe_and_idempotent(void **state)
{
	static const unsigned char alphabet[] = {
		0x00, 0x07, 0x08, 0x09, 0x0a, 0x0d, 0x1b, '[',  ']',  'a',  '^',
		0x7f, 0x80, 0x9b, 0xad, 0xc2, 0xc3, 0xa9, 0xe2, 0x80, 0xae, 0x82,
		0xac, 0xed, 0xa0, 0xef, 0xbb, 0xbf, 0xf0, 0xf4, 0x9f, 0xff,
	};
	uint32_t seed = 12345;
	int round;

	(void)state;
	for (round = 0; round < 4000; round++) {
		char in[24];
		size_t len = (size_t)(round % (int)sizeof in), i;
		int flags = round & 3;
		size_t max = (round / 4) % 3 == 0 ? 0 : (size_t)((round / 4) % 10 + 1);
		char *out, *again;

		for (i = 0; i < len; i++) {
			seed = seed * 1103515245u + 12345u;
			in[i] = (char)alphabet[(seed >> 16) % sizeof alphabet];
		}
		out = sanitize_text(in, len, flags, max);
		assert_terminal_safe(out, flags);
		again = sanitize_text(out, strlen(out), flags, max);
		assert_string_equal(again, out);
		assert_true(sanitize_is_clean(out, strlen(out), flags));
		free(again);
		free(out);
	}
}

static void test_sanitize_str(void **state)
{
	char *out;

	(void)state;
	out = sanitize_str("a\x1b[0mb\nc", 0);
	assert_string_equal(out, "a^[[0mb c");
	free(out);
	out = sanitize_str("a\nc", ML);
	assert_string_equal(out, "a\nc");
	free(out);
}

/* Our own words pass the same filter: "€" and accents on a LANG=C
 * terminal, an escape in a value, the newline kept. */
static void test_sanitize_fprintf(void **state)
{
	(void)state;
	char *text = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&text, &len);
	assert_non_null(mem);
	int n = sanitize_fprintf(mem, SANITIZE_ASCII, "Total à payer : %s €\n", "1 234,56");
	sanitize_fprintf(mem, 0, "%s €\n", "\x1b[2Jx");
	fclose(mem);
	assert_string_equal(text, "Total a payer : 1 234,56 EUR\n^[[2Jx €\n");
	assert_int_equal(n, (int)strlen("Total a payer : 1 234,56 EUR\n"));
	free(text);
}

int main(void)
{
	/* A table, aligned by hand: */
	/* clang-format off */
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_null_and_empty),
		cmocka_unit_test(test_plain_text_is_unchanged),
		cmocka_unit_test(test_esc_shown_as_caret),
		cmocka_unit_test(test_entity_decoded_esc),
		cmocka_unit_test(test_osc_sequences),
		cmocka_unit_test(test_c1_controls_removed),
		cmocka_unit_test(test_c0_controls_and_del_removed),
		cmocka_unit_test(test_single_line_whitespace_becomes_space),
		cmocka_unit_test(test_multiline_keeps_newline),
		cmocka_unit_test(test_bidi_controls_removed),
		cmocka_unit_test(test_invisible_characters_removed),
		cmocka_unit_test(test_invalid_utf8_replaced),
		cmocka_unit_test(test_max_chars_truncates),
		cmocka_unit_test(test_ascii_mode),
		cmocka_unit_test(test_is_clean),
		cmocka_unit_test(test_unsafe_codepoints),
		cmocka_unit_test(test_utf8_decode),
		cmocka_unit_test(test_random_input_is_safe_and_idempotent),
		cmocka_unit_test(test_sanitize_str),
		cmocka_unit_test(test_sanitize_fprintf),
	};
	/* clang-format on */

	return cmocka_run_group_tests_name("sanitize", tests, NULL, NULL);
}
