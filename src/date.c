/* Calendar dates: parsing the portal's dd/mm/yyyy, printing ISO and French forms. */
#include "date.h"
#include "util/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util/sanitize.h"
#include "util/xalloc.h"

static bool date_is_leap(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

bool date_is_valid(int year, int month, int day)
{
	static const int days_in[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int last;

	if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1)
		return false;
	last = days_in[month - 1] + (month == 2 && date_is_leap(year));
	return day <= last;
}

/* Same whitespace as money: pages pad cells with NBSP as often as spaces. */
static size_t date_space_len(const char *p)
{
	if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
		return 1;
	if ((unsigned char)p[0] == 0xc2 && (unsigned char)p[1] == 0xa0)
		return 2;
	if ((unsigned char)p[0] == 0xe2 && (unsigned char)p[1] == 0x80 &&
	    (unsigned char)p[2] == 0xaf)
		return 3;
	return 0;
}

static const char *date_skip_space(const char *p)
{
	size_t n;

	while ((n = date_space_len(p)))
		p += n;
	return p;
}

/* Reads min..max decimal digits; returns the number or -1. */
static int date_read_number(const char **p, int min, int max)
{
	int value = 0, n = 0;

	while (n < max && **p >= '0' && **p <= '9') {
		value = value * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	if (n < min || (**p >= '0' && **p <= '9'))
		return -1;
	return value;
}

static int date_error(char **errp, const char *why, const char *text)
{
	char *shown;

	if (!errp)
		return -1;
	shown = sanitize_text(text, strlen(text), SANITIZE_SINGLE_LINE, 40);
	set_error(errp, "%s: \"%s\"", why, shown);
	free(shown);
	return -1;
}

int date_parse_fr(const char *text, struct date *out, char **errp)
{
	const char *p;
	char sep;
	int day, month, year;

	if (!text)
		return set_error(errp, _("no date"));
	p = date_skip_space(text);
	if (*p == '\0')
		return set_error(errp, _("empty date"));
	if ((day = date_read_number(&p, 1, 2)) < 0)
		return date_error(errp, "not a dd/mm/yyyy date", text);
	sep = *p;
	if (sep != '/' && sep != '-' && sep != '.')
		return date_error(errp, "not a dd/mm/yyyy date", text);
	p++;
	/* Both separators must agree: "05/09-2022" is more likely garbage. */
	if ((month = date_read_number(&p, 1, 2)) < 0 || *p++ != sep)
		return date_error(errp, "not a dd/mm/yyyy date", text);
	if ((year = date_read_number(&p, 4, 4)) < 0)
		return date_error(errp, "year must have four digits", text);
	if (*date_skip_space(p) != '\0')
		return date_error(errp, "unexpected text after the date", text);
	if (!date_is_valid(year, month, day))
		return date_error(errp, "no such date", text);
	out->year = year;
	out->month = month;
	out->day = day;
	return 0;
}

/* The modulo keeps even a corrupt struct within the 11 bytes promised. */
/* Digits by hand: snprintf costs more than the rest of an invoice row. */
static char *put_digits(char *p, unsigned value, int width)
{
	for (int i = width - 1; i >= 0; i--) {
		p[i] = (char)('0' + value % 10);
		value /= 10;
	}
	return p + width;
}

char *date_to_iso(const struct date *d, char *buf)
{
	char *p = put_digits(buf, (unsigned)d->year % 10000u, 4);
	*p++ = '-';
	p = put_digits(p, (unsigned)d->month % 100u, 2);
	*p++ = '-';
	p = put_digits(p, (unsigned)d->day % 100u, 2);
	*p = '\0';
	return buf;
}

char *date_to_fr(const struct date *d, char *buf)
{
	char *p = put_digits(buf, (unsigned)d->day % 100u, 2);
	*p++ = '/';
	p = put_digits(p, (unsigned)d->month % 100u, 2);
	*p++ = '/';
	p = put_digits(p, (unsigned)d->year % 10000u, 4);
	*p = '\0';
	return buf;
}

int date_compare(const struct date *a, const struct date *b)
{
	if (a->year != b->year)
		return a->year < b->year ? -1 : 1;
	if (a->month != b->month)
		return a->month < b->month ? -1 : 1;
	if (a->day != b->day)
		return a->day < b->day ? -1 : 1;
	return 0;
}

/* Days since 0000-03-01 in the proleptic Gregorian calendar (Howard
 * Hinnant's days_from_civil): exact, and no time_t or time zone involved,
 * so "in 3 days" never depends on a DST change. */
static long days_from_civil(int year, int month, int day)
{
	long y = year - (month <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long mp = (month + 9) % 12;
	long doy = (153 * mp + 2) / 5 + day - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe;
}

static struct date civil_from_days(long z)
{
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	struct date d;
	d.day = (int)(doy - (153 * mp + 2) / 5 + 1);
	d.month = (int)(mp < 10 ? mp + 3 : mp - 9);
	d.year = (int)(yoe + era * 400 + (d.month <= 2));
	return d;
}

long date_days_between(const struct date *from, const struct date *to)
{
	return days_from_civil(to->year, to->month, to->day) -
	       days_from_civil(from->year, from->month, from->day);
}

struct date date_add_days(const struct date *d, long n)
{
	return civil_from_days(days_from_civil(d->year, d->month, d->day) + n);
}

struct date date_today(void)
{
	struct date d = { 1970, 1, 1 };
	time_t now = time(NULL);
	struct tm tm;

	if (localtime_r(&now, &tm)) {
		d.year = tm.tm_year + 1900;
		d.month = tm.tm_mon + 1;
		d.day = tm.tm_mday;
	}
	return d;
}
