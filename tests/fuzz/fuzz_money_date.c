/* Fuzz target: amounts and dates as the portal prints them (money.h,
 * date.h). The whole input is tried as an amount and as a date; then, as
 * properties:
 *  - a parsed amount is within MONEY_MAX_CENTS, and money_format in every
 *    style, also with " €" after it and with NBSP or narrow NBSP as the
 *    grouping space, parses back to the same cents;
 *  - any amount within MONEY_MAX_CENTS built from the input's first 8 bytes
 *    does the same;
 *  - a parsed date is valid, and date_to_fr parses back to it;
 *  - any valid date built from the first bytes formats and parses back. */
#include "config.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "util/strbuf.h"
#include "util/xalloc.h"
#include "date.h"
#include "money.h"
#include "fuzz.h"

#define T "fuzz_money_date"

/* s with every ASCII space replaced by `space` (a UTF-8 sequence). */
static char *replace_spaces(const char *s, const char *space)
{
	struct strbuf sb = STRBUF_INIT;
	for (; *s; s++)
		if (*s == ' ')
			strbuf_puts(&sb, space);
		else
			strbuf_putc(&sb, *s);
	return strbuf_detach(&sb);
}

static void expect_amount(const char *text, int64_t cents)
{
	int64_t back = 0;
	char *err = NULL;
	int rc = money_parse(text, &back, &err);
	if (rc != 0)
		fuzz_fail(T, "%" PRId64 " formatted as \"%s\" does not parse back: %s", cents, text,
		          err ? err : "?");
	FUZZ_CHECK(T, back == cents, "%" PRId64 " formatted as \"%s\" parses back as %" PRId64,
	           cents, text, back);
	free(err);
}

static void round_trip_amount(int64_t cents)
{
	static const enum money_format_style styles[] = { MONEY_FR, MONEY_PLAIN, MONEY_DOT };
	char buf[64];

	for (size_t i = 0; i < sizeof styles / sizeof styles[0]; i++) {
		money_format(cents, styles[i], buf, sizeof buf);
		expect_amount(buf, cents);
		char *euro = xasprintf("%s \xe2\x82\xac", buf);
		expect_amount(euro, cents);
		free(euro);
		if (styles[i] == MONEY_FR) {
			char *nbsp = replace_spaces(buf, "\xc2\xa0");
			char *narrow = replace_spaces(buf, "\xe2\x80\xaf");
			expect_amount(nbsp, cents);
			expect_amount(narrow, cents);
			free(nbsp);
			free(narrow);
		}
	}
}

static void round_trip_date(const struct date *d)
{
	char fr[11], iso[11];
	struct date back;
	char *err = NULL;

	date_to_fr(d, fr);
	date_to_iso(d, iso);
	FUZZ_CHECK(T, strlen(fr) == 10 && strlen(iso) == 10, "date %s / %s", fr, iso);
	if (date_parse_fr(fr, &back, &err) != 0)
		fuzz_fail(T, "\"%s\" does not parse back: %s", fr, err ? err : "?");
	FUZZ_CHECK(T,
	           date_compare(d, &back) == 0 && back.year == d->year && back.month == d->month &&
	                   back.day == d->day,
	           "\"%s\" parses back as another date", fr);
	FUZZ_CHECK(T, date_compare(&back, &back) == 0, "date_compare is not reflexive");
}

int fuzz_money_date(const uint8_t *data, size_t size)
{
	char *text = fuzz_strndup(data, size);
	char *err = NULL;
	int64_t cents = 0;
	struct date d;

	if (money_parse(text, &cents, &err) == 0) {
		FUZZ_CHECK(T, cents <= MONEY_MAX_CENTS && cents >= -MONEY_MAX_CENTS,
		           "\"%s\" parsed past the limit: %" PRId64, text, cents);
		round_trip_amount(cents);
	} else {
		FUZZ_CHECK(T, err != NULL, "money_parse failed without a message");
	}
	free(err);
	err = NULL;

	if (date_parse_fr(text, &d, &err) == 0) {
		FUZZ_CHECK(T, date_is_valid(d.year, d.month, d.day), "\"%s\" gave %d-%d-%d", text,
		           d.year, d.month, d.day);
		round_trip_date(&d);
	} else {
		FUZZ_CHECK(T, err != NULL, "date_parse_fr failed without a message");
	}
	free(err);

	if (size >= 8) {
		uint64_t raw = 0;
		for (int i = 0; i < 8; i++)
			raw = raw << 8 | data[i];
		int64_t c = (int64_t)(raw % (2 * (uint64_t)MONEY_MAX_CENTS + 1)) - MONEY_MAX_CENTS;
		round_trip_amount(c);
		/* Small amounts are where the edge cases are. */
		round_trip_amount((int64_t)(int16_t)(raw & 0xffff));
	}
	if (size >= 4) {
		struct date g = { .year = 1 + (data[0] << 8 | data[1]) % 9999,
			          .month = 1 + data[2] % 12,
			          .day = 1 + data[3] % 31 };
		if (date_is_valid(g.year, g.month, g.day))
			round_trip_date(&g);
	}
	free(text);
	return 0;
}

FUZZ_ENTRY(fuzz_money_date)
