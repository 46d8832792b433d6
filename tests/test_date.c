/* Unit tests for date.c: dd/mm/yyyy parsing, validity, printing, ordering. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "date.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

struct ok_case {
	const char *text;
	int year, month, day;
};

static void check_rejects(const char *const *texts, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		struct date d = { 0, 0, 0 };
		char *err = NULL;

		if (date_parse_fr(texts[i], &d, &err) != -1)
			fail_msg("\"%s\": accepted as %04d-%02d-%02d",
			         texts[i] ? texts[i] : "(null)", d.year, d.month, d.day);
		assert_non_null(err);
		free(err);
		assert_int_equal(date_parse_fr(texts[i], &d, NULL), -1);
	}
}

static void test_rejects_null_and_empty(void **state)
{
	static const char *const texts[] = { NULL, "", "   ", "\xc2\xa0" };

	(void)state;
	check_rejects(texts, COUNT(texts));
}

static void test_parses_accepted_forms(void **state)
{
	static const struct ok_case cases[] = {
		{ "05/09/2022", 2022, 9, 5 },
		{ "5/9/2022", 2022, 9, 5 },
		{ "05-09-2022", 2022, 9, 5 },
		{ "05.09.2022", 2022, 9, 5 },
		{ "  05/09/2022\t", 2022, 9, 5 },
		{ "\xc2\xa0"
		  "31/12/2021\xe2\x80\xaf",
		  2021, 12, 31 },
		{ "29/02/2024", 2024, 2, 29 },
		{ "29/02/2000", 2000, 2, 29 },
		{ "01/01/0001", 1, 1, 1 },
		{ "31/12/9999", 9999, 12, 31 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < COUNT(cases); i++) {
		struct date d;
		char *err = NULL;

		if (date_parse_fr(cases[i].text, &d, &err) != 0)
			fail_msg("\"%s\": unexpected error: %s", cases[i].text, err);
		if (d.year != cases[i].year || d.month != cases[i].month || d.day != cases[i].day)
			fail_msg("\"%s\": got %04d-%02d-%02d", cases[i].text, d.year, d.month,
			         d.day);
	}
}

static void test_rejects_two_digit_years(void **state)
{
	static const char *const texts[] = { "05/09/22", "05/09/022", "05/09/20222", "05/09/0" };

	(void)state;
	check_rejects(texts, COUNT(texts));
}

static void test_rejects_impossible_dates(void **state)
{
	static const char *const texts[] = {
		"31/02/2022", "30/02/2024", "29/02/2023", "29/02/1900", "31/04/2022",
		"00/01/2022", "32/01/2022", "01/13/2022", "01/00/2022", "01/01/0000",
	};

	(void)state;
	check_rejects(texts, COUNT(texts));
}

static void test_rejects_garbage(void **state)
{
	static const char *const texts[] = {
		"05/09/2022x",
		"05/09/2022 12:00",
		"05/09-2022",
		"05/09",
		"5/9",
		"a05/09/2022",
		"005/09/2022",
		"05/009/2022",
		"05//2022",
		"-5/09/2022",
		"05 09 2022",
		"2022-09-05",
		"05/09/2022\x1b[2J",
		"\xe2\x80\x94",
	};

	(void)state;
	check_rejects(texts, COUNT(texts));
}

static void test_error_message_is_sanitized(void **state)
{
	struct date d;
	char *err = NULL;

	(void)state;
	assert_int_equal(date_parse_fr("05/09/2022\x1b[2J", &d, &err), -1);
	assert_non_null(err);
	assert_null(strchr(err, '\x1b'));
	assert_non_null(strstr(err, "^[[2J"));
	free(err);
}

struct valid_case {
	int year, month, day;
	bool valid;
};

static void test_validity_and_leap_years(void **state)
{
	static const struct valid_case cases[] = {
		{ 2000, 2, 29, true },  { 1900, 2, 29, false }, { 2024, 2, 29, true },
		{ 2023, 2, 29, false }, { 2100, 2, 29, false }, { 2023, 2, 28, true },
		{ 2022, 4, 30, true },  { 2022, 4, 31, false }, { 2022, 12, 31, true },
		{ 2022, 0, 1, false },  { 2022, 13, 1, false }, { 2022, 1, 0, false },
		{ 0, 1, 1, false },     { 10000, 1, 1, false }, { -1, 1, 1, false },
	};
	size_t i;

	(void)state;
	for (i = 0; i < COUNT(cases); i++)
		if (date_is_valid(cases[i].year, cases[i].month, cases[i].day) != cases[i].valid)
			fail_msg("%04d-%02d-%02d: want %s", cases[i].year, cases[i].month,
			         cases[i].day, cases[i].valid ? "valid" : "invalid");
}

static void test_prints_iso_and_french(void **state)
{
	static const struct {
		struct date d;
		const char *iso, *fr;
	} cases[] = {
		{ { 2022, 9, 5 }, "2022-09-05", "05/09/2022" },
		{ { 1, 1, 1 }, "0001-01-01", "01/01/0001" },
		{ { 9999, 12, 31 }, "9999-12-31", "31/12/9999" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < COUNT(cases); i++) {
		char buf[11];

		assert_ptr_equal(date_to_iso(&cases[i].d, buf), buf);
		assert_string_equal(buf, cases[i].iso);
		assert_ptr_equal(date_to_fr(&cases[i].d, buf), buf);
		assert_string_equal(buf, cases[i].fr);
	}
}

/* A corrupt struct must still fit the 11 bytes the header promises. */
static void test_print_never_overflows(void **state)
{
	const struct date bad = { -123456, 1000, -7 };
	char buf[12];

	(void)state;
	buf[11] = 'z';
	date_to_iso(&bad, buf);
	assert_int_equal(strlen(buf), 10);
	date_to_fr(&bad, buf);
	assert_int_equal(strlen(buf), 10);
	assert_int_equal(buf[11], 'z');
}

static void test_compare_orders_dates(void **state)
{
	const struct date a = { 2022, 9, 5 }, b = { 2022, 9, 6 }, c = { 2022, 10, 1 },
	                  d = { 2023, 1, 1 };

	(void)state;
	assert_int_equal(date_compare(&a, &a), 0);
	assert_true(date_compare(&a, &b) < 0);
	assert_true(date_compare(&b, &a) > 0);
	assert_true(date_compare(&b, &c) < 0);
	assert_true(date_compare(&c, &d) < 0);
	assert_true(date_compare(&d, &a) > 0);
}

static void test_today_is_a_valid_date(void **state)
{
	struct date today = date_today();

	(void)state;
	assert_true(date_is_valid(today.year, today.month, today.day));
	assert_true(today.year >= 1970);
}

static void test_parse_then_print_round_trips(void **state)
{
	static const char *const texts[] = { "05/09/2022", "29/02/2024", "31/12/1999",
		                             "01/01/2000" };
	size_t i;

	(void)state;
	for (i = 0; i < COUNT(texts); i++) {
		struct date d;
		char buf[11];

		assert_int_equal(date_parse_fr(texts[i], &d, NULL), 0);
		assert_string_equal(date_to_fr(&d, buf), texts[i]);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rejects_null_and_empty),
		cmocka_unit_test(test_parses_accepted_forms),
		cmocka_unit_test(test_rejects_two_digit_years),
		cmocka_unit_test(test_rejects_impossible_dates),
		cmocka_unit_test(test_rejects_garbage),
		cmocka_unit_test(test_error_message_is_sanitized),
		cmocka_unit_test(test_validity_and_leap_years),
		cmocka_unit_test(test_prints_iso_and_french),
		cmocka_unit_test(test_print_never_overflows),
		cmocka_unit_test(test_compare_orders_dates),
		cmocka_unit_test(test_today_is_a_valid_date),
		cmocka_unit_test(test_parse_then_print_round_trips),
	};

	return cmocka_run_group_tests_name("date", tests, NULL, NULL);
}
