/* Unit tests for util/fold.c: matching portal labels across spellings. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "util/fold.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

struct fold_case {
	const char *in;
	const char *want;
};

static void check_folds(const struct fold_case *cases, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		char *got = fold_label(cases[i].in);

		if (strcmp(got, cases[i].want) != 0)
			fail_msg("case %zu: got \"%s\", want \"%s\"", i, got, cases[i].want);
		free(got);
	}
}

static void test_null_and_empty_fold_to_empty(void **state)
{
	/* A table, aligned by hand: */
	/* clang-format off */
	static const struct fold_case cases[] = {
		{ NULL, "" }, { "", "" }, { "   ", "" }, { " : ", "" }, { "\xc2\xa0\xe2\x80\xaf", "" },
		{ "\xc2\xb0", "" }, /* ° alone */
	};
	/* clang-format on */

	(void)state;
	check_folds(cases, COUNT(cases));
}

static void test_portal_labels(void **state)
{
	/* A table, aligned by hand: */
	/* clang-format off */
	static const struct fold_case cases[] = {
		{ "N\xc2\xb0 de la facture :", "n de la facture" },
		{ "N\xc2\xba de la facture", "n de la facture" }, /* º, not ° */
		{ "N\xc2\xb0" "facture", "n facture" },
		{ "NUM\xc3\x89RO DE FACTURE", "numero de facture" },
		{ "\xc3\x80 payer avant le", "a payer avant le" },
		{ "Montant d\xc3\xbb", "montant du" },
		{ "S\xc3\x89LECTION", "selection" },
		{ "Date d'\xc3\xa9" "ch\xc3\xa9" "ance", "date d echeance" },
		{ "Date d\xe2\x80\x99\xc3\xa9" "ch\xc3\xa9" "ance", "date d echeance" },
		{ "R\xc3\xa9gie 2022", "regie 2022" },
	};
	/* clang-format on */

	(void)state;
	check_folds(cases, COUNT(cases));
}

static void test_ligatures_and_sharp_s(void **state)
{
	/* A table, aligned by hand: */
	/* clang-format off */
	static const struct fold_case cases[] = {
		{ "\xc5\x92uvre", "oeuvre" },   { "c\xc5\x93ur", "coeur" }, { "c\xc3\xa6" "cum", "caecum" },
		{ "\xc3\x86" "SOP", "aesop" },  { "Stra\xc3\x9f" "e", "strasse" },
		{ "\xe1\xba\x9e", "ss" },       /* capital sharp s */
		{ "\xc3\x9e" "or", "thor" },
	};
	/* clang-format on */

	(void)state;
	check_folds(cases, COUNT(cases));
}

static void test_separators_collapse(void **state)
{
	/* A table, aligned by hand: */
	/* clang-format off */
	static const struct fold_case cases[] = {
		{ "  Montant   d\xc3\xbb  ", "montant du" },
		{ "Montant\xc2\xa0" "d\xc3\xbb", "montant du" },     /* NBSP */
		{ "Montant\xe2\x80\xaf" "d\xc3\xbb", "montant du" }, /* narrow NBSP */
		{ "Montant\td\xc3\xbb\n", "montant du" },
		{ "(Total) : 12,00 \xe2\x82\xac", "total 12 00" },
		{ "a-b_c/d.e", "a b c d e" },
		{ "x \xc3\x97 y", "x y" }, /* × is not a letter */
	};
	/* clang-format on */

	(void)state;
	check_folds(cases, COUNT(cases));
}

/* Decomposed accents and soft hyphens sit inside words; they must not split
 * them. */
static void test_invisible_marks_do_not_split_words(void **state)
{
	/* A table, aligned by hand: */
	/* clang-format off */
	static const struct fold_case cases[] = {
		{ "re\xcc\x81gie", "regie" },          /* e + U+0301 */
		{ "fac\xc2\xad" "ture", "facture" },   /* soft hyphen */
		{ "fac\xe2\x80\x8b" "ture", "facture" }, /* zero-width space */
		{ "\xef\xbb\xbf" "Facture", "facture" }, /* BOM */
	};
	/* clang-format on */

	(void)state;
	check_folds(cases, COUNT(cases));
}

static void test_invalid_utf8_is_a_separator(void **state)
{
	/* A table, aligned by hand: */
	/* clang-format off */
	static const struct fold_case cases[] = {
		{ "ab\xff" "cd", "ab cd" }, { "\xc3", "" }, { "R\xe9gie", "r gie" }, { "\xed\xa0\x80x", "x" },
	};
	/* clang-format on */

	(void)state;
	check_folds(cases, COUNT(cases));
}

static void test_latin_to_ascii_table(void **state)
{
	static const struct {
		unsigned long cp;
		const char *want; /* NULL: no base letters */
	} cases[] = {
		{ 0x41, NULL },  { 0xbf, NULL }, { 0xc0, "A" },    { 0xc9, "E" },
		{ 0xe9, "e" },   { 0xe6, "ae" }, { 0xc6, "AE" },   { 0xdf, "ss" },
		{ 0xd7, NULL },  { 0xf7, NULL }, { 0xff, "y" },    { 0x152, "OE" },
		{ 0x153, "oe" }, { 0x178, "Y" }, { 0x17f, "s" },   { 0x141, "L" },
		{ 0x180, NULL }, { 0x219, "s" }, { 0x21b, "t" },   { 0x1e9e, "SS" },
		{ 0xb0, NULL },  { 0xba, NULL }, { 0x20ac, NULL }, { 0xfffd, NULL },
	};
	size_t i;

	(void)state;
	for (i = 0; i < COUNT(cases); i++) {
		const char *got = fold_latin_to_ascii(cases[i].cp);

		if (!cases[i].want ? got != NULL : !got || strcmp(got, cases[i].want) != 0)
			fail_msg("U+%04lX: got %s, want %s", cases[i].cp, got ? got : "NULL",
			         cases[i].want ? cases[i].want : "NULL");
	}
}

/* Every letter of U+00C0-U+017F except × and ÷ has a base, and it is ASCII
 * letters only: sanitize's ASCII mode depends on it. */
static void test_latin_table_is_complete(void **state)
{
	unsigned long cp;

	(void)state;
	for (cp = 0xc0; cp < 0x180; cp++) {
		const char *got = fold_latin_to_ascii(cp);
		const char *p;

		if (cp == 0xd7 || cp == 0xf7) {
			assert_null(got);
			continue;
		}
		if (!got || !*got)
			fail_msg("U+%04lX has no base letters", cp);
		for (p = got; *p; p++)
			if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
				fail_msg("U+%04lX maps to non-letter \"%s\"", cp, got);
	}
}

static void test_equal(void **state)
{
	static const struct {
		const char *a, *b;
		bool equal;
	} cases[] = {
		{ NULL, "", true },
		{ "", " : ", true },
		{ "N\xc2\xb0 de la facture :", "n de la facture", true },
		{ "NUM\xc3\x89RO DE FACTURE", "Num\xc3\xa9ro de facture", true },
		{ "Montant d\xc3\xbb", "Montant du", true },
		{ "Montant d\xc3\xbb", "Montant dus", false },
		{ "Facture", "Factures", false },
		{ "", "x", false },
	};
	size_t i;

	(void)state;
	for (i = 0; i < COUNT(cases); i++)
		if (fold_equal(cases[i].a, cases[i].b) != cases[i].equal)
			fail_msg("case %zu: want %s", i, cases[i].equal ? "equal" : "different");
}

static void test_contains_whole_words(void **state)
{
	static const struct {
		const char *haystack, *needle;
		bool found;
	} cases[] = {
		{ NULL, NULL, false },
		{ "abc", "", false }, /* an empty needle matches nothing */
		{ "abc", " : ", false },
		{ "", "x", false },
		{ "Montant d\xc3\xbb (\xe2\x82\xac)", "MONTANT DU", true },
		{ "N\xc2\xb0 de la facture", "facture", true },
		{ "\xc3\x80 payer avant le", "payer avant", true },
		{ "Montants dus", "montant", false },
		{ "Refacture", "facture", false },
		{ "Facture", "Facture du", false },
	};
	size_t i;

	(void)state;
	for (i = 0; i < COUNT(cases); i++)
		if (fold_contains(cases[i].haystack, cases[i].needle) != cases[i].found)
			fail_msg("case %zu: want %s", i, cases[i].found ? "found" : "not found");
}

int main(void)
{
	/* A table, aligned by hand: */
	/* clang-format off */
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_null_and_empty_fold_to_empty),
		cmocka_unit_test(test_portal_labels),
		cmocka_unit_test(test_ligatures_and_sharp_s),
		cmocka_unit_test(test_separators_collapse),
		cmocka_unit_test(test_invisible_marks_do_not_split_words),
		cmocka_unit_test(test_invalid_utf8_is_a_separator),
		cmocka_unit_test(test_latin_to_ascii_table),
		cmocka_unit_test(test_latin_table_is_complete),
		cmocka_unit_test(test_equal),
		cmocka_unit_test(test_contains_whole_words),
	};
	/* clang-format on */

	return cmocka_run_group_tests_name("fold", tests, NULL, NULL);
}
