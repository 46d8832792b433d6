/* Unit tests for money.c: French amounts to integer cents and back. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "money.h"

struct ok_case {
	const char *text;
	int64_t cents;
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static void check_parses(const struct ok_case *cases, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		int64_t got = -777;
		char *err = NULL;

		if (money_parse(cases[i].text, &got, &err) != 0)
			fail_msg("\"%s\": unexpected error: %s", cases[i].text,
			         err ? err : "(none)");
		if (got != cases[i].cents)
			fail_msg("\"%s\": got %lld cents, want %lld", cases[i].text, (long long)got,
			         (long long)cases[i].cents);
		assert_null(err);
	}
}

/* Every error must come with a message, and errp may be NULL. */
static void check_rejects(const char *const *texts, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		int64_t got = -777;
		char *err = NULL;

		if (money_parse(texts[i], &got, &err) != -1)
			fail_msg("\"%s\": accepted as %lld cents", texts[i] ? texts[i] : "(null)",
			         (long long)got);
		assert_non_null(err);
		free(err);
		assert_int_equal(money_parse(texts[i], &got, NULL), -1);
	}
}

static void test_rejects_null_and_empty(void **state)
{
	static const char *const texts[] = { NULL, "", " ", "\t\n", "\xc2\xa0", "\xe2\x80\xaf " };

	(void)state;
	check_rejects(texts, COUNT(texts));
}

static void test_rejects_non_amounts(void **state)
{
	static const char *const texts[] = {
		"\xe2\x80\x94", /* — : the portal's "no amount" */
		"-",
		"+",
		"\xe2\x82\xac",
		"EUR",
		"abc",
		"12abc",
		"12 euros",
		"1e3",
		"0x10",
		"12..5",
		",5",
		".5",
		"12,",
		"12.",
		"1,,2",
		"(12,00)",
		"12-",
		"--12",
		"1 2 3 4",
		"\xe2\x82\xac 12 \xe2\x82\xac", /* currency twice */
		"12\x1b[31m",
	};

	(void)state;
	check_rejects(texts, COUNT(texts));
}

static void test_parses_plain_amounts(void **state)
{
	/* A table, aligned by hand: */
	/* clang-format off */
	static const struct ok_case cases[] = {
		{ "0", 0 },         { "0,00", 0 },        { "12", 1200 },      { "007", 700 },
		{ "181.99", 18199 }, { "181,99", 18199 }, { "226,11", 22611 }, { "12,5", 1250 },
		{ "0,05", 5 },      { "1234,56", 123456 }, { "  181.99  ", 18199 },
		{ "\t181,99\n", 18199 },
	};
	/* clang-format on */

	(void)state;
	check_parses(cases, COUNT(cases));
}

static void test_parses_signs(void **state)
{
	/* A table, aligned by hand: */
	/* clang-format off */
	static const struct ok_case cases[] = {
		{ "-12,00", -1200 },
		{ "+3,00", 300 },
		{ "\xe2\x88\x92" "4,00", -400 }, /* U+2212 MINUS SIGN */
		{ "-0,00", 0 },
		{ "- 12,00", -1200 },
		{ "-12,00 \xe2\x82\xac", -1200 },
		{ "-\xe2\x82\xac" "12", -1200 },
	};
	/* clang-format on */

	(void)state;
	check_parses(cases, COUNT(cases));
}

static void test_parses_currency_marks(void **state)
{
	/* A table, aligned by hand: */
	/* clang-format off */
	static const struct ok_case cases[] = {
		{ "44,12 \xe2\x82\xac", 4412 },        { "44,12\xc2\xa0\xe2\x82\xac", 4412 },
		{ "44,12\xe2\x82\xac", 4412 },         { "1234,56 EUR", 123456 },
		{ "\xe2\x82\xac" "12", 1200 },         { "EUR 12,50", 1250 },
		{ "12 eur", 1200 },                    { " 3,00 \xe2\x82\xac ", 300 },
	};
	/* clang-format on */

	(void)state;
	check_parses(cases, COUNT(cases));
}

static void test_parses_thousands_grouping(void **state)
{
	/* A table, aligned by hand: */
	/* clang-format off */
	static const struct ok_case cases[] = {
		{ "1 234,56 \xe2\x82\xac", 123456 },
		{ "1\xc2\xa0" "234,56 \xe2\x82\xac", 123456 },     /* NBSP */
		{ "1\xe2\x80\xaf" "234,56\xc2\xa0\xe2\x82\xac", 123456 }, /* narrow NBSP */
		{ "1.234,56", 123456 },
		{ "1,234.56", 123456 },
		{ "1 234", 123400 },
		{ "12 345 678,90", 1234567890 },
		{ "1.234.567", 123456700 },
		{ "1,234,567.89", 123456789 },
		{ "999 999,99", 99999999 },
	};
	/* clang-format on */

	(void)state;
	check_parses(cases, COUNT(cases));
}

/* One '.' or ',' followed by exactly three digits is thousands in French
 * and decimals in English: refuse rather than be wrong by a factor 1000. */
static void test_rejects_ambiguous_separator(void **state)
{
	static const char *const texts[] = { "12,345", "1.234", "0,123", "-1,000",
		                             "1.234 \xe2\x82\xac" };

	(void)state;
	check_rejects(texts, COUNT(texts));
}

static void test_rejects_more_than_two_decimals(void **state)
{
	static const char *const texts[] = { "12,3456", "1.234.567,891", "1 234,567", "0.0001",
		                             "1,23456" };

	(void)state;
	check_rejects(texts, COUNT(texts));
}

static void test_rejects_bad_grouping(void **state)
{
	static const char *const texts[] = {
		"1 23,45",      "12 34",         "1234 567", "1.23.456", "1,234,56",
		"1.234 567,89", "1 234.567.890", "1  234",   "1 234 5",  " 1234 567,00",
	};

	(void)state;
	check_rejects(texts, COUNT(texts));
}

static void test_overflow_is_an_error(void **state)
{
	static const char *const texts[] = {
		"99999999999999999999", "100000000000,01",
		"100 000 000 000,01",   "-100000000001",
		"9223372036854775807",  "99999999999999999999999999999999,99",
	};
	/* A table, aligned by hand: */
	/* clang-format off */
	static const struct ok_case limits[] = {
		{ "100000000000,00", MONEY_MAX_CENTS },
		{ "-100 000 000 000", -MONEY_MAX_CENTS },
		{ "99999999999,99", MONEY_MAX_CENTS - 1 },
	};
	/* clang-format on */

	(void)state;
	check_rejects(texts, COUNT(texts));
	check_parses(limits, COUNT(limits));
}

/* The message quotes network text: it must not carry an escape sequence. */
static void test_error_message_is_sanitized(void **state)
{
	int64_t got;
	char *err = NULL;

	(void)state;
	assert_int_equal(money_parse("\x1b]0;pwned\x07 12", &got, &err), -1);
	assert_non_null(err);
	assert_null(strchr(err, '\x1b'));
	assert_null(strchr(err, '\x07'));
	assert_non_null(strstr(err, "^[]0;pwned"));
	free(err);
}

struct format_case {
	int64_t cents;
	enum money_format_style style;
	const char *want;
};

static void test_format_styles(void **state)
{
	/* A table, aligned by hand: */
	/* clang-format off */
	static const struct format_case cases[] = {
		{ 0, MONEY_FR, "0,00" },
		{ 5, MONEY_FR, "0,05" },
		{ -5, MONEY_FR, "-0,05" },
		{ 99, MONEY_DOT, "0.99" },
		{ 123456, MONEY_FR, "1 234,56" },
		{ 123456, MONEY_PLAIN, "1234,56" },
		{ 123456, MONEY_DOT, "1234.56" },
		{ -123456, MONEY_FR, "-1 234,56" },
		{ 100000, MONEY_FR, "1 000,00" },
		{ 99999, MONEY_FR, "999,99" },
		{ MONEY_MAX_CENTS, MONEY_FR, "100 000 000 000,00" },
		{ INT64_MIN, MONEY_DOT, "-92233720368547758.08" },
		{ INT64_MAX, MONEY_FR, "92 233 720 368 547 758,07" },
	};
	/* clang-format on */
	size_t i;

	(void)state;
	for (i = 0; i < COUNT(cases); i++) {
		char buf[32];

		assert_ptr_equal(money_format(cases[i].cents, cases[i].style, buf, sizeof buf),
		                 buf);
		assert_string_equal(buf, cases[i].want);
	}
}

static void test_format_small_buffer_truncates(void **state)
{
	char buf[8];

	(void)state;
	memset(buf, 'x', sizeof buf);
	money_format(123456, MONEY_FR, buf, 0);
	assert_int_equal(buf[0], 'x');
	money_format(123456, MONEY_FR, buf, 5);
	assert_string_equal(buf, "1 23");
}

/* What we print we can read back, in every style. */
static void test_format_then_parse_round_trips(void **state)
{
	static const int64_t values[] = { 0,   1,     -1,     10,        99,
		                          100, 12345, -98765, 123456789, MONEY_MAX_CENTS };
	static const enum money_format_style styles[] = { MONEY_FR, MONEY_PLAIN, MONEY_DOT };
	size_t i, j;

	(void)state;
	for (i = 0; i < COUNT(values); i++) {
		for (j = 0; j < COUNT(styles); j++) {
			char buf[32];
			int64_t back = -777;

			money_format(values[i], styles[j], buf, sizeof buf);
			if (money_parse(buf, &back, NULL) != 0 || back != values[i])
				fail_msg("\"%s\" did not read back as %lld", buf,
				         (long long)values[i]);
		}
	}
}

int main(void)
{
	/* A table, aligned by hand: */
	/* clang-format off */
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rejects_null_and_empty),
		cmocka_unit_test(test_rejects_non_amounts),
		cmocka_unit_test(test_parses_plain_amounts),
		cmocka_unit_test(test_parses_signs),
		cmocka_unit_test(test_parses_currency_marks),
		cmocka_unit_test(test_parses_thousands_grouping),
		cmocka_unit_test(test_rejects_ambiguous_separator),
		cmocka_unit_test(test_rejects_more_than_two_decimals),
		cmocka_unit_test(test_rejects_bad_grouping),
		cmocka_unit_test(test_overflow_is_an_error),
		cmocka_unit_test(test_error_message_is_sanitized),
		cmocka_unit_test(test_format_styles),
		cmocka_unit_test(test_format_small_buffer_truncates),
		cmocka_unit_test(test_format_then_parse_round_trips),
	};
	/* clang-format on */

	return cmocka_run_group_tests_name("money", tests, NULL, NULL);
}
