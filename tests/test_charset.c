/* Unit tests for charset.c: detection order, label mapping, conversion both ways. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "web/charset.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define FFFD "\xef\xbf\xbd"

static void test_canonical_labels(void **state)
{
	static const struct {
		const char *label;
		const char *want; /* NULL: unknown */
	} cases[] = {
		{ NULL, NULL },
		{ "", NULL },
		{ "klingon", NULL },
		{ "utf-8//IGNORE", NULL },
		{ "utf-8", "UTF-8" },
		{ "UTF8", "UTF-8" },
		{ " \"Utf-8\" ", "UTF-8" },
		{ "'utf-8'", "UTF-8" },
		{ "iso-8859-1", "WINDOWS-1252" },
		{ "ISO8859-1", "WINDOWS-1252" },
		{ "latin1", "WINDOWS-1252" },
		{ "l1", "WINDOWS-1252" },
		{ "us-ascii", "WINDOWS-1252" },
		{ "ascii", "WINDOWS-1252" },
		{ "cp1252", "WINDOWS-1252" },
		{ "Windows-1252", "WINDOWS-1252" },
		{ "iso-8859-15", "ISO-8859-15" },
		{ "LATIN9", "ISO-8859-15" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < COUNT(cases); i++) {
		const char *got = charset_canonical(cases[i].label);

		if (!cases[i].want ? got != NULL : !got || strcmp(got, cases[i].want) != 0)
			fail_msg("\"%s\": got %s, want %s",
			         cases[i].label ? cases[i].label : "(null)", got ? got : "NULL",
			         cases[i].want ? cases[i].want : "NULL");
	}
}

struct detect_case {
	const char *bytes;
	size_t len; /* 0: strlen(bytes) */
	const char *content_type;
	const char *want;
	enum charset_source source;
};

static void check_detects(const struct detect_case *cases, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		enum charset_source source = (enum charset_source) - 1;
		size_t len = cases[i].len ? cases[i].len : strlen(cases[i].bytes);
		const char *got = charset_detect(cases[i].bytes, len, cases[i].content_type,
		                                 &source);

		if (strcmp(got, cases[i].want) != 0 || source != cases[i].source)
			fail_msg("case %zu: got %s from %d, want %s from %d", i, got, (int)source,
			         cases[i].want, (int)cases[i].source);
	}
}

static void test_detect_empty_input(void **state)
{
	enum charset_source source;

	(void)state;
	assert_string_equal(charset_detect(NULL, 0, NULL, &source), "UTF-8");
	assert_int_equal(source, CHARSET_SNIFFED);
	assert_string_equal(charset_detect("", 0, "text/html", NULL), "UTF-8");
	assert_string_equal(charset_detect("", 0, "text/html; charset=latin1", NULL),
	                    "WINDOWS-1252");
}

static void test_detect_from_http_header(void **state)
{
	/* A table, aligned by hand: */
	/* clang-format off */
	static const struct detect_case cases[] = {
		/* A label the bytes contradict is overruled (portals mix them up). */
		{ "R\xc3\xa9gie", 0, "text/html; charset=ISO-8859-1", "UTF-8", CHARSET_FROM_HTTP },
		{ "R\xe9gie", 0, "text/html;charset=\"utf-8\"", "WINDOWS-1252", CHARSET_FROM_HTTP },
		{ "Regie", 0, "text/html; charset=ISO-8859-1", "WINDOWS-1252", CHARSET_FROM_HTTP },
		{ "R\xc3\xa9gie", 0, "text/html;charset=utf-8", "UTF-8", CHARSET_FROM_HTTP },
		{ "x", 0, "text/html; Charset = 'latin9'; foo=bar", "ISO-8859-15", CHARSET_FROM_HTTP },
		/* HTTP beats <meta> */
		{ "<meta charset=utf-8>", 0, "text/html; charset=windows-1252", "WINDOWS-1252",
		  CHARSET_FROM_HTTP },
		/* An unknown or absent label hands over to the next source. */
		{ "<meta charset=latin1>", 0, "text/html; charset=klingon", "WINDOWS-1252",
		  CHARSET_FROM_META },
		{ "R\xe9gie", 0, "text/html", "WINDOWS-1252", CHARSET_SNIFFED },
		{ "R\xe9gie", 0, "text/html; charset=", "WINDOWS-1252", CHARSET_SNIFFED },
	};
	/* clang-format on */

	(void)state;
	check_detects(cases, COUNT(cases));
}

/* The BOM comes first, as in browsers: it is never there by accident. */
/* A "UTF-8" label holds over a few stray bytes (legacy Latin-1 data in a
 * UTF-8 page), and gives way only when the bytes are clearly not UTF-8. */
static void test_detect_utf8_label_with_stray_bytes(void **state)
{
	/* A table, aligned by hand: */
	/* clang-format off */
	static const struct detect_case cases[] = {
		/* one stray 0xE9 among valid UTF-8: the label wins */
		{ "<meta charset=utf-8>R\xc3\xa9gie P\xe9RISCOLAIRE", 0, NULL, "UTF-8",
		  CHARSET_FROM_META },
		{ "R\xc3\xa9gie P\xe9RISCOLAIRE 12,00 \xe2\x82\xac", 0, "text/html; charset=utf-8",
		  "UTF-8", CHARSET_FROM_HTTP },
		{ "R\xc3\xa9gie \xff tail", 0, "text/html; charset=utf-8", "UTF-8", CHARSET_FROM_HTTP },
		/* as many invalid sequences as valid ones: still UTF-8 */
		{ "\xc3\xa9t\xc3\xa9 \xe9t\xe9", 0, "text/html; charset=utf-8", "UTF-8",
		  CHARSET_FROM_HTTP },
		/* invalid sequences dominate: windows-1252 */
		{ "R\xc3\xa9gie \xe9t\xe9 \xe0", 0, "text/html; charset=utf-8", "WINDOWS-1252",
		  CHARSET_FROM_HTTP },
		/* no valid multibyte sequence at all: windows-1252 */
		{ "<meta charset=utf-8>Caf\xe9 cr\xe8me", 0, NULL, "WINDOWS-1252", CHARSET_FROM_META },
		{ "ascii page, one stray \xe9", 0, "text/html; charset=utf-8", "WINDOWS-1252",
		  CHARSET_FROM_HTTP },
		/* without a label, sniffing stays strict */
		{ "R\xc3\xa9gie P\xe9RISCOLAIRE", 0, NULL, "WINDOWS-1252", CHARSET_SNIFFED },
	};
	/* clang-format on */

	(void)state;
	check_detects(cases, COUNT(cases));
}

static void test_detect_from_bom(void **state)
{
	/* A table, aligned by hand: */
	/* clang-format off */
	static const struct detect_case cases[] = {
		{ "\xef\xbb\xbfR\xc3\xa9gie", 0, NULL, "UTF-8", CHARSET_FROM_BOM },
		{ "\xef\xbb\xbf<meta charset=latin1>", 0, "text/html; charset=latin1", "UTF-8",
		  CHARSET_FROM_BOM },
		{ "\xff\xfeR\0", 4, NULL, "UTF-16LE", CHARSET_FROM_BOM },
		{ "\xfe\xff\0R", 4, NULL, "UTF-16BE", CHARSET_FROM_BOM },
	};
	/* clang-format on */

	(void)state;
	check_detects(cases, COUNT(cases));
}

static void test_detect_from_meta(void **state)
{
	/* A table, aligned by hand: */
	/* clang-format off */
	static const struct detect_case cases[] = {
		{ "<html><head><meta charset=\"iso-8859-1\">", 0, NULL, "WINDOWS-1252", CHARSET_FROM_META },
		{ "<meta charset=utf-8>R\xe9gie", 0, NULL, "WINDOWS-1252", CHARSET_FROM_META },
		{ "<meta charset=utf-8>R\xc3\xa9gie", 0, NULL, "UTF-8", CHARSET_FROM_META },
		{ "<META CHARSET='Latin1'/>", 0, NULL, "WINDOWS-1252", CHARSET_FROM_META },
		{ "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-15\">", 0,
		  NULL, "ISO-8859-15", CHARSET_FROM_META },
		{ "<meta content='text/html;charset=windows-1252' http-equiv='content-type'>", 0, NULL,
		  "WINDOWS-1252", CHARSET_FROM_META },
		{ "<meta http-equiv=Content-Type content=\"text/html; charset=utf-8\">", 0, NULL, "UTF-8",
		  CHARSET_FROM_META },
		/* unknown label: the next <meta> decides */
		{ "<meta charset=klingon><meta charset=latin1>", 0, NULL, "WINDOWS-1252", CHARSET_FROM_META },
		/* a page we read as ASCII is not UTF-16 */
		{ "<meta charset=utf-16>", 0, NULL, "UTF-8", CHARSET_FROM_META },
	};
	/* clang-format on */

	(void)state;
	check_detects(cases, COUNT(cases));
}

/* Places where "charset" is written but means nothing. */
static void test_detect_ignores_false_meta(void **state)
{
	/* A table, aligned by hand: */
	/* clang-format off */
	static const struct detect_case cases[] = {
		{ "<meta content=\"text/html; charset=latin1\">R\xc3\xa9gie", 0, NULL, "UTF-8",
		  CHARSET_SNIFFED }, /* content without http-equiv */
		{ "<!-- <meta charset=latin1> -->R\xc3\xa9gie", 0, NULL, "UTF-8", CHARSET_SNIFFED },
		{ "<div title=\"<meta charset=latin1>\">R\xc3\xa9gie", 0, NULL, "UTF-8", CHARSET_SNIFFED },
		{ "<metadata charset=latin1>R\xc3\xa9gie", 0, NULL, "UTF-8", CHARSET_SNIFFED },
		{ "<meta charset=\"latin1", 0, NULL, "WINDOWS-1252", CHARSET_FROM_META },
	};
	/* clang-format on */

	(void)state;
	check_detects(cases, COUNT(cases));
}

/* Only the first 4096 bytes are prescanned. */
static void test_detect_meta_past_4096_is_ignored(void **state)
{
	static const char meta[] = "<meta charset=latin1>";
	char page[4200];
	enum charset_source source;

	(void)state;
	memset(page, ' ', sizeof page);
	memcpy(page + 4096 - sizeof meta + 1, meta, sizeof meta - 1);
	assert_string_equal(charset_detect(page, sizeof page, NULL, &source), "WINDOWS-1252");
	assert_int_equal(source, CHARSET_FROM_META);
	memset(page, ' ', sizeof page);
	memcpy(page + 4097, meta, sizeof meta - 1);
	assert_string_equal(charset_detect(page, sizeof page, NULL, &source), "UTF-8");
	assert_int_equal(source, CHARSET_SNIFFED);
}

static void test_detect_by_sniffing(void **state)
{
	/* A table, aligned by hand: */
	/* clang-format off */
	static const struct detect_case cases[] = {
		{ "plain ascii", 0, NULL, "UTF-8", CHARSET_SNIFFED },
		{ "R\xc3\xa9gie 12,00 \xe2\x82\xac", 0, NULL, "UTF-8", CHARSET_SNIFFED },
		{ "R\xe9gie 12,00 \x80", 0, NULL, "WINDOWS-1252", CHARSET_SNIFFED },
		/* cut mid-character after real UTF-8: still UTF-8 */
		{ "R\xc3\xa9gie 12,00 \xe2\x82", 0, NULL, "UTF-8", CHARSET_SNIFFED },
		/* ASCII then a lone Latin-1 letter at the end: not UTF-8 */
		{ "Caf\xe9", 0, NULL, "WINDOWS-1252", CHARSET_SNIFFED },
		{ "R\xc3\xa9gie \xff tail", 0, NULL, "WINDOWS-1252", CHARSET_SNIFFED },
	};
	/* clang-format on */

	(void)state;
	check_detects(cases, COUNT(cases));
}

struct convert_case {
	const char *bytes;
	size_t len; /* 0: strlen(bytes) */
	const char *charset;
	const char *want;
};

static void check_converts(const struct convert_case *cases, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		char *out = NULL, *err = NULL;
		size_t out_len = 12345;
		size_t len = cases[i].len ? cases[i].len : strlen(cases[i].bytes);

		if (charset_to_utf8(cases[i].bytes, len, cases[i].charset, &out, &out_len, &err) !=
		    0)
			fail_msg("case %zu: unexpected error %s", i, err);
		assert_non_null(out);
		assert_int_equal(out_len, strlen(out));
		if (strcmp(out, cases[i].want) != 0)
			fail_msg("case %zu (%s): wrong conversion", i, cases[i].charset);
		free(out);
	}
}

static void test_convert_empty_input(void **state)
{
	/* A table, aligned by hand: */
	/* clang-format off */
	static const struct convert_case cases[] = {
		{ "", 0, "UTF-8", "" },
		{ "", 0, "WINDOWS-1252", "" },
		{ "\xef\xbb\xbf", 0, "utf-8", "" },
	};
	/* clang-format on */
	char *out = NULL;
	size_t out_len = 1;

	(void)state;
	check_converts(cases, COUNT(cases));
	assert_int_equal(charset_to_utf8(NULL, 0, "latin1", &out, &out_len, NULL), 0);
	assert_string_equal(out, "");
	assert_int_equal(out_len, 0);
	free(out);
}

static void test_convert_utf8_validates(void **state)
{
	/* A table, aligned by hand: */
	/* clang-format off */
	static const struct convert_case cases[] = {
		{ "R\xc3\xa9gie 12,00 \xe2\x82\xac", 0, "UTF-8", "R\xc3\xa9gie 12,00 \xe2\x82\xac" },
		{ "\xef\xbb\xbf" "abc", 0, "utf8", "abc" },                   /* BOM dropped */
		{ "a\xef\xbb\xbf" "b", 0, "UTF-8", "a\xef\xbb\xbf" "b" },     /* only a leading one */
		{ "caf\xe9!", 0, "UTF-8", "caf" FFFD "!" },
		{ "\xed\xa0\x80", 0, "UTF-8", FFFD FFFD FFFD },
		{ "a\0b", 3, "UTF-8", "a" FFFD "b" },                         /* NUL */
		{ "\x1b[31m", 0, "UTF-8", "\x1b[31m" }, /* controls are sanitize's job */
	};
	/* clang-format on */

	(void)state;
	check_converts(cases, COUNT(cases));
}

static void test_convert_windows1252(void **state)
{
	/* A table, aligned by hand: */
	/* clang-format off */
	static const struct convert_case cases[] = {
		{ "R\xe9gie \x80 \x9c \x85", 0, "WINDOWS-1252", "R\xc3\xa9gie \xe2\x82\xac \xc5\x93 \xe2\x80\xa6" },
		{ "R\xe9gie", 0, "iso-8859-1", "R\xc3\xa9gie" }, /* latin1 label, windows-1252 table */
		/* 0x9B is "›" in windows-1252, never a C1 CSI */
		{ "\x9b", 0, "latin1", "\xe2\x80\xba" },
		/* undefined bytes: one U+FFFD each, and decoding goes on */
		{ "a\x81" "b\x8d\x8f\x90\x9d" "c", 0, "WINDOWS-1252", "a" FFFD "b" FFFD FFFD FFFD FFFD "c" },
		{ "a\0b", 3, "latin1", "a" FFFD "b" },
	};
	/* clang-format on */

	(void)state;
	check_converts(cases, COUNT(cases));
}

static void test_convert_latin9(void **state)
{
	/* A table, aligned by hand: */
	/* clang-format off */
	static const struct convert_case cases[] = {
		{ "\xa4 \xbd", 0, "ISO-8859-15", "\xe2\x82\xac \xc5\x93" },
		{ "\xa4", 0, "latin1", "\xc2\xa4" },
	};
	/* clang-format on */

	(void)state;
	check_converts(cases, COUNT(cases));
}

static void test_convert_utf16(void **state)
{
	/* A table, aligned by hand: */
	/* clang-format off */
	static const struct convert_case cases[] = {
		{ "\xff\xfeR\0\xe9\0", 6, "UTF-16LE", "R\xc3\xa9" },
		{ "\xfe\xff\0R\0\xe9", 6, "UTF-16BE", "R\xc3\xa9" },
		{ "R\0\x00\xd8!\0", 6, "UTF-16LE", "R" FFFD "!" }, /* lone surrogate */
		{ "R\0!", 3, "UTF-16LE", "R" FFFD },               /* odd length */
	};
	/* clang-format on */

	(void)state;
	check_converts(cases, COUNT(cases));
}

/* A large page crosses the internal chunk size many times. */
static void test_convert_large_input(void **state)
{
	enum {
		N = 20000
	};
	char *in = malloc(N), *out = NULL;
	size_t out_len, i;

	(void)state;
	assert_non_null(in);
	for (i = 0; i < N; i++)
		in[i] = (char)(i % 2 ? 0xe9 : 'x');
	assert_int_equal(charset_to_utf8(in, N, "WINDOWS-1252", &out, &out_len, NULL), 0);
	assert_int_equal(out_len, N / 2 * 3);
	assert_memory_equal(out + out_len - 3, "x\xc3\xa9", 3);
	free(out);
	free(in);
}

static void test_convert_unknown_charset_fails(void **state)
{
	static const char *const names[] = { NULL, "klingon", "UTF-8//IGNORE", "latin1//TRANSLIT" };
	size_t i;

	(void)state;
	for (i = 0; i < COUNT(names); i++) {
		char *out = NULL, *err = NULL;
		size_t out_len = 0;

		assert_int_equal(charset_to_utf8("abc", 3, names[i], &out, &out_len, &err), -1);
		assert_null(out);
		assert_non_null(err);
		free(err);
		assert_int_equal(charset_to_utf8("abc", 3, names[i], &out, &out_len, NULL), -1);
	}
}

static void test_from_utf8_for_forms(void **state)
{
	static const struct {
		const char *utf8;
		const char *charset;
		const char *want;
	} cases[] = {
		{ "", "WINDOWS-1252", "" },
		{ NULL, "UTF-8", "" },
		{ "R\xc3\xa9gie \xe2\x82\xac \xc5\x93", "WINDOWS-1252", "R\xe9gie \x80 \x9c" },
		{ "R\xc3\xa9gie", "latin1", "R\xe9gie" },
		{ "\xe2\x82\xac", "ISO-8859-15", "\xa4" },
		{ "\xe6\xbc\xa2 \xf0\x9f\x98\x80", "WINDOWS-1252", "&#28450; &#128512;" },
		{ "\xe2\x80\x9cx\xe2\x80\x9d \xe2\x86\x92", "latin9", "&#8220;x&#8221; &#8594;" },
		{ "a\xff"
		  "b",
		  "WINDOWS-1252", "a&#65533;b" },
		{ "a\xe2\x82", "WINDOWS-1252", "a&#65533;" },
		{ "R\xc3\xa9gie", "UTF-8", "R\xc3\xa9gie" },
		{ "a\xff", "utf8", "a" FFFD },
		{ "R\xc3\xa9gie", "utf-16",
		  "R\xc3\xa9gie" }, /* forms of UTF-16 pages go as UTF-8 */
	};
	size_t i;

	(void)state;
	for (i = 0; i < COUNT(cases); i++) {
		char *got = charset_from_utf8(cases[i].utf8, cases[i].charset);

		assert_non_null(got);
		if (strcmp(got, cases[i].want) != 0)
			fail_msg("case %zu (%s): wrong encoding", i, cases[i].charset);
		free(got);
	}
	assert_null(charset_from_utf8("abc", NULL));
	assert_null(charset_from_utf8("abc", "klingon"));
	assert_null(charset_from_utf8("abc", "latin1//TRANSLIT"));
}

/* A page's leading BOM is dropped once; a form value keeps its U+FEFF
 * (found by fuzz_charset on "\uFEFF\uFEFF"). */
/* charset_utf8_unchanged says exactly when charset_to_utf8 would copy the
 * bytes as they are (html_parse then reads them uncopied). */
static void test_utf8_unchanged_matches_conversion(void **state)
{
	static const struct {
		const char *bytes;
		size_t len;
		const char *charset;
	} cases[] = {
		{ "", 0, "utf-8" },
		{ "plain", 5, "UTF-8" },
		{ "caf\xc3\xa9 \xe2\x82\xac", 9, "utf8" },
		{ "bad \xff", 5, "utf-8" },
		{ "cut \xe2\x82", 6, "utf-8" },
		{ "nul\0inside", 11, "utf-8" },
		{ "\xef\xbb\xbf"
		  "bom",
		  6, "utf-8" },
		{ "not at start \xef\xbb\xbf", 16, "utf-8" },
		{ "plain", 5, "windows-1252" },
		{ "plain", 5, NULL },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *out = NULL;
		size_t out_len = 0;
		bool same = false;
		if (cases[i].charset &&
		    charset_to_utf8(cases[i].bytes, cases[i].len, cases[i].charset, &out, &out_len,
		                    NULL) == 0)
			same = out_len == cases[i].len &&
			       memcmp(out, cases[i].bytes, cases[i].len) == 0 &&
			       charset_canonical(cases[i].charset) &&
			       strcmp(charset_canonical(cases[i].charset), "UTF-8") == 0;
		free(out);
		if (charset_utf8_unchanged(cases[i].bytes, cases[i].len, cases[i].charset) != same)
			fail_msg("case %zu: unchanged should be %d", i, same);
	}
}

static void test_bom_dropped_from_pages_kept_in_values(void **state)
{
	char *out = NULL, *err = NULL;
	size_t len = 0;
	assert_int_equal(charset_to_utf8("\xEF\xBB\xBF\xEF\xBB\xBFx", 7, "UTF-8", &out, &len, &err),
	                 0);
	assert_string_equal(out, "\xEF\xBB\xBFx");
	char *back = charset_from_utf8(out, "UTF-8");
	assert_string_equal(back, out);
	free(back);
	free(out);
}

int main(void)
{
	/* A table, aligned by hand: */
	/* clang-format off */
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_canonical_labels),
		cmocka_unit_test(test_detect_empty_input),
		cmocka_unit_test(test_detect_from_http_header),
		cmocka_unit_test(test_detect_utf8_label_with_stray_bytes),
		cmocka_unit_test(test_detect_from_bom),
		cmocka_unit_test(test_detect_from_meta),
		cmocka_unit_test(test_detect_ignores_false_meta),
		cmocka_unit_test(test_detect_meta_past_4096_is_ignored),
		cmocka_unit_test(test_detect_by_sniffing),
		cmocka_unit_test(test_convert_empty_input),
		cmocka_unit_test(test_convert_utf8_validates),
		cmocka_unit_test(test_convert_windows1252),
		cmocka_unit_test(test_convert_latin9),
		cmocka_unit_test(test_convert_utf16),
		cmocka_unit_test(test_convert_large_input),
		cmocka_unit_test(test_convert_unknown_charset_fails),
		cmocka_unit_test(test_from_utf8_for_forms),
		cmocka_unit_test(test_bom_dropped_from_pages_kept_in_values),
		cmocka_unit_test(test_utf8_unchanged_matches_conversion),
	};
	/* clang-format on */

	return cmocka_run_group_tests_name("charset", tests, NULL, NULL);
}
